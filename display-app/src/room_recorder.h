// The room's audio on the wall display: one recording per agenda item, handed to the room server.
#pragma once

#include <QAudioDevice>
#include <QDir>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

namespace room::tablet {
class RoomStore;
}

namespace room::display {

/// Records the room's audio from a configured input (Qt Multimedia: QAudioInput → QMediaRecorder,
/// Ogg Opus) while an agenda item is under way, one file per item, and uploads each finished file
/// to the room server (`POST /api/recordings`, protocol §16), which logs `recording.added`; the
/// minutes link to those.
///
/// Nothing recorded is given up before the server has acknowledged it: each file is written to a
/// spool directory with a small JSON sidecar (item, start time) and deleted only after the
/// server's 201/200 (it answers once the event is durable). Files left by an earlier run are
/// uploaded at start. While the server cannot be reached the recording goes on and the uploads
/// wait, retried with back-off. A file the server refuses (422: not a complete recording) is moved
/// to `rejected/` in the spool directory and logged, never deleted.
///
/// Without an input device the display keeps working and says so in its log.
class RoomRecorder : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString spoolDir;    ///< where recordings wait for upload (created if missing)
        QString inputDevice; ///< part of the input's id or description; empty: the default input
    };

    RoomRecorder(tablet::RoomStore* store, Options options, QObject* parent = nullptr);
    ~RoomRecorder() override;

    /// An input device was found.
    bool available() const { return !m_device.isNull(); }
    /// The agenda item being recorded, empty when none.
    QString recordingItem() const;
    /// How long the current file has been recording (ms).
    qint64 recordedMs() const;
    /// Finished files waiting for (or in) upload.
    int waiting() const { return static_cast<int>(m_queue.size()); }
    /// Stops the current recording and waits (up to 5 s) until its file is finished and queued;
    /// the application calls this before quitting so that the last item's file is complete.
    void finish();

signals:
    void recordingStarted(const QString& item, const QString& file);
    void recordingFinished(const QString& item, const QString& file);
    /// The server has the recording: its id (SHA-256) and the duration it read in the file.
    void uploaded(const QString& item, const QString& id, qint64 durationMs);
    /// The server refused the file for good (it was kept in rejected/).
    void rejected(const QString& file, const QString& why);

private:
    /// One file: its own capture session and recorder, so that the next item's file can start
    /// while the backend is still finishing this one.
    struct Take;

    void follow();
    void start(const QString& item);
    void stop();
    void finished(Take* take);
    void enqueueSpooled();
    void uploadNext();
    void retryLater();

    tablet::RoomStore* m_store;
    Options m_options;
    QDir m_spool;
    QAudioDevice m_device;
    std::unique_ptr<Take> m_current;           ///< the item being recorded
    std::vector<std::unique_ptr<Take>> m_finishing; ///< stopped, the backend still writing
    std::deque<QString> m_queue; ///< sidecars of finished files, oldest first
    QNetworkAccessManager m_network;
    bool m_uploading = false;
    QTimer m_retry;
    int m_backoffMs = 2000;
};

} // namespace room::display
