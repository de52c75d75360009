// tablet-app-gallery --out DIR [--language vi|en]: renders the tablet app's key screens, on fixture
// states of the demo meeting, to PNG files (run with QT_QPA_PLATFORM=offscreen on a headless machine).
// Exits non-zero if a screen cannot be rendered or QML reports any warning.
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTextStream>

#include <cstdio>

#include "tablet-app/gallery/fixture.h"
#include "tablet-app/gallery/gallery_support.h"
#include "tablet-app/src/appearance.h"
#include "tablet-app/src/room_store.h"
#include "tablet-app/src/scene_lookup.h"

Q_IMPORT_QML_PLUGIN(PhongHop_TabletPlugin)

using room::tablet::findInScene;


int main(int argc, char* argv[]) {
    room::tablet::gallery::startGallery();
    QGuiApplication app(argc, argv);
    room::tablet::applyAppearance();
    QDir dir;
    if (!room::tablet::gallery::outputDir("tablet-app-gallery", &dir)) return 2;

    using room::Role;
    using room::tablet::gallery::Moment;
    room::tablet::RoomStore store(nullptr);
    store.setServer(QStringLiteral("192.168.10.5"), 9443,
                    QStringLiteral("3F:A0:1B:7C:22:D9:41:0E:8B:6A:55:C3:19:F2:07:AE:64:3D:90:18:BC:E5:72:4F:0A:D6:38:91:CB:2E:9C:11"));
    store.setAssumedConnection(QStringLiteral("online"));
    room::tablet::RoomStore::setInstance(&store);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    store.setEngine(&engine);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/PhongHop/Tablet/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!window) return 1;
    window->resize(1280, 800);

    int failures = 0;
    auto shoot = [&](const QString& name) {
        room::tablet::gallery::settle(window, 60);
        const QImage image = window->grabWindow();
        const QString path = dir.filePath(name + QStringLiteral(".png"));
        if (image.isNull() || !image.save(path)) {
            std::fprintf(stderr, "could not render %s\n", qPrintable(name));
            ++failures;
            return;
        }
        std::printf("%s\n", qPrintable(path));
    };
    auto scene = [&](Moment moment, const char* who, Role role, const char* view) {
        const room::State state = room::tablet::gallery::demoState(moment);
        store.setReplica(state, QString::fromUtf8(who), role);
        store.setFixedNow(room::tablet::gallery::fixtureNow(state));
        window->setProperty("view", QString::fromUtf8(view));
    };
    auto openDialog = [&](const char* objectName) {
        auto* dialog = findInScene(window->contentItem(), QString::fromUtf8(objectName));
        if (!dialog) {
            std::fprintf(stderr, "no %s on this screen\n", objectName);
            ++failures;
            return;
        }
        QMetaObject::invokeMethod(dialog, "open");
        QDeadlineTimer deadline(3000);
        while (!dialog->property("opened").toBool() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    };

    for (const QString& language : {QStringLiteral("vi"), QStringLiteral("en")}) {
        store.setLanguage(language);
        const QString suffix = language == QLatin1String("vi") ? QString() : QStringLiteral("-en");

        store.setReplica(room::State{}, QString(), Role::Guest);
        shoot(QStringLiteral("login") + suffix);
        if (language == QLatin1String("vi")) {
            // The QR scanner (on this machine without a camera it says so).
            if (QObject* scan = findInScene(window->contentItem(), QStringLiteral("qrScanner"))) {
                scan->setProperty("active", true);
                shoot(QStringLiteral("login-scan"));
                scan->setProperty("active", false);
            } else {
                std::fprintf(stderr, "no QR scanner on the login screen\n");
                ++failures;
            }
        }

        scene(Moment::Debate, "gd-tc", Role::Delegate, "agenda");
        shoot(QStringLiteral("delegate-agenda") + suffix);
        if (language != QLatin1String("vi")) continue; // the English set shows the translation works

        scene(Moment::Debate, "gd-tc", Role::Delegate, "floor");
        shoot(QStringLiteral("delegate-floor"));

        scene(Moment::VoteOpen, "gd-ldtbxh", Role::Delegate, "vote");
        shoot(QStringLiteral("delegate-vote"));
        window->setProperty("view", QStringLiteral("vote"));
        room::tablet::gallery::settle(window, 60);
        QObject* votePanel = findInScene(window->contentItem(), QStringLiteral("votePanel"));
        if (!votePanel || !QMetaObject::invokeMethod(votePanel, "ask", Q_ARG(QVariant, QVariantList{0}),
                                                     Q_ARG(QVariant, QString()))) {
            std::fprintf(stderr, "cannot ask for a confirmation on the vote screen\n");
            ++failures;
        }
        openDialog("confirmVote");
        shoot(QStringLiteral("delegate-vote-confirm"));
        if (QObject* dialog = findInScene(window->contentItem(), QStringLiteral("confirmVote")))
            QMetaObject::invokeMethod(dialog, "close");

        scene(Moment::VoteOpen, "pct1", Role::Delegate, "vote");
        const auto& poll = *store.replica().poll("nq-01");
        store.restoreReceipt(room::tablet::Receipt{QStringLiteral("nq-01"), QStringLiteral("pct1"),
                                                   static_cast<qint64>(poll.ballots.at("pct1").seq),
                                                   QStringLiteral("3905df43b8ac696e5943847840e403adafb5950b11bf8da0a06843fef98d9e9b"),
                                                   QVariantList{0}});
        shoot(QStringLiteral("delegate-voted"));

        scene(Moment::VoteResult, "pct1", Role::Delegate, "vote");
        shoot(QStringLiteral("delegate-result"));

        // The viewer: a document downloaded earlier in the session, searched, then a restricted one.
        {
            const std::string& pdf = room::tablet::gallery::demoPdf();
            const QByteArray bytes = QByteArray::fromStdString(pdf);
            const QString id = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            scene(Moment::Debate, "gd-tc", Role::Delegate, "agenda");
            if (!store.library()->addLocal(id, bytes)) ++failures;
            QObject* home = findInScene(window->contentItem(), QStringLiteral("delegateHome"));
            QObject* viewer = findInScene(window->contentItem(), QStringLiteral("documentViewer"));
            if (!home || !viewer) {
                std::fprintf(stderr, "no viewer on the delegate's screen\n");
                ++failures;
            } else {
                auto waitFor = [&](const char* property, auto test) {
                    QDeadlineTimer deadline(10000);
                    while (!test(viewer->property(property)) && !deadline.hasExpired())
                        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
                    if (deadline.hasExpired()) {
                        std::fprintf(stderr, "the viewer never had %s\n", property);
                        ++failures;
                    }
                };
                QMetaObject::invokeMethod(home, "showDocument", Q_ARG(QVariant, id),
                                          Q_ARG(QVariant, QStringLiteral("Tờ trình về dự toán ngân sách nhà nước năm 2027")),
                                          Q_ARG(QVariant, QStringLiteral("meeting")));
                waitFor("pageReady", [](const QVariant& v) { return v.toBool(); });
                QMetaObject::invokeMethod(viewer, "find", Q_ARG(QVariant, QStringLiteral("ngân sách")));
                waitFor("hits", [](const QVariant& v) { return !v.toList().isEmpty(); });
                waitFor("pageReady", [](const QVariant& v) { return v.toBool(); });
                room::tablet::gallery::settle(window, 300); // thumbnails
                shoot(QStringLiteral("delegate-viewer"));

                QMetaObject::invokeMethod(viewer, "find", Q_ARG(QVariant, QString()));
                viewer->setProperty("tool", QStringLiteral("highlighter"));
                room::tablet::gallery::settle(window, 200);
                shoot(QStringLiteral("delegate-viewer-annotations"));
                viewer->setProperty("tool", QString());

                viewer->setProperty("audience", QStringLiteral("listed"));
                viewer->setProperty("zoom", 1.5);
                waitFor("pageReady", [](const QVariant& v) { return v.toBool(); });
                room::tablet::gallery::settle(window, 200);
                shoot(QStringLiteral("delegate-viewer-restricted"));
                QMetaObject::invokeMethod(home, "showDocument", Q_ARG(QVariant, QString()), Q_ARG(QVariant, QString()),
                                          Q_ARG(QVariant, QStringLiteral("meeting")));
            }
        }

        scene(Moment::Debate, "ct", Role::Chair, "agenda");
        shoot(QStringLiteral("chair-console"));
        scene(Moment::VoteOpen, "ct", Role::Chair, "agenda");
        shoot(QStringLiteral("chair-vote"));

        scene(Moment::BeforeOpening, "tk", Role::Secretary, "agenda");
        shoot(QStringLiteral("secretary-desk"));
    }

    if (room::tablet::gallery::qmlWarnings() > 0) std::fprintf(stderr, "%d QML warning(s) while rendering\n", room::tablet::gallery::qmlWarnings());
    return failures > 0 || room::tablet::gallery::qmlWarnings() > 0 ? 1 : 0;
}
