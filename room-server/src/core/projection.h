// What each connection may see: the one place that filters events and state per viewer.
#pragma once

#include "shared/domain/command.h"

namespace room::core {

/// Who is looking: the participant behind a connection and their role.
struct Viewer {
    ParticipantId id;
    Role role = Role::Guest;
};

/// May this viewer receive this event? Decided from the event alone (events that concern a
/// restricted document carry its audience), so it is the same at fan-out and at catch-up.
bool visibleTo(const Event& e, const Viewer& v);

/// True when the event is visible to every role and participant (the common case: one frame
/// serves every connection).
bool visibleToAll(const Event& e);

/// The state as this viewer may see it (restricted documents they may not read are removed).
Json projectState(const State& s, const Viewer& v);

} // namespace room::core
