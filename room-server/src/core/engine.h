// The meeting engine: owns the state and the log, decides commands in batches (group commit).
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include "room-server/src/storage/database.h"
#include "shared/domain/command.h"

namespace room::core {

/// The answer to one command, given only after its events are durable.
struct CommandOutcome {
    bool ok = false;
    Seq seq = 0;            ///< last event of the command (ok)
    bool duplicate = false; ///< a retry of a command already applied: nothing new happened
    std::string hash;       ///< hash of event `seq` in the chain (ok and seq > 0): a receipt
    Error error;            ///< !ok
};

struct Submission {
    Actor actor;
    std::string commandId;  ///< client-chosen; empty = no retry protection (internal commands)
    Command command;
    std::function<void(const CommandOutcome&)> done; ///< called on the engine's thread after commit
};

/// Single-threaded: every method runs on the domain thread that owns the database connection.
class Engine {
public:
    explicit Engine(storage::Database& db, std::function<TimeMs()> clock);

    /// Folds the whole log into the state and reads the ballot box. Call once before anything else.
    /// Only reads: tools may load a log the server is serving.
    Status load();
    /// For the one writer, after load(): deletes ballot-box rows of polls that have ended (a crash
    /// between a close and its clean-up leaves one) and truncates the WAL.
    Status sweepBallotBox();

    const State& state() const { return m_state; }
    /// Running tallies of open secret polls. Never sent anywhere; read by poll.close.
    const BallotBox& ballotBox() const { return m_box; }
    Seq head() const { return m_state.seq; }
    /// The chain hash of event head() (64 zeros before the first event), lowercase hex.
    std::string headHash() const { return m_db.headHashHex(); }

    /// Decides every submission against the state in order and commits all their events in one
    /// transaction; only then are the callbacks called. If the commit fails, every submission
    /// fails with Internal and the state is unchanged. Returns the events appended.
    ///
    /// Secret ballots go into the ballot box table in the same transaction as their poll.voted
    /// events. When a batch ends a secret poll, its tally row is deleted and the WAL is
    /// checkpointed and truncated, so no earlier version of the tally stays on disk.
    std::vector<Event> runBatch(std::vector<Submission>& batch);

    /// Events after `after`, for a client catching up: from memory when recent, else the log.
    Result<std::vector<Event>> eventsAfter(Seq after, std::size_t limit);

    struct Stats {
        std::int64_t batches = 0;
        std::int64_t commands = 0;
        std::int64_t rejected = 0;
        std::int64_t commitFailures = 0;
        double lastCommitMs = 0;
        double commitMsSum = 0;
        std::array<std::int64_t, 8> commitBuckets{}; ///< ≤1, 2, 5, 10, 25, 50, 100, +Inf ms
    };
    const Stats& stats() const { return m_stats; }
    static constexpr std::array<double, 7> kCommitBucketBounds{1, 2, 5, 10, 25, 50, 100};

private:
    storage::Database& m_db;
    std::function<TimeMs()> m_clock;
    void truncateWal();

    State m_state;
    BallotBox m_box;
    bool m_checkpointOwed = false; ///< a secret poll ended and the WAL still holds its old tallies
    std::deque<Event> m_recent; ///< the newest events, for cheap catch-up
    Stats m_stats;
    static constexpr std::size_t kRecentEvents = 4096;
};

} // namespace room::core
