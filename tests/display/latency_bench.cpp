// room-display-latency: from a chair action to the wall display's repaint, against the real room
// server on loopback. For each action it takes three moments on one clock: the chair's command
// written, the display's store holding the change (the server, the network and the fold — the
// baseline), and the first frame put on the screen that shows it (what the room sees). Asserts
// only that every action reached the screen; the numbers are printed and, with ROOM_BENCH_OUT,
// written to display_latency.json. ROOM_BENCH_REPEATS sets the repeats per action (default 20).
#include <doctest/doctest.h>

#include <QElapsedTimer>
#include <QQmlExtensionPlugin>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>

#include "tests/bench/bench_report.h"
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

namespace {

struct Series {
    std::string name;
    std::vector<double> toState; ///< ms: command written → the display's store has it
    std::vector<double> toFrame; ///< ms: command written → first frame that shows it
};

} // namespace

TEST_CASE("chair action to the wall display's repaint") {
    room::qtest::app();
    const int repeats = std::getenv("ROOM_BENCH_REPEATS") ? std::atoi(std::getenv("ROOM_BENCH_REPEATS")) : 20;
    auto room = TestRoom::create("display-latency");
    auto chair = room->loggedIn("chair");
    for (const char* who : {"chair", "d1", "d2", "d3", "d4"})
        REQUIRE(accepted(chair->command("attendance.check_in", {{"participant", who}})));
    REQUIRE(accepted(chair->command("meeting.open")));
    REQUIRE(accepted(chair->command("agenda.start", {{"item", "2"}})));
    std::string doc;
    for (const auto& [id, d] : chair->replica().documents)
        if (d.item == "2") doc = id;
    REQUIRE_FALSE(doc.empty());

    QElapsedTimer clock;
    clock.start();
    LiveWall wall(room->port(), QString::fromStdString(room->fingerprint()), QStringLiteral("display"),
                  QString::fromStdString(itest::kPins.at("display")), clock);
    REQUIRE(wall.window != nullptr);
    REQUIRE(waitUntil([&] { return wall.current() == "item"; }));

    // One action: sends it, waits until the store has it and the scene shows it, then for the
    // next frame swapped after that.
    auto measure = [&](Series& s, const std::string& type, Json args, const std::function<bool()>& inStore,
                       const std::function<bool()>& onScreen) {
        const qint64 sent = clock.nsecsElapsed();
        const std::string id = chair->sendCommand(type, std::move(args));
        REQUIRE(waitUntil(inStore));
        const qint64 stored = wall.lastStateAt;
        REQUIRE(waitUntil(onScreen));
        const qint64 shown = clock.nsecsElapsed();
        REQUIRE(waitUntil([&] { return wall.lastFrameAt >= shown; }));
        const qint64 framed = wall.lastFrameAt;
        REQUIRE(accepted(chair->awaitAnswer(id)));
        s.toState.push_back(double(stored - sent) / 1e6);
        s.toFrame.push_back(double(framed - sent) / 1e6);
    };

    Series announce{"announcement: text on the bar", {}, {}};
    Series floor{"speaker given the floor: screen changes", {}, {}};
    Series page{"presented page turned: page rendered (1920 px) and shown", {}, {}};

    // Presenting first, so that the document is on the display before pages are timed.
    QObject* screen = nullptr;
    REQUIRE(accepted(chair->command("presentation.start", {{"document", doc}, {"page", 1}})));
    REQUIRE(waitUntil([&] {
        screen = wall.find(QStringLiteral("presentation"));
        return wall.current() == "presentation" && screen && screen->property("pageReady").toBool();
    }));
    for (int i = 0; i < repeats; ++i) {
        const int p = 2 + i % 5; // pages 2..6, each rendered afresh the first time round
        measure(page, "presentation.page", {{"page", p}},
                [&] { return wall.store->replica().presentation && wall.store->replica().presentation->page == p; },
                [&] {
                    return screen->property("pageReady").toBool() &&
                           screen->property("pageSource").toString().contains(QStringLiteral("/%1/").arg(p - 1));
                });
    }
    REQUIRE(accepted(chair->command("presentation.stop")));
    REQUIRE(waitUntil([&] { return wall.current() == "item"; }));

    for (int i = 0; i < repeats; ++i) {
        const QString text = QStringLiteral("Thông báo số %1").arg(i + 1);
        measure(announce, "announcement.make", {{"text", text.toStdString()}},
                [&] { return wall.store->replica().announcement && wall.store->replica().announcement->text == text.toStdString(); },
                [&] { return wall.shows(text); });
    }
    for (int i = 0; i < repeats; ++i) {
        const std::string who = i % 2 ? "d1" : "d2";
        const QString name = QString::fromStdString(wall.store->replica().participant(who)->fullName);
        measure(floor, "speaker.grant", {{"participant", who}, {"seconds", 120}},
                [&] { return wall.store->replica().speaker && wall.store->replica().speaker->participant == who; },
                [&] { return wall.current() == "speaker" && wall.shows(name); });
    }

    nlohmann::json out = nlohmann::json::array();
    std::printf("\nchair action → wall display, %d repeats each (ms)\n", repeats);
    std::printf("%-60s %26s %26s %8s\n", "action", "store has it p50/p99/max", "on screen p50/p99/max", "ratio");
    for (const Series* s : {&announce, &floor, &page}) {
        const auto st = bench::distribution(s->toState);
        const auto fr = bench::distribution(s->toFrame);
        std::printf("%-60s %8.1f /%7.1f /%7.1f %8.1f /%7.1f /%7.1f %7.2fx\n", s->name.c_str(), st.p50, st.p99, st.max,
                    fr.p50, fr.p99, fr.max, st.p50 > 0 ? fr.p50 / st.p50 : 0.0);
        out.push_back({{"action", s->name}, {"to_store_ms", bench::toJson(st)}, {"to_screen_ms", bench::toJson(fr)}});
    }
    if (const char* dir = std::getenv("ROOM_BENCH_OUT")) {
        std::ofstream f(std::string(dir) + "/display_latency.json");
        f << nlohmann::json{{"machine", bench::toJson(bench::machineInfo())}, {"repeats", repeats}, {"actions", out}}.dump(2)
          << '\n';
    }
}
