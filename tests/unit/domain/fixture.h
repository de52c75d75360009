// Test fixture for the domain: a realistic provincial People's Committee meeting and a `Given`
// that decides commands and folds the resulting events, as the server's engine does.
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "shared/domain/command.h"

namespace room::test {

inline constexpr TimeMs kT0 = 1'767'571'200'000; // 2026-01-05 08:00 (UTC+7 as UTC epoch, close enough)
inline constexpr TimeMs kStep = 1'000;           // each command takes one second unless told

// ---- who is in the room ------------------------------------------------------------------------

inline const Actor kChair{"ct", Role::Chair};
inline const Actor kSecretary{"tk", Role::Secretary};
inline const Actor kGuest{"kb", Role::Guest};
inline const Actor kDisplay{"mh", Role::Display};
inline const Actor kAdmin{"qt", Role::Admin};
inline const Actor kSystem{std::string(kSystemActor), Role::Admin};
inline constexpr int kDelegates = 8;
inline constexpr int kMembers = kDelegates + 1; // the delegates and the chair

/// Delegate i in 1..8 ("d1".."d8").
inline Actor delegate(int i) { return Actor{"d" + std::to_string(i), Role::Delegate}; }
inline std::string hexId(char c) { return std::string(64, c); }

Json participantJson(const std::string& id, const std::string& name, const std::string& position,
                     const std::string& role);
/// The default meeting: "Phiên họp thường kỳ tháng 01/2026" of UBND tỉnh Thanh Hóa.
Json meetingArgs();
/// A meeting with `members` members m1..mN (m1 chairs) plus a secretary "tk" and a guest "kb" (not
/// members). With no members, m1 is a non-voting chair.
Json meetingArgsWithMembers(int members, Json quorum = nullptr, bool proxiesCount = true);
/// Document arguments for document.add.
Json docArgs(char idChar, int pages = 12, const std::string& audience = "meeting", Json listed = nullptr,
             const std::string& item = {});

/// Event types of a decision, in order.
std::vector<std::string> types(const std::vector<EventDraft>& ev);

// ---- Given: decide, then fold ------------------------------------------------------------------

struct Given {
    State s;
    BallotBox box; ///< the server's secret tallies, kept as the engine keeps them
    std::vector<Event> log;
    TimeMs clock = kT0;

    /// Decides without applying.
    Result<std::vector<EventDraft>> decideAs(const Actor& a, const std::string& type, Json args = Json::object()) const;
    /// Decides and applies; the command must succeed. Returns the events it produced. The clock
    /// then moves on by kStep.
    std::vector<Event> run(const Actor& a, const std::string& type, Json args = Json::object());
    /// The command must fail with `code`; checks that nothing changed and that the error has
    /// messages in both languages. Returns the error.
    Error fail(const Actor& a, const std::string& type, Json args, ErrorCode code);
    /// Applies a hand-made event (as if read from a log), assigning seq and time.
    void applyRaw(const std::string& type, Json payload, const std::string& actor = "system");

    void wait(TimeMs ms) { clock += ms; }
    Json json() const { return toJson(s); }
    Json boxJson() const {
        Json j = Json::object();
        for (const auto& [id, t] : box.tallies) j[id] = toJson(t);
        return j;
    }
    const AgendaItem& item(const std::string& id) const;
    const Attendance& att(const std::string& id) const;
    std::vector<std::string> floor() const;
    std::vector<std::string> interpellation() const;
};

/// States of the default meeting, each built only by commands.
Given drafted();   ///< nothing defined
Given defined();   ///< defined, scheduled
Given opened();    ///< opened; nobody checked in
Given seated();    ///< opened; chair, secretary, 8 delegates and the guest checked in
/// A long realistic session: roll call, proxies, agenda with sub-items, speakers in both queues,
/// documents, presentation, announcements, and the closing. Returns the Given afterwards.
Given fullSession();

/// `Json` without the seq/time keys, to compare states "except for the fold counters".
Json withoutCounters(Json j);

} // namespace room::test
