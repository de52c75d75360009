// The outcome of a vote (biểu quyết): quorum, majority rule, winners and the statement of the result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/result.h"
#include "shared/domain/types.h"

namespace room {

struct State;

// ---- the ballot ----------------------------------------------------------------------------------

/// What a ballot asks.
enum class PollKind {
    YesNo, ///< yes / no / abstain on one motion
    OneOf, ///< one choice among options
    UpTo,  ///< up to k choices among candidates (an election of k places)
};
std::string_view pollKindName(PollKind k); ///< "yes_no", "one_of", "up_to"
std::optional<PollKind> pollKindFromName(std::string_view s);

inline constexpr std::string_view kYesLabel = "Đồng ý";
inline constexpr std::string_view kNoLabel = "Không đồng ý";
inline constexpr std::string_view kAbstainLabel = "Không biểu quyết";

/// The ballot paper: its kind, its options and how many may be marked.
struct BallotForm {
    PollKind kind = PollKind::YesNo;
    /// YesNo: exactly {yes, no}. OneOf: at least two options. UpTo: at least k candidates.
    std::vector<std::string> options{std::string(kYesLabel), std::string(kNoLabel)};
    std::string abstainLabel{kAbstainLabel}; ///< the name of an abstention / a blank ballot
    int maxChoices = 1;                      ///< k: 1 unless UpTo; also the number of places to fill

    static BallotForm yesNo(std::string yes = std::string(kYesLabel), std::string no = std::string(kNoLabel),
                            std::string abstain = std::string(kAbstainLabel));
    static BallotForm oneOf(std::vector<std::string> options);
    static BallotForm upTo(int k, std::vector<std::string> candidates);
};

/// Checks a ballot form: a yes/no form has exactly two options and one choice, a one-of form at
/// least two options and one choice, an up-to-k form at least k candidates; labels are non-empty and
/// distinct. Errors are InvalidArgument.
Status validateForm(const BallotForm& form);

/// Votes for one option (or one kind of ballot): a head count and the same ballots by weight.
struct Votes {
    std::int64_t count = 0;
    std::int64_t weighted = 0; ///< sum of the voters' weights (may stay 0 when no rule uses weights)
};

/// The counted ballots of a closed poll.
struct Tally {
    std::vector<Votes> options; ///< parallel to BallotForm::options (YesNo: yes, no)
    Votes ballots;              ///< ballots cast: every member who voted, abstentions included
    Votes abstentions;          ///< ballots with no option chosen (YesNo: the abstain choice)
};

/// Who could have voted, at the close of the poll.
struct Electorate {
    std::int64_t members = 0;       ///< all voting members (tổng số thành viên)
    std::int64_t present = 0;       ///< members present or represented by a proxy, as the quorum counts them
    std::int64_t membersWeight = 0; ///< total weight of all members
    std::int64_t presentWeight = 0; ///< total weight of the members counted in `present`
};

/// The electorate of a meeting right now: members and presence as quorum() counts them, with weights.
Electorate electorate(const State& s);

// ---- the rule ------------------------------------------------------------------------------------

/// What the required fraction is taken of. For a yes/no vote the number compared is the yes votes;
/// for options it is each option's votes. With weights every number below is the weighted one.
enum class MajorityBase {
    /// Votes cast (số phiếu biểu quyết): ballots that chose something — yes + no for a yes/no vote,
    /// ballots marking at least one option otherwise (a ballot counts once however many it marks).
    /// Abstentions and blank ballots are left out, so "more than half of votes cast" means
    /// yes > no; with MajorityRule::countAbstentions they are added to the base (and count against).
    /// Members who did not vote are never part of this base.
    Cast,
    /// Members present (or represented) at close: Electorate::present, whether or not they voted;
    /// not voting and abstaining both count against.
    Present,
    /// All members (tổng số thành viên): Electorate::members, present or not.
    Members,
};
std::string_view majorityBaseName(MajorityBase b); ///< "cast", "present", "members"
std::optional<MajorityBase> majorityBaseFromName(std::string_view s);

inline constexpr int kMaxRuleDen = 1000; ///< largest denominator of a rule's fraction

/// How a vote is decided. A count reaches the rule when count*den > base*num (strict) or
/// count*den >= base*num (not strict), in integers, and the count is above zero: nothing passes
/// or is chosen with no votes. A fraction 0/1 means plurality (most votes; option polls only).
struct MajorityRule {
    MajorityBase base = MajorityBase::Cast;
    Threshold share{1, 2, true};       ///< the fraction of the base needed
    bool countAbstentions = false;     ///< base Cast only: abstentions and blank ballots join the base
    bool weighted = false;             ///< compare weighted votes and weights instead of head counts
    std::optional<Threshold> quorum;   ///< members present at close, as a fraction of all members
                                       ///< (always a head count); unmet → Outcome::NotValid

    /// More than half of votes cast, abstentions not counted: yes > no.
    static MajorityRule simple();
    /// More than half of all members (quá nửa tổng số thành viên).
    static MajorityRule halfOfMembers();
    /// At least two thirds of all members (ít nhất hai phần ba tổng số thành viên).
    static MajorityRule twoThirdsOfMembers();
    /// Most votes wins, whatever its share (option polls only).
    static MajorityRule plurality();
    /// A custom fraction num/den of a base.
    static MajorityRule fraction(int num, int den, bool strict, MajorityBase base);
};

/// Checks a rule on its own: 1 ≤ den ≤ kMaxRuleDen, 0 ≤ num ≤ den, not "more than all", abstentions
/// counted only with base Cast; a quorum needs 1 ≤ num ≤ den. Errors are InvalidArgument.
Status validateRule(const MajorityRule& rule);

/// The rule in words, e.g. "quá nửa tổng số thành viên" / "more than half of all members".
std::string ruleTextVi(const MajorityRule& rule);
std::string ruleTextEn(const MajorityRule& rule);

// ---- the result ----------------------------------------------------------------------------------

enum class Outcome {
    Passed,    ///< yes/no: the motion is adopted; options: at least one option is chosen
    NotPassed, ///< the threshold is not reached (also: no votes at all, or everyone abstained)
    Tie,       ///< equal votes decide and nothing here breaks them (see evaluateVote)
    NotValid,  ///< the quorum was not met at close: the vote has no effect whatever the counts
};
std::string_view outcomeName(Outcome o); ///< "passed", "not_passed", "tie", "not_valid"

/// One option with what it got.
struct OptionResult {
    std::size_t option = 0; ///< index in BallotForm::options
    std::string label;
    std::int64_t votes = 0; ///< the compared number (weighted when the rule uses weights)
    bool reached = false;   ///< votes reach the rule's threshold
};

/// A decided vote: the outcome, the numbers that were compared, and the result in words.
struct VoteResult {
    Outcome outcome = Outcome::NotPassed;
    PollKind kind = PollKind::YesNo;
    MajorityRule rule;

    bool quorumMet = true;
    std::int64_t members = 0;      ///< all members (heads)
    std::int64_t present = 0;      ///< present or represented at close (heads)
    std::int64_t quorumNeeded = 0; ///< smallest `present` that meets the quorum (0 without one)

    std::int64_t ballots = 0;      ///< ballots cast (weighted when the rule uses weights)
    std::int64_t abstentions = 0;  ///< abstentions / blank ballots (weighted likewise)
    std::int64_t base = 0;         ///< the number the fraction is taken of
    std::int64_t needed = 0;       ///< smallest number of votes that reaches the rule
    int places = 1;                ///< how many options can be chosen (k for UpTo, else 1)

    /// YesNo: yes then no. Options: every option, most votes first (equal votes in ballot order).
    std::vector<OptionResult> ranking;
    std::vector<std::size_t> winners; ///< chosen options (indexes), most votes first
    std::vector<std::size_t> tied;    ///< Tie with options: the options the tie is between
    std::string abstainLabel;

    std::string ruleVi, ruleEn;           ///< the rule in words
    std::string statementVi, statementEn; ///< the result stated with its rule
};

/// Decides a closed poll. Pure and exact (integers only).
///
/// Order of the decision: the quorum first (unmet → NotValid); then
/// - YesNo: Passed when yes reaches the rule. Tie when yes == no > 0, yes falls short and one vote
///   moving from no to yes (one unit of weight, with weights) would reach it (e.g. 10–10 of 20
///   members under "more than half of all members", 5–5 under "more than half of votes cast");
///   an equal split that one vote would not decide (3–3 of 20 members) is NotPassed. All
///   abstaining (0–0) and no ballots are NotPassed.
/// - OneOf / UpTo k: options are ranked by votes; those reaching the rule fill the k places in
///   that order. When options with equal votes compete for the last places (at the cut-off, or
///   just below the threshold where one vote would decide between them), the outcome is Tie with
///   `tied` naming them and `winners` holding only those above them — ties are never broken here.
///   Passed when at least one option is chosen (fewer than k may be: the rest stay unfilled);
///   NotPassed when none is.
///
/// Errors (InvalidArgument): an invalid rule or ballot form, plurality on a yes/no vote, negative
/// or inconsistent counts (options not matching the form, more ballots than members, choices not
/// adding up to the ballots), more present than members.
Result<VoteResult> evaluateVote(const BallotForm& form, const MajorityRule& rule, const Tally& tally,
                                const Electorate& electorate);

// ---- JSON ----------------------------------------------------------------------------------------

/// {"base","num","den","strict","weighted","count_abstentions","quorum": null | {"num","den","strict"}}
Json toJson(const MajorityRule& rule);
/// Strict: an object with base, num, den and strict required; weighted, count_abstentions and
/// quorum optional; unknown fields refused. Errors name the field (MissingField / InvalidArgument).
Result<MajorityRule> majorityRuleFromJson(const Json& j);
/// The result as it travels in events (keys sorted; options in ranking order).
Json toJson(const VoteResult& r);

} // namespace room
