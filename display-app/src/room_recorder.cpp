#include "display-app/src/room_recorder.h"

#include <algorithm>

#include <QAudioDevice>
#include <QAudioInput>
#include <QMediaCaptureSession>
#include <QMediaRecorder>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaDevices>
#include <QMediaFormat>
#include <QNetworkReply>
#include <QUrl>
#include <QtDebug>

#include "tablet-app/src/room_store.h"

namespace room::display {

namespace {

QJsonObject readSidecar(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

bool writeSidecar(const QString& path, const QJsonObject& o) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const bool ok = f.write(bytes) == bytes.size() && f.flush();
    f.close();
    return ok;
}

/// A file name part from an agenda item id ("2.1" stays, anything unusual becomes '_').
QString safeName(const QString& s) {
    QString out;
    for (QChar c : s) out += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('.') || c == QLatin1Char('-') ? c : QLatin1Char('_');
    return out.left(40);
}

} // namespace

struct RoomRecorder::Take {
    QString item;
    QString file;    ///< as asked for (the backend may append to the name)
    QString sidecar;
    QMediaCaptureSession session;
    QAudioInput input;
    QMediaRecorder recorder;
    bool done = false;

    explicit Take(const QAudioDevice& device) : input(device) {
        session.setAudioInput(&input);
        session.setRecorder(&recorder);
        QMediaFormat format(QMediaFormat::Ogg);
        format.setAudioCodec(QMediaFormat::AudioCodec::Opus);
        recorder.setMediaFormat(format);
        recorder.setQuality(QMediaRecorder::NormalQuality);
    }
    ~Take() {
        session.setRecorder(nullptr);
        session.setAudioInput(nullptr);
    }
};

RoomRecorder::RoomRecorder(tablet::RoomStore* store, Options options, QObject* parent)
    : QObject(parent), m_store(store), m_options(std::move(options)) {
    QDir().mkpath(m_options.spoolDir);
    m_spool = QDir(QDir(m_options.spoolDir).absolutePath());

    m_device = QMediaDevices::defaultAudioInput();
    if (!m_options.inputDevice.isEmpty()) {
        bool found = false;
        for (const auto& d : QMediaDevices::audioInputs()) {
            if (QString::fromUtf8(d.id()).contains(m_options.inputDevice, Qt::CaseInsensitive) ||
                d.description().contains(m_options.inputDevice, Qt::CaseInsensitive)) {
                m_device = d;
                found = true;
                break;
            }
        }
        if (!found)
            qInfo("display: audio input '%s' not found; using the default input", qPrintable(m_options.inputDevice));
    }
    if (m_device.isNull())
        qInfo("display: no audio input device; the room's audio is not recorded (the display works on without it)");
    else
        qInfo("display: recording the room's audio from '%s' into %s", qPrintable(m_device.description()),
              qPrintable(m_spool.absolutePath()));
    connect(store, &tablet::RoomStore::stateChanged, this, &RoomRecorder::follow);
    connect(store, &tablet::RoomStore::connectionChanged, this, &RoomRecorder::uploadNext);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RoomRecorder::uploadNext);
    enqueueSpooled();
    follow();
    uploadNext();
}

RoomRecorder::~RoomRecorder() {
    // The backend reports its last state changes while it is torn down: nothing may call back
    // into a recorder being destroyed. (A file cut off here is uploaded at the next start.)
    if (m_current) disconnect(&m_current->recorder, nullptr, this, nullptr);
    for (auto& t : m_finishing) disconnect(&t->recorder, nullptr, this, nullptr);
}

QString RoomRecorder::recordingItem() const { return m_current ? m_current->item : QString(); }

qint64 RoomRecorder::recordedMs() const { return m_current ? m_current->recorder.duration() : 0; }

void RoomRecorder::follow() {
    // Only a logged-in replica says what the room is doing; while the display logs in again the
    // recording simply goes on.
    if (m_device.isNull() || !m_store->loggedIn()) return;
    const State& s = m_store->replica();
    QString want;
    if (s.status == MeetingStatus::Open && !s.currentItem.empty()) want = QString::fromStdString(s.currentItem);
    if (want == recordingItem()) return;
    stop();
    if (!want.isEmpty()) start(want);
}

void RoomRecorder::start(const QString& item) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString base = m_spool.absoluteFilePath(QString::number(now) + QLatin1Char('-') + safeName(item));
    auto take = std::make_unique<Take>(m_device);
    take->item = item;
    take->file = base + QStringLiteral(".ogg");
    take->sidecar = base + QStringLiteral(".json");
    // When the sound starts, by this machine's clock (the moment the chair started the item is in
    // the log already).
    writeSidecar(take->sidecar, QJsonObject{{QStringLiteral("item"), item},
                                            {QStringLiteral("started_at"), QString::number(now)},
                                            {QStringLiteral("file"), take->file},
                                            {QStringLiteral("finished"), false}});
    Take* t = take.get();
    connect(&t->recorder, &QMediaRecorder::recorderStateChanged, this, [this, t](QMediaRecorder::RecorderState state) {
        if (state == QMediaRecorder::StoppedState) finished(t);
    });
    connect(&t->recorder, &QMediaRecorder::errorOccurred, this, [t](QMediaRecorder::Error, const QString& text) {
        qWarning("display: recording item %s failed: %s", qPrintable(t->item), qPrintable(text));
    });
    t->recorder.setOutputLocation(QUrl::fromLocalFile(t->file));
    m_current = std::move(take);
    t->recorder.record();
    emit recordingStarted(item, t->file);
}

void RoomRecorder::stop() {
    if (!m_current) return;
    Take* t = m_current.get();
    m_finishing.push_back(std::move(m_current));
    if (t->recorder.recorderState() != QMediaRecorder::StoppedState) t->recorder.stop();
    else finished(t);
}

void RoomRecorder::finish() {
    stop();
    // The application is about to quit: give the backend a moment to write the file's end.
    QDeadlineTimer deadline(5000);
    auto busy = [this] {
        return std::any_of(m_finishing.begin(), m_finishing.end(), [](const auto& t) { return !t->done; });
    };
    while (busy() && !deadline.hasExpired()) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

void RoomRecorder::finished(Take* take) {
    if (take->done) return;
    // Still the current take: the backend stopped by itself (an error); the file is finished all
    // the same and the next change of item starts a new one.
    if (m_current.get() == take) m_finishing.push_back(std::move(m_current));
    take->done = true;
    const QString actual = take->recorder.actualLocation().toLocalFile();
    const QString file = !actual.isEmpty() && QFile::exists(actual) ? actual : take->file;
    if (!QFile::exists(file) || QFile(file).size() == 0) {
        qWarning("display: the recording of item %s produced no file", qPrintable(take->item));
        QFile::remove(file);
        QFile::remove(take->sidecar);
    } else {
        QJsonObject side = readSidecar(take->sidecar);
        side[QStringLiteral("file")] = file;
        side[QStringLiteral("finished")] = true;
        writeSidecar(take->sidecar, side);
        emit recordingFinished(take->item, file);
        m_queue.push_back(take->sidecar);
        uploadNext();
    }
    // Released later: this runs inside the recorder's own signal.
    QTimer::singleShot(0, this, [this, take] {
        std::erase_if(m_finishing, [take](const auto& t) { return t.get() == take; });
    });
}

void RoomRecorder::enqueueSpooled() {
    const auto sidecars = m_spool.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const auto& name : sidecars) {
        const QString path = m_spool.absoluteFilePath(name);
        const QJsonObject side = readSidecar(path);
        const QString file = side.value(QStringLiteral("file")).toString();
        if (file.isEmpty() || !QFile::exists(file)) {
            // The backend may have added to the name of a file it never finished.
            const QString alt = file + QStringLiteral(".ogv");
            if (QFile::exists(alt)) {
                QJsonObject fixed = side;
                fixed[QStringLiteral("file")] = alt;
                writeSidecar(path, fixed);
            } else {
                qWarning("display: spooled recording %s has no file; dropping its note", qPrintable(name));
                QFile::remove(path);
                continue;
            }
        }
        if (!side.value(QStringLiteral("finished")).toBool())
            qInfo("display: recording %s was interrupted (the display stopped); uploading what was written",
                  qPrintable(name));
        m_queue.push_back(path);
    }
    if (!m_queue.empty()) qInfo("display: %d recording(s) from before wait for upload", int(m_queue.size()));
}

void RoomRecorder::retryLater() {
    m_retry.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, 60000);
}

void RoomRecorder::uploadNext() {
    if (m_uploading || m_queue.empty() || m_retry.isActive()) return;
    if (!m_store->loggedIn() || m_store->connection() != QStringLiteral("online")) return;
    const QString sidecar = m_queue.front();
    const QJsonObject side = readSidecar(sidecar);
    const QString file = side.value(QStringLiteral("file")).toString();
    auto* body = new QFile(file);
    if (!body->open(QIODevice::ReadOnly)) {
        delete body;
        qWarning("display: cannot read the recording %s; it stays in the spool", qPrintable(file));
        m_queue.pop_front();
        return uploadNext();
    }
    QNetworkRequest request = m_store->link().httpsRequest(QStringLiteral("/api/recordings"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("audio/ogg"));
    request.setRawHeader("x-item", QUrl::toPercentEncoding(side.value(QStringLiteral("item")).toString()));
    request.setRawHeader("x-started-at", side.value(QStringLiteral("started_at")).toString().toLatin1());
    QNetworkReply* reply = m_network.post(request, body);
    body->setParent(reply);
    m_store->link().pinReply(reply);
    m_uploading = true;
    connect(reply, &QNetworkReply::finished, this, [this, reply, sidecar, file] {
        reply->deleteLater();
        m_uploading = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool pinned = m_store->link().pinMatches(reply);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (pinned && (status == 201 || status == 200)) {
            const QJsonObject rec = answer.value(QStringLiteral("recording")).toObject();
            const QString item = rec.value(QStringLiteral("item")).toString();
            const QString id = rec.value(QStringLiteral("id")).toString();
            const auto duration = static_cast<qint64>(rec.value(QStringLiteral("duration_ms")).toDouble());
            qInfo("display: recording of item %s uploaded (%s, %lld ms)", qPrintable(item), qPrintable(id), duration);
            QFile::remove(file);
            QFile::remove(sidecar);
            m_queue.pop_front();
            m_backoffMs = 2000;
            emit uploaded(item, id, duration);
        } else if (pinned && (status == 400 || status == 403 || status == 404 || status == 413 || status == 422)) {
            const QString why = answer.value(QStringLiteral("message")).toString();
            qWarning("display: the server refused the recording %s (%d: %s); kept in rejected/", qPrintable(file),
                     status, qPrintable(why));
            m_spool.mkpath(QStringLiteral("rejected"));
            const QDir rejectedDir(m_spool.absoluteFilePath(QStringLiteral("rejected")));
            QFile::rename(file, rejectedDir.absoluteFilePath(QFileInfo(file).fileName()));
            QFile::rename(sidecar, rejectedDir.absoluteFilePath(QFileInfo(sidecar).fileName()));
            m_queue.pop_front();
            emit rejected(file, why);
        } else {
            // Not reachable, shutting down, session lost (the display logs in again): later.
            qInfo("display: recording upload deferred (%d %s)", status, qPrintable(reply->errorString()));
            return retryLater();
        }
        uploadNext();
    });
}

} // namespace room::display
