#include "room-server/src/core/engine.h"

#include "room-server/src/core/log.h"

#include <set>

namespace room::core {

Engine::Engine(storage::Database& db, std::function<TimeMs()> clock) : m_db(db), m_clock(std::move(clock)) {}

Status Engine::load() {
    State s;
    Seq after = 0;
    for (;;) {
        auto batch = m_db.eventsAfter(after, 2000);
        if (!batch) return batch.error();
        if (batch->empty()) break;
        for (const auto& e : *batch) {
            apply(s, e);
            m_recent.push_back(e);
            if (m_recent.size() > kRecentEvents) m_recent.pop_front();
            after = e.seq;
        }
    }
    m_state = std::move(s);
    auto boxes = m_db.ballotBoxes();
    if (!boxes) return boxes.error();
    m_box = BallotBox{};
    for (const auto& [poll, text] : *boxes) {
        const Poll* p = m_state.poll(poll);
        if (!p || p->status != PollStatus::Open) continue; // a leftover of a poll that ended
        try {
            m_box.tallies[poll] = tallyFromJson(Json::parse(text));
        } catch (const nlohmann::json::exception& e) {
            return Error::make(ErrorCode::Internal, "the ballot box of poll '" + poll + "' is unreadable: " + e.what(),
                               "không đọc được hòm phiếu của cuộc biểu quyết '" + poll + "'");
        }
    }
    return Ok{};
}

Status Engine::sweepBallotBox() {
    // Tallies of polls that have ended must not stay on disk (a crash may have come between the
    // close and the clean-up).
    auto boxes = m_db.ballotBoxes();
    if (!boxes) return boxes.error();
    for (const auto& [poll, text] : *boxes)
        if (!m_box.tallies.count(poll))
            if (auto st = m_db.deleteBallotBox(poll); !st) return st.error();
    m_checkpointOwed = true;
    truncateWal();
    return Ok{};
}

std::vector<Event> Engine::runBatch(std::vector<Submission>& batch) {
    std::vector<Event> appended;
    std::vector<CommandOutcome> outcomes(batch.size());
    if (batch.empty()) return appended;
    const auto started = std::chrono::steady_clock::now();

    auto failAll = [&](const Error& e) {
        ++m_stats.commitFailures;
        log::error("commit_failed", {{"message", e.message}, {"commands", batch.size()}});
        for (auto& sub : batch)
            if (sub.done) sub.done(CommandOutcome{false, 0, false, {}, Error::make(ErrorCode::Internal,
                "the server could not store this; nothing was changed (" + e.message + ")",
                "máy chủ không lưu được; chưa có gì thay đổi")});
        return std::vector<Event>{};
    };

    if (auto st = m_db.begin(); !st) return failAll(st.error());
    // Decisions are made against a working copy, so a failed commit leaves m_state untouched.
    State working = m_state;
    BallotBox box = m_box;
    std::set<PollId> boxChanged;  ///< secret polls whose tally this batch changed or ended
    bool secretEnded = false;
    const TimeMs now = m_clock();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        auto& sub = batch[i];
        auto& out = outcomes[i];
        if (!sub.commandId.empty()) {
            auto prior = m_db.findCommand(sub.actor.id, sub.commandId);
            if (!prior) {
                m_db.rollback();
                return failAll(prior.error());
            }
            if (*prior) {
                out = CommandOutcome{true, (*prior)->lastSeq, true, {}, {}};
                if ((*prior)->lastSeq > 0) {
                    auto h = m_db.eventHash((*prior)->lastSeq);
                    if (h && *h) out.hash = **h;
                }
                continue;
            }
        }
        auto decided = decide(working, box, sub.actor, sub.command, now);
        if (!decided) {
            out = CommandOutcome{false, 0, false, {}, decided.error()};
            continue;
        }
        for (const auto& sealed : decided->sealed) {
            if (const Poll* p = working.poll(sealed.poll)) {
                box.add(*p, sealed.choices, sealed.weight);
                boxChanged.insert(sealed.poll);
            }
        }
        Seq first = 0;
        for (const auto& draft : decided->events) {
            auto ev = m_db.appendEvent(now, sub.actor.id, draft.type, draft.payload);
            if (!ev) {
                m_db.rollback();
                return failAll(ev.error());
            }
            if (first == 0) first = ev->seq;
            if (ev->type == "poll.closed" || ev->type == "poll.cancelled") {
                const Poll* p = working.poll(ev->payload.value("poll", std::string{}));
                if (p && p->secret) {
                    boxChanged.insert(p->id);
                    secretEnded = true;
                }
            }
            box.apply(*ev);
            apply(working, *ev);
            appended.push_back(std::move(ev).value());
        }
        if (!sub.commandId.empty()) {
            if (auto st = m_db.recordCommand(sub.actor.id, sub.commandId, first, working.seq, now); !st) {
                m_db.rollback();
                return failAll(st.error());
            }
        }
        out = CommandOutcome{true, working.seq, false, m_db.headHashHex(), {}};
    }
    // The box holds tallies only, updated in place: one row per open secret poll.
    for (const auto& poll : boxChanged) {
        auto t = box.tallies.find(poll);
        auto st = t != box.tallies.end() ? m_db.putBallotBox(poll, toJson(t->second).dump()) : m_db.deleteBallotBox(poll);
        if (!st) {
            m_db.rollback();
            return failAll(st.error());
        }
    }
    if (auto st = m_db.commit(); !st) {
        m_db.rollback();
        return failAll(st.error());
    }
    m_state = std::move(working);
    m_box = std::move(box);
    // Earlier versions of an ended poll's tally row are still in the WAL; they go before anyone
    // is told. (A reader in another process can make this fail; it is retried after each batch.)
    if (secretEnded) m_checkpointOwed = true;
    truncateWal();
    for (const auto& e : appended) {
        m_recent.push_back(e);
        if (m_recent.size() > kRecentEvents) m_recent.pop_front();
    }

    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    ++m_stats.batches;
    m_stats.commands += static_cast<std::int64_t>(batch.size());
    m_stats.lastCommitMs = ms;
    m_stats.commitMsSum += ms;
    std::size_t b = 0;
    while (b < kCommitBucketBounds.size() && ms > kCommitBucketBounds[b]) ++b;
    ++m_stats.commitBuckets[b];

    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (!outcomes[i].ok) ++m_stats.rejected;
        if (batch[i].done) batch[i].done(outcomes[i]);
    }
    return appended;
}

void Engine::truncateWal() {
    if (!m_checkpointOwed) return;
    if (auto st = m_db.checkpointTruncate(); !st) {
        log::warn("checkpoint_failed", {{"message", st.error().message}});
        return;
    }
    m_checkpointOwed = false;
}

Result<std::vector<Event>> Engine::eventsAfter(Seq after, std::size_t limit) {
    if (!m_recent.empty() && after >= m_recent.front().seq - 1) {
        std::vector<Event> out;
        for (const auto& e : m_recent) {
            if (e.seq <= after) continue;
            if (out.size() >= limit) break;
            out.push_back(e);
        }
        return out;
    }
    return m_db.eventsAfter(after, limit);
}

} // namespace room::core
