// Properties of the fold: snapshots round-trip, replays are identical, apply() is total.
#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

State replay(const std::vector<Event>& log) {
    State s;
    for (const auto& e : log) apply(s, e);
    return s;
}

/// Applies `e` to a copy of `s` and returns whether only seq/time changed (and to e's values).
void checkOnlyCountersMove(const State& s, const Event& e) {
    State after = s;
    apply(after, e);
    CHECK(after.seq == e.seq);
    CHECK(after.time == e.time);
    CHECK(withoutCounters(toJson(after)) == withoutCounters(toJson(s)));
}

} // namespace

TEST_SUITE("fold") {

TEST_CASE("the realistic session ends where a chair would expect") {
    Given g = fullSession();
    const State& s = g.s;
    CHECK(s.status == MeetingStatus::Closed);
    CHECK(s.currentItem.empty());
    CHECK(g.item("1").status == ItemStatus::Done);
    CHECK(g.item("1").usedMs == 5 * 60'000 + kStep);
    CHECK(g.item("2.1").status == ItemStatus::Done);
    CHECK(g.item("2.1").usedMs >= 15 * 60'000);
    CHECK(g.item("2.2").status == ItemStatus::Done);
    CHECK(g.item("3").status == ItemStatus::Skipped);
    CHECK(g.item("3").usedMs == 0);
    CHECK(g.item("4").status == ItemStatus::Done);
    CHECK(g.item("4").usedMs >= 10 * 60'000);
    CHECK(g.item("4").documents == std::vector<std::string>{hexId('d')});
    CHECK_FALSE(s.speaker.has_value());
    CHECK_FALSE(s.presentation.has_value());
    CHECK(s.floorQueue.empty());
    CHECK(s.interpellationQueue.empty());
    CHECK(s.isPresent("d7"));
    CHECK_FALSE(s.isPresent("d6"));
    CHECK(g.att("d6").checkedInBy == "tk");
    CHECK(g.att("d8").absentReason == "Đi công tác tại Hà Nội");
    CHECK(s.proxies.empty());
    CHECK(s.documents.size() == 4);
    CHECK(s.closedAt > s.openedAt);
    CHECK(s.seq == static_cast<Seq>(g.log.size()));
    for (std::size_t i = 0; i < g.log.size(); ++i) CHECK(g.log[i].seq == static_cast<Seq>(i + 1));
}

TEST_CASE("snapshot round-trip: toJson -> stateFromJson -> toJson is exact, at every step of a session") {
    Given g = fullSession();
    REQUIRE(g.log.size() > 50);
    State s;
    for (const auto& e : g.log) {
        apply(s, e);
        INFO("event ", e.seq, " ", e.type);
        const Json j = toJson(s);
        CHECK(toJson(stateFromJson(j)) == j);
        // Through text too, as snapshots are stored.
        CHECK(toJson(stateFromJson(Json::parse(j.dump()))) == j);
    }
    CHECK(toJson(s) == g.json());
}

TEST_CASE("the empty state round-trips") {
    const Json j = toJson(State{});
    CHECK(toJson(stateFromJson(j)) == j);
    CHECK(j["status"] == "draft");
    CHECK(j["speaker"].is_null());
}

TEST_CASE("replaying the same events into a fresh state gives identical JSON") {
    Given g = fullSession();
    CHECK(toJson(replay(g.log)) == g.json());
    // Through the events' JSON form, as they are stored in the log.
    std::vector<Event> reread;
    for (const auto& e : g.log) reread.push_back(eventFromJson(Json::parse(toJson(e).dump())));
    CHECK(toJson(replay(reread)) == g.json());
    // Resuming from a mid-session snapshot gives the same end state.
    const std::size_t half = g.log.size() / 2;
    State resumed = stateFromJson(toJson(replay({g.log.begin(), g.log.begin() + static_cast<long>(half)})));
    for (std::size_t i = half; i < g.log.size(); ++i) apply(resumed, g.log[i]);
    CHECK(toJson(resumed) == g.json());
}

TEST_CASE("event JSON round-trips") {
    const Event e{7, kT0, "ct", "speaker.granted", Json{{"participant", "d1"}, {"seconds", 300}}};
    const Json j = toJson(e);
    CHECK(j == Json{{"seq", 7}, {"time", kT0}, {"actor", "ct"}, {"type", "speaker.granted"},
                    {"payload", Json{{"participant", "d1"}, {"seconds", 300}}}});
    const Event back = eventFromJson(j);
    CHECK(back.seq == 7);
    CHECK(back.time == kT0);
    CHECK(back.actor == "ct");
    CHECK(back.type == "speaker.granted");
    CHECK(back.payload == e.payload);
    CHECK_THROWS_AS(eventFromJson(Json{{"seq", 1}}), nlohmann::json::exception);
    CHECK_THROWS_AS(stateFromJson(Json::object()), nlohmann::json::exception);
}

TEST_CASE("apply of an unknown event type only advances seq and time") {
    Given g = fullSession();
    for (const char* type : {"vote.opened", "", "meeting.renamed", "MEETING.CLOSED"}) {
        INFO("type: ", std::string(type));
        checkOnlyCountersMove(g.s, Event{g.s.seq + 1, g.clock, "system", type, Json{{"x", 1}}});
    }
}

TEST_CASE("apply of a malformed meeting.defined leaves the state unchanged except seq") {
    Given g = defined();
    g.run(delegate(1), "attendance.check_in");
    g.run(kSecretary, "document.add", docArgs('a', 3, "meeting", nullptr, "2"));
    Json good = g.log.front().payload;
    Json noId = good;
    noId["participants"][4].erase("id");
    Json badItem = good;
    badItem["agenda"][3]["id"] = 5;
    Json badTitle = good;
    badTitle["meeting"]["title"] = Json::array();
    Json noAgenda = good;
    noAgenda.erase("agenda");
    Json badDocs = good;
    badDocs["agenda"][0]["documents"] = "x";
    for (const Json& payload : {Json::object(), Json{{"meeting", 5}}, Json::array(), Json("x"), noId, badItem,
                                badTitle, noAgenda, badDocs}) {
        INFO("payload: ", payload.dump().substr(0, 120));
        checkOnlyCountersMove(g.s, Event{g.s.seq + 1, g.clock, "qt", "meeting.defined", payload});
    }
}

TEST_CASE("apply of a malformed document.added leaves the state unchanged except seq") {
    Given g = defined();
    for (const Json& payload : {Json::object(), Json{{"document", 5}}, Json{{"document", Json{{"title", "x"}}}},
                                Json{{"document", Json{{"id", hexId('a')}, {"pages", "many"}, {"item", "2"}}}}}) {
        INFO("payload: ", payload.dump());
        checkOnlyCountersMove(g.s, Event{g.s.seq + 1, g.clock, "tk", "document.added", payload});
    }
}

TEST_CASE("apply of a malformed speaker.granted changes nothing (not even the queue)") {
    Given g = seated();
    g.run(delegate(1), "speaker.request");
    g.run(delegate(2), "speaker.request");
    for (const Json& payload : {Json{{"participant", "d1"}, {"queue", "floor"}, {"point_of_order", "yes"}},
                                Json{{"participant", "d1"}, {"queue", "floor"}, {"seconds", "300"}}}) {
        INFO("payload: ", payload.dump());
        checkOnlyCountersMove(g.s, Event{g.s.seq + 1, g.clock, "ct", "speaker.granted", payload});
    }
}

TEST_CASE("apply never throws, even on events of the wrong shape") {
    Given g = seated();
    g.run(delegate(1), "speaker.request");
    for (const auto t : {"meeting.opened", "attendance.checked_in", "attendance.checked_out", "proxy.granted",
                         "agenda.item_started", "agenda.item_finished", "agenda.item_skipped", "speaker.requested",
                         "speaker.withdrawn", "speaker.extended", "presentation.started",
                         "presentation.page_changed", "announcement.made", "document.removed"}) {
        for (const Json& payload : {Json::array(), Json(3), Json{{"participant", 4}, {"item", Json::array()}}}) {
            INFO("type: ", std::string(t));
            INFO("payload: ", payload.dump());
            State copy = g.s;
            CHECK_NOTHROW(apply(copy, Event{g.s.seq + 1, g.clock, "x", t, payload}));
            CHECK(copy.seq == g.s.seq + 1);
        }
    }
}

TEST_CASE("names of enums round-trip") {
    for (const auto r : kAllRoles) CHECK(roleFromName(roleName(r)) == r);
    CHECK_FALSE(roleFromName("chủ tọa").has_value());
    for (const auto k : {SpeakerQueueKind::Floor, SpeakerQueueKind::Interpellation}) CHECK(queueFromName(queueName(k)) == k);
    CHECK(itemStatusName(ItemStatus::Skipped) == "skipped");
    CHECK(audienceName(Audience::Confidential) == "confidential");
    CHECK(meetingStatusName(MeetingStatus::Scheduled) == "scheduled");
}

} // TEST_SUITE
