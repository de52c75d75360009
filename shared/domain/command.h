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

/// Decides a command against the state at time `now`. On success returns the events to append
/// (at least one); on failure an Error, and nothing changes.
Result<std::vector<EventDraft>> decide(const State& s, const Actor& actor, const Command& cmd,
                                       TimeMs now);

} // namespace room
