// agenda.start / finish / next / skip
#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

std::vector<std::string> runTypes(Given& g, const char* type, Json args = Json::object()) {
    std::vector<std::string> out;
    for (const auto& e : g.run(kChair, type, std::move(args))) out.push_back(e.type);
    return out;
}

using Types = std::vector<std::string>;

} // namespace

TEST_SUITE("agenda") {

TEST_CASE("agenda commands need an open meeting") {
    for (Given g : {defined(), drafted()}) {
        g.fail(kChair, "agenda.start", Json{{"item", "1"}}, ErrorCode::InvalidState);
        g.fail(kChair, "agenda.next", {}, ErrorCode::InvalidState);
        g.fail(kChair, "agenda.finish", {}, ErrorCode::InvalidState);
        g.fail(kChair, "agenda.skip", Json{{"item", "1"}}, ErrorCode::InvalidState);
    }
}

TEST_CASE("start an item") {
    Given g = opened();
    CHECK(runTypes(g, "agenda.start", Json{{"item", "3"}}) == Types{"agenda.item_started"});
    CHECK(g.s.currentItem == "3");
    CHECK(g.item("3").status == ItemStatus::Active);
    CHECK(g.item("3").startedAt == g.clock - kStep);
    CHECK(g.item("3").endedAt == 0);
    SUBCASE("already under way") { g.fail(kChair, "agenda.start", Json{{"item", "3"}}, ErrorCode::Duplicate); }
    SUBCASE("unknown item") { g.fail(kChair, "agenda.start", Json{{"item", "9"}}, ErrorCode::NotFound); }
    SUBCASE("missing item") { g.fail(kChair, "agenda.start", {}, ErrorCode::MissingField); }
    SUBCASE("item not a string") { g.fail(kChair, "agenda.start", Json{{"item", 3}}, ErrorCode::InvalidArgument); }
    SUBCASE("a delegate may not") { g.fail(delegate(1), "agenda.start", Json{{"item", "1"}}, ErrorCode::Forbidden); }
}

TEST_CASE("starting another item finishes the current one, accumulating used time from event times") {
    Given g = opened();
    g.clock = kT0 + 1'000'000;
    g.run(kChair, "agenda.start", Json{{"item", "1"}});
    g.clock = kT0 + 1'600'000;
    CHECK(runTypes(g, "agenda.start", Json{{"item", "2"}}) == Types{"agenda.item_finished", "agenda.item_started"});
    CHECK(g.item("1").status == ItemStatus::Done);
    CHECK(g.item("1").usedMs == 600'000);
    CHECK(g.item("1").endedAt == kT0 + 1'600'000);
    CHECK(g.item("2").status == ItemStatus::Active);
    CHECK(g.s.currentItem == "2");

    SUBCASE("a done item can be taken up again; its time adds up") {
        g.clock = kT0 + 2'000'000;
        g.run(kChair, "agenda.start", Json{{"item", "1"}});
        CHECK(g.item("1").status == ItemStatus::Active);
        CHECK(g.item("1").endedAt == 0);
        CHECK(g.item("1").startedAt == kT0 + 2'000'000);
        CHECK(g.item("2").usedMs == 400'000);
        g.clock = kT0 + 2'090'000;
        g.run(kChair, "agenda.finish");
        CHECK(g.item("1").usedMs == 690'000);
        CHECK(g.item("1").status == ItemStatus::Done);
    }
    SUBCASE("a skipped item can be taken up after all") {
        g.run(kChair, "agenda.skip", Json{{"item", "4"}});
        g.run(kChair, "agenda.start", Json{{"item", "4"}});
        CHECK(g.item("4").status == ItemStatus::Active);
    }
}

TEST_CASE("finish") {
    Given g = opened();
    g.fail(kChair, "agenda.finish", {}, ErrorCode::InvalidState); // nothing under way
    g.clock = kT0 + 10'000;
    g.run(kChair, "agenda.start", Json{{"item", "2.1"}});
    SUBCASE("the current item, unnamed") {
        g.clock = kT0 + 70'000;
        auto ev = g.run(kChair, "agenda.finish");
        REQUIRE(ev.size() == 1);
        CHECK(ev[0].type == "agenda.item_finished");
        CHECK(ev[0].payload == Json{{"item", "2.1"}});
        CHECK(g.item("2.1").status == ItemStatus::Done);
        CHECK(g.item("2.1").usedMs == 60'000);
        // Going straight to 2.1 opened item 2 too; it is under way until finished in turn.
        CHECK(g.s.currentItem == "2");
        CHECK(g.item("2").status == ItemStatus::Active);
        ev = g.run(kChair, "agenda.finish");
        CHECK(ev[0].payload == Json{{"item", "2"}});
        CHECK(g.s.currentItem.empty());
        g.fail(kChair, "agenda.finish", {}, ErrorCode::InvalidState);
    }
    SUBCASE("named") {
        g.run(kChair, "agenda.finish", Json{{"item", "2.1"}});
        CHECK(g.item("2.1").status == ItemStatus::Done);
    }
    SUBCASE("naming another item") { g.fail(kChair, "agenda.finish", Json{{"item", "2"}}, ErrorCode::InvalidState); }
    SUBCASE("naming an unknown item") { g.fail(kChair, "agenda.finish", Json{{"item", "x"}}, ErrorCode::NotFound); }
    SUBCASE("a bad item id") { g.fail(kChair, "agenda.finish", Json{{"item", "../2.1"}}, ErrorCode::InvalidArgument); }
}

TEST_CASE("next walks the agenda in pre-order, passing over what is not pending") {
    Given g = opened();
    CHECK(runTypes(g, "agenda.next") == Types{"agenda.item_started"});
    CHECK(g.s.currentItem == "1");
    CHECK(runTypes(g, "agenda.next") == Types{"agenda.item_finished", "agenda.item_started"});
    CHECK(g.s.currentItem == "2");
    g.run(kChair, "agenda.next");
    CHECK(g.s.currentItem == "2.1");
    g.run(kChair, "agenda.skip", Json{{"item", "2.2"}});
    CHECK(runTypes(g, "agenda.next") == Types{"agenda.item_finished", "agenda.item_finished", "agenda.item_started"});
    CHECK(g.s.currentItem == "3");
    CHECK(g.item("2.2").status == ItemStatus::Skipped);
    g.run(kChair, "agenda.next");
    CHECK(g.s.currentItem == "4");
    auto e = g.fail(kChair, "agenda.next", {}, ErrorCode::InvalidState);
    CHECK(e.messageVi == "không còn nội dung nào tiếp theo");
    g.run(kChair, "agenda.finish");
    g.fail(kChair, "agenda.next", {}, ErrorCode::InvalidState); // everything done or skipped
    for (const char* id : {"1", "2", "2.1", "3", "4"}) CHECK(g.item(id).status == ItemStatus::Done);
}

TEST_CASE("next after a finished item goes on from the first pending item") {
    Given g = opened();
    g.run(kChair, "agenda.start", Json{{"item", "1"}});
    g.run(kChair, "agenda.finish");
    g.run(kChair, "agenda.next");
    CHECK(g.s.currentItem == "2");
}

TEST_CASE("next from an item chosen out of order continues after it") {
    Given g = opened();
    g.run(kChair, "agenda.start", Json{{"item", "2.2"}});
    g.run(kChair, "agenda.next");
    CHECK(g.s.currentItem == "3");
    CHECK(g.item("2.2").status == ItemStatus::Done);
    CHECK(g.item("1").status == ItemStatus::Pending);
}

TEST_CASE("skip") {
    Given g = opened();
    auto ev = g.run(kChair, "agenda.skip", Json{{"item", "3"}});
    CHECK(ev[0].type == "agenda.item_skipped");
    CHECK(ev[0].payload == Json{{"item", "3"}});
    CHECK(g.item("3").status == ItemStatus::Skipped);
    CHECK(g.s.currentItem.empty());
    // Only a pending item: not the active one, a done one, or a skipped one.
    g.fail(kChair, "agenda.skip", Json{{"item", "3"}}, ErrorCode::InvalidState);
    g.run(kChair, "agenda.start", Json{{"item", "1"}});
    g.fail(kChair, "agenda.skip", Json{{"item", "1"}}, ErrorCode::InvalidState);
    g.run(kChair, "agenda.finish");
    g.fail(kChair, "agenda.skip", Json{{"item", "1"}}, ErrorCode::InvalidState);
    g.fail(kChair, "agenda.skip", Json{{"item", "7"}}, ErrorCode::NotFound);
    g.fail(kChair, "agenda.skip", {}, ErrorCode::MissingField);
    // Skipping a parent leaves its sub-items alone.
    g.run(kChair, "agenda.skip", Json{{"item", "2"}});
    CHECK(g.item("2.1").status == ItemStatus::Pending);
}

TEST_CASE("a sub-item keeps its parent under way; leaving the parent finishes both, deepest first") {
    Given g = opened();
    g.run(kChair, "agenda.next"); // 1
    g.clock = kT0 + 100'000;
    g.run(kChair, "agenda.next"); // 2
    g.clock = kT0 + 200'000;
    CHECK(runTypes(g, "agenda.next") == Types{"agenda.item_started"});
    CHECK(g.s.currentItem == "2.1");
    CHECK(g.item("2").status == ItemStatus::Active);
    g.clock = kT0 + 300'000;
    CHECK(runTypes(g, "agenda.next") == Types{"agenda.item_finished", "agenda.item_started"});
    CHECK(g.s.currentItem == "2.2");
    CHECK(g.item("2.1").status == ItemStatus::Done);
    CHECK(g.item("2").status == ItemStatus::Active);
    SUBCASE("finishing the sub-item returns to the parent") {
        g.clock = kT0 + 400'000;
        g.run(kChair, "agenda.finish");
        CHECK(g.s.currentItem == "2");
        CHECK(g.item("2").status == ItemStatus::Active);
        g.fail(kChair, "agenda.finish", Json{{"item", "2.2"}}, ErrorCode::InvalidState);
        g.clock = kT0 + 500'000;
        g.run(kChair, "agenda.finish", Json{{"item", "2"}});
        CHECK(g.s.currentItem.empty());
        CHECK(g.item("2").usedMs == 400'000);
    }
    SUBCASE("moving on to the next top-level item") {
        g.clock = kT0 + 400'000;
        auto ev = g.run(kChair, "agenda.next");
        REQUIRE(ev.size() == 3);
        CHECK(ev[0].payload["item"] == "2.2");
        CHECK(ev[1].payload["item"] == "2");
        CHECK(ev[2].payload["item"] == "3");
        CHECK(g.item("2").status == ItemStatus::Done);
        CHECK(g.item("2").usedMs == 300'000); // the parent's time spans its sub-items
        CHECK(g.item("2.2").usedMs == 100'000);
        CHECK(g.s.currentItem == "3");
    }
    SUBCASE("closing the meeting finishes the sub-item and its parent") {
        g.run(kChair, "meeting.close");
        CHECK(g.item("2.2").status == ItemStatus::Done);
        CHECK(g.item("2").status == ItemStatus::Done);
        CHECK(g.s.currentItem.empty());
    }
    SUBCASE("the parent is under way: starting it again is a duplicate") {
        g.fail(kChair, "agenda.start", Json{{"item", "2"}}, ErrorCode::Duplicate);
        g.fail(kChair, "agenda.skip", Json{{"item", "2"}}, ErrorCode::InvalidState);
    }
}

TEST_CASE("next comes back to items the chair passed over") {
    Given g = opened();
    g.run(kChair, "agenda.start", Json{{"item", "3"}});
    g.run(kChair, "agenda.next");
    CHECK(g.s.currentItem == "4");
    CHECK(runTypes(g, "agenda.next") == Types{"agenda.item_finished", "agenda.item_started"});
    CHECK(g.s.currentItem == "1");
    g.run(kChair, "agenda.next");
    CHECK(g.s.currentItem == "2");
    g.run(kChair, "agenda.next");
    g.run(kChair, "agenda.next");
    CHECK(g.s.currentItem == "2.2");
    g.fail(kChair, "agenda.next", {}, ErrorCode::InvalidState);
}

TEST_CASE("only the current item and the items containing it are ever active") {
    Given g = opened();
    for (const char* id : {"1", "3", "2.1", "4", "2", "2.2", "2.1", "1"}) {
        if (g.item(id).status == ItemStatus::Active) continue;
        INFO("start ", std::string(id));
        g.run(kChair, "agenda.start", Json{{"item", id}});
        CHECK(g.s.currentItem == id);
        for (const auto& i : g.s.agenda) {
            if (i.status != ItemStatus::Active || i.id == g.s.currentItem) continue;
            CHECK(g.item(g.s.currentItem).parent == i.id); // the agenda is two levels deep
        }
    }
}

} // TEST_SUITE
