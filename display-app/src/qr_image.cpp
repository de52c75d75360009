#include "display-app/src/qr_image.h"

#include <QPainter>
#include <QUrl>

#include <qrencode.h>

#include <memory>

#include "tablet-app/src/room_link.h"

namespace room::display {

QImage qrImage(const QString& text, int module) {
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code || module < 1) return {};
    const int modules = code->width + 8;
    QImage image(modules * module, modules * module, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                painter.fillRect((x + 4) * module, (y + 4) * module, module, module, Qt::black);
    return image;
}

QString serverCode(const QString& host, int port, const QString& fingerprint) {
    const QString fp = tablet::normalizeFingerprint(fingerprint);
    if (fp.isEmpty() || host.isEmpty()) return {};
    return QStringLiteral("phonghop://%1:%2?fp=%3").arg(host).arg(port).arg(fp);
}

QImage QrImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const QString text = QUrl::fromPercentEncoding(id.toUtf8());
    // The largest whole module size that fits the requested width (sharp edges, no scaling).
    QImage probe = qrImage(text, 1);
    if (probe.isNull()) return {};
    const int module = requestedSize.width() > 0 ? std::max(1, requestedSize.width() / probe.width()) : 8;
    QImage image = module == 1 ? probe : qrImage(text, module);
    if (size) *size = image.size();
    return image;
}

} // namespace room::display
