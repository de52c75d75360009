// The vote evaluator: quorum, majority rules, ties, elections, weights, validation and JSON forms.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "shared/domain/majority.h"
#include "shared/domain/state.h"

using namespace room;

namespace {

using Counts = std::vector<std::int64_t>;

/// A yes/no tally without weights (weighted = count).
Tally yesNo(std::int64_t yes, std::int64_t no, std::int64_t abstain = 0) {
    Tally t;
    t.options = {Votes{yes, yes}, Votes{no, no}};
    t.ballots = Votes{yes + no + abstain, yes + no + abstain};
    t.abstentions = Votes{abstain, abstain};
    return t;
}

/// An option tally without weights: votes per option, ballots cast, blank ballots.
Tally options(const Counts& votes, std::int64_t ballots, std::int64_t blank = 0) {
    Tally t;
    for (auto v : votes) t.options.push_back(Votes{v, v});
    t.ballots = Votes{ballots, ballots};
    t.abstentions = Votes{blank, blank};
    return t;
}

/// Everyone weighs one.
Electorate council(std::int64_t members, std::int64_t present) { return Electorate{members, present, members, present}; }

VoteResult decided(const BallotForm& f, const MajorityRule& rule, const Tally& t, const Electorate& e) {
    auto r = evaluateVote(f, rule, t, e);
    if (!r) FAIL_CHECK(r.error().message);
    REQUIRE(r.ok());
    return *r;
}
VoteResult yesNoVote(const MajorityRule& rule, const Tally& t, const Electorate& e) {
    return decided(BallotForm::yesNo(), rule, t, e);
}

/// The evaluation must fail as InvalidArgument with messages in both languages; returns the error.
Error refused(const BallotForm& f, const MajorityRule& rule, const Tally& t, const Electorate& e) {
    auto r = evaluateVote(f, rule, t, e);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::InvalidArgument);
    CHECK_FALSE(r.error().message.empty());
    CHECK_FALSE(r.error().messageVi.empty());
    return r.error();
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

MajorityRule withQuorum(MajorityRule r, Threshold q) {
    r.quorum = q;
    return r;
}

const Threshold kTwoThirdsAtLeast{2, 3, false};
const BallotForm kCandidates = BallotForm::upTo(2, {"An", "Bình", "Chi", "Dũng"});
const BallotForm kThree = BallotForm::oneOf({"Phương án 1", "Phương án 2", "Phương án 3"});

} // namespace

TEST_SUITE("majority") {

// ---- simple majority of votes cast ---------------------------------------------------------------

TEST_CASE("simple majority: yes > no, abstentions left out of the base") {
    auto r = yesNoVote(MajorityRule::simple(), yesNo(3, 2, 10), council(20, 15));
    CHECK(r.outcome == Outcome::Passed);
    CHECK(r.base == 5);
    CHECK(r.needed == 3);
    CHECK(r.ballots == 15);
    CHECK(r.abstentions == 10);
    CHECK(r.ranking[0].reached);
    CHECK_FALSE(r.ranking[1].reached);
    CHECK(r.winners.empty());

    CHECK(yesNoVote(MajorityRule::simple(), yesNo(2, 3, 10), council(20, 15)).outcome == Outcome::NotPassed);
    CHECK(yesNoVote(MajorityRule::simple(), yesNo(1, 0, 14), council(20, 15)).outcome == Outcome::Passed);
}

TEST_CASE("simple majority: yes == no is a tie, whatever the abstentions") {
    for (std::int64_t n : {1, 5, 9}) {
        CAPTURE(n);
        auto r = yesNoVote(MajorityRule::simple(), yesNo(n, n, 20 - 2 * n), council(20, 20));
        CHECK(r.outcome == Outcome::Tie);
        CHECK(r.needed == n + 1);
        CHECK(contains(r.statementVi, "Số phiếu ngang nhau"));
        CHECK(r.statementEn.rfind("Tie: ", 0) == 0);
    }
}

TEST_CASE("simple majority: everyone abstaining or nobody voting is NotPassed, never a tie") {
    auto allAbstain = yesNoVote(MajorityRule::simple(), yesNo(0, 0, 12), council(20, 12));
    CHECK(allAbstain.outcome == Outcome::NotPassed);
    CHECK(allAbstain.base == 0);
    CHECK(allAbstain.needed == 1);

    auto none = yesNoVote(MajorityRule::simple(), yesNo(0, 0, 0), council(20, 12));
    CHECK(none.outcome == Outcome::NotPassed);
    CHECK(none.ballots == 0);

    // A non-strict fraction of an empty base would be met by zero: zero still never passes.
    auto atLeastHalf = MajorityRule::fraction(1, 2, false, MajorityBase::Cast);
    CHECK(yesNoVote(atLeastHalf, yesNo(0, 0, 0), council(20, 12)).outcome == Outcome::NotPassed);
    CHECK(yesNoVote(atLeastHalf, yesNo(0, 0, 5), council(20, 12)).outcome == Outcome::NotPassed);
    // …and at least half is met by an equal split.
    CHECK(yesNoVote(atLeastHalf, yesNo(4, 4), council(20, 12)).outcome == Outcome::Passed);
}

TEST_CASE("simple majority, abstentions counted: they join the base and count against") {
    auto rule = MajorityRule::simple();
    rule.countAbstentions = true;
    auto r = yesNoVote(rule, yesNo(3, 2, 10), council(20, 15));
    CHECK(r.outcome == Outcome::NotPassed);
    CHECK(r.base == 15);
    CHECK(r.needed == 8);
    CHECK(yesNoVote(rule, yesNo(8, 2, 5), council(20, 15)).outcome == Outcome::Passed);
    // An equal split that one vote would not decide is just short.
    CHECK(yesNoVote(rule, yesNo(3, 3, 4), council(20, 10)).outcome == Outcome::NotPassed);
    // With no abstentions it is the plain tie again.
    CHECK(yesNoVote(rule, yesNo(5, 5, 0), council(20, 10)).outcome == Outcome::Tie);
    CHECK(contains(r.ruleVi, "tính cả phiếu không biểu quyết"));
    CHECK(contains(r.ruleEn, "abstentions counted"));
}

// ---- more than half / two thirds of all members --------------------------------------------------

TEST_CASE("more than half of all members: exactly half fails, half + 1 passes") {
    const auto rule = MajorityRule::halfOfMembers();
    SUBCASE("20 members") {
        auto half = yesNoVote(rule, yesNo(10, 2, 3), council(20, 15));
        CHECK(half.outcome == Outcome::NotPassed);
        CHECK(half.base == 20);
        CHECK(half.needed == 11);
        CHECK(yesNoVote(rule, yesNo(11, 0, 0), council(20, 11)).outcome == Outcome::Passed);
    }
    SUBCASE("21 members") {
        CHECK(yesNoVote(rule, yesNo(10, 0, 0), council(21, 21)).outcome == Outcome::NotPassed);
        auto r = yesNoVote(rule, yesNo(11, 10, 0), council(21, 21));
        CHECK(r.outcome == Outcome::Passed);
        CHECK(r.needed == 11);
    }
    SUBCASE("absent members count against: a unanimous room of too few does not pass") {
        auto r = yesNoVote(rule, yesNo(10, 0, 0), council(20, 10));
        CHECK(r.outcome == Outcome::NotPassed);
    }
}

TEST_CASE("more than half of all members: a tie only when one vote decides it") {
    const auto rule = MajorityRule::halfOfMembers();
    CHECK(yesNoVote(rule, yesNo(10, 10), council(20, 20)).outcome == Outcome::Tie);
    CHECK(yesNoVote(rule, yesNo(3, 3, 2), council(20, 14)).outcome == Outcome::NotPassed);
    CHECK(yesNoVote(rule, yesNo(9, 9, 2), council(20, 20)).outcome == Outcome::NotPassed);
}

TEST_CASE("two thirds of all members: boundaries for 20, 21 and 30 members, at least and more than") {
    struct Row {
        std::int64_t members;
        bool strict;
        std::int64_t needed;
    };
    // 2/3 of 20 = 13.33 → 14 either way; of 21 = 14 → 14 at least, 15 more than; of 30 = 20 → 20 / 21.
    const Row rows[] = {{20, false, 14}, {20, true, 14}, {21, false, 14}, {21, true, 15}, {30, false, 20}, {30, true, 21}};
    for (const auto& row : rows) {
        CAPTURE(row.members);
        CAPTURE(row.strict);
        const auto rule = MajorityRule::fraction(2, 3, row.strict, MajorityBase::Members);
        auto pass = yesNoVote(rule, yesNo(row.needed, 0, 0), council(row.members, row.members));
        CHECK(pass.outcome == Outcome::Passed);
        CHECK(pass.needed == row.needed);
        auto fail = yesNoVote(rule, yesNo(row.needed - 1, 0, 1), council(row.members, row.members));
        CHECK(fail.outcome == Outcome::NotPassed);
    }
    CHECK(MajorityRule::twoThirdsOfMembers().share.strict == false);
    auto r = yesNoVote(MajorityRule::twoThirdsOfMembers(), yesNo(12, 3, 5), council(20, 20));
    CHECK(r.outcome == Outcome::NotPassed);
    CHECK(r.statementVi ==
          "Không được thông qua: 12/20 thành viên tán thành, cần 14 (ít nhất hai phần ba tổng số thành viên). "
          "Đồng ý 12, Không đồng ý 3, Không biểu quyết 5.");
    CHECK(r.statementEn ==
          "Not passed: 12 of 20 members in favour, 14 needed (at least two thirds of all members). "
          "Đồng ý 12, Không đồng ý 3, Không biểu quyết 5.");
}

// ---- custom fractions ----------------------------------------------------------------------------

TEST_CASE("custom fraction: 3/5 of members present") {
    const auto atLeast = MajorityRule::fraction(3, 5, false, MajorityBase::Present);
    const auto moreThan = MajorityRule::fraction(3, 5, true, MajorityBase::Present);
    // 15 present: 3/5 = 9 exactly.
    auto r = yesNoVote(atLeast, yesNo(9, 2, 1), council(20, 15));
    CHECK(r.outcome == Outcome::Passed);
    CHECK(r.base == 15);
    CHECK(r.needed == 9);
    CHECK(yesNoVote(atLeast, yesNo(8, 0, 0), council(20, 15)).outcome == Outcome::NotPassed);
    CHECK(yesNoVote(moreThan, yesNo(9, 0, 0), council(20, 15)).outcome == Outcome::NotPassed);
    CHECK(yesNoVote(moreThan, yesNo(10, 0, 0), council(20, 15)).outcome == Outcome::Passed);
    // Present members who do not vote count against; absent ones do not.
    CHECK(yesNoVote(atLeast, yesNo(9, 0, 0), council(30, 15)).outcome == Outcome::Passed);
    CHECK(r.ruleVi == "ít nhất 3/5 số thành viên có mặt");
    CHECK(r.ruleEn == "at least 3/5 of members present");
    CHECK(ruleTextVi(moreThan) == "trên 3/5 số thành viên có mặt");
}

TEST_CASE("custom fraction: unanimity 1/1 (at least) and fractions written in lowest terms") {
    const auto all = MajorityRule::fraction(1, 1, false, MajorityBase::Present);
    CHECK(yesNoVote(all, yesNo(10, 0, 0), council(12, 10)).outcome == Outcome::Passed);
    CHECK(yesNoVote(all, yesNo(9, 0, 1), council(12, 10)).outcome == Outcome::NotPassed);
    CHECK(ruleTextVi(all) == "100% số thành viên có mặt");
    CHECK(ruleTextEn(MajorityRule::fraction(4, 6, false, MajorityBase::Members)) == "at least two thirds of all members");
    CHECK(ruleTextVi(MajorityRule::fraction(2, 4, true, MajorityBase::Members)) == "quá nửa tổng số thành viên");
    CHECK(ruleTextVi(MajorityRule::fraction(3, 4, false, MajorityBase::Members)) == "ít nhất ba phần tư tổng số thành viên");
    CHECK(ruleTextEn(MajorityRule::fraction(1, 2, false, MajorityBase::Cast)) ==
          "at least half of votes cast, abstentions not counted");
}

// ---- weights -------------------------------------------------------------------------------------

TEST_CASE("weights change the outcome") {
    // Five members; the first weighs 3. Yes: the heavy member and one other; no: the other three.
    Tally t;
    t.options = {Votes{2, 4}, Votes{3, 3}};
    t.ballots = Votes{5, 7};
    t.abstentions = Votes{0, 0};
    const Electorate e{5, 5, 7, 7};

    auto heads = yesNoVote(MajorityRule::simple(), t, e);
    CHECK(heads.outcome == Outcome::NotPassed);

    auto rule = MajorityRule::simple();
    rule.weighted = true;
    auto weighted = yesNoVote(rule, t, e);
    CHECK(weighted.outcome == Outcome::Passed);
    CHECK(weighted.base == 7);
    CHECK(weighted.needed == 4);
    CHECK(weighted.ranking[0].votes == 4);
    CHECK(contains(weighted.ruleVi, "tính theo trọng số"));
    CHECK(contains(weighted.statementVi, "4/7 phiếu theo trọng số tán thành"));

    // Of all members by weight: 4 of 7 > half; by heads 2 of 5 is not.
    auto members = MajorityRule::halfOfMembers();
    CHECK(yesNoVote(members, t, e).outcome == Outcome::NotPassed);
    members.weighted = true;
    CHECK(yesNoVote(members, t, e).outcome == Outcome::Passed);
}

TEST_CASE("weights: the bases of members present and all members use the electorate's weights") {
    Tally t;
    t.options = {Votes{2, 6}, Votes{0, 0}};
    t.ballots = Votes{3, 7};
    t.abstentions = Votes{1, 1};
    const Electorate e{6, 4, 12, 9}; // 6 members weighing 12; 4 present weighing 9
    auto present = MajorityRule::fraction(1, 2, true, MajorityBase::Present);
    present.weighted = true;
    auto r = yesNoVote(present, t, e);
    CHECK(r.base == 9);
    CHECK(r.outcome == Outcome::Passed);
    auto members = MajorityRule::halfOfMembers();
    members.weighted = true;
    auto m = yesNoVote(members, t, e);
    CHECK(m.base == 12);
    CHECK(m.needed == 7);
    CHECK(m.outcome == Outcome::NotPassed);
}

TEST_CASE("electorate of a meeting: members, presence with proxies, weights") {
    State s;
    auto member = [](std::string id, int weight) {
        Participant p;
        p.id = std::move(id);
        p.member = true;
        p.weight = weight;
        return p;
    };
    s.participants = {member("m1", 3), member("m2", 1), member("m3", 2), member("m4", 1)};
    Participant guest;
    guest.id = "kb";
    guest.role = Role::Guest;
    s.participants.push_back(guest);
    s.attendance["m1"].present = true;
    s.attendance["m2"].present = true;
    s.attendance["kb"].present = true;
    s.proxies["m3"] = "m1"; // m3 is represented by m1

    s.meeting.proxiesCountForQuorum = true;
    auto e = electorate(s);
    CHECK(e.members == 4);
    CHECK(e.membersWeight == 7);
    CHECK(e.present == 3);
    CHECK(e.presentWeight == 6);
    CHECK(e.present == quorum(s).counted);

    s.meeting.proxiesCountForQuorum = false;
    e = electorate(s);
    CHECK(e.present == 2);
    CHECK(e.presentWeight == 4);
    CHECK(e.present == quorum(s).counted);
}

// ---- quorum --------------------------------------------------------------------------------------

TEST_CASE("quorum unmet: NotValid even with every vote in favour") {
    const auto rule = withQuorum(MajorityRule::halfOfMembers(), kTwoThirdsAtLeast);
    auto r = yesNoVote(rule, yesNo(13, 0, 0), council(20, 13));
    CHECK(r.outcome == Outcome::NotValid);
    CHECK_FALSE(r.quorumMet);
    CHECK(r.quorumNeeded == 14);
    CHECK(r.present == 13);
    CHECK(r.ranking[0].votes == 13); // kept for the minutes
    CHECK(r.statementVi ==
          "Không hợp lệ, không đủ số thành viên có mặt: 13/20 thành viên, cần 14 (ít nhất hai phần ba tổng số thành viên).");
    CHECK(r.statementEn == "Not valid, no quorum: 13 of 20 members present, 14 needed (at least two thirds of all members).");

    // The same under a simple majority, and for an election.
    CHECK(yesNoVote(withQuorum(MajorityRule::simple(), kTwoThirdsAtLeast), yesNo(13, 0, 0), council(20, 13)).outcome ==
          Outcome::NotValid);
    CHECK(decided(kCandidates, withQuorum(MajorityRule::simple(), kTwoThirdsAtLeast), options({5, 5, 0, 0}, 5), council(9, 5))
              .outcome == Outcome::NotValid);
}

TEST_CASE("quorum met exactly: the vote is decided and the statement says who was present") {
    const auto rule = withQuorum(MajorityRule::halfOfMembers(), kTwoThirdsAtLeast);
    auto r = yesNoVote(rule, yesNo(14, 0, 0), council(20, 14));
    CHECK(r.outcome == Outcome::Passed);
    CHECK(r.quorumMet);
    CHECK(r.statementVi == "Được thông qua: 14/20 thành viên tán thành, cần 11 (quá nửa tổng số thành viên). "
                           "Đồng ý 14, Không đồng ý 0, Không biểu quyết 0. Có mặt 14/20 thành viên (cần 14).");
    CHECK(r.ruleVi == "quá nửa tổng số thành viên; điều kiện: có mặt ít nhất hai phần ba tổng số thành viên");
    CHECK(r.ruleEn == "more than half of all members; quorum: at least two thirds of all members present");
    // A strict quorum: more than half present.
    const auto half = withQuorum(MajorityRule::simple(), Threshold{1, 2, true});
    CHECK(yesNoVote(half, yesNo(10, 0, 0), council(20, 10)).outcome == Outcome::NotValid);
    CHECK(yesNoVote(half, yesNo(11, 0, 0), council(20, 11)).outcome == Outcome::Passed);
}

// ---- labels and statements -----------------------------------------------------------------------

TEST_CASE("yes/no labels: Vietnamese by default, configurable, named in the statement") {
    const auto form = BallotForm::yesNo();
    CHECK(form.options == std::vector<std::string>{"Đồng ý", "Không đồng ý"});
    CHECK(form.abstainLabel == "Không biểu quyết");
    auto r = yesNoVote(MajorityRule::halfOfMembers(), yesNo(15, 3, 2), council(20, 20));
    CHECK(r.statementVi == "Được thông qua: 15/20 thành viên tán thành, cần 11 (quá nửa tổng số thành viên). "
                           "Đồng ý 15, Không đồng ý 3, Không biểu quyết 2.");
    CHECK(r.statementEn == "Passed: 15 of 20 members in favour, 11 needed (more than half of all members). "
                           "Đồng ý 15, Không đồng ý 3, Không biểu quyết 2.");

    auto custom = decided(BallotForm::yesNo("Tán thành", "Không tán thành", "Ý kiến khác"), MajorityRule::simple(),
                          yesNo(10, 10, 1), council(21, 21));
    CHECK(custom.outcome == Outcome::Tie);
    CHECK(custom.statementVi == "Số phiếu ngang nhau: 10/20 phiếu tán thành, 10 không tán thành, cần 11 "
                                "(quá nửa số phiếu biểu quyết, không tính phiếu không biểu quyết). "
                                "Tán thành 10, Không tán thành 10, Ý kiến khác 1.");
    CHECK(custom.ranking[0].label == "Tán thành");
}

// ---- one choice among options --------------------------------------------------------------------

TEST_CASE("one choice: plurality chooses the most votes; a required majority may choose nothing") {
    const auto t = options({7, 5, 4}, 17, 1);
    auto plural = decided(kThree, MajorityRule::plurality(), t, council(20, 17));
    CHECK(plural.outcome == Outcome::Passed);
    CHECK(plural.winners == std::vector<std::size_t>{0});
    CHECK(plural.needed == 1);
    CHECK(plural.statementVi == "Được chọn: Phương án 1 (7/16 phiếu), nhiều phiếu nhất.");
    CHECK(plural.statementEn == "Chosen: Phương án 1 (7 of 16 votes), most votes.");

    auto majority = decided(kThree, MajorityRule::simple(), t, council(20, 17));
    CHECK(majority.outcome == Outcome::NotPassed);
    CHECK(majority.base == 16); // blank ballots left out
    CHECK(majority.needed == 9);
    CHECK(majority.winners.empty());
    CHECK(majority.statementVi == "Không có lựa chọn đạt: nhiều nhất Phương án 1 7/16 phiếu, cần 9 "
                                  "(quá nửa số phiếu biểu quyết, không tính phiếu không biểu quyết).");

    auto clear = decided(kThree, MajorityRule::simple(), options({3, 10, 3}, 16), council(20, 17));
    CHECK(clear.outcome == Outcome::Passed);
    CHECK(clear.winners == std::vector<std::size_t>{1});
    CHECK(clear.ranking[0].option == 1);
    // Equal votes keep ballot order in the ranking.
    CHECK(clear.ranking[1].option == 0);
    CHECK(clear.ranking[2].option == 2);
}

TEST_CASE("one choice: ties at the top") {
    SUBCASE("plurality with two options level at the top") {
        auto r = decided(kThree, MajorityRule::plurality(), options({6, 6, 4}, 16), council(20, 16));
        CHECK(r.outcome == Outcome::Tie);
        CHECK(r.tied == std::vector<std::size_t>{0, 1});
        CHECK(r.winners.empty());
        CHECK(r.statementVi == "Số phiếu ngang nhau giữa Phương án 1, Phương án 2 (mỗi lựa chọn 6/16 phiếu), nhiều phiếu nhất.");
    }
    SUBCASE("majority of votes cast, two options 5–5: one vote would decide, so a tie") {
        auto r = decided(BallotForm::oneOf({"A", "B"}), MajorityRule::simple(), options({5, 5}, 10), council(12, 10));
        CHECK(r.outcome == Outcome::Tie);
        CHECK(r.tied == std::vector<std::size_t>{0, 1});
    }
    SUBCASE("majority of votes cast, 4–4–2: below the threshold and one vote would not decide") {
        auto r = decided(kThree, MajorityRule::simple(), options({4, 4, 2}, 10), council(12, 10));
        CHECK(r.outcome == Outcome::NotPassed);
        CHECK(r.tied.empty());
    }
    SUBCASE("no votes for any option") {
        auto r = decided(kThree, MajorityRule::plurality(), options({0, 0, 0}, 4, 4), council(12, 10));
        CHECK(r.outcome == Outcome::NotPassed);
        CHECK(r.statementEn == "Nothing chosen: no votes for any option (most votes).");
    }
}

// ---- elections: up to k among candidates ---------------------------------------------------------

TEST_CASE("election, 2 places among 4: the two above the threshold are elected") {
    // 15 ballots, each marking up to two candidates; more than half of ballots = 8.
    auto r = decided(kCandidates, MajorityRule::simple(), options({12, 11, 5, 2}, 15), council(15, 15));
    CHECK(r.outcome == Outcome::Passed);
    CHECK(r.base == 15);
    CHECK(r.needed == 8);
    CHECK(r.places == 2);
    CHECK(r.winners == std::vector<std::size_t>{0, 1});
    CHECK(r.statementVi == "Được chọn: An (12/15 phiếu), Bình (11/15 phiếu), cần 8 "
                           "(quá nửa số phiếu biểu quyết, không tính phiếu không biểu quyết).");
    CHECK(r.statementEn == "Chosen: An (12 of 15 votes), Bình (11 of 15 votes), 8 needed "
                           "(more than half of votes cast, abstentions not counted).");
}

TEST_CASE("election: winners ordered by votes, more qualified than places, the best take them") {
    auto r = decided(kCandidates, MajorityRule::simple(), options({9, 12, 10, 0}, 16, 0), council(20, 16));
    CHECK(r.outcome == Outcome::Passed);
    CHECK(r.winners == std::vector<std::size_t>{1, 2});
    CHECK(r.ranking[2].option == 0);
    CHECK(r.ranking[2].reached); // reached the threshold, but no place was left
}

TEST_CASE("election: a tie at the cut-off is reported, never broken") {
    auto r = decided(kCandidates, MajorityRule::simple(), options({12, 9, 9, 0}, 15), council(15, 15));
    CHECK(r.outcome == Outcome::Tie);
    CHECK(r.winners == std::vector<std::size_t>{0});
    CHECK(r.tied == std::vector<std::size_t>{1, 2});
    CHECK(r.statementVi == "Số phiếu ngang nhau giữa Bình, Chi (mỗi lựa chọn 9/15 phiếu); được chọn: An (12/15 phiếu), "
                           "cần 8 (quá nửa số phiếu biểu quyết, không tính phiếu không biểu quyết).");
    CHECK(r.statementEn == "Tie between Bình, Chi (9 of 15 votes each); chosen: An (12 of 15 votes), 8 needed "
                           "(more than half of votes cast, abstentions not counted).");

    // Three level for two places, nobody above them.
    auto three = decided(kCandidates, MajorityRule::simple(), options({9, 9, 9, 3}, 15), council(15, 15));
    CHECK(three.outcome == Outcome::Tie);
    CHECK(three.winners.empty());
    CHECK(three.tied == std::vector<std::size_t>{0, 1, 2});

    // Two level for two places: both elected, no tie.
    auto both = decided(kCandidates, MajorityRule::simple(), options({10, 10, 5, 5}, 15), council(15, 15));
    CHECK(both.outcome == Outcome::Passed);
    CHECK(both.winners == std::vector<std::size_t>{0, 1});
}

TEST_CASE("election: places left unfilled when too few reach the threshold") {
    auto r = decided(kCandidates, MajorityRule::halfOfMembers(), options({12, 7, 6, 5}, 15), council(20, 15));
    CHECK(r.outcome == Outcome::Passed);
    CHECK(r.needed == 11);
    CHECK(r.winners == std::vector<std::size_t>{0});
    CHECK(contains(r.statementVi, "Còn 1/2 vị trí chưa có lựa chọn đạt."));
    CHECK(contains(r.statementEn, "1 of 2 places unfilled."));

    auto none = decided(kCandidates, MajorityRule::halfOfMembers(), options({8, 7, 6, 5}, 13), council(20, 15));
    CHECK(none.outcome == Outcome::NotPassed);
    CHECK(none.winners.empty());
}

TEST_CASE("election: blank ballots and ballots with one mark") {
    // 10 ballots: 2 blank, 8 marking one or two (12 marks).
    auto r = decided(kCandidates, MajorityRule::simple(), options({6, 4, 2, 0}, 10, 2), council(10, 10));
    CHECK(r.base == 8);
    CHECK(r.needed == 5);
    CHECK(r.winners == std::vector<std::size_t>{0});
    auto counted = MajorityRule::simple();
    counted.countAbstentions = true;
    auto c = decided(kCandidates, counted, options({6, 4, 2, 0}, 10, 2), council(10, 10));
    CHECK(c.base == 10);
    CHECK(c.needed == 6);
    CHECK(c.winners == std::vector<std::size_t>{0});
}

TEST_CASE("election of one (k = 1) behaves as one choice") {
    const auto form = BallotForm::upTo(1, {"An", "Bình"});
    CHECK(decided(form, MajorityRule::simple(), options({6, 4}, 10), council(10, 10)).winners == std::vector<std::size_t>{0});
    CHECK(decided(form, MajorityRule::simple(), options({5, 5}, 10), council(10, 10)).outcome == Outcome::Tie);
}

// ---- invalid input -------------------------------------------------------------------------------

TEST_CASE("invalid rules") {
    const auto t = yesNo(5, 3);
    const auto e = council(10, 10);
    const auto form = BallotForm::yesNo();
    SUBCASE("denominator 0") {
        auto err = refused(form, MajorityRule::fraction(1, 0, true, MajorityBase::Cast), t, e);
        CHECK(contains(err.message, "'den'"));
        CHECK(contains(err.messageVi, "mẫu số"));
    }
    SUBCASE("denominator too large") { refused(form, MajorityRule::fraction(1, kMaxRuleDen + 1, true, MajorityBase::Cast), t, e); }
    SUBCASE("numerator above the denominator") {
        auto err = refused(form, MajorityRule::fraction(4, 3, false, MajorityBase::Members), t, e);
        CHECK(contains(err.message, "'num'"));
    }
    SUBCASE("negative numerator") { refused(form, MajorityRule::fraction(-1, 2, true, MajorityBase::Members), t, e); }
    SUBCASE("more than all of the base") {
        auto err = refused(form, MajorityRule::fraction(1, 1, true, MajorityBase::Members), t, e);
        CHECK(contains(err.message, "'strict'"));
    }
    SUBCASE("plurality on a yes/no vote") { refused(form, MajorityRule::plurality(), t, e); }
    SUBCASE("plurality of members") { refused(kThree, MajorityRule::fraction(0, 1, true, MajorityBase::Members), options({1, 0, 0}, 1), e); }
    SUBCASE("abstentions counted with a base other than votes cast") {
        auto rule = MajorityRule::halfOfMembers();
        rule.countAbstentions = true;
        auto err = refused(form, rule, t, e);
        CHECK(contains(err.message, "count_abstentions"));
    }
    SUBCASE("quorum of zero") {
        auto err = refused(form, withQuorum(MajorityRule::simple(), Threshold{0, 3, false}), t, e);
        CHECK(contains(err.message, "'quorum.num'"));
    }
    SUBCASE("quorum with denominator 0") {
        auto err = refused(form, withQuorum(MajorityRule::simple(), Threshold{2, 0, false}), t, e);
        CHECK(contains(err.message, "'quorum.den'"));
    }
    CHECK(validateRule(MajorityRule::simple()).ok());
    CHECK(validateRule(MajorityRule::twoThirdsOfMembers()).ok());
    CHECK(validateRule(MajorityRule::plurality()).ok());
}

TEST_CASE("invalid ballot forms") {
    const auto e = council(10, 10);
    SUBCASE("k < 1") {
        auto err = refused(BallotForm::upTo(0, {"An", "Bình"}), MajorityRule::simple(), options({0, 0}, 0), e);
        CHECK(contains(err.message, "at least 1"));
    }
    SUBCASE("k above the candidates") { refused(BallotForm::upTo(3, {"An", "Bình"}), MajorityRule::simple(), options({0, 0}, 0), e); }
    SUBCASE("one option only") { refused(BallotForm::oneOf({"A"}), MajorityRule::plurality(), options({1}, 1), e); }
    SUBCASE("duplicate labels") { refused(BallotForm::oneOf({"A", "A"}), MajorityRule::plurality(), options({1, 0}, 1), e); }
    SUBCASE("empty label") { refused(BallotForm::oneOf({"A", ""}), MajorityRule::plurality(), options({1, 0}, 1), e); }
    SUBCASE("yes/no with three options") {
        BallotForm f = BallotForm::yesNo();
        f.options.push_back("Ý kiến khác");
        refused(f, MajorityRule::simple(), options({1, 0, 0}, 1), e);
    }
}

TEST_CASE("invalid counts") {
    const auto form = BallotForm::yesNo();
    const auto rule = MajorityRule::simple();
    SUBCASE("more ballots than members") {
        auto err = refused(form, rule, yesNo(15, 10, 0), council(20, 20));
        CHECK(err.message == "more ballots (25) than members (20)");
        CHECK(err.messageVi == "số phiếu (25) nhiều hơn tổng số thành viên (20)");
    }
    SUBCASE("negative votes") {
        auto err = refused(form, rule, yesNo(-1, 3, 0), council(20, 20));
        CHECK(contains(err.message, "negative"));
    }
    SUBCASE("negative members") { refused(form, rule, yesNo(0, 0, 0), Electorate{-3, 0, 0, 0}); }
    SUBCASE("no members") { refused(form, rule, yesNo(0, 0, 0), council(0, 0)); }
    SUBCASE("more present than members") { refused(form, rule, yesNo(1, 0, 0), council(10, 11)); }
    SUBCASE("options that do not add up to the ballots") {
        Tally t = yesNo(5, 3, 1);
        t.ballots.count = 10;
        t.ballots.weighted = 10;
        refused(form, rule, t, council(20, 20));
    }
    SUBCASE("more abstentions than ballots") {
        Tally t = yesNo(0, 0, 0);
        t.abstentions = Votes{2, 2};
        refused(form, rule, t, council(20, 20));
    }
    SUBCASE("tally with the wrong number of options") { refused(kThree, MajorityRule::plurality(), options({1, 1}, 2), council(20, 20)); }
    SUBCASE("an election ballot marking more than k") {
        refused(kCandidates, rule, options({5, 5, 5, 0}, 5), council(20, 20)); // 15 marks on 5 ballots, k = 2
    }
    SUBCASE("an election with more votes for a candidate than ballots") {
        refused(kCandidates, rule, options({6, 4, 0, 0}, 5), council(20, 20));
    }
    SUBCASE("weights: a weighted rule without weights") {
        auto weighted = rule;
        weighted.weighted = true;
        refused(form, weighted, yesNo(3, 1, 0), Electorate{10, 10, 0, 0});
    }
    SUBCASE("weights: more weighted ballots than the members' weight") {
        Tally t = yesNo(3, 1, 0);
        t.options[0].weighted = 30;
        t.ballots.weighted = 31;
        refused(form, rule, t, Electorate{10, 10, 12, 12});
    }
}

// ---- JSON ----------------------------------------------------------------------------------------

TEST_CASE("rule JSON: canonical form and round trip") {
    auto rule = withQuorum(MajorityRule::twoThirdsOfMembers(), kTwoThirdsAtLeast);
    const Json j = toJson(rule);
    CHECK(j == Json::parse(R"({"base":"members","num":2,"den":3,"strict":false,"weighted":false,
                               "count_abstentions":false,"quorum":{"num":2,"den":3,"strict":false}})"));
    CHECK(toJson(MajorityRule::simple())["quorum"].is_null());
    for (auto r : {MajorityRule::simple(), MajorityRule::halfOfMembers(), rule, MajorityRule::plurality(),
                   MajorityRule::fraction(3, 5, true, MajorityBase::Present)}) {
        r.weighted = r.base == MajorityBase::Present;
        auto back = majorityRuleFromJson(toJson(r));
        REQUIRE(back.ok());
        CHECK(toJson(*back) == toJson(r));
    }
    // Optional fields may be left out.
    auto minimal = majorityRuleFromJson(Json{{"base", "cast"}, {"num", 1}, {"den", 2}, {"strict", true}});
    REQUIRE(minimal.ok());
    CHECK_FALSE(minimal->weighted);
    CHECK_FALSE(minimal->countAbstentions);
    CHECK_FALSE(minimal->quorum.has_value());
}

TEST_CASE("rule JSON: strict validation names the field") {
    const Json good = toJson(withQuorum(MajorityRule::halfOfMembers(), kTwoThirdsAtLeast));
    auto fails = [](const Json& j, ErrorCode code, const std::string& field) {
        auto r = majorityRuleFromJson(j);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == code);
        CHECK(contains(r.error().message, "'" + field + "'"));
        CHECK(contains(r.error().messageVi, "'" + field + "'"));
    };
    auto without = [&](const char* key) {
        Json j = good;
        j.erase(key);
        return j;
    };
    auto with = [&](const char* key, Json v) {
        Json j = good;
        j[key] = std::move(v);
        return j;
    };
    fails(without("base"), ErrorCode::MissingField, "base");
    fails(without("num"), ErrorCode::MissingField, "num");
    fails(without("den"), ErrorCode::MissingField, "den");
    fails(without("strict"), ErrorCode::MissingField, "strict");
    fails(with("base", "all"), ErrorCode::InvalidArgument, "base");
    fails(with("base", 1), ErrorCode::InvalidArgument, "base");
    fails(with("num", 1.5), ErrorCode::InvalidArgument, "num");
    fails(with("num", "1"), ErrorCode::InvalidArgument, "num");
    fails(with("num", true), ErrorCode::InvalidArgument, "num");
    fails(with("num", -1), ErrorCode::InvalidArgument, "num");
    fails(with("num", 3), ErrorCode::InvalidArgument, "num");
    fails(with("den", 0), ErrorCode::InvalidArgument, "den");
    fails(with("den", 100000), ErrorCode::InvalidArgument, "den");
    fails(with("strict", 1), ErrorCode::InvalidArgument, "strict");
    fails(with("weighted", "yes"), ErrorCode::InvalidArgument, "weighted");
    fails(with("count_abstentions", true), ErrorCode::InvalidArgument, "count_abstentions");
    fails(with("quorum", 5), ErrorCode::InvalidArgument, "quorum");
    fails(with("quorum", Json{{"num", 2}, {"den", 3}}), ErrorCode::MissingField, "quorum.strict");
    fails(with("quorum", Json{{"num", 2}, {"den", 0}, {"strict", false}}), ErrorCode::InvalidArgument, "quorum.den");
    fails(with("quorum", Json{{"num", 2}, {"den", 3}, {"strict", false}, {"of", "members"}}), ErrorCode::InvalidArgument,
          "quorum.of");
    fails(with("threshold", 1), ErrorCode::InvalidArgument, "threshold");

    auto notObject = majorityRuleFromJson(Json::array());
    REQUIRE_FALSE(notObject.ok());
    CHECK(notObject.error().code == ErrorCode::InvalidArgument);
    // null quorum means none.
    auto noQuorum = majorityRuleFromJson(with("quorum", nullptr));
    REQUIRE(noQuorum.ok());
    CHECK_FALSE(noQuorum->quorum.has_value());
}

TEST_CASE("result JSON: the outcome, the compared numbers and the statements") {
    auto r = decided(kCandidates, withQuorum(MajorityRule::simple(), kTwoThirdsAtLeast), options({12, 9, 9, 0}, 15), council(20, 15));
    const Json j = toJson(r);
    CHECK(j["outcome"] == "tie");
    CHECK(j["kind"] == "up_to");
    CHECK(j["rule"] == toJson(r.rule));
    CHECK(j["quorum"] == Json{{"met", true}, {"members", 20}, {"present", 15}, {"needed", 14}});
    CHECK(j["ballots"] == 15);
    CHECK(j["abstentions"] == 0);
    CHECK(j["base"] == 15);
    CHECK(j["needed"] == 8);
    CHECK(j["places"] == 2);
    CHECK(j["winners"] == Json::array({0}));
    CHECK(j["tied"] == Json::array({1, 2}));
    REQUIRE(j["options"].size() == 4);
    CHECK(j["options"][0] == Json{{"option", 0}, {"label", "An"}, {"votes", 12}, {"reached", true}});
    CHECK(j["options"][3] == Json{{"option", 3}, {"label", "Dũng"}, {"votes", 0}, {"reached", false}});
    CHECK(j["statement_vi"] == r.statementVi);
    CHECK(j["statement_en"] == r.statementEn);
    CHECK(j["rule_vi"] == r.ruleVi);
    CHECK(j["abstain_label"] == "Không biểu quyết");

    auto invalid = toJson(yesNoVote(withQuorum(MajorityRule::simple(), kTwoThirdsAtLeast), yesNo(3, 0), council(20, 3)));
    CHECK(invalid["outcome"] == "not_valid");
    CHECK(invalid["quorum"]["met"] == false);
    CHECK(invalid["kind"] == "yes_no");
}

TEST_CASE("names: outcomes, bases and poll kinds") {
    CHECK(outcomeName(Outcome::Passed) == "passed");
    CHECK(outcomeName(Outcome::NotPassed) == "not_passed");
    CHECK(outcomeName(Outcome::Tie) == "tie");
    CHECK(outcomeName(Outcome::NotValid) == "not_valid");
    for (auto b : {MajorityBase::Cast, MajorityBase::Present, MajorityBase::Members})
        CHECK(majorityBaseFromName(majorityBaseName(b)) == b);
    for (auto k : {PollKind::YesNo, PollKind::OneOf, PollKind::UpTo}) CHECK(pollKindFromName(pollKindName(k)) == k);
    CHECK_FALSE(majorityBaseFromName("everyone").has_value());
}

} // TEST_SUITE
