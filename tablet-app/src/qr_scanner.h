// Reading the room's QR code (server address, fingerprint and possibly a one-time login code)
// from the tablet's camera.
#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

#include <atomic>

namespace room::tablet {

/// The text of the first QR code found in `image`, or "" when there is none.
QString decodeQrCode(const QImage& image);

/// Watches a camera's video sink and reports the first readable QR code. Frames are decoded off
/// the UI thread, one at a time; frames that arrive meanwhile are skipped.
class QrScanner : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // QObject* rather than QVideoSink*: Qt 6.4's QML type information does not describe QVideoSink.
    Q_PROPERTY(QObject* videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
public:
    explicit QrScanner(QObject* parent = nullptr);
    ~QrScanner() override;

    QObject* videoSink() const { return m_sink; }
    void setVideoSink(QObject* sink);

signals:
    void videoSinkChanged();
    /// A QR code was read (its whole text).
    void found(const QString& text);

private:
    void onFrame(const QVideoFrame& frame);

    QPointer<QVideoSink> m_sink;
    std::atomic<bool> m_busy{false};
};

} // namespace room::tablet
