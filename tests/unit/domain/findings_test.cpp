// Rules found by reviewing the domain as a chair or secretary would, each pinned by a test.
#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

TEST_SUITE("review findings") {

TEST_CASE("check-out and removal record the speech and presentation they end") {
    // The minutes are built from events, so every ending must be an event of its own.
    Given g = seated();
    g.run(kSecretary, "document.add", docArgs('a'));
    g.run(kChair, "presentation.start", Json{{"document", hexId('a')}});
    g.run(delegate(1), "speaker.request");
    g.run(kChair, "speaker.grant");
    auto out = g.decideAs(delegate(1), "attendance.check_out");
    REQUIRE(out.ok());
    CHECK(types(*out) == std::vector<std::string>{"speaker.finished", "attendance.checked_out"});
    auto rm = g.decideAs(kSecretary, "document.remove", Json{{"document", hexId('a')}});
    REQUIRE(rm.ok());
    CHECK(types(*rm) == std::vector<std::string>{"presentation.stopped", "document.removed"});
}

TEST_CASE("meeting.close records the end of every item under way, sub-items first") {
    // Items 2 and 2.1 are under way: both endings are recorded, the sub-item first.
    Given g = opened();
    g.run(kChair, "agenda.start", Json{{"item", "2"}});
    g.run(kChair, "agenda.start", Json{{"item", "2.1"}});
    auto r = g.decideAs(kChair, "meeting.close");
    REQUIRE(r.ok());
    CHECK(types(*r) == std::vector<std::string>{"agenda.item_finished", "agenda.item_finished", "meeting.closed"});
}

TEST_CASE("starting a sub-item directly opens the items that contain it") {
    // Otherwise "next" would later come back to item 2 after its sub-items are done.
    Given g = opened();
    g.run(kChair, "agenda.start", Json{{"item", "2.1"}});
    CHECK(g.item("2").status == ItemStatus::Active);
}

TEST_CASE("a field of the wrong type is InvalidArgument; an absent one MissingField") {
    // One rule everywhere: absent → MissingField, present but of the wrong type → InvalidArgument.
    Given g;
    Json a = meetingArgs();
    a["participants"] = Json::object();
    g.fail(kAdmin, "meeting.define", a, ErrorCode::InvalidArgument); // like "agenda": {}
}

TEST_CASE("closing the meeting clears the announcement") {
    // The wall display shows nothing left over from the session once it is closed.
    Given g = opened();
    g.run(kSecretary, "announcement.make", Json{{"text", "Giải lao 15 phút"}});
    g.run(kChair, "meeting.close");
    CHECK_FALSE(g.s.announcement.has_value());
}

TEST_CASE("Vietnamese 'missing field' messages carry no English") {
    Given g = opened();
    auto e = g.fail(kSecretary, "attendance.note_absence", Json{{"participant", "d1"}}, ErrorCode::MissingField);
    CHECK(e.messageVi.find("reason for the absence") == std::string::npos);
    CHECK(e.messageVi == "thiếu trường 'reason'");
}

TEST_CASE("redefinition keeps the order of an item's documents") {
    Given g = defined();
    g.run(kSecretary, "document.add", docArgs('b', 1, "meeting", nullptr, "3"));
    g.run(kSecretary, "document.add", docArgs('a', 1, "meeting", nullptr, "3"));
    g.run(kAdmin, "meeting.define", meetingArgs());
    CHECK(g.item("3").documents == std::vector<std::string>{hexId('b'), hexId('a')});
}

} // TEST_SUITE

