// The QR code on the wall display is one a tablet reads back to exactly the server it must pin.
#include <doctest/doctest.h>

#include <QGuiApplication>
#include <QUrl>

#include "display-app/src/qr_image.h"
#include "tablet-app/src/qr_scanner.h"
#include "tablet-app/src/room_store.h"
#include "tests/tablet/qt_app.h"

using room::qtest::app;

namespace {

const QString kFingerprint = QStringLiteral("3f:a0:1b:7c:22:d9:41:0e:8b:6a:55:c3:19:f2:07:ae:"
                                            "64:3d:90:18:bc:e5:72:4f:0a:d6:38:91:cb:2e:9c:11");

} // namespace

TEST_CASE("the display's code is read by a tablet as the server and fingerprint it must pin") {
    app();
    const QString code = room::display::serverCode(QStringLiteral("192.168.10.5"), 9443, kFingerprint);
    CHECK(code == "phonghop://192.168.10.5:9443?fp=3FA01B7C22D9410E8B6A55C319F207AE643D9018BCE5724F0AD63891CB2E9C11");

    room::display::QrImageProvider provider;
    QSize size;
    const QImage image = provider.requestImage(QString::fromLatin1(QUrl::toPercentEncoding(code)), &size, QSize(300, 300));
    REQUIRE_FALSE(image.isNull());
    CHECK(size == image.size());
    CHECK(image.width() <= 300);
    CHECK(image.width() >= 150); // whole modules, as large as fit

    const QString read = room::tablet::decodeQrCode(image);
    CHECK(read == code);
    room::tablet::RoomStore tablet(nullptr);
    const QVariantMap server = tablet.parseServerCode(read).toMap();
    CHECK(server.value("host").toString() == "192.168.10.5");
    CHECK(server.value("port").toInt() == 9443);
    CHECK(server.value("fingerprint").toString() == room::tablet::normalizeFingerprint(kFingerprint));
}

TEST_CASE("no code is made from a bad fingerprint or an empty address") {
    app();
    CHECK(room::display::serverCode(QStringLiteral("192.168.10.5"), 9443, QStringLiteral("AB:CD")).isEmpty());
    CHECK(room::display::serverCode(QString(), 9443, kFingerprint).isEmpty());
    CHECK(room::display::qrImage(QStringLiteral("x"), 0).isNull());
}
