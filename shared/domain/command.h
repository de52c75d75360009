// Commands and the rules that turn them into events (or reject them, changing nothing).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "shared/domain/event.h"
#include "shared/domain/result.h"

namespace room {

inline constexpr std::string_view kSystemActor = "system";

/// Who issues a command: an authenticated participant (or the server itself as Admin "system").
struct Actor {
    ParticipantId id;
    Role role = Role::Guest;
};

struct Command {
    std::string type;
    Json args = Json::object();
};

/// Every command type, in one append-only list (the protocol documents each).
std::span<const std::string_view> commandTypes();
bool isCommandType(std::string_view type);

/// The permission table: may a role issue this command type at all? (Finer rules — a delegate may
/// only act for themselves — live in decide().) Unknown types are never allowed.
bool roleMay(Role role, std::string_view type);

/// What a command decided: the events to append (at least one) and, for a secret ballot, the
/// sealed choice that goes into the ballot box instead of the log.
struct Decided {
    std::vector<EventDraft> events;
    std::vector<SealedBallot> sealed;
};

/// Decides a command against the state and the ballot box at time `now`. On failure an Error, and
/// nothing changes.
Result<Decided> decide(const State& s, const BallotBox& box, const Actor& actor, const Command& cmd, TimeMs now);

/// decide() for code that keeps no ballot box (tests, tools): a secret ballot is refused with
/// Internal, everything else is decided as above with an empty box.
Result<std::vector<EventDraft>> decide(const State& s, const Actor& actor, const Command& cmd,
                                       TimeMs now);

} // namespace room
