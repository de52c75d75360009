#include "room-server/src/core/engine.h"

#include "room-server/src/core/log.h"

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
            if (sub.done) sub.done(CommandOutcome{false, 0, false, Error::make(ErrorCode::Internal,
                "the server could not store this; nothing was changed (" + e.message + ")",
                "máy chủ không lưu được; chưa có gì thay đổi")});
        return std::vector<Event>{};
    };

    if (auto st = m_db.begin(); !st) return failAll(st.error());
    // Decisions are made against a working copy, so a failed commit leaves m_state untouched.
    State working = m_state;
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
                out = CommandOutcome{true, (*prior)->lastSeq, true, {}};
                continue;
            }
        }
        auto decided = decide(working, sub.actor, sub.command, now);
        if (!decided) {
            out = CommandOutcome{false, 0, false, decided.error()};
            continue;
        }
        Seq first = 0;
        for (const auto& draft : *decided) {
            auto ev = m_db.appendEvent(now, sub.actor.id, draft.type, draft.payload);
            if (!ev) {
                m_db.rollback();
                return failAll(ev.error());
            }
            if (first == 0) first = ev->seq;
            apply(working, *ev);
            appended.push_back(std::move(ev).value());
        }
        if (!sub.commandId.empty()) {
            if (auto st = m_db.recordCommand(sub.actor.id, sub.commandId, first, working.seq, now); !st) {
                m_db.rollback();
                return failAll(st.error());
            }
        }
        out = CommandOutcome{true, working.seq, false, {}};
    }
    if (auto st = m_db.commit(); !st) {
        m_db.rollback();
        return failAll(st.error());
    }
    m_state = std::move(working);
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
