// Reading the room's QR code: made by the wall display's encoder, read back by the tablet's decoder,
// and through the scanner's video sink as camera frames arrive.
#include <doctest/doctest.h>

#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QImage>
#include <QTransform>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>

#include <cstring>

#include "display-app/src/qr_image.h"
#include "tablet-app/src/qr_scanner.h"
#include "tablet-app/src/room_store.h"
#include "tests/tablet/qt_app.h"

using room::tablet::decodeQrCode;

using room::qtest::app;

namespace {

/// A QR code of `text` as the wall display shows it (its own encoder), `module` pixels a module.
QImage qrImage(const std::string& text, int module = 6) {
    QImage image = room::display::qrImage(QString::fromStdString(text), module);
    REQUIRE_FALSE(image.isNull());
    return image;
}

const std::string kCode = "phonghop://192.168.10.5:9443?fp=3FA01B7C22D9410E8B6A55C319F207AE643D9018BCE5724F0AD63891CB2E9C11"
                          "&token=5f1d3c0a9b8e7d6c5f4e3d2c1b0a99887766554433221100";

} // namespace

TEST_CASE("a room server's QR code is read back exactly, upright or turned") {
    app();
    const QImage image = qrImage(kCode);
    CHECK(decodeQrCode(image).toStdString() == kCode);
    CHECK(decodeQrCode(image.transformed(QTransform().rotate(90))).toStdString() == kCode);
    CHECK(decodeQrCode(image.scaled(image.width() / 2, image.height() / 2)).toStdString() == kCode);

    room::tablet::RoomStore store(nullptr);
    const QVariantMap code = store.parseServerCode(decodeQrCode(image)).toMap();
    CHECK(code.value("host").toString() == "192.168.10.5");
    CHECK(code.value("port").toInt() == 9443);
    CHECK(code.value("fingerprint").toString().size() == 64);
    CHECK(code.value("token").toString() == "5f1d3c0a9b8e7d6c5f4e3d2c1b0a99887766554433221100");
}

TEST_CASE("images without a code, and codes that are not a server's, give nothing usable") {
    app();
    QImage blank(400, 400, QImage::Format_RGB32);
    blank.fill(Qt::white);
    CHECK(decodeQrCode(blank).isEmpty());
    CHECK(decodeQrCode(QImage()).isEmpty());
    room::tablet::RoomStore store(nullptr);
    const QString other = decodeQrCode(qrImage("https://example.invalid/khong-phai-phong-hop"));
    CHECK(other == "https://example.invalid/khong-phai-phong-hop");
    CHECK(store.parseServerCode(other).toMap().isEmpty());
    CHECK(store.parseServerCode(QStringLiteral("phonghop://10.0.0.1:9443?fp=1234")).toMap().isEmpty()); // short fingerprint
}

TEST_CASE("the scanner reports a code from the camera's frames") {
    app();
    QVideoSink sink;
    room::tablet::QrScanner scanner;
    scanner.setVideoSink(&sink);
    QString found;
    QObject::connect(&scanner, &room::tablet::QrScanner::found, &scanner, [&](const QString& text) { found = text; });

    const QImage image = qrImage(kCode).convertToFormat(QImage::Format_ARGB32);
    QVideoFrame frame(QVideoFrameFormat(image.size(), QVideoFrameFormat::Format_BGRA8888));
    REQUIRE(frame.map(QVideoFrame::WriteOnly));
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), image.constScanLine(y), static_cast<std::size_t>(image.width() * 4));
    frame.unmap();
    sink.setVideoFrame(frame);

    QDeadlineTimer deadline(10000);
    while (found.isEmpty() && !deadline.hasExpired()) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(found.toStdString() == kCode);
}
