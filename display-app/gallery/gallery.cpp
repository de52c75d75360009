// display-app-gallery --out DIR: renders every screen of the wall display at 1920×1080 on fixture
// states of the demo meeting (made by the domain's own rules) to PNG, under
// QT_QPA_PLATFORM=offscreen. Exits non-zero if a screen cannot be rendered or QML warns.
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>

#include <cstdio>

#include "display-app/src/qr_image.h"
#include "shared/domain/state.h"
#include "tablet-app/gallery/fixture.h"
#include "tablet-app/gallery/gallery_support.h"
#include "tablet-app/src/appearance.h"
#include "tablet-app/src/room_store.h"

Q_IMPORT_QML_PLUGIN(PhongHop_TabletPlugin)
Q_IMPORT_QML_PLUGIN(PhongHop_DisplayPlugin)


int main(int argc, char* argv[]) {
    room::tablet::gallery::startGallery();
    QGuiApplication app(argc, argv);
    room::tablet::applyAppearance();
    QDir dir;
    if (!room::tablet::gallery::outputDir("display-app-gallery", &dir)) return 2;

    using room::Role;
    using room::tablet::gallery::Moment;
    room::tablet::RoomStore store(nullptr);
    store.addTranslationDomain(QStringLiteral("display-app"));
    store.setAssumedConnection(QStringLiteral("online"));
    const std::string& pdf = room::tablet::gallery::demoPdf();
    const QByteArray bytes = QByteArray::fromStdString(pdf);
    store.library()->addLocal(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()), bytes);
    room::tablet::RoomStore::setInstance(&store);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    store.setEngine(&engine);
    engine.addImageProvider(QStringLiteral("qr"), new room::display::QrImageProvider());
    engine.setInitialProperties({{QStringLiteral("serverCode"),
                                  room::display::serverCode(QStringLiteral("192.168.10.5"), 9443,
                                                            QStringLiteral("3FA01B7C22D9410E8B6A55C319F207AE643D9018BCE5724F0AD63891CB2E9C11"))}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/PhongHop/Display/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!window) return 1;
    window->resize(1920, 1080);

    int failures = 0;
    auto shoot = [&](const QString& name, const char* expected) {
        room::tablet::gallery::settle(window, 600); // the cross-fade between screens takes 400 ms
        if (window->property("current").toString() != QLatin1String(expected)) {
            std::fprintf(stderr, "%s: the display shows '%s', not '%s'\n", qPrintable(name),
                         qPrintable(window->property("current").toString()), expected);
            ++failures;
        }
        const QImage image = window->grabWindow();
        const QString path = dir.filePath(name + QStringLiteral(".png"));
        if (image.isNull() || !image.save(path)) {
            ++failures;
            return;
        }
        std::printf("%s\n", qPrintable(path));
    };
    auto scene = [&](Moment moment) {
        const room::State state = room::tablet::gallery::demoState(moment);
        store.setReplica(state, QStringLiteral("display-main"), Role::Display);
        store.setFixedNow(room::tablet::gallery::fixtureNow(state));
    };

    store.setReplica(room::State{}, QString(), Role::Display);
    store.setFixedNow(room::tablet::gallery::fixtureNow(room::tablet::gallery::demoState(Moment::BeforeOpening)));
    shoot(QStringLiteral("waiting"), "waiting");
    scene(Moment::BeforeOpening);
    shoot(QStringLiteral("attendance"), "attendance");
    {
        // The session open, between two items.
        room::State between = room::tablet::gallery::demoState(Moment::ItemUnderWay);
        between.currentItem.clear();
        store.setReplica(between, QStringLiteral("display-main"), Role::Display);
        store.setFixedNow(room::tablet::gallery::fixtureNow(between));
        shoot(QStringLiteral("idle"), "idle");
    }
    scene(Moment::ItemUnderWay);
    window->setProperty("recording", true); // the main display records the room during items
    shoot(QStringLiteral("item"), "item");
    scene(Moment::Debate);
    shoot(QStringLiteral("speaker"), "speaker");
    scene(Moment::VoteOpen);
    shoot(QStringLiteral("vote"), "vote");
    scene(Moment::VoteResult);
    shoot(QStringLiteral("result"), "result");
    scene(Moment::Presenting);
    {
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QObject* screen = window->findChild<QObject*>(QStringLiteral("presentation"));
            if (screen && screen->property("pageReady").toBool()) break;
        }
    }
    shoot(QStringLiteral("presentation"), "presentation");
    window->setProperty("layout", QStringLiteral("side"));
    scene(Moment::Debate);
    shoot(QStringLiteral("side-speaker"), "side");

    if (room::tablet::gallery::qmlWarnings() > 0) std::fprintf(stderr, "%d QML warning(s) while rendering\n", room::tablet::gallery::qmlWarnings());
    return failures > 0 || room::tablet::gallery::qmlWarnings() > 0 ? 1 : 0;
}
