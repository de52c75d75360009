// Meeting states for the gallery, made by the domain's own rules from the demo meeting.
#pragma once

#include <string>

#include "shared/domain/state.h"

namespace room::tablet::gallery {

/// Moments of the demo session, each later one containing the earlier ones.
enum class Moment {
    BeforeOpening, ///< defined, most members checked in, one excused absence, one proxy
    ItemUnderWay,  ///< open, on item 2.1, nobody speaking yet
    Debate,        ///< open, on item 2.1, a speaker with time running and a queue with a point of order
    Presenting,    ///< the debate's speaker finished; the chair shows page 2 of the real document
    VoteOpen,      ///< a named vote under way on item 3, some ballots in
    VoteResult,    ///< that vote closed and published
};

/// The demo meeting (assets/demo/meeting.json, from the gallery's resources) taken to `moment` by
/// deciding and applying commands, exactly as the server would. Throws std::runtime_error when a
/// command is refused (the fixture no longer fits the rules).
State demoState(Moment moment);

/// A Vietnamese administrative document of several pages (a "tờ trình"), made with the PDF
/// composer and the system's Liberation Serif, for the viewer's pictures.
const std::string& demoPdf();

/// The server time a picture of `state` is taken at: a little after its last event, so that
/// countdowns show time running.
TimeMs fixtureNow(const State& state);

} // namespace room::tablet::gallery
