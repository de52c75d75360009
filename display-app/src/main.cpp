// display-app: the wall display of the meeting room. Logs in with the display's own credential,
// follows the room's state and never shows an error: while the room server cannot be reached it
// shows a calm waiting screen and keeps trying.
#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>

#include <QSocketNotifier>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <unistd.h>

#include "display-app/src/qr_image.h"
#include "display-app/src/room_recorder.h"
#include "display-app/src/room_sounds.h"
#include "tablet-app/src/appearance.h"
#include "tablet-app/src/room_store.h"

Q_IMPORT_QML_PLUGIN(PhongHop_TabletPlugin)
Q_IMPORT_QML_PLUGIN(PhongHop_DisplayPlugin)

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("phonghop"));
    QCoreApplication::setApplicationName(QStringLiteral("display-app"));
    room::tablet::applyAppearance();

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Paperless meeting room: the wall display."));
    cli.addHelpOption();
    QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Room server address, HOST:PORT."), QStringLiteral("host:port"));
    QCommandLineOption fingerprint(QStringLiteral("fingerprint"), QStringLiteral("SHA-256 fingerprint of the server certificate."),
                                   QStringLiteral("fingerprint"));
    QCommandLineOption participant(QStringLiteral("participant"), QStringLiteral("The display's participant id."),
                                   QStringLiteral("id"), QStringLiteral("display-main"));
    QCommandLineOption pinFile(QStringLiteral("pin-file"), QStringLiteral("File holding the display's PIN (first line)."),
                               QStringLiteral("file"));
    QCommandLineOption layout(QStringLiteral("layout"), QStringLiteral("main (default) or side."), QStringLiteral("layout"),
                              QStringLiteral("main"));
    QCommandLineOption windowed(QStringLiteral("windowed"), QStringLiteral("Run in a window instead of full screen."));
    QCommandLineOption language(QStringLiteral("language"), QStringLiteral("vi (default) or en."), QStringLiteral("lang"));
    QCommandLineOption publicAddress(QStringLiteral("public-address"),
                                     QStringLiteral("HOST:PORT that tablets use to reach the server, for the QR code (default: --server)."),
                                     QStringLiteral("host:port"));
    QCommandLineOption audioInput(QStringLiteral("audio-input"),
                                  QStringLiteral("The room's microphone input (part of its name or id; default: the system's default input)."),
                                  QStringLiteral("name"));
    QCommandLineOption recordings(QStringLiteral("recordings"),
                                  QStringLiteral("Where recordings wait for upload (default: the app's data folder)."),
                                  QStringLiteral("dir"));
    QCommandLineOption noRecording(QStringLiteral("no-recording"), QStringLiteral("Do not record the room's audio."));
    QCommandLineOption noChimes(QStringLiteral("no-chimes"), QStringLiteral("Do not ring chimes."));
    cli.addOptions({server, fingerprint, participant, pinFile, layout, windowed, language, publicAddress, audioInput,
                    recordings, noRecording, noChimes});
    cli.process(app);

    QString pin;
    if (cli.isSet(pinFile)) {
        QFile f(cli.value(pinFile));
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read the PIN file %s\n", qPrintable(cli.value(pinFile)));
            return 2;
        }
        pin = QString::fromUtf8(f.readLine()).trimmed();
    }
    const QString address = cli.value(server);
    const int colon = address.lastIndexOf(QLatin1Char(':'));

    room::tablet::RoomStore store(nullptr);
    store.addTranslationDomain(QStringLiteral("display-app"));
    if (cli.isSet(language)) store.setLanguage(cli.value(language));
    store.setServer(colon > 0 ? address.left(colon) : address, colon > 0 ? address.mid(colon + 1).toInt() : 9443,
                    cli.value(fingerprint));

    // Log in, and log in again whenever the session is lost (server reset, session expired) or the
    // server could not be reached; the link itself resumes sessions after a dropped connection.
    // The wait grows from 5 s to 60 s while logins keep failing (a wrong PIN would otherwise run
    // into the server's lock-out), and starts again at 5 s once logged in.
    QTimer retry;
    retry.setSingleShot(true);
    int retryMs = 5000;
    const QString id = cli.value(participant);
    QObject::connect(&retry, &QTimer::timeout, &store, [&] { store.loginWithPin(id, pin); });
    QObject::connect(&store, &room::tablet::RoomStore::loginErrorChanged, &store, [&] {
        if (!store.loginError().isEmpty()) {
            std::fprintf(stderr, "display: not logged in (%s); trying again in %d s\n", qPrintable(store.loginError()),
                         retryMs / 1000);
            retry.start(retryMs);
            retryMs = std::min(retryMs * 2, 60000);
        }
    });
    QObject::connect(&store, &room::tablet::RoomStore::identityChanged, &store, [&] {
        if (store.loggedIn()) retryMs = 5000;
        else if (!retry.isActive()) retry.start(retryMs);
    });

    // SIGTERM (the kiosk's service stopped) and SIGINT quit through the event loop, so that the
    // recording of the item under way is finished before the process ends.
    static int signalPipe[2] = {-1, -1};
    if (::pipe(signalPipe) == 0) {
        auto* notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
        struct sigaction action = {};
        action.sa_handler = [](int) {
            const char byte = 1;
            [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
        };
        ::sigemptyset(&action.sa_mask);
        ::sigaction(SIGTERM, &action, nullptr);
        ::sigaction(SIGINT, &action, nullptr);
    }

    // The room's sound belongs to one screen: the main display rings the chimes and records the
    // room; a side screen does neither.
    const bool mainScreen = cli.value(layout) != QStringLiteral("side");
    std::unique_ptr<room::display::RoomSounds> sounds;
    if (mainScreen && !cli.isSet(noChimes)) sounds = std::make_unique<room::display::RoomSounds>(&store);
    std::unique_ptr<room::display::RoomRecorder> recorder;
    if (mainScreen && !cli.isSet(noRecording)) {
        const QString spool = cli.isSet(recordings)
                                  ? cli.value(recordings)
                                  : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recordings");
        recorder = std::make_unique<room::display::RoomRecorder>(&store, room::display::RoomRecorder::Options{spool, cli.value(audioInput)});
        // The last item's file is finished before the app quits, so it is complete for upload.
        QObject::connect(&app, &QCoreApplication::aboutToQuit, recorder.get(), &room::display::RoomRecorder::finish);
    }

    room::tablet::RoomStore::setInstance(&store);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    store.setEngine(&engine);
    engine.addImageProvider(QStringLiteral("qr"), new room::display::QrImageProvider());
    const QString shown = cli.isSet(publicAddress) ? cli.value(publicAddress) : address;
    const int shownColon = shown.lastIndexOf(QLatin1Char(':'));
    const QString code = room::display::serverCode(shownColon > 0 ? shown.left(shownColon) : shown,
                                                   shownColon > 0 ? shown.mid(shownColon + 1).toInt() : 9443,
                                                   cli.value(fingerprint));
    engine.setInitialProperties({{QStringLiteral("layout"), cli.value(layout)}, {QStringLiteral("serverCode"), code}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/PhongHop/Display/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (window && !cli.isSet(windowed)) window->showFullScreen();
    if (window && recorder) {
        auto showRecording = [window, &recorder] { window->setProperty("recording", !recorder->recordingItem().isEmpty()); };
        QObject::connect(recorder.get(), &room::display::RoomRecorder::recordingStarted, window, showRecording);
        QObject::connect(recorder.get(), &room::display::RoomRecorder::recordingFinished, window, showRecording);
        QObject::connect(&store, &room::tablet::RoomStore::stateChanged, window, showRecording);
        showRecording();
    }
    store.loginWithPin(id, pin);
    return QGuiApplication::exec();
}
