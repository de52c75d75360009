// Polls through the rules and the fold: lifecycle, electorate, proxies, secrecy, bad ballots.
#include <algorithm>
#include <set>

#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

/// The default meeting, everyone seated, with a yes/no poll "p" created and opened.
Given withOpenPoll(Json extra = Json::object()) {
    Given g = seated();
    Json args{{"id", "p"}, {"question", "Thông qua Tờ trình phân bổ vốn đầu tư công năm 2026"}};
    for (auto& [k, v] : extra.items()) args[k] = v;
    g.run(kSecretary, "poll.create", args);
    g.run(kChair, "poll.open", Json{{"poll", "p"}});
    return g;
}

void cast(Given& g, const Actor& a, std::vector<int> choices, const std::string& poll = "p") {
    g.run(a, "poll.cast", Json{{"poll", poll}, {"choices", choices}});
}

const Poll& poll(const Given& g, const std::string& id = "p") {
    const Poll* p = g.s.poll(id);
    REQUIRE(p != nullptr);
    return *p;
}

std::string outcome(const Given& g, const std::string& id = "p") {
    const auto& p = poll(g, id);
    REQUIRE(p.count.has_value());
    return p.count->result.at("outcome").get<std::string>();
}

bool mentions(const Json& j, const std::string& key) {
    if (j.is_object()) {
        if (j.contains(key)) return true;
        for (const auto& [k, v] : j.items()) if (mentions(v, key)) return true;
    }
    if (j.is_array())
        for (const auto& v : j) if (mentions(v, key)) return true;
    return false;
}

} // namespace

TEST_SUITE("polls") {

TEST_CASE("a named yes/no vote from draft to published result, with the rule stated") {
    Given g = seated();
    g.run(kChair, "agenda.start", Json{{"item", "3"}});
    auto created = g.run(kSecretary, "poll.create", Json{{"question", "Thông qua Tờ trình phân bổ vốn đầu tư công năm 2026"}});
    REQUIRE(created.size() == 1);
    const std::string id = created[0].payload.at("poll").at("id").get<std::string>();
    CHECK(id == "poll-1");
    CHECK(poll(g, id).status == PollStatus::Draft);
    CHECK(poll(g, id).item == "3"); // the item under way
    CHECK(poll(g, id).form.options == std::vector<std::string>{"Đồng ý", "Không đồng ý"});
    // Councils decide by more than half of all members unless told otherwise.
    CHECK(poll(g, id).rule.base == MajorityBase::Members);

    g.run(kChair, "poll.open", Json{{"poll", id}});
    CHECK(poll(g, id).status == PollStatus::Open);
    CHECK(turnout(g.s, poll(g, id)).eligible == kMembers);
    CHECK(turnout(g.s, poll(g, id)).voted == 0);

    cast(g, kChair, {0}, id);
    for (int i = 1; i <= 5; ++i) cast(g, delegate(i), {0}, id);
    cast(g, delegate(6), {1}, id);
    cast(g, delegate(7), {}, id); // abstains
    CHECK(turnout(g.s, poll(g, id)).voted == 8);
    CHECK(poll(g, id).ballots.at("d6").choices == std::vector<int>{1});

    auto closed = g.run(kChair, "poll.close", Json{{"poll", id}});
    REQUIRE(closed.size() == 2);
    CHECK(closed[0].type == "poll.closed");
    CHECK(closed[0].payload.at("by") == "chair");
    CHECK(closed[1].type == "poll.published");
    const auto& p = poll(g, id);
    CHECK(p.status == PollStatus::Closed);
    CHECK(p.published);
    CHECK(p.closedSeq == closed[0].seq);
    REQUIRE(p.count);
    CHECK(p.count->tally.options[0].count == 6);
    CHECK(p.count->tally.options[1].count == 1);
    CHECK(p.count->tally.abstentions.count == 1);
    CHECK(p.count->tally.ballots.count == 8);
    CHECK(p.count->electorate.members == kMembers);
    CHECK(outcome(g, id) == "passed"); // 6 > 9/2
    CHECK(p.count->result.at("rule_vi").get<std::string>().find("quá nửa tổng số thành viên") != std::string::npos);
    CHECK(p.count->result.at("statement_vi").get<std::string>().find("Đồng ý") != std::string::npos);
}

TEST_CASE("more than half of all members: 4 yes of 9 members does not pass however few vote no") {
    Given g = withOpenPoll();
    for (int i = 1; i <= 4; ++i) cast(g, delegate(i), {0});
    cast(g, delegate(5), {1});
    g.run(kChair, "poll.close", Json{{"poll", "p"}});
    CHECK(outcome(g) == "not_passed");
}

TEST_CASE("a tie is reported as a tie, never broken") {
    Given g = withOpenPoll(Json{{"rule", Json{{"base", "cast"}, {"num", 1}, {"den", 2}, {"strict", true}}}});
    for (int i = 1; i <= 4; ++i) cast(g, delegate(i), {0});
    for (int i = 5; i <= 8; ++i) cast(g, delegate(i), {1});
    g.run(kChair, "poll.close", Json{{"poll", "p"}});
    CHECK(outcome(g) == "tie");
}

TEST_CASE("everyone abstaining, and no ballot at all, do not pass") {
    SUBCASE("all abstain") {
        Given g = withOpenPoll();
        cast(g, kChair, {});
        for (int i = 1; i <= kDelegates; ++i) cast(g, delegate(i), {});
        g.run(kChair, "poll.close", Json{{"poll", "p"}});
        CHECK(outcome(g) == "not_passed");
        CHECK(poll(g).count->tally.abstentions.count == kMembers);
    }
    SUBCASE("zero ballots") {
        Given g = withOpenPoll();
        g.run(kChair, "poll.close", Json{{"poll", "p"}});
        CHECK(outcome(g) == "not_passed");
        CHECK(poll(g).count->tally.ballots.count == 0);
    }
}

TEST_CASE("a quorum lost during the poll makes the vote not valid") {
    Given g = withOpenPoll(Json{{"rule", Json{{"base", "cast"}, {"num", 1}, {"den", 2}, {"strict", true},
                                               {"quorum", Json{{"num", 2}, {"den", 3}, {"strict", false}}}}}});
    cast(g, delegate(1), {0});
    cast(g, delegate(2), {0});
    cast(g, delegate(3), {1});
    // Four members who have not voted leave: present at the close are the chair and d1..d4,
    // 5 of 9, short of the 6 the quorum needs.
    for (int i = 5; i <= 8; ++i) g.run(delegate(i), "attendance.check_out");
    g.run(kChair, "poll.close", Json{{"poll", "p"}});
    const auto& c = *poll(g).count;
    CHECK(c.electorate.present == 5);
    CHECK(outcome(g) == "not_valid");
    CHECK(c.result.at("statement_vi").get<std::string>().find("không") != std::string::npos);
}

TEST_CASE("a member who voted and then left still counts as taking part") {
    Given g = withOpenPoll();
    cast(g, delegate(1), {0});
    g.run(delegate(1), "attendance.check_out");
    CHECK(turnout(g.s, poll(g)).eligible == kMembers);
    g.run(kChair, "poll.close", Json{{"poll", "p"}});
    CHECK(poll(g).count->electorate.present == kMembers);
}

TEST_CASE("a secret poll: the log says who voted, never what; the box holds the counts") {
    Given g = withOpenPoll(Json{{"secret", true}});
    cast(g, kChair, {0});
    cast(g, delegate(1), {0});
    cast(g, delegate(2), {1});
    cast(g, delegate(3), {});
    for (const auto& e : g.log) {
        INFO(e.type, " ", e.payload.dump());
        CHECK(e.type != "poll.ballot_cast");
        CHECK_FALSE(mentions(e.payload, "choices"));
    }
    CHECK(g.log.back().type == "poll.voted");
    CHECK(g.log.back().payload.at("voter") == "d3");
    for (const auto& [voter, b] : poll(g).ballots) CHECK_FALSE(b.choices.has_value());
    CHECK_FALSE(mentions(g.json(), "choices"));
    REQUIRE(g.box.tallies.count("p") == 1);
    CHECK(g.box.tallies.at("p").options[0].count == 2);
    CHECK(g.box.tallies.at("p").options[1].count == 1);
    CHECK(g.box.tallies.at("p").abstentions.count == 1);
    CHECK(turnout(g.s, poll(g)).voted == 4);

    auto closed = g.run(kChair, "poll.close", Json{{"poll", "p"}});
    CHECK(g.box.tallies.empty()); // the tally left the box as the count of the closed poll
    CHECK(closed[1].type == "poll.published");
    CHECK_FALSE(closed[1].payload.contains("ballots"));
    CHECK(poll(g).count->tally.options[0].count == 2);
    CHECK(poll(g).count->tally.ballots.count == 4);
    CHECK(outcome(g) == "not_passed"); // 2 of 9 members
}

TEST_CASE("a secret ballot cannot be changed, so a secret poll cannot allow changes") {
    Given g = seated();
    auto e = g.fail(kSecretary, "poll.create", Json{{"question", "Bầu Trưởng ban"}, {"secret", true}, {"allow_change", true}},
                    ErrorCode::InvalidArgument);
    CHECK(e.message.find("allow_change") != std::string::npos);
    Given h = withOpenPoll(Json{{"secret", true}});
    cast(h, delegate(1), {0});
    h.fail(delegate(1), "poll.cast", Json{{"poll", "p"}, {"choices", {1}}}, ErrorCode::Duplicate);
}

TEST_CASE("a named ballot may be changed until the close when the poll allows it; the last one counts") {
    Given g = withOpenPoll(Json{{"allow_change", true}});
    cast(g, delegate(1), {0});
    cast(g, delegate(1), {1});
    cast(g, delegate(1), {});
    CHECK(poll(g).voted() == 1);
    CHECK(poll(g).ballots.at("d1").choices == std::vector<int>{});
    g.run(kChair, "poll.close", Json{{"poll", "p"}});
    CHECK(poll(g).count->tally.ballots.count == 1);
    CHECK(poll(g).count->tally.abstentions.count == 1);
    g.fail(delegate(1), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}}, ErrorCode::InvalidState);
}

TEST_CASE("bad ballots are refused with a clear error and change nothing") {
    Given g = withOpenPoll();
    cast(g, delegate(1), {0});
    SUBCASE("twice") { g.fail(delegate(1), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}}, ErrorCode::Duplicate); }
    SUBCASE("from a non-member") { g.fail(kGuest, "poll.cast", Json{{"poll", "p"}, {"choices", {0}}}, ErrorCode::Forbidden); }
    SUBCASE("from the secretary, who is not a member") {
        g.fail(kSecretary, "poll.cast", Json{{"poll", "p"}, {"choices", {0}}}, ErrorCode::Forbidden);
    }
    SUBCASE("from an absent member") {
        g.run(delegate(2), "attendance.check_out");
        auto e = g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}}, ErrorCode::InvalidState);
        CHECK(e.messageVi.find("điểm danh") != std::string::npos);
    }
    SUBCASE("too many choices") { g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", {0, 1}}}, ErrorCode::InvalidArgument); }
    SUBCASE("an option that does not exist") {
        g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", {2}}}, ErrorCode::NotFound);
        g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", {-1}}}, ErrorCode::NotFound);
    }
    SUBCASE("malformed choices") {
        g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", "0"}}, ErrorCode::InvalidArgument);
        g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", {"yes"}}}, ErrorCode::InvalidArgument);
        g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}}, ErrorCode::MissingField);
    }
    SUBCASE("an unknown poll") { g.fail(delegate(2), "poll.cast", Json{{"poll", "zz"}, {"choices", {0}}}, ErrorCode::NotFound); }
    SUBCASE("for someone whose proxy the voter does not hold") {
        g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}, {"for", "d3"}}, ErrorCode::Forbidden);
    }
    SUBCASE("on a closed poll") {
        g.run(kChair, "poll.close", Json{{"poll", "p"}});
        g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}}, ErrorCode::InvalidState);
    }
    SUBCASE("on a cancelled poll") {
        g.run(kChair, "poll.cancel", Json{{"poll", "p"}, {"reason", "Sai nội dung tờ trình"}});
        g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}}, ErrorCode::InvalidState);
    }
}

TEST_CASE("a ballot on a draft poll, and after the countdown, is refused") {
    Given g = seated();
    g.run(kSecretary, "poll.create", Json{{"id", "p"}, {"question", "Q"}, {"seconds", 60}});
    g.fail(delegate(1), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}}, ErrorCode::InvalidState);
    g.run(kChair, "poll.open", Json{{"poll", "p"}});
    CHECK(poll(g).closesAt == poll(g).openedAt + 60'000);
    cast(g, delegate(1), {0});
    g.wait(60'000);
    auto e = g.fail(delegate(2), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}}, ErrorCode::InvalidState);
    CHECK(e.message.find("over") != std::string::npos);
}

TEST_CASE("the countdown: only the server closes at the deadline, never before, and says so") {
    Given g = seated();
    g.run(kSecretary, "poll.create", Json{{"id", "p"}, {"question", "Q"}});
    g.run(kChair, "poll.open", Json{{"poll", "p"}, {"seconds", 30}});
    g.fail(kSystem, "poll.close", Json{{"poll", "p"}}, ErrorCode::InvalidState); // too early
    g.fail(kAdmin, "poll.close", Json{{"poll", "p"}}, ErrorCode::Forbidden);     // a person with the admin role
    g.fail(delegate(1), "poll.close", Json{{"poll", "p"}}, ErrorCode::Forbidden);
    g.wait(30'000);
    auto ev = g.run(kSystem, "poll.close", Json{{"poll", "p"}});
    CHECK(ev[0].payload.at("by") == "timer");
    CHECK(poll(g).closedBy == "timer");
    CHECK(poll(g).published);
}

TEST_CASE("one open poll at a time unless the meeting allows concurrent polls") {
    Given g = withOpenPoll();
    g.run(kSecretary, "poll.create", Json{{"id", "q"}, {"question", "Q2"}});
    auto e = g.fail(kChair, "poll.open", Json{{"poll", "q"}}, ErrorCode::InvalidState);
    CHECK(e.message.find("'p'") != std::string::npos);
    g.fail(kChair, "poll.open", Json{{"poll", "p"}}, ErrorCode::Duplicate);

    Given c;
    Json args = meetingArgs();
    args["meeting"]["concurrent_polls"] = true;
    c.run(kAdmin, "meeting.define", args);
    CHECK(c.s.meeting.concurrentPolls);
    c.run(kChair, "meeting.open");
    c.run(kSecretary, "poll.create", Json{{"id", "a"}, {"question", "A"}});
    c.run(kSecretary, "poll.create", Json{{"id", "b"}, {"question", "B"}});
    c.run(kChair, "poll.open", Json{{"poll", "a"}});
    c.run(kChair, "poll.open", Json{{"poll", "b"}});
    CHECK(c.s.poll("b")->status == PollStatus::Open);
}

TEST_CASE("the meeting cannot close over an open poll") {
    Given g = withOpenPoll();
    g.fail(kChair, "meeting.close", Json::object(), ErrorCode::InvalidState);
    g.run(kChair, "poll.close", Json{{"poll", "p"}});
    g.run(kChair, "meeting.close");
}

TEST_CASE("proxies: the holder casts each ballot they hold, separately; a revoked proxy casts nothing") {
    Given g = opened();
    g.run(kChair, "attendance.check_in");
    g.run(delegate(1), "attendance.check_in");
    g.run(kSecretary, "proxy.grant", Json{{"from", "d2"}, {"to", "d1"}});
    g.run(kSecretary, "proxy.grant", Json{{"from", "d3"}, {"to", "d1"}});
    g.run(kSecretary, "poll.create", Json{{"id", "p"}, {"question", "Q"}, {"rule", Json{{"base", "cast"}, {"num", 1}, {"den", 2}, {"strict", true}}}});
    g.run(kChair, "poll.open", Json{{"poll", "p"}});
    CHECK(turnout(g.s, poll(g)).eligible == 4); // ct, d1, and d2, d3 through d1

    cast(g, delegate(1), {0});
    auto ev = g.run(delegate(1), "poll.cast", Json{{"poll", "p"}, {"choices", {1}}, {"for", "d2"}});
    CHECK(ev[0].payload.at("voter") == "d2");
    CHECK(ev[0].payload.at("by") == "d1");
    CHECK(ev[0].actor == "d1");
    CHECK(poll(g).ballots.at("d2").by == "d1");
    g.fail(delegate(1), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}, {"for", "d2"}}, ErrorCode::Duplicate);

    g.run(kSecretary, "proxy.revoke", Json{{"from", "d3"}});
    g.fail(delegate(1), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}, {"for", "d3"}}, ErrorCode::Forbidden);

    // A member who is present votes in person, not through the holder.
    g.run(kSecretary, "proxy.grant", Json{{"from", "d4"}, {"to", "d1"}});
    g.run(delegate(4), "attendance.check_in");
    g.fail(delegate(1), "poll.cast", Json{{"poll", "p"}, {"choices", {0}}, {"for", "d4"}}, ErrorCode::InvalidState);

    g.run(kChair, "poll.close", Json{{"poll", "p"}});
    CHECK(poll(g).count->tally.ballots.count == 2);
    CHECK(outcome(g) == "tie"); // 1–1 of votes cast
}

TEST_CASE("weights: a weighted rule compares weights, and each ballot carries its member's weight") {
    Given g;
    Json args = meetingArgsWithMembers(3);
    args["participants"][1]["weight"] = 5; // m2
    g.run(kAdmin, "meeting.define", args);
    g.run(Actor{"m1", Role::Chair}, "meeting.open");
    for (auto id : {"m1", "m2", "m3"}) g.run(Actor{id, id == std::string("m1") ? Role::Chair : Role::Delegate}, "attendance.check_in");
    g.run(Actor{"m1", Role::Chair}, "poll.create",
          Json{{"id", "p"}, {"question", "Q"}, {"rule", Json{{"base", "cast"}, {"num", 1}, {"den", 2}, {"strict", true}, {"weighted", true}}}});
    g.run(Actor{"m1", Role::Chair}, "poll.open", Json{{"poll", "p"}});
    g.run(Actor{"m1", Role::Chair}, "poll.cast", Json{{"poll", "p"}, {"choices", {1}}});
    g.run(Actor{"m3", Role::Delegate}, "poll.cast", Json{{"poll", "p"}, {"choices", {1}}});
    g.run(Actor{"m2", Role::Delegate}, "poll.cast", Json{{"poll", "p"}, {"choices", {0}}});
    CHECK(poll(g).ballots.at("m2").weight == 5);
    g.run(Actor{"m1", Role::Chair}, "poll.close", Json{{"poll", "p"}});
    CHECK(poll(g).count->tally.options[0].weighted == 5);
    CHECK(poll(g).count->tally.options[1].weighted == 2);
    CHECK(outcome(g) == "passed"); // 5 of 7 by weight, 1 of 3 by head
}

TEST_CASE("weights play no part in the sums unless the rule uses them, so a secret count never singles out a weight") {
    Given g;
    Json args = meetingArgsWithMembers(3);
    args["participants"][1]["weight"] = 5; // m2
    g.run(kAdmin, "meeting.define", args);
    const Actor chair{"m1", Role::Chair};
    g.run(chair, "meeting.open");
    for (auto id : {"m1", "m2", "m3"}) g.run(Actor{id, id == std::string("m1") ? Role::Chair : Role::Delegate}, "attendance.check_in");
    g.run(chair, "poll.create", Json{{"id", "p"}, {"question", "Q"}, {"secret", true}});
    g.run(chair, "poll.open", Json{{"poll", "p"}});
    g.run(Actor{"m2", Role::Delegate}, "poll.cast", Json{{"poll", "p"}, {"choices", {1}}});
    g.run(Actor{"m3", Role::Delegate}, "poll.cast", Json{{"poll", "p"}, {"choices", {0}}});
    g.run(chair, "poll.close", Json{{"poll", "p"}});
    const auto& t = poll(g).count->tally;
    CHECK(t.options[1].weighted == 1);
    CHECK(t.ballots.weighted == 2);
}

TEST_CASE("turnout counts a member whose proxy holder is present, even when proxies do not count for quorum") {
    Given g;
    g.run(kAdmin, "meeting.define", meetingArgsWithMembers(4, nullptr, false));
    const Actor chair{"m1", Role::Chair};
    g.run(chair, "meeting.open");
    g.run(chair, "attendance.check_in");
    g.run(Actor{"m2", Role::Delegate}, "attendance.check_in");
    g.run(kSecretary, "proxy.grant", Json{{"from", "m3"}, {"to", "m2"}});
    g.run(chair, "poll.create", Json{{"id", "p"}, {"question", "Q"}});
    g.run(chair, "poll.open", Json{{"poll", "p"}});
    CHECK(turnout(g.s, poll(g)).eligible == 3);
    CHECK(pollElectorate(g.s, poll(g)).present == 2); // quorum does not count the proxy
    g.run(Actor{"m2", Role::Delegate}, "poll.cast", Json{{"poll", "p"}, {"choices", {0}}, {"for", "m3"}});
    CHECK(turnout(g.s, poll(g)).eligible == 3);
    CHECK(pollElectorate(g.s, poll(g)).present == 3); // a member who voted took part
}

TEST_CASE("every poll ends before the meeting does: open polls closed, results published") {
    Given g = withOpenPoll(Json{{"publish_on_close", false}});
    g.fail(kChair, "meeting.close", Json::object(), ErrorCode::InvalidState);
    g.run(kChair, "poll.close", Json{{"poll", "p"}});
    auto e = g.fail(kChair, "meeting.close", Json::object(), ErrorCode::InvalidState);
    CHECK(e.message.find("published") != std::string::npos);
    g.run(kSecretary, "poll.create", Json{{"id", "draft"}, {"question", "Chưa biểu quyết"}});
    g.run(kChair, "poll.publish", Json{{"poll", "p"}});
    g.run(kChair, "meeting.close");
    // Nothing about polls happens after the meeting has closed.
    g.fail(kChair, "poll.cancel", Json{{"poll", "draft"}, {"reason", "x"}}, ErrorCode::InvalidState);
    g.fail(kChair, "poll.open", Json{{"poll", "draft"}}, ErrorCode::InvalidState);
    g.fail(kSecretary, "poll.create", Json{{"question", "Q"}}, ErrorCode::InvalidState);
}

TEST_CASE("re-run ids stay unique and within 64 characters") {
    Given g = seated();
    const std::string longId(64, 'x');
    g.run(kSecretary, "poll.create", Json{{"id", longId}, {"question", "Q"}});
    g.run(kChair, "poll.open", Json{{"poll", longId}});
    g.run(kChair, "poll.close", Json{{"poll", longId}});
    std::set<std::string> ids{longId};
    for (int i = 0; i < 3; ++i) {
        auto ev = g.run(kChair, "poll.rerun", Json{{"poll", longId}});
        const auto id = ev[0].payload.at("poll").at("id").get<std::string>();
        CHECK(id.size() <= 64);
        CHECK(ids.insert(id).second);
        CHECK(g.s.poll(id) != nullptr);
    }
    CHECK(g.s.polls.size() == 4);
}

TEST_CASE("an election: up to k of the candidates, with labels and limits checked") {
    Given g = seated();
    g.fail(kSecretary, "poll.create", Json{{"question", "Bầu"}, {"kind", "up_to"}, {"options", {"A", "B"}}}, ErrorCode::MissingField);
    g.fail(kSecretary, "poll.create", Json{{"question", "Bầu"}, {"kind", "up_to"}, {"options", {"A", "B"}}, {"max_choices", 3}},
           ErrorCode::InvalidArgument);
    g.fail(kSecretary, "poll.create", Json{{"question", "Bầu"}, {"kind", "one_of"}, {"options", {"A", "A"}}}, ErrorCode::InvalidArgument);
    g.fail(kSecretary, "poll.create", Json{{"question", "Bầu"}, {"kind", "one_of"}}, ErrorCode::MissingField);
    g.fail(kSecretary, "poll.create", Json{{"question", "Q"}, {"kind", "yes_no"}, {"rule", Json{{"base", "cast"}, {"num", 0}, {"den", 1}, {"strict", true}}}},
           ErrorCode::InvalidArgument);
    g.fail(kSecretary, "poll.create", Json{{"question", "Q"}, {"rule", Json{{"base", "everyone"}, {"num", 1}, {"den", 2}, {"strict", true}}}},
           ErrorCode::InvalidArgument);
    g.run(kSecretary, "poll.create", Json{{"id", "e"}, {"question", "Bầu 2 Ủy viên Ban Thường vụ"}, {"kind", "up_to"},
                                          {"options", {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"}},
                                          {"max_choices", 2}, {"secret", true},
                                          {"rule", Json{{"base", "cast"}, {"num", 1}, {"den", 2}, {"strict", true}}}});
    g.run(kChair, "poll.open", Json{{"poll", "e"}});
    g.fail(delegate(1), "poll.cast", Json{{"poll", "e"}, {"choices", {0, 1, 2}}}, ErrorCode::InvalidArgument);
    g.fail(delegate(1), "poll.cast", Json{{"poll", "e"}, {"choices", {1, 1}}}, ErrorCode::InvalidArgument);
    g.fail(delegate(1), "poll.cast", Json{{"poll", "e"}, {"choices", {4}}}, ErrorCode::NotFound);
    g.run(kChair, "poll.cast", Json{{"poll", "e"}, {"choices", {0, 1}}});
    for (int i = 1; i <= 4; ++i) g.run(delegate(i), "poll.cast", Json{{"poll", "e"}, {"choices", {0, 2}}});
    for (int i = 5; i <= 8; ++i) g.run(delegate(i), "poll.cast", Json{{"poll", "e"}, {"choices", {1}}});
    g.run(kChair, "poll.close", Json{{"poll", "e"}});
    const auto& r = poll(g, "e").count->result;
    CHECK(r.at("outcome") == "passed");
    CHECK(r.at("winners") == Json::array({0, 1})); // A: 5 of 9 ballots; B: 5 of 9; C: 4 — not more than half
}

TEST_CASE("cancel keeps the reason in the log and drops the box; a closed poll cannot be cancelled") {
    Given g = withOpenPoll(Json{{"secret", true}});
    cast(g, delegate(1), {0});
    g.fail(kChair, "poll.cancel", Json{{"poll", "p"}}, ErrorCode::MissingField);
    g.fail(delegate(1), "poll.cancel", Json{{"poll", "p"}, {"reason", "x"}}, ErrorCode::Forbidden);
    auto ev = g.run(kChair, "poll.cancel", Json{{"poll", "p"}, {"reason", "Tờ trình cần bổ sung số liệu"}});
    CHECK(ev[0].payload.at("reason") == "Tờ trình cần bổ sung số liệu");
    CHECK(poll(g).status == PollStatus::Cancelled);
    CHECK(poll(g).cancelReason == "Tờ trình cần bổ sung số liệu");
    CHECK_FALSE(poll(g).count.has_value());
    CHECK(g.box.tallies.empty());
    g.fail(kChair, "poll.cancel", Json{{"poll", "p"}, {"reason", "x"}}, ErrorCode::Duplicate);
    g.fail(kChair, "poll.close", Json{{"poll", "p"}}, ErrorCode::InvalidState);

    Given h = withOpenPoll();
    h.run(kChair, "poll.close", Json{{"poll", "p"}});
    h.fail(kChair, "poll.cancel", Json{{"poll", "p"}, {"reason", "x"}}, ErrorCode::InvalidState);
}

TEST_CASE("a poll can be re-run: a new draft with the same question and rule, pointing at the old one") {
    Given g = withOpenPoll(Json{{"secret", true}, {"seconds", 90}});
    g.fail(kChair, "poll.rerun", Json{{"poll", "p"}}, ErrorCode::InvalidState); // still open
    g.run(kChair, "poll.cancel", Json{{"poll", "p"}, {"reason", "Mất kết nối một số máy tính bảng"}});
    auto ev = g.run(kChair, "poll.rerun", Json{{"poll", "p"}});
    const std::string id = ev[0].payload.at("poll").at("id").get<std::string>();
    CHECK(id == "p-2");
    const auto& again = poll(g, id);
    CHECK(again.status == PollStatus::Draft);
    CHECK(again.rerunOf == "p");
    CHECK(again.secret);
    CHECK(again.seconds == 90);
    CHECK(again.question == poll(g, "p").question);
    CHECK(again.ballots.empty());
    g.run(kChair, "poll.open", Json{{"poll", id}});
    cast(g, delegate(1), {0}, id); // the old poll's ballot does not carry over
    g.run(kChair, "poll.rerun", Json{{"poll", "p"}, {"id", "p-lan-3"}});
    g.fail(kChair, "poll.rerun", Json{{"poll", "p"}, {"id", "p-lan-3"}}, ErrorCode::Duplicate);
}

TEST_CASE("publishing can wait for the chair") {
    Given g = withOpenPoll(Json{{"publish_on_close", false}});
    cast(g, delegate(1), {0});
    g.fail(kChair, "poll.publish", Json{{"poll", "p"}}, ErrorCode::InvalidState);
    auto ev = g.run(kChair, "poll.close", Json{{"poll", "p"}});
    REQUIRE(ev.size() == 1);
    CHECK_FALSE(poll(g).published);
    CHECK(poll(g).count.has_value());
    auto pub = g.run(kChair, "poll.publish", Json{{"poll", "p"}});
    CHECK(pub[0].payload.at("ballots") == Json::array({Json{{"voter", "d1"}, {"choices", {0}}}}));
    CHECK(poll(g).published);
    g.fail(kChair, "poll.publish", Json{{"poll", "p"}}, ErrorCode::Duplicate);
}

TEST_CASE("a session with polls round-trips through JSON exactly at every step") {
    Given g = withOpenPoll(Json{{"allow_change", true}});
    cast(g, delegate(1), {0});
    cast(g, delegate(2), {1});
    g.run(kChair, "poll.close", Json{{"poll", "p"}});
    g.run(kSecretary, "poll.create", Json{{"id", "s"}, {"question", "Kín"}, {"secret", true}, {"kind", "one_of"}, {"options", {"X", "Y", "Z"}},
                                          {"abstain_label", "Ý kiến khác"}, {"rule", Json{{"base", "cast"}, {"num", 0}, {"den", 1}, {"strict", true}}}});
    g.run(kChair, "poll.open", Json{{"poll", "s"}});
    cast(g, delegate(3), {2}, "s");
    State replay;
    for (const auto& e : g.log) {
        apply(replay, e);
        const Json j = toJson(replay);
        CHECK(toJson(stateFromJson(j)) == j);
    }
    CHECK(toJson(replay) == g.json());
    CHECK(poll(g, "s").form.abstainLabel == "Ý kiến khác");
}

TEST_CASE("malformed poll events from a log change nothing but seq") {
    Given g = withOpenPoll();
    const Json before = withoutCounters(g.json());
    g.applyRaw("poll.ballot_cast", Json{{"poll", "p"}, {"voter", "d1"}, {"by", "d1"}, {"weight", 1}, {"choices", "bad"}});
    g.applyRaw("poll.closed", Json{{"poll", "p"}, {"count", Json{{"tally", 1}}}});
    g.applyRaw("poll.created", Json{{"poll", Json{{"id", "x"}}}});
    g.applyRaw("poll.published", Json{{"poll", "p"}});
    CHECK(withoutCounters(g.json()) == before);
}

} // TEST_SUITE
