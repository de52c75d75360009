// Polls (biểu quyết): their definition, lifecycle and ballots, and the secret ballot box.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/majority.h"
#include "shared/domain/types.h"

namespace room {

struct Event;

enum class PollStatus {
    Draft,     ///< prepared, not yet open
    Open,      ///< ballots are being cast
    Closed,    ///< counted; the result is known to the chair and secretary, and to all once published
    Cancelled, ///< stopped by the chair with a reason; nothing was decided
};
std::string_view pollStatusName(PollStatus s); ///< "draft", "open", "closed", "cancelled"
std::optional<PollStatus> pollStatusFromName(std::string_view s);

/// One member's ballot as the state holds it.
///
/// Named polls: `choices` are the option indexes chosen (empty = abstain), for the viewers that may
/// see them (staff, the voter and whoever cast it for them; everyone once the result is published).
/// Secret polls: the ballot only records that the member has voted; `choices` is never set, on the
/// server or anywhere else — the choice went into the BallotBox, which no one can join back.
struct Ballot {
    ParticipantId voter;  ///< the member whose vote this is
    ParticipantId by;     ///< who cast it: the voter, or the holder of their proxy
    std::int64_t weight = 1;
    std::optional<std::vector<int>> choices;
    Seq seq = 0;          ///< the event that recorded it (the latest one when changed)
    TimeMs at = 0;
};

/// What is known after the count: the counted ballots, who could vote, and the decision.
struct PollCount {
    Tally tally;
    Electorate electorate;
    Json result; ///< toJson(VoteResult)
};

struct Poll {
    PollId id;
    std::string question;      ///< the motion or question put to the vote
    ItemId item;               ///< agenda item it belongs to (may be empty)
    BallotForm form;
    MajorityRule rule;
    bool secret = false;       ///< bỏ phiếu kín: no one can learn who chose what
    bool allowChange = false;  ///< named polls only: a ballot may be changed until the close
    bool publishOnClose = true;///< closing also shows the result to the room
    int seconds = 0;           ///< countdown once opened; 0 = closed by the chair only
    PollId rerunOf;            ///< the poll this one repeats (may be empty)

    PollStatus status = PollStatus::Draft;
    ParticipantId createdBy;
    TimeMs createdAt = 0;
    TimeMs openedAt = 0;
    TimeMs closesAt = 0;       ///< openedAt + seconds; 0 without a countdown
    TimeMs closedAt = 0;
    std::string closedBy;      ///< "chair" or "timer"
    Seq closedSeq = 0;         ///< the poll.closed event (its hash anchors the result record)
    std::string cancelReason;
    TimeMs cancelledAt = 0;
    bool published = false;
    TimeMs publishedAt = 0;

    std::map<ParticipantId, Ballot> ballots; ///< by voter
    std::optional<PollCount> count;          ///< set at the close (for viewers: once published)

    std::int64_t voted() const { return static_cast<std::int64_t>(ballots.size()); }
};

/// The secret part of the room: running tallies of open secret polls. It lives only on the server
/// (in memory and in its own table, never in the event log or in any frame) and each tally leaves
/// it at the close, when it becomes the counts of the poll.closed event.
struct BallotBox {
    std::map<PollId, Tally> tallies;

    /// Adds one ballot with its weight. `choices` are validated option indexes (empty = abstain).
    void add(const Poll& poll, const std::vector<int>& choices, std::int64_t weight);
    /// The tally of a poll (an empty one with the poll's options when no ballot was cast).
    Tally tallyOf(const Poll& poll) const;
    /// Drops the tallies of polls that an event ends (poll.closed, poll.cancelled).
    void apply(const Event& e);
};

/// A secret ballot decided by the rules: it goes into the BallotBox in the same transaction as the
/// poll.voted event that records who voted.
struct SealedBallot {
    PollId poll;
    std::vector<int> choices;
    std::int64_t weight = 1;
};

/// The weight a ballot adds to the tally's weighted sums: the member's weight when the rule uses
/// weights, else 1 (so a secret poll's published sums never single out a member by a distinctive
/// weight that played no part in the decision).
std::int64_t countedWeight(const Poll& poll, std::int64_t memberWeight);

/// An empty tally shaped for the form.
Tally emptyTally(const BallotForm& form);
/// Adds one ballot to a tally.
void addToTally(Tally& t, const std::vector<int>& choices, std::int64_t weight);
/// The tally of a named poll, counted from its ballots (ballots whose choices are unknown are skipped).
Tally tallyOfBallots(const Poll& poll);

/// Who could vote at the close of a poll: the members present or represented as the quorum counts
/// them, plus members who voted and have left since (their ballot counts, so they took part).
Electorate pollElectorate(const State& s, const Poll& poll);

/// Who may vote in this poll right now, and how many of them have: "x of y have voted".
struct Turnout {
    std::int64_t voted = 0;
    std::int64_t eligible = 0; ///< members present, members whose proxy holder is present (whether
                               ///< or not proxies count for quorum), and members who voted
};
Turnout turnout(const State& s, const Poll& poll);

// ---- JSON ----------------------------------------------------------------------------------------

Json toJson(const BallotForm& f);
Json toJson(const Tally& t);
Json toJson(const Electorate& e);
Json toJson(const Ballot& b);
Json toJson(const PollCount& c);
/// The definition of a poll (what poll.created carries): id, question, item, kind, options,
/// abstain_label, max_choices, secret, allow_change, publish_on_close, seconds, rule, rerun_of.
Json pollDefinitionJson(const Poll& p);
/// The whole poll as the state holds it (the definition plus its lifecycle, ballots and count).
Json toJson(const Poll& p);

// The readers below throw nlohmann::json::exception on malformed input (they read stored data).
BallotForm ballotFormFromJson(const Json& j);
Tally tallyFromJson(const Json& j);
Electorate electorateFromJson(const Json& j);
Ballot ballotFromJson(const Json& j);
PollCount pollCountFromJson(const Json& j);
Poll pollFromDefinitionJson(const Json& j);
Poll pollFromJson(const Json& j);

} // namespace room
