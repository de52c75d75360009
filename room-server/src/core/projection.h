// What each connection may see: the one place that filters events and state per viewer.
#pragma once

#include "shared/domain/command.h"

namespace room::core {

/// Who is looking: the participant behind a connection and their role.
struct Viewer {
    ParticipantId id;
    Role role = Role::Guest;
};

/// How a viewer receives an event.
enum class View {
    Hidden,   ///< not at all (a restricted document they may not read)
    Full,     ///< as stored
    Redacted, ///< with the parts they may not see yet removed (see redacted())
};

/// How this viewer receives this event. Decided from the event alone (events that concern a
/// restricted document carry its audience), so it is the same at fan-out and at catch-up:
/// - document events: Full for those who may read the document, Hidden for others;
/// - poll.ballot_cast (a named ballot): Full for the chair, secretary and administrator; Redacted
///   (no choices) for everyone else — the voter included, whose tablet knows what it sent — until
///   the result is published, which then carries every ballot. The rule is per role, never per
///   person, so one frame serves every viewer of a role however many ballots a commit holds;
/// - poll.closed: Full (with the count) for the chair, secretary and administrator; Redacted for
///   everyone else, who learn the count from poll.published;
/// - everything else, including poll.voted (a secret ballot: who voted, never what): Full.
View viewOf(const Event& e, const Viewer& v);

/// The event as a Redacted viewer receives it: same seq, time, actor and type, payload trimmed.
Event redacted(const Event& e);

/// True when every viewer receives the event in full (the common case: one frame serves every
/// connection).
bool fullForAll(const Event& e);

/// The state as this viewer may see it: restricted documents they may not read are removed, and
/// so are the parts of polls they may not see yet (named choices and the count, for everyone but
/// the chair, secretary and administrator, until the result is published). A replica that folds the events this viewer receives equals it.
Json projectState(const State& s, const Viewer& v);

} // namespace room::core
