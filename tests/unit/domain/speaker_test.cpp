// speaker.request / withdraw / grant / revoke / finish / extend
#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

using Ids = std::vector<std::string>;

void request(Given& g, int d, Json args = Json::object()) { g.run(delegate(d), "speaker.request", std::move(args)); }
Json pointOfOrder() { return Json{{"point_of_order", true}}; }
Json interp() { return Json{{"queue", "interpellation"}}; }

} // namespace

TEST_SUITE("speakers") {

TEST_CASE("request: needs an open meeting and presence") {
    SUBCASE("before opening") {
        Given g = defined();
        g.run(delegate(1), "attendance.check_in");
        g.fail(delegate(1), "speaker.request", {}, ErrorCode::InvalidState);
    }
    SUBCASE("not checked in") {
        Given g = opened();
        auto e = g.fail(delegate(1), "speaker.request", {}, ErrorCode::InvalidState);
        CHECK(e.messageVi == "Lê Văn Minh chưa điểm danh");
    }
    SUBCASE("a display or admin account cannot be put in the queue") {
        Given g = seated();
        g.fail(kChair, "speaker.request", Json{{"participant", "mh"}}, ErrorCode::InvalidArgument);
        g.fail(kChair, "speaker.request", Json{{"participant", "qt"}}, ErrorCode::InvalidArgument);
    }
}

TEST_CASE("request: the floor queue is first come, first served") {
    Given g = seated();
    g.clock = kT0 + 777;
    auto ev = g.run(delegate(3), "speaker.request");
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == "speaker.requested");
    CHECK(ev[0].payload == Json{{"participant", "d3"}, {"queue", "floor"}, {"point_of_order", false}});
    request(g, 1);
    g.run(kGuest, "speaker.request");
    g.run(kChair, "speaker.request", Json{{"participant", "d5"}}); // the chair registers d5
    CHECK(g.floor() == Ids{"d3", "d1", "kb", "d5"});
    CHECK(g.s.floorQueue[0].requestedAt == kT0 + 777);
    CHECK(g.interpellation().empty());
    SUBCASE("twice in the same queue") {
        auto e = g.fail(delegate(3), "speaker.request", {}, ErrorCode::Duplicate);
        CHECK(e.messageVi == "Hoàng Đức Thắng đã đăng ký phát biểu");
        g.fail(delegate(3), "speaker.request", pointOfOrder(), ErrorCode::Duplicate);
    }
    SUBCASE("a delegate may not register someone else") {
        g.fail(delegate(1), "speaker.request", Json{{"participant", "d2"}}, ErrorCode::Forbidden);
    }
    SUBCASE("bad queue or flag") {
        g.fail(delegate(2), "speaker.request", Json{{"queue", "vote"}}, ErrorCode::InvalidArgument);
        g.fail(delegate(2), "speaker.request", Json{{"queue", 1}}, ErrorCode::InvalidArgument);
        g.fail(delegate(2), "speaker.request", Json{{"point_of_order", 1}}, ErrorCode::InvalidArgument);
    }
}

TEST_CASE("request: points of order go ahead of ordinary requests, behind earlier points of order") {
    Given g = seated();
    request(g, 1);
    request(g, 2);
    request(g, 3, pointOfOrder());
    CHECK(g.floor() == Ids{"d3", "d1", "d2"});
    request(g, 4);
    request(g, 5, pointOfOrder());
    CHECK(g.floor() == Ids{"d3", "d5", "d1", "d2", "d4"});
    CHECK(g.s.floorQueue[1].pointOfOrder);
    CHECK_FALSE(g.s.floorQueue[2].pointOfOrder);
    // Granted in that order when the chair names no one.
    Ids order;
    for (int i = 0; i < 5; ++i) {
        auto ev = g.run(kChair, "speaker.grant");
        order.push_back(g.s.speaker->participant);
        CHECK(g.s.speaker->pointOfOrder == (i < 2));
        CHECK(ev.back().payload["point_of_order"] == (i < 2));
    }
    CHECK(order == Ids{"d3", "d5", "d1", "d2", "d4"});
    CHECK(g.s.floorQueue.empty());
}

TEST_CASE("interpellation is a separate queue") {
    Given g = seated();
    request(g, 1);
    request(g, 1, interp()); // the same delegate may wait in both
    request(g, 2, interp());
    CHECK(g.floor() == Ids{"d1"});
    CHECK(g.interpellation() == Ids{"d1", "d2"});
    g.fail(delegate(2), "speaker.request", interp(), ErrorCode::Duplicate);
    SUBCASE("no point of order in interpellation") {
        auto e = g.fail(delegate(3), "speaker.request", Json{{"queue", "interpellation"}, {"point_of_order", true}},
                        ErrorCode::InvalidArgument);
        CHECK(e.message.find("point_of_order") != std::string::npos);
    }
    SUBCASE("granting from interpellation leaves the floor queue alone") {
        auto ev = g.run(kChair, "speaker.grant", interp());
        CHECK(ev.back().payload["queue"] == "interpellation");
        CHECK(g.s.speaker->participant == "d1");
        CHECK(g.s.speaker->queue == SpeakerQueueKind::Interpellation);
        CHECK(g.interpellation() == Ids{"d2"});
        CHECK(g.floor() == Ids{"d1"});
    }
    SUBCASE("withdrawing from one queue leaves the other") {
        g.run(delegate(1), "speaker.withdraw", interp());
        CHECK(g.interpellation() == Ids{"d2"});
        CHECK(g.floor() == Ids{"d1"});
    }
}

TEST_CASE("withdraw") {
    Given g = seated();
    request(g, 1);
    request(g, 2);
    request(g, 3);
    auto ev = g.run(delegate(2), "speaker.withdraw");
    CHECK(ev[0].type == "speaker.withdrawn");
    CHECK(ev[0].payload == Json{{"participant", "d2"}, {"queue", "floor"}});
    CHECK(g.floor() == Ids{"d1", "d3"});
    g.fail(delegate(2), "speaker.withdraw", {}, ErrorCode::NotFound);
    g.fail(delegate(1), "speaker.withdraw", interp(), ErrorCode::NotFound);
    g.fail(delegate(1), "speaker.withdraw", Json{{"participant", "d3"}}, ErrorCode::Forbidden);
    g.run(kSecretary, "speaker.withdraw", Json{{"participant", "d3"}});
    CHECK(g.floor() == Ids{"d1"});
    g.fail(kSecretary, "speaker.withdraw", Json{{"participant", "zz"}}, ErrorCode::NotFound);
    Given closed = g;
    closed.run(kChair, "meeting.close");
    closed.fail(delegate(1), "speaker.withdraw", {}, ErrorCode::InvalidState);
}

TEST_CASE("grant: the head of the queue, with the meeting's default time") {
    Given g = seated();
    request(g, 4);
    request(g, 6);
    g.clock = kT0 + 123'000;
    auto ev = g.run(kChair, "speaker.grant");
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == "speaker.granted");
    CHECK(ev[0].payload == Json{{"participant", "d4"}, {"queue", "floor"}, {"point_of_order", false}, {"seconds", 300}});
    REQUIRE(g.s.speaker.has_value());
    CHECK(g.s.speaker->participant == "d4");
    CHECK(g.s.speaker->grantedAt == kT0 + 123'000);
    CHECK(g.s.speaker->allottedSeconds == 300);
    CHECK(g.s.speaker->queue == SpeakerQueueKind::Floor);
    CHECK(g.floor() == Ids{"d6"});
}

TEST_CASE("grant: the default time follows the meeting definition") {
    Json a = meetingArgs();
    a["meeting"]["default_speaking_seconds"] = 420;
    Given g;
    g.run(kAdmin, "meeting.define", a);
    g.run(kChair, "meeting.open");
    g.run(delegate(1), "attendance.check_in");
    request(g, 1);
    g.run(kChair, "speaker.grant");
    CHECK(g.s.speaker->allottedSeconds == 420);
}

TEST_CASE("grant: named participant, explicit time") {
    Given g = seated();
    request(g, 1);
    request(g, 2);
    g.run(kChair, "speaker.grant", Json{{"participant", "d2"}, {"seconds", 120}});
    CHECK(g.s.speaker->participant == "d2");
    CHECK(g.s.speaker->allottedSeconds == 120);
    CHECK(g.floor() == Ids{"d1"});
    SUBCASE("someone not in the queue") {
        g.run(kChair, "speaker.grant", Json{{"participant", "d7"}, {"seconds", 0}});
        CHECK(g.s.speaker->participant == "d7");
        CHECK(g.s.speaker->allottedSeconds == 0);
        CHECK(g.floor() == Ids{"d1"});
    }
    SUBCASE("seconds out of range") {
        g.fail(kChair, "speaker.grant", Json{{"participant", "d1"}, {"seconds", -1}}, ErrorCode::InvalidArgument);
        g.fail(kChair, "speaker.grant", Json{{"participant", "d1"}, {"seconds", 3601}}, ErrorCode::InvalidArgument);
        g.fail(kChair, "speaker.grant", Json{{"participant", "d1"}, {"seconds", "60"}}, ErrorCode::InvalidArgument);
    }
}

TEST_CASE("grant: while someone speaks, the previous speech is finished first") {
    Given g = seated();
    request(g, 1);
    request(g, 2);
    g.run(kChair, "speaker.grant");
    auto ev = g.run(kChair, "speaker.grant");
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].type == "speaker.finished");
    CHECK(ev[0].payload == Json{{"participant", "d1"}});
    CHECK(ev[1].type == "speaker.granted");
    CHECK(g.s.speaker->participant == "d2");
    // The same speaker again is refused.
    g.fail(kChair, "speaker.grant", Json{{"participant", "d2"}}, ErrorCode::Duplicate);
}

TEST_CASE("grant: errors") {
    Given g = seated();
    SUBCASE("empty queue") {
        auto e = g.fail(kChair, "speaker.grant", {}, ErrorCode::InvalidState);
        CHECK(e.messageVi == "không có ai trong danh sách chờ phát biểu");
        request(g, 1);
        g.fail(kChair, "speaker.grant", interp(), ErrorCode::InvalidState);
    }
    SUBCASE("absent participant") {
        g.run(delegate(8), "attendance.check_out");
        g.fail(kChair, "speaker.grant", Json{{"participant", "d8"}}, ErrorCode::InvalidState);
    }
    SUBCASE("unknown participant") { g.fail(kChair, "speaker.grant", Json{{"participant", "zz"}}, ErrorCode::NotFound); }
    SUBCASE("display account") { g.fail(kChair, "speaker.grant", Json{{"participant", "mh"}}, ErrorCode::InvalidArgument); }
    SUBCASE("bad queue") { g.fail(kChair, "speaker.grant", Json{{"queue", "x"}}, ErrorCode::InvalidArgument); }
    SUBCASE("not the chair") {
        request(g, 1);
        g.fail(kSecretary, "speaker.grant", {}, ErrorCode::Forbidden);
        g.fail(delegate(1), "speaker.grant", {}, ErrorCode::Forbidden);
    }
    SUBCASE("meeting not open") {
        Given d = defined();
        d.fail(kChair, "speaker.grant", Json{{"participant", "d1"}}, ErrorCode::InvalidState);
    }
}

TEST_CASE("grant: the current speaker waiting again does not block the next speaker") {
    Given g = seated();
    request(g, 1);
    g.run(kChair, "speaker.grant");
    request(g, 1); // d1, speaking, asks to speak again later
    request(g, 2);
    CHECK(g.floor() == Ids{"d1", "d2"});
    auto ev = g.run(kChair, "speaker.grant");
    CHECK(ev.back().payload["participant"] == "d2");
    CHECK(g.floor() == Ids{"d1"});
    // Now d1 is at the head and d2 speaks: d1 gets the floor back.
    g.run(kChair, "speaker.grant");
    CHECK(g.s.speaker->participant == "d1");
    CHECK(g.floor().empty());
    SUBCASE("only the current speaker waiting: nobody to give the floor to") {
        request(g, 1);
        g.fail(kChair, "speaker.grant", {}, ErrorCode::InvalidState);
    }
}

TEST_CASE("revoke") {
    Given g = seated();
    g.fail(kChair, "speaker.revoke", {}, ErrorCode::InvalidState);
    request(g, 1);
    g.run(kChair, "speaker.grant");
    auto ev = g.run(kChair, "speaker.revoke");
    CHECK(ev[0].type == "speaker.revoked");
    CHECK(ev[0].payload == Json{{"participant", "d1"}});
    CHECK_FALSE(g.s.speaker.has_value());
    g.fail(kChair, "speaker.revoke", {}, ErrorCode::InvalidState);
    request(g, 2);
    g.run(kChair, "speaker.grant");
    g.fail(delegate(2), "speaker.revoke", {}, ErrorCode::Forbidden);
    g.fail(kSecretary, "speaker.revoke", {}, ErrorCode::Forbidden);
}

TEST_CASE("finish: the speaker or the chair") {
    Given g = seated();
    g.fail(kChair, "speaker.finish", {}, ErrorCode::InvalidState);
    request(g, 1);
    g.run(kChair, "speaker.grant");
    auto e = g.fail(delegate(2), "speaker.finish", {}, ErrorCode::Forbidden);
    CHECK(e.messageVi == "chỉ người phát biểu hoặc chủ tọa được kết thúc phần phát biểu");
    g.fail(kSecretary, "speaker.finish", {}, ErrorCode::Forbidden);
    g.fail(kGuest, "speaker.finish", {}, ErrorCode::Forbidden);
    SUBCASE("the speaker") {
        auto ev = g.run(delegate(1), "speaker.finish");
        CHECK(ev[0].type == "speaker.finished");
        CHECK(ev[0].payload == Json{{"participant", "d1"}});
        CHECK_FALSE(g.s.speaker.has_value());
    }
    SUBCASE("the chair") {
        g.run(kChair, "speaker.finish");
        CHECK_FALSE(g.s.speaker.has_value());
    }
    SUBCASE("a speaking guest or secretary ends their own speech") {
        for (const Actor* a : {&kGuest, &kSecretary}) {
            g.run(kChair, "speaker.grant", Json{{"participant", a->id}});
            g.run(*a, "speaker.finish");
            CHECK_FALSE(g.s.speaker.has_value());
        }
    }
}

TEST_CASE("extend") {
    Given g = seated();
    g.fail(kChair, "speaker.extend", Json{{"seconds", 60}}, ErrorCode::InvalidState);
    request(g, 1);
    g.run(kChair, "speaker.grant", Json{{"seconds", 180}});
    auto ev = g.run(kChair, "speaker.extend", Json{{"seconds", 60}});
    CHECK(ev[0].type == "speaker.extended");
    CHECK(ev[0].payload == Json{{"participant", "d1"}, {"seconds", 60}});
    CHECK(g.s.speaker->allottedSeconds == 240);
    g.run(kChair, "speaker.extend", Json{{"seconds", 3600}});
    CHECK(g.s.speaker->allottedSeconds == 3840);
    g.fail(kChair, "speaker.extend", Json{{"seconds", 0}}, ErrorCode::InvalidArgument);
    g.fail(kChair, "speaker.extend", Json{{"seconds", 3601}}, ErrorCode::InvalidArgument);
    g.fail(kChair, "speaker.extend", {}, ErrorCode::MissingField);
    g.fail(delegate(1), "speaker.extend", Json{{"seconds", 60}}, ErrorCode::Forbidden);
    SUBCASE("a speech without a limit cannot be extended") {
        g.run(kChair, "speaker.grant", Json{{"participant", "d2"}, {"seconds", 0}});
        g.fail(kChair, "speaker.extend", Json{{"seconds", 60}}, ErrorCode::InvalidState);
    }
}

TEST_CASE("the chair may speak and queue like anyone") {
    Given g = seated();
    g.run(kChair, "speaker.request");
    g.run(kChair, "speaker.grant");
    CHECK(g.s.speaker->participant == "ct");
    g.run(kChair, "speaker.finish");
    CHECK_FALSE(g.s.speaker.has_value());
}

} // TEST_SUITE
