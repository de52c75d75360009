// Events: the only way state changes. Appended to the log, folded by apply().
#pragma once

#include "shared/domain/state.h"

namespace room {

/// An event as stored in the log and sent to clients.
struct Event {
    Seq seq = 0;
    TimeMs time = 0;
    ParticipantId actor; ///< who caused it ("system" for the server itself)
    std::string type;
    Json payload = Json::object();
};

/// An event decided by the rules but not yet given a sequence number.
struct EventDraft {
    std::string type;
    Json payload = Json::object();
};

Json toJson(const Event& e);
Event eventFromJson(const Json& j); ///< throws nlohmann::json::exception on malformed input

/// Applies one event to the state. Events come from the log and were validated when decided, so
/// apply() is total: an event that does not fit (a bug, or a log from a newer version) is ignored
/// apart from advancing seq, never half-applied.
void apply(State& s, const Event& e);

} // namespace room
