// tablet-app: the seat app of the paperless meeting room (delegate, chair, secretary).
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QSettings>

#include "tablet-app/src/appearance.h"
#include "tablet-app/src/room_store.h"

Q_IMPORT_QML_PLUGIN(PhongHop_TabletPlugin)

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("phonghop"));
    QCoreApplication::setApplicationName(QStringLiteral("tablet-app"));
    room::tablet::applyAppearance();

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Paperless meeting room: the tablet at every seat."));
    cli.addHelpOption();
    QCommandLineOption server({QStringLiteral("s"), QStringLiteral("server")},
                              QStringLiteral("Room server address, HOST:PORT."), QStringLiteral("host:port"));
    QCommandLineOption fingerprint({QStringLiteral("f"), QStringLiteral("fingerprint")},
                                   QStringLiteral("SHA-256 fingerprint of the server certificate, as the server prints it."),
                                   QStringLiteral("fingerprint"));
    QCommandLineOption language(QStringLiteral("language"), QStringLiteral("vi (default) or en."), QStringLiteral("lang"));
    QCommandLineOption participant(QStringLiteral("participant"), QStringLiteral("Delegate code to start the login form with."),
                                   QStringLiteral("id"));
    QCommandLineOption seat(QStringLiteral("seat"),
                            QStringLiteral("Seat (kiosk) mode: log out and wipe everything when the meeting closes."));
    cli.addOptions({server, fingerprint, language, participant, seat});
    cli.process(app);

    room::tablet::RoomStore store(nullptr);
    QSettings settings;
    QString host = settings.value(QStringLiteral("server/host")).toString();
    int port = settings.value(QStringLiteral("server/port"), 9443).toInt();
    QString fp = settings.value(QStringLiteral("server/fingerprint")).toString();
    if (cli.isSet(server)) {
        const QString value = cli.value(server);
        const int colon = value.lastIndexOf(QLatin1Char(':'));
        host = colon > 0 ? value.left(colon) : value;
        if (colon > 0) port = value.mid(colon + 1).toInt();
    }
    if (cli.isSet(fingerprint)) fp = cli.value(fingerprint);
    store.setServer(host, port, fp);
    // The server and its fingerprint are remembered once a login succeeds with them.
    QObject::connect(&store, &room::tablet::RoomStore::identityChanged, &store, [&store] {
        if (!store.loggedIn()) return;
        QSettings s;
        s.setValue(QStringLiteral("server/host"), store.serverHost());
        s.setValue(QStringLiteral("server/port"), store.serverPort());
        s.setValue(QStringLiteral("server/fingerprint"), store.serverFingerprint());
    });
    if (cli.isSet(language)) store.setLanguage(cli.value(language));
    if (cli.isSet(participant)) store.setParticipantHint(cli.value(participant));
    store.setSeatMode(cli.isSet(seat));

    room::tablet::RoomStore::setInstance(&store);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    store.setEngine(&engine);
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
                     Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/PhongHop/Tablet/Main.qml")));
    return QGuiApplication::exec();
}
