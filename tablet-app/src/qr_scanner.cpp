#include "tablet-app/src/qr_scanner.h"

#include <QThreadPool>
#include <QVideoFrame>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

namespace room::tablet {

QString decodeQrCode(const QImage& image) {
    if (image.isNull()) return {};
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryRotate(true);
    hints.setTryHarder(true);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                static_cast<int>(grey.bytesPerLine()));
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

QrScanner::QrScanner(QObject* parent) : QObject(parent) {}

QrScanner::~QrScanner() {
    // A decode still running holds a QPointer to this object and finds it gone.
    if (m_sink) m_sink->disconnect(this);
}

void QrScanner::setVideoSink(QObject* object) {
    auto* sink = qobject_cast<QVideoSink*>(object);
    if (sink == m_sink) return;
    if (m_sink) m_sink->disconnect(this);
    m_sink = sink;
    if (m_sink) connect(m_sink, &QVideoSink::videoFrameChanged, this, &QrScanner::onFrame);
    emit videoSinkChanged();
}

void QrScanner::onFrame(const QVideoFrame& frame) {
    if (m_busy.exchange(true)) return; // still decoding the previous frame
    QImage image = frame.toImage();
    QPointer<QrScanner> self(this);
    QThreadPool::globalInstance()->start([self, image = std::move(image)] {
        const QString text = decodeQrCode(image);
        QMetaObject::invokeMethod(
            self.data(),
            [self, text] {
                if (!self) return;
                self->m_busy = false;
                if (!text.isEmpty()) emit self->found(text);
            },
            Qt::QueuedConnection);
    });
}

} // namespace room::tablet
