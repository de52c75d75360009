// The QR code the wall display shows so that tablets find and pin the room server.
#pragma once

#include <QImage>
#include <QQuickImageProvider>
#include <QString>

namespace room::display {

/// `text` as a QR code (error correction M), `module` pixels per module, with the four-module quiet
/// zone the standard asks for; black on white. A null image when the text does not fit a QR code.
QImage qrImage(const QString& text, int module);

/// The server code a tablet scans: `phonghop://HOST:PORT?fp=FINGERPRINT` (the fingerprint as 64 hex
/// digits). Empty when the fingerprint is not one.
QString serverCode(const QString& host, int port, const QString& fingerprint);

/// `image://qr/<percent-encoded text>` for QML; the requested size picks the module size.
class QrImageProvider : public QQuickImageProvider {
public:
    QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
};

} // namespace room::display
