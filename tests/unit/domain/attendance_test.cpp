// attendance.*, proxy.* and the quorum
#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

/// A meeting with n members m1..mN (plus a secretary and a guest), opened.
Given membersMeeting(int n, Json quorumRule = nullptr, bool proxiesCount = true) {
    Given g;
    g.run(kAdmin, "meeting.define", meetingArgsWithMembers(n, std::move(quorumRule), proxiesCount));
    g.run(Actor{"m1", Role::Chair}, "meeting.open");
    return g;
}

void checkIn(Given& g, std::initializer_list<int> members) {
    for (int i : members) g.run(kSecretary, "attendance.check_in", Json{{"participant", "m" + std::to_string(i)}});
}

Json twoThirds() { return Json{{"num", 2}, {"den", 3}, {"strict", false}}; }

} // namespace

TEST_SUITE("attendance") {

TEST_CASE("check-in: a delegate checks in themselves") {
    Given g = opened();
    g.clock = kT0 + 5;
    auto ev = g.run(delegate(3), "attendance.check_in");
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == "attendance.checked_in");
    CHECK(ev[0].payload == Json{{"participant", "d3"}});
    CHECK(g.s.isPresent("d3"));
    CHECK(g.att("d3").checkedInAt == kT0 + 5);
    CHECK(g.att("d3").checkedInBy == "d3");
}

TEST_CASE("check-in: allowed before the opening (roll call), refused before definition") {
    Given g = defined();
    g.run(delegate(1), "attendance.check_in");
    CHECK(g.s.isPresent("d1"));
    drafted().fail(delegate(1), "attendance.check_in", {}, ErrorCode::InvalidState);
}

TEST_CASE("check-in: the secretary, chair and admin check in on behalf of others") {
    Given g = opened();
    g.run(kSecretary, "attendance.check_in", Json{{"participant", "d1"}});
    g.run(kChair, "attendance.check_in", Json{{"participant", "d2"}});
    g.run(kSystem, "attendance.check_in", Json{{"participant", "kb"}});
    CHECK(g.att("d1").checkedInBy == "tk");
    CHECK(g.att("d2").checkedInBy == "ct");
    CHECK(g.att("kb").checkedInBy == "system");
    CHECK(g.s.isPresent("kb"));
}

TEST_CASE("check-in: a delegate or guest may not check in someone else") {
    Given g = opened();
    auto e = g.fail(delegate(1), "attendance.check_in", Json{{"participant", "d2"}}, ErrorCode::Forbidden);
    CHECK(e.messageVi == "bạn chỉ được thực hiện việc này cho chính mình");
    g.fail(kGuest, "attendance.check_in", Json{{"participant", "d2"}}, ErrorCode::Forbidden);
    // Naming themselves is fine.
    g.run(delegate(1), "attendance.check_in", Json{{"participant", "d1"}});
    CHECK(g.s.isPresent("d1"));
}

TEST_CASE("check-in: errors") {
    Given g = opened();
    g.run(delegate(1), "attendance.check_in");
    SUBCASE("twice") { g.fail(delegate(1), "attendance.check_in", {}, ErrorCode::Duplicate); }
    SUBCASE("twice, by the secretary") {
        auto e = g.fail(kSecretary, "attendance.check_in", Json{{"participant", "d1"}}, ErrorCode::Duplicate);
        CHECK(e.messageVi.find("Lê Văn Minh") != std::string::npos); // names the person, not the id
    }
    SUBCASE("a display account") { g.fail(kSecretary, "attendance.check_in", Json{{"participant", "mh"}}, ErrorCode::InvalidArgument); }
    SUBCASE("an admin account") { g.fail(kSecretary, "attendance.check_in", Json{{"participant", "qt"}}, ErrorCode::InvalidArgument); }
    SUBCASE("the admin checking in itself") { g.fail(kAdmin, "attendance.check_in", {}, ErrorCode::InvalidArgument); }
    SUBCASE("unknown participant") { g.fail(kSecretary, "attendance.check_in", Json{{"participant", "d99"}}, ErrorCode::NotFound); }
    SUBCASE("actor not on the roster") { g.fail(Actor{"x", Role::Delegate}, "attendance.check_in", {}, ErrorCode::NotFound); }
    SUBCASE("participant not a string") { g.fail(kSecretary, "attendance.check_in", Json{{"participant", 3}}, ErrorCode::InvalidArgument); }
    SUBCASE("participant a path") { g.fail(kSecretary, "attendance.check_in", Json{{"participant", "../d1"}}, ErrorCode::InvalidArgument); }
    SUBCASE("the display device itself") { g.fail(kDisplay, "attendance.check_in", {}, ErrorCode::Forbidden); }
}

TEST_CASE("check-in clears a noted absence") {
    Given g = opened();
    g.run(kSecretary, "attendance.note_absence", Json{{"participant", "d4"}, {"reason", "Đến muộn"}});
    CHECK(g.att("d4").absentReason == "Đến muộn");
    g.run(delegate(4), "attendance.check_in");
    CHECK(g.att("d4").absentReason.empty());
    CHECK(g.s.isPresent("d4"));
}

TEST_CASE("check-out") {
    Given g = seated();
    SUBCASE("self") {
        auto ev = g.run(delegate(2), "attendance.check_out");
        REQUIRE(ev.size() == 1);
        CHECK(ev[0].type == "attendance.checked_out");
        CHECK_FALSE(g.s.isPresent("d2"));
        g.fail(delegate(2), "attendance.check_out", {}, ErrorCode::InvalidState);
    }
    SUBCASE("by the secretary") {
        g.run(kSecretary, "attendance.check_out", Json{{"participant", "d2"}});
        CHECK_FALSE(g.s.isPresent("d2"));
    }
    SUBCASE("a delegate may not check out someone else") {
        g.fail(delegate(1), "attendance.check_out", Json{{"participant", "d2"}}, ErrorCode::Forbidden);
    }
    SUBCASE("someone never checked in") {
        g.fail(kSecretary, "attendance.check_out", Json{{"participant", "mh"}}, ErrorCode::InvalidState);
    }
    SUBCASE("removes them from both queues and ends their speech") {
        g.run(delegate(1), "speaker.request");
        g.run(delegate(2), "speaker.request");
        g.run(delegate(2), "speaker.request", Json{{"queue", "interpellation"}});
        g.run(delegate(3), "speaker.request");
        g.run(kChair, "speaker.grant"); // d1 speaks
        g.run(delegate(2), "attendance.check_out");
        CHECK(g.floor() == std::vector<std::string>{"d3"});
        CHECK(g.interpellation().empty());
        CHECK(g.s.speaker->participant == "d1");
        g.run(kSecretary, "attendance.check_out", Json{{"participant", "d1"}});
        CHECK_FALSE(g.s.speaker.has_value());
        CHECK(g.floor() == std::vector<std::string>{"d3"});
    }
    SUBCASE("and back in") {
        g.run(delegate(2), "attendance.check_out");
        g.wait(10'000);
        g.run(delegate(2), "attendance.check_in");
        CHECK(g.s.isPresent("d2"));
        CHECK(g.att("d2").checkedInAt == g.clock - kStep);
    }
}

TEST_CASE("note_absence") {
    Given g = opened();
    SUBCASE("recorded by the secretary, chair or admin") {
        g.run(kSecretary, "attendance.note_absence", Json{{"participant", "d5"}, {"reason", "Đi công tác nước ngoài"}});
        g.run(kChair, "attendance.note_absence", Json{{"participant", "d6"}, {"reason", "Ốm"}});
        g.run(kAdmin, "attendance.note_absence", Json{{"participant", "d7"}, {"reason", "Họp Trung ương"}});
        CHECK(g.att("d5").absentReason == "Đi công tác nước ngoài");
        CHECK(g.att("d6").absentReason == "Ốm");
        CHECK(g.att("d7").absentReason == "Họp Trung ương");
        CHECK_FALSE(g.s.isPresent("d5"));
    }
    SUBCASE("a later note replaces the reason") {
        g.run(kSecretary, "attendance.note_absence", Json{{"participant", "d5"}, {"reason", "Ốm"}});
        g.run(kSecretary, "attendance.note_absence", Json{{"participant", "d5"}, {"reason", "Nằm viện"}});
        CHECK(g.att("d5").absentReason == "Nằm viện");
    }
    SUBCASE("not for someone present") {
        g.run(delegate(5), "attendance.check_in");
        g.fail(kSecretary, "attendance.note_absence", Json{{"participant", "d5"}, {"reason", "Ốm"}}, ErrorCode::InvalidState);
    }
    SUBCASE("after someone left") {
        g.run(delegate(5), "attendance.check_in");
        g.run(delegate(5), "attendance.check_out");
        g.run(kSecretary, "attendance.note_absence", Json{{"participant", "d5"}, {"reason", "Về sớm, có việc đột xuất"}});
        CHECK(g.att("d5").absentReason == "Về sớm, có việc đột xuất");
    }
    SUBCASE("argument errors") {
        g.fail(kSecretary, "attendance.note_absence", Json{{"reason", "Ốm"}}, ErrorCode::MissingField);
        g.fail(kSecretary, "attendance.note_absence", Json{{"participant", "d5"}}, ErrorCode::MissingField);
        g.fail(kSecretary, "attendance.note_absence", Json{{"participant", "d5"}, {"reason", ""}}, ErrorCode::InvalidArgument);
        g.fail(kSecretary, "attendance.note_absence", Json{{"participant", "d5"}, {"reason", std::string(501, 'x')}},
               ErrorCode::InvalidArgument);
        g.fail(kSecretary, "attendance.note_absence", Json{{"participant", "zz"}, {"reason", "Ốm"}}, ErrorCode::NotFound);
    }
    SUBCASE("not for display or admin accounts, which never attend") {
        g.fail(kSecretary, "attendance.note_absence", Json{{"participant", "mh"}, {"reason", "Hỏng"}}, ErrorCode::InvalidArgument);
        g.fail(kSecretary, "attendance.note_absence", Json{{"participant", "qt"}, {"reason", "x"}}, ErrorCode::InvalidArgument);
    }
    SUBCASE("a delegate may not note absences") {
        g.fail(delegate(1), "attendance.note_absence", Json{{"participant", "d1"}, {"reason", "Ốm"}}, ErrorCode::Forbidden);
    }
    SUBCASE("before definition") {
        drafted().fail(kSecretary, "attendance.note_absence", Json{{"participant", "d5"}, {"reason", "Ốm"}},
                       ErrorCode::InvalidState);
    }
}

} // TEST_SUITE

TEST_SUITE("proxies") {

TEST_CASE("grant and revoke") {
    Given g = defined();
    auto ev = g.run(kSecretary, "proxy.grant", Json{{"from", "d2"}, {"to", "d1"}});
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == "proxy.granted");
    CHECK(ev[0].payload == Json{{"from", "d2"}, {"to", "d1"}});
    CHECK(g.s.proxies.at("d2") == "d1");
    // One holder may hold several proxies.
    g.run(kChair, "proxy.grant", Json{{"from", "d3"}, {"to", "d1"}});
    CHECK(g.s.proxies.size() == 2);
    ev = g.run(kAdmin, "proxy.revoke", Json{{"from", "d2"}});
    CHECK(ev[0].type == "proxy.revoked");
    CHECK(g.s.proxies.count("d2") == 0);
    CHECK(g.s.proxies.at("d3") == "d1");
    // A revoked member may grant again, to someone else.
    g.run(kSecretary, "proxy.grant", Json{{"from", "d2"}, {"to", "d4"}});
    CHECK(g.s.proxies.at("d2") == "d4");
}

TEST_CASE("the chair may give a proxy; a guest may hold one") {
    Given g = defined();
    g.run(kSecretary, "proxy.grant", Json{{"from", "ct"}, {"to", "d1"}});
    g.run(kSecretary, "proxy.grant", Json{{"from", "d5"}, {"to", "kb"}});
    CHECK(g.s.proxies.size() == 2);
}

TEST_CASE("proxy errors") {
    Given g = defined();
    g.run(kSecretary, "proxy.grant", Json{{"from", "d2"}, {"to", "d1"}});
    auto grant = [&](const char* from, const char* to, ErrorCode code) {
        INFO("from ", std::string(from), " to ", std::string(to));
        return g.fail(kSecretary, "proxy.grant", Json{{"from", from}, {"to", to}}, code);
    };
    SUBCASE("to oneself") { grant("d3", "d3", ErrorCode::InvalidArgument); }
    SUBCASE("from a non-member") {
        grant("tk", "d3", ErrorCode::InvalidArgument);
        grant("kb", "d3", ErrorCode::InvalidArgument);
    }
    SUBCASE("to a display or admin account") {
        grant("d3", "mh", ErrorCode::InvalidArgument);
        grant("d3", "qt", ErrorCode::InvalidArgument);
    }
    SUBCASE("unknown people") {
        grant("zz", "d3", ErrorCode::NotFound);
        grant("d3", "zz", ErrorCode::NotFound);
    }
    SUBCASE("twice from the same member") {
        auto e = grant("d2", "d4", ErrorCode::Duplicate);
        CHECK(e.messageVi.find("hãy thu hồi trước") != std::string::npos);
        grant("d2", "d1", ErrorCode::Duplicate);
    }
    SUBCASE("chain: the holder passes their vote on") { grant("d1", "d3", ErrorCode::InvalidState); }
    SUBCASE("chain: to someone who gave their own vote away") { grant("d3", "d2", ErrorCode::InvalidState); }
    SUBCASE("cycle back to the grantor") { grant("d1", "d2", ErrorCode::InvalidState); }
    SUBCASE("bad arguments") {
        g.fail(kSecretary, "proxy.grant", Json{{"from", "d3"}}, ErrorCode::MissingField);
        g.fail(kSecretary, "proxy.grant", Json{{"to", "d3"}}, ErrorCode::MissingField);
        g.fail(kSecretary, "proxy.grant", Json{{"from", "d3"}, {"to", 4}}, ErrorCode::InvalidArgument);
        g.fail(kSecretary, "proxy.grant", Json{{"from", "../d3"}, {"to", "d4"}}, ErrorCode::InvalidArgument);
    }
    SUBCASE("revoke unknown / never granted") {
        g.fail(kSecretary, "proxy.revoke", Json{{"from", "d3"}}, ErrorCode::NotFound);
        g.fail(kSecretary, "proxy.revoke", Json{{"from", "zz"}}, ErrorCode::NotFound);
        g.fail(kSecretary, "proxy.revoke", Json{{"from", "d1"}}, ErrorCode::NotFound); // d1 holds, did not grant
        g.fail(kSecretary, "proxy.revoke", Json::object(), ErrorCode::MissingField);
    }
    SUBCASE("a delegate may not grant or revoke, even their own") {
        g.fail(delegate(3), "proxy.grant", Json{{"from", "d3"}, {"to", "d4"}}, ErrorCode::Forbidden);
        g.fail(delegate(2), "proxy.revoke", Json{{"from", "d2"}}, ErrorCode::Forbidden);
    }
    SUBCASE("before definition") {
        drafted().fail(kSecretary, "proxy.grant", Json{{"from", "d3"}, {"to", "d4"}}, ErrorCode::InvalidState);
        drafted().fail(kSecretary, "proxy.revoke", Json{{"from", "d3"}}, ErrorCode::InvalidState);
    }
}

} // TEST_SUITE

TEST_SUITE("quorum") {

TEST_CASE("the default meeting: 9 members, more than half needed") {
    Given g = opened();
    auto q = quorum(g.s);
    CHECK(q.members == kMembers);
    CHECK(q.present == 0);
    CHECK(q.required == 5);
    CHECK_FALSE(q.met);
    // The secretary and the guest do not count.
    g.run(kSecretary, "attendance.check_in");
    g.run(kGuest, "attendance.check_in");
    CHECK(quorum(g.s).present == 0);
    g.run(kChair, "attendance.check_in");
    for (int i = 1; i <= 3; ++i) g.run(delegate(i), "attendance.check_in");
    q = quorum(g.s);
    CHECK(q.present == 4);
    CHECK(q.counted == 4);
    CHECK_FALSE(q.met);
    g.run(delegate(4), "attendance.check_in");
    q = quorum(g.s);
    CHECK(q.present == 5);
    CHECK(q.met);
    g.run(delegate(4), "attendance.check_out");
    CHECK_FALSE(quorum(g.s).met);
}

TEST_CASE("no members: never met") {
    for (bool strict : {true, false}) {
        INFO("strict = ", strict);
        Given g = membersMeeting(0, Json{{"num", 1}, {"den", 2}, {"strict", strict}});
        g.run(kSecretary, "attendance.check_in");
        g.run(kGuest, "attendance.check_in");
        auto q = quorum(g.s);
        CHECK(q.members == 0);
        CHECK(q.counted == 0);
        CHECK_FALSE(q.met);
        CHECK(q.required == (strict ? 1 : 0));
    }
}

TEST_CASE("strict half: exactly half is not enough, half + 1 is") {
    Given g = membersMeeting(4);
    CHECK(quorum(g.s).required == 3);
    checkIn(g, {1, 2});
    CHECK(quorum(g.s).counted == 2);
    CHECK_FALSE(quorum(g.s).met);
    checkIn(g, {3});
    CHECK(quorum(g.s).met);
}

TEST_CASE("non-strict half: exactly half is enough") {
    Given g = membersMeeting(4, Json{{"num", 1}, {"den", 2}, {"strict", false}});
    CHECK(quorum(g.s).required == 2);
    checkIn(g, {1});
    CHECK_FALSE(quorum(g.s).met);
    checkIn(g, {2});
    CHECK(quorum(g.s).met);
}

TEST_CASE("two thirds, non-strict") {
    struct Case { int members, required; };
    for (auto [members, required] : {Case{3, 2}, Case{9, 6}, Case{10, 7}, Case{30, 20}, Case{1, 1}}) {
        INFO("members = ", members);
        Given g = membersMeeting(members, twoThirds());
        CHECK(quorum(g.s).required == required);
        for (int i = 1; i < required; ++i) checkIn(g, {i});
        CHECK(quorum(g.s).counted == required - 1);
        CHECK_FALSE(quorum(g.s).met);
        checkIn(g, {required});
        CHECK(quorum(g.s).met);
    }
}

TEST_CASE("two thirds, strict: exactly two thirds is not enough") {
    Given g = membersMeeting(9, Json{{"num", 2}, {"den", 3}, {"strict", true}});
    CHECK(quorum(g.s).required == 7);
    checkIn(g, {1, 2, 3, 4, 5, 6});
    CHECK_FALSE(quorum(g.s).met);
    checkIn(g, {7});
    CHECK(quorum(g.s).met);
}

TEST_CASE("all members (1/1) and zero threshold") {
    Given all = membersMeeting(3, Json{{"num", 1}, {"den", 1}, {"strict", false}});
    checkIn(all, {1, 2});
    CHECK(quorum(all.s).required == 3);
    CHECK_FALSE(quorum(all.s).met);
    checkIn(all, {3});
    CHECK(quorum(all.s).met);

    Given none = membersMeeting(3, Json{{"num", 0}, {"den", 1}, {"strict", false}});
    CHECK(quorum(none.s).required == 0);
    CHECK(quorum(none.s).met);
}

TEST_CASE("represented members count only when the holder is present") {
    Given g = membersMeeting(4);
    g.run(kSecretary, "proxy.grant", Json{{"from", "m4"}, {"to", "m1"}});
    checkIn(g, {2, 3});
    auto q = quorum(g.s);
    CHECK(q.represented == 0); // holder m1 absent
    CHECK(q.counted == 2);
    CHECK_FALSE(q.met);
    checkIn(g, {1});
    q = quorum(g.s);
    CHECK(q.present == 3);
    CHECK(q.represented == 1);
    CHECK(q.counted == 4);
    CHECK(q.met);
    // The grantor arrives: counted once, as present.
    checkIn(g, {4});
    q = quorum(g.s);
    CHECK(q.present == 4);
    CHECK(q.represented == 0);
    CHECK(q.counted == 4);
    // The holder leaves while the grantor stays: nothing represented either way.
    g.run(kSecretary, "attendance.check_out", Json{{"participant", "m4"}});
    g.run(kSecretary, "attendance.check_out", Json{{"participant", "m1"}});
    q = quorum(g.s);
    CHECK(q.present == 2);
    CHECK(q.represented == 0);
    CHECK_FALSE(q.met);
}

TEST_CASE("proxies reach the quorum only when the meeting says so") {
    for (bool count : {true, false}) {
        INFO("count = ", count);
        Given g = membersMeeting(4, nullptr, count);
        g.run(kSecretary, "proxy.grant", Json{{"from", "m3"}, {"to", "m1"}});
        g.run(kSecretary, "proxy.grant", Json{{"from", "m4"}, {"to", "kb"}}); // a guest holds one
        checkIn(g, {1, 2});
        g.run(kGuest, "attendance.check_in");
        auto q = quorum(g.s);
        CHECK(q.present == 2);
        CHECK(q.represented == 2);
        CHECK(q.counted == (count ? 4 : 2));
        CHECK(q.met == count);
        CHECK(q.required == 3);
    }
}

TEST_CASE("a revoked proxy no longer represents") {
    Given g = membersMeeting(4);
    g.run(kSecretary, "proxy.grant", Json{{"from", "m4"}, {"to", "m1"}});
    checkIn(g, {1, 2});
    CHECK(quorum(g.s).met);
    g.run(kSecretary, "proxy.revoke", Json{{"from", "m4"}});
    CHECK(quorum(g.s).represented == 0);
    CHECK_FALSE(quorum(g.s).met);
}

TEST_CASE("Threshold::reached is exact integer arithmetic") {
    const Threshold half{1, 2, true};
    CHECK_FALSE(half.reached(2, 4));
    CHECK(half.reached(3, 4));
    CHECK(half.reached(3, 5));
    CHECK_FALSE(half.reached(0, 0));
    const Threshold twoThirdsNs{2, 3, false};
    CHECK(twoThirdsNs.reached(2, 3));
    CHECK_FALSE(twoThirdsNs.reached(6, 10));
    CHECK(twoThirdsNs.reached(7, 10));
    CHECK(twoThirdsNs.reached(0, 0));
    // Large councils do not overflow.
    const Threshold big{999, 1000, true};
    CHECK(big.reached(4'999'996, 5'000'000));
    CHECK_FALSE(big.reached(4'995'000, 5'000'000));
}

} // TEST_SUITE
