// The room server's SQLite database: the hash-chained event log, command dedupe, secrets and the
// ballot box of open secret polls.
#pragma once

#include "shared/crypto/hash.h"
#include "shared/domain/event.h"
#include "shared/domain/result.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace room::storage {

/// An event with its chain links, as stored.
struct StoredEvent : Event {
    std::string prevHash; ///< lowercase hex SHA-256 of the previous event (64 zeros for seq 1)
    std::string hash;     ///< lowercase hex SHA-256(prev hash bytes ‖ canonical JSON of this event)
};

/// A command that was already executed: the events it produced, for idempotent retries.
struct CommandRecord {
    std::string actor;
    std::string commandId;
    Seq firstSeq = 0; ///< 0 when the command produced no events
    Seq lastSeq = 0;
    TimeMs time = 0;
};

/// A participant's PIN hash and lockout counters.
struct Credential {
    std::string pinHash;    ///< crypto::hashPin() output; never the PIN itself
    int failedAttempts = 0; ///< consecutive wrong PINs
    TimeMs lockedUntil = 0; ///< 0 when not locked
};

/// A login session, found by the SHA-256 of its bearer token.
struct SessionRecord {
    std::string tokenHash; ///< lowercase hex SHA-256 of the token; the token itself is never stored
    ParticipantId participant;
    std::string role;      ///< roleName() at login
    TimeMs createdAt = 0;
    TimeMs expiresAt = 0;
};

/// One connection to the database file. Not thread-safe: exactly one thread (the domain thread)
/// owns a Database and makes every call on it. Other processes may read the file at the same time
/// (WAL), e.g. `room-server verify-log`.
///
/// The event log is append-only and hash-chained: event n stores prev_hash = hash of event n-1
/// (32 zero bytes for n = 1) and hash = SHA-256(prev_hash bytes ‖ canonicalEventJson(event)).
/// Seqs are 1, 2, 3 … without gaps. Credentials, sessions, login tokens, settings and the ballot
/// box are kept in their own tables and never enter the log, which is sent to clients.
///
/// The connection runs with secure_delete on: content that is deleted or replaced is overwritten
/// with zeros in its page, so the only old copies of it are page versions still in the WAL, which
/// checkpointTruncate() removes.
///
/// Writes made outside begin()/commit() are committed one statement at a time; the engine groups
/// a batch of commands into one transaction so they become durable with a single fsync.
class Database {
public:
    /// Opens or creates the database at `file` (creating parent directories), in WAL mode with
    /// synchronous=FULL, secure_delete on, foreign keys on and a busy timeout, and migrates it to
    /// the latest schema. Errors: Internal, with `file` in the message (cannot create or open, not a
    /// database, schema newer than this build, a migration failed).
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& file);
    /// Opens an existing database for reading only (tools that check a log, perhaps an archived
    /// copy): no migration, no settings changed; every write fails. Errors: NotFound, Internal
    /// (not a database, or no event log in it).
    static Result<std::unique_ptr<Database>> openReadOnly(const std::filesystem::path& file);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Starts a write transaction. Errors: InvalidState (one is already open), Internal.
    Status begin();
    /// Makes everything since begin() durable. On error the transaction may still be open: call
    /// rollback(). Errors: InvalidState (none open), Internal.
    Status commit();
    /// Discards everything since begin() and restores headSeq()/headHashHex(). Safe to call when
    /// no transaction is open, and after a failed commit().
    void rollback();
    /// True between begin() and commit()/rollback().
    bool inTransaction() const { return m_inTransaction; }

    /// Appends an event with seq = headSeq() + 1 and links it into the chain. The returned event
    /// is exactly what readers will get back (its payload went through the stored JSON text).
    /// Errors: InvalidArgument (a string is not valid UTF-8), Internal.
    Result<Event> appendEvent(TimeMs time, const std::string& actor, const std::string& type, const Json& payload);
    /// Seq of the last appended event (0 for an empty log), including uncommitted ones.
    Seq headSeq() const { return m_headSeq; }
    /// Lowercase hex hash of the last appended event (64 zeros for an empty log).
    std::string headHashHex() const { return crypto::toHex(m_headHash); }
    /// Up to `limit` events with seq > `after`, in seq order. Errors: Internal.
    Result<std::vector<Event>> eventsAfter(Seq after, std::size_t limit);
    /// Like eventsAfter(), with the stored chain links.
    Result<std::vector<StoredEvent>> storedEventsAfter(Seq after, std::size_t limit);
    /// The stored hash (lowercase hex) of event `seq`, as storedEventsAfter() returns it; nullopt
    /// when there is no such event (including uncommitted ones rolled back). Errors: Internal.
    Result<std::optional<std::string>> eventHash(Seq seq);

    /// The record of an executed command, if any.
    Result<std::optional<CommandRecord>> findCommand(const std::string& actor, const std::string& commandId);
    /// Records an executed command. Errors: Duplicate ((actor, commandId) already recorded), Internal.
    Status recordCommand(const std::string& actor, const std::string& commandId, Seq firstSeq, Seq lastSeq,
                         TimeMs time);

    /// Sets (or replaces) a participant's PIN hash; lockout counters are left as they are.
    Status setPinHash(const ParticipantId& participant, const std::string& pinHash);
    /// The participant's credential, or nullopt when no PIN was ever set.
    Result<std::optional<Credential>> credential(const ParticipantId& participant);
    /// Stores the lockout counters after a wrong PIN. Errors: NotFound (no credential), Internal.
    Status recordLoginFailure(const ParticipantId& participant, int failedAttempts, TimeMs lockedUntil);
    /// Clears the lockout counters. A participant without a credential has nothing to clear: Ok.
    Status resetLoginFailures(const ParticipantId& participant);

    /// Stores a session. Errors: Duplicate (the token hash exists), Internal.
    Status createSession(const std::string& tokenHashHex, const ParticipantId& participant, const std::string& role,
                         TimeMs createdAt, TimeMs expiresAt);
    /// The session, expired or not (callers compare expiresAt with their clock).
    Result<std::optional<SessionRecord>> findSession(const std::string& tokenHashHex);
    /// Ends one session; Ok when it does not exist.
    Status deleteSession(const std::string& tokenHashHex);
    /// Ends every session of a participant (logout everywhere, PIN reset).
    Status deleteSessionsOf(const ParticipantId& participant);

    /// Stores a one-time login token (QR code). Errors: Duplicate, Internal.
    Status createLoginToken(const std::string& tokenHashHex, const ParticipantId& participant, TimeMs expiresAt);
    /// Deletes the token and returns its participant; nullopt when it is unknown, already used
    /// or expired (expiresAt <= now). An expired token is deleted too.
    Result<std::optional<ParticipantId>> consumeLoginToken(const std::string& tokenHashHex, TimeMs now);

    /// Deletes sessions and login tokens that expired at or before `now`; returns how many.
    Result<std::int64_t> purgeExpired(TimeMs now);

    /// Sets a server setting (small key/value pairs kept with the data).
    Status setSetting(const std::string& key, const std::string& value);
    /// A server setting, or nullopt when it was never set.
    Result<std::optional<std::string>> setting(const std::string& key);

    /// Stores (or replaces) the running tally of an open secret poll, as JSON text. Call it in the
    /// transaction that appends the poll.voted event, so the two become durable together.
    /// Errors: Internal.
    Status putBallotBox(const std::string& poll, const std::string& tallyJson);
    /// Drops the tally of a poll (at its close or cancellation); Ok when there is none. The row is
    /// overwritten with spaces before it is deleted and deleted content is zeroed (secure_delete),
    /// so the database page keeps nothing of it; earlier versions of the page stay in the WAL until
    /// checkpointTruncate() runs after the commit.
    Status deleteBallotBox(const std::string& poll);
    /// Every stored tally as (poll, tally JSON), ordered by poll. Errors: Internal.
    Result<std::vector<std::pair<std::string, std::string>>> ballotBoxes();

    /// Copies every committed page of the WAL into the database file and truncates the WAL to
    /// 0 bytes (PRAGMA wal_checkpoint(TRUNCATE)), so no earlier version of a page (e.g. of a
    /// deleted ballot box) remains on disk. Waits up to the busy timeout for other connections'
    /// readers. Errors: InvalidState (inside a transaction), Internal (the checkpoint could not
    /// complete: a reader or writer kept it busy, not every frame was copied, or the WAL file is
    /// not empty afterwards).
    Status checkpointTruncate();

    /// The database file.
    const std::filesystem::path& file() const { return m_file; }

private:
    class Stmt;

    Database(sqlite3* db, std::filesystem::path file);
    Status loadHead();
    Result<Stmt> statement(const char* sql);
    Status exec(const char* sql, const char* what);
    Error failure(const std::string& what) const;
    Error failure(const std::string& what, int rc) const;
    Result<std::vector<StoredEvent>> readEvents(Seq after, std::size_t limit);

    sqlite3* m_db = nullptr;
    std::filesystem::path m_file;
    std::unordered_map<std::string, sqlite3_stmt*> m_statements; ///< prepared once, keyed by SQL text
    bool m_inTransaction = false;
    Seq m_headSeq = 0;
    crypto::Digest m_headHash{};
    // Head at begin(), restored by rollback().
    Seq m_savedSeq = 0;
    crypto::Digest m_savedHash{};
};

} // namespace room::storage
