// The tablet app's screens driven like a delegate drives them, against the real room server:
// the login form, the floor, a vote with its confirmation and receipt. The chair acts through a
// second store. Runs headless (QT_QPA_PLATFORM=offscreen).
#include <doctest/doctest.h>

#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQuickTest/quicktest.h>

#include <functional>
#include <map>

#include "tablet-app/src/appearance.h"
#include "tablet-app/src/room_store.h"
#include "tablet-app/src/scene_lookup.h"
#include "tests/integration/room_fixture.h"
#include "tests/tablet/qt_app.h"

Q_IMPORT_QML_PLUGIN(PhongHop_TabletPlugin)

using namespace room;
using room::itest::TestRoom;
using room::tablet::RoomStore;

using room::qtest::app;
using room::qtest::waitUntil;

namespace {

/// The app as it runs on a tablet: the store, the engine and the main window.
struct App {
    bool ready = (app(), room::tablet::applyAppearance(), true);
    RoomStore store{nullptr};
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;

    App() {
        RoomStore::setInstance(&store);
        store.setLanguage(QStringLiteral("en"));
        store.setEngine(&engine);
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/PhongHop/Tablet/Main.qml")));
        REQUIRE_FALSE(engine.rootObjects().isEmpty());
        window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        REQUIRE(window != nullptr);
        REQUIRE(QTest::qWaitForWindowExposed(window));
    }
    QObject* find(const char* name) { return room::tablet::findInScene(window->contentItem(), QString::fromUtf8(name)); }
    /// Waits for a visible, enabled control and taps the middle of it.
    bool tap(const char* name) {
        QQuickItem* item = nullptr;
        const bool found = waitUntil([&] {
            item = qobject_cast<QQuickItem*>(find(name));
            return item && item->isVisible() && item->isEnabled() && item->width() > 0;
        });
        if (!found) return false;
        // A screen that has just come to the front may still be laid out: tap where it ends up.
        if (!QQuickTest::qWaitForPolish(window)) return false;
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        return true;
    }
    bool type(const char* field, const QString& text) {
        QObject* o = find(field);
        return o && o->setProperty("text", text);
    }
};

} // namespace

TEST_CASE("a delegate logs in on the form, asks for the floor and votes with a confirmation") {
    auto room = TestRoom::create("tablet-ui");
    App tablet;
    RoomStore chair(nullptr);
    chair.setServer(QStringLiteral("127.0.0.1"), room->port(), QString::fromStdString(room->fingerprint()));
    std::map<QString, bool> chairAnswers;
    QObject::connect(&chair, &RoomStore::commandFinished, &chair,
                     [&](const QString& id, bool ok, const QString&, const QString&) { chairAnswers[id] = ok; });
    auto chairRuns = [&](const QString& type, const QVariantMap& args = {}) {
        const QString id = chair.command(type, args);
        return waitUntil([&] { return chairAnswers.count(id) > 0; }) && chairAnswers[id];
    };

    // The login form: address, fingerprint, delegate code, PIN, then the button.
    REQUIRE(tablet.find("loginButton") != nullptr);
    CHECK(tablet.type("host", QStringLiteral("127.0.0.1")));
    CHECK(tablet.type("port", QString::number(room->port())));
    CHECK(tablet.type("fingerprint", QString::fromStdString(room->fingerprint())));
    CHECK(tablet.type("participant", QStringLiteral("d1")));
    CHECK(tablet.type("pin", QString::fromStdString(itest::kPins.at("d1"))));
    REQUIRE(tablet.tap("loginButton"));
    REQUIRE_MESSAGE(waitUntil([&] { return tablet.store.loggedIn(); }), tablet.store.loginError().toStdString());
    CHECK(tablet.store.role() == "delegate");
    REQUIRE(waitUntil([&] { return tablet.find("delegateHome") != nullptr; }));

    chair.loginWithPin(QStringLiteral("chair"), QString::fromStdString(itest::kPins.at("chair")));
    REQUIRE(waitUntil([&] { return chair.loggedIn() && !chair.replica().meeting.id.empty(); }));
    REQUIRE(chairRuns(QStringLiteral("attendance.check_in"), {{"participant", "d1"}}));
    REQUIRE(chairRuns(QStringLiteral("meeting.open")));

    // The floor: the delegate's button puts them in the chair's queue.
    tablet.window->setProperty("view", QStringLiteral("floor"));
    REQUIRE(tablet.tap("askToSpeak"));
    REQUIRE(waitUntil([&] { return chair.floorQueue()->count() == 1; }));
    CHECK(chair.floorQueue()->get(0).toMap().value("id").toString() == "d1");
    REQUIRE(waitUntil([&] { return tablet.store.myRequests().value("floor").toInt() == 1; }));

    // A vote opens: the tablet brings the vote to the front by itself.
    REQUIRE(chairRuns(QStringLiteral("poll.create"), {{"id", "nq-ui"}, {"question", "Thông qua chương trình"}}));
    REQUIRE(chairRuns(QStringLiteral("poll.open"), {{"poll", "nq-ui"}}));
    REQUIRE(waitUntil([&] { return tablet.window->property("view").toString() == "vote"; }));

    // Tapping a choice asks first; nothing is sent before "Send my vote".
    REQUIRE(tablet.tap("voteOption0"));
    QObject* confirm = tablet.find("confirmVote");
    REQUIRE(confirm != nullptr);
    REQUIRE(waitUntil([&] { return confirm->property("opened").toBool(); }));
    CHECK(chair.livePoll().value("voted").toInt() == 0);
    REQUIRE(tablet.tap("sendVote"));
    REQUIRE(waitUntil([&] { return !tablet.store.receiptFor(QStringLiteral("nq-ui")).toMap().isEmpty(); }));
    CHECK(tablet.store.receiptFor(QStringLiteral("nq-ui")).toMap().value("hash").toString().size() == 64);
    REQUIRE(waitUntil([&] { return chair.livePoll().value("voted").toInt() == 1; }));
    CHECK(chair.replica().poll("nq-ui")->ballots.at("d1").choices == std::vector<int>{0});
    CHECK_FALSE(tablet.store.livePoll().value("canVote").toBool());

    // Logging out from the top bar returns to the form with nothing of the meeting left.
    tablet.store.logout();
    REQUIRE(waitUntil([&] { return tablet.find("loginButton") != nullptr; }));
    CHECK(tablet.store.agenda()->count() == 0);
}
