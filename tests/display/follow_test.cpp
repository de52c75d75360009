// The wall display against the real room server on loopback: it follows the chair through an
// agenda walk, the floor, a vote with its result and a presented document, and shows the calm
// waiting screen when the server goes away.
#include <doctest/doctest.h>

#include <QElapsedTimer>

#include <cstdlib>
#include <QQmlExtensionPlugin>

#include "tests/display/live_wall.h"
#include "tests/integration/room_fixture.h"
#include "tests/tablet/qt_app.h"

Q_IMPORT_QML_PLUGIN(PhongHop_TabletPlugin)
Q_IMPORT_QML_PLUGIN(PhongHop_DisplayPlugin)

using namespace room;
using room::itest::accepted;
using room::itest::TestRoom;
using room::qtest::LiveWall;
using room::qtest::waitUntil;

TEST_CASE("the wall display follows the chair through an agenda walk, a vote and a presentation") {
    room::qtest::app();
    auto room = TestRoom::create("display-follow");
    auto chair = room->loggedIn("chair");
    QElapsedTimer clock;
    clock.start();
    LiveWall wall(room->port(), QString::fromStdString(room->fingerprint()), QStringLiteral("display"),
                  QString::fromStdString(itest::kPins.at("display")), clock, QStringLiteral("en"));
    REQUIRE(wall.window != nullptr);
    REQUIRE(waitUntil([&] { return wall.store->loggedIn() && wall.current() != "waiting"; }));
    CHECK(wall.shows(QStringLiteral("Phiên họp thử nghiệm")));

    // Check-in: the attendance screen counts the members as they arrive.
    REQUIRE(waitUntil([&] { return wall.current() == "attendance"; }));
    for (const char* who : {"chair", "d1", "d2", "d3", "d4"})
        REQUIRE(accepted(chair->command("attendance.check_in", {{"participant", who}})));
    REQUIRE(waitUntil([&] { return wall.shows(QStringLiteral("Quorum reached")); }));
    CHECK(wall.shows(QStringLiteral("members present")));
    REQUIRE(accepted(chair->command("meeting.open")));
    REQUIRE(waitUntil([&] { return wall.current() == "idle"; }));

    // The agenda walk: each item as the chair starts it.
    REQUIRE(accepted(chair->command("agenda.start", {{"item", "1"}})));
    REQUIRE(waitUntil([&] { return wall.current() == "item" && wall.shows(QStringLiteral("Khai mạc")); }));
    REQUIRE(accepted(chair->command("agenda.next")));
    REQUIRE(waitUntil([&] { return wall.shows(QStringLiteral("Báo cáo kinh tế - xã hội")); }));

    // The floor.
    REQUIRE(accepted(chair->command("speaker.request", {{"participant", "d2"}})));
    REQUIRE(accepted(chair->command("speaker.request", {{"participant", "d3"}, {"point_of_order", true}})));
    REQUIRE(accepted(chair->command("speaker.grant", {{"participant", "d1"}, {"seconds", 120}})));
    REQUIRE(waitUntil([&] { return wall.current() == "speaker"; }));
    const auto* d1 = wall.store->replica().participant("d1");
    REQUIRE(d1 != nullptr);
    CHECK(waitUntil([&] { return wall.shows(QString::fromStdString(d1->fullName)); }));
    CHECK(waitUntil([&] { return wall.shows(QString::fromStdString(wall.store->replica().participant("d2")->fullName)); }));
    REQUIRE(accepted(chair->command("speaker.finish")));
    REQUIRE(waitUntil([&] { return wall.current() == "item"; }));

    // A vote: the question and the turnout, never a count while it is open; then the result.
    REQUIRE(accepted(chair->command("poll.create", {{"id", "p1"}, {"question", "Thông qua báo cáo kinh tế - xã hội"}})));
    REQUIRE(accepted(chair->command("poll.open", {{"poll", "p1"}})));
    REQUIRE(waitUntil([&] { return wall.current() == "vote" && wall.shows(QStringLiteral("Thông qua báo cáo")); }));
    CHECK(waitUntil([&] { return wall.shows(QStringLiteral("0 of 5 have voted")); }));
    std::vector<std::unique_ptr<itest::Client>> voters;
    for (const char* who : {"d1", "d2", "d3"}) {
        voters.push_back(room->loggedIn(who));
        REQUIRE(accepted(voters.back()->command("poll.cast", {{"poll", "p1"}, {"choices", Json::array({0})}})));
    }
    REQUIRE(waitUntil([&] { return wall.shows(QStringLiteral("3 of 5 have voted")); }));
    // (An open vote publishes its result as it closes.)
    REQUIRE(accepted(chair->command("poll.close", {{"poll", "p1"}})));
    REQUIRE(waitUntil([&] { return wall.current() == "result"; }));
    CHECK(waitUntil([&] { return wall.shows(QStringLiteral("Thông qua báo cáo")); }));

    // A presented document, sharp and turning with the chair.
    std::string doc;
    for (const auto& [id, d] : chair->replica().documents)
        if (d.item == "2") doc = id;
    REQUIRE_FALSE(doc.empty());
    REQUIRE(accepted(chair->command("presentation.start", {{"document", doc}, {"page", 1}})));
    REQUIRE(waitUntil([&] { return wall.current() == "presentation"; }));
    QObject* screen = wall.find(QStringLiteral("presentation"));
    REQUIRE(screen != nullptr);
    REQUIRE(waitUntil([&] { return screen->property("pageReady").toBool(); }, 20000));
    REQUIRE(accepted(chair->command("presentation.page", {{"page", 3}})));
    REQUIRE(waitUntil([&] { return wall.shows(QStringLiteral("page 3 of 6")) && screen->property("pageReady").toBool(); }, 20000));
    REQUIRE(accepted(chair->command("presentation.stop")));
    REQUIRE(waitUntil([&] { return wall.current() == "item"; }));

    // An announcement across the bottom.
    REQUIRE(accepted(chair->command("announcement.make", {{"text", "Giải lao 15 phút"}})));
    REQUIRE(waitUntil([&] { return wall.shows(QStringLiteral("Giải lao 15 phút")); }));

    // A video clip the secretary attached: it plays on the wall while the chair presents it.
    auto secretary = room->loggedIn("secretary");
    const char* data = std::getenv("ROOM_TEST_DATA");
    REQUIRE(data != nullptr);
    const std::string clip = TestRoom::readFile(std::filesystem::path(data) / "video/presented-2s.webm");
    auto uploaded = room->http("POST", "/api/documents",
                               {{"authorization", "Bearer " + secretary->session()}, {"content-type", "video/webm"},
                                {"x-title", "Phim%20t%C6%B0%20li%E1%BB%87u"}, {"x-item", "2"}}, clip);
    REQUIRE(uploaded);
    INFO(uploaded->body);
    REQUIRE(uploaded->status == 201);
    const Json added = Json::parse(uploaded->body);
    CHECK(added.value("media_type", "") == "video/webm");
    REQUIRE(accepted(chair->command("presentation.start", {{"document", added.at("id")}})));
    REQUIRE(waitUntil([&] { return wall.current() == "presentation" && wall.shows(QStringLiteral("Phim tư liệu")); }));
    screen = wall.find(QStringLiteral("presentation"));
    REQUIRE(screen != nullptr);
    REQUIRE(waitUntil([&] { return screen->property("videoPlaying").toBool(); }, 20000));
    REQUIRE(waitUntil([&] { return screen->property("framesShown").toInt() > 5; }, 20000));
    // A clip has no pages to turn.
    CHECK(itest::code(chair->command("presentation.page", {{"page", 2}})) == "invalid_state");
    REQUIRE(accepted(chair->command("presentation.stop")));
    REQUIRE(waitUntil([&] { return wall.current() == "item" && !screen->property("videoPlaying").toBool(); }));

    // The server goes away: the calm waiting screen, never an error.
    room->kill9();
    REQUIRE(waitUntil([&] { return wall.current() == "waiting"; }, 20000));
    CHECK_FALSE(wall.shows(QStringLiteral("rror")));
    CHECK(wall.frames > 0);
}
