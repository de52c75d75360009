#include "tablet-app/src/document_library.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QUrl>

#include "shared/crypto/aead.h"
#include "shared/media/video_inspect.h"
#include "tablet-app/src/room_link.h"

namespace room::tablet {

namespace {

bool isDocumentId(const QString& id) {
    if (id.size() != 64) return false;
    for (QChar c : id)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

std::string bytesOf(const QByteArray& a) { return std::string(a.constData(), static_cast<std::size_t>(a.size())); }

} // namespace

DocumentLibrary::DocumentLibrary(RoomLink* link, QString cacheDir, QObject* parent)
    : QObject(parent), m_link(link), m_cacheDir(std::move(cacheDir)), m_renderer(new PageRenderer()) {
    m_renderer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_renderer, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("page-renderer"));
    m_thread.start();
    connect(m_renderer, &PageRenderer::opened, this, [this](const QString& id, int pages, const QVariantList& sizes) {
        Entry& e = m_entries[id];
        e.status = QStringLiteral("ready");
        e.progress = 1;
        e.pages = pages;
        e.sizes = sizes;
        bump();
    });
    connect(m_renderer, &PageRenderer::failed, this,
            [this](const QString& id, const QString& message, const QString&) { fail(id, message); });
    connect(m_renderer, &PageRenderer::searched, this, &DocumentLibrary::searchFinished);
    wipe();
}

DocumentLibrary::~DocumentLibrary() {
    m_thread.quit();
    m_thread.wait();
    m_cacheDir.removeRecursively();
}

void DocumentLibrary::wipe() {
    m_entries.clear();
    QMetaObject::invokeMethod(m_renderer, "closeAll", Qt::QueuedConnection);
    m_cacheDir.removeRecursively();
    m_cacheDir.mkpath(QStringLiteral("."));
    m_key = crypto::newAeadKey();
    bump();
}

void DocumentLibrary::bump() {
    ++m_revision;
    emit changed();
}

QString DocumentLibrary::cachePath(const QString& id) const { return m_cacheDir.filePath(id + QStringLiteral(".sealed")); }

QVariant DocumentLibrary::info(const QString& id) const {
    auto it = m_entries.find(id);
    const Entry e = it == m_entries.end() ? Entry{} : it->second;
    return QVariantMap{{"status", e.status}, {"progress", e.progress}, {"error", e.error},
                       {"pages", e.pages},   {"sizes", e.sizes},       {"video", e.video},
                       {"url", e.video ? QUrl::fromLocalFile(playPath(id)).toString() : QString()}};
}

void DocumentLibrary::open(const QString& id) {
    if (!isDocumentId(id)) return fail(id, tr("This is not a document of the meeting."));
    Entry& e = m_entries[id];
    if (e.status == QLatin1String("ready") || e.status == QLatin1String("loading")) return;
    e.status = QStringLiteral("loading");
    e.error.clear();
    bump();
    QFile sealed(cachePath(id));
    if (sealed.open(QIODevice::ReadOnly)) {
        auto plain = crypto::open(m_key, bytesOf(sealed.readAll()), id.toStdString());
        if (plain) return deliver(id, QByteArray::fromStdString(*plain));
        sealed.remove(); // another session's or damaged: fetch it again
    }
    download(id);
}

void DocumentLibrary::download(const QString& id) {
    if (m_link->status() != RoomLink::Status::Online)
        return fail(id, tr("Not connected to the room server: this document has not been downloaded yet."));
    QNetworkReply* reply = m_network.get(m_link->httpsRequest(QStringLiteral("/documents/") + id));
    m_link->pinReply(reply);
    connect(reply, &QNetworkReply::downloadProgress, this, [this, id](qint64 received, qint64 total) {
        if (total > 0) {
            m_entries[id].progress = static_cast<double>(received) / static_cast<double>(total);
            bump();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200 || !m_link->pinMatches(reply)) {
            return fail(id, status == 404 ? tr("The document is not available to you.")
                                          : tr("The document could not be downloaded (%1).").arg(reply->errorString()));
        }
        const QByteArray bytes = reply->readAll();
        if (QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) != id)
            return fail(id, tr("The downloaded file is not the document (its fingerprint differs)."));
        store(id, bytes);
    });
}

void DocumentLibrary::store(const QString& id, const QByteArray& bytes) {
    auto sealed = crypto::seal(m_key, bytesOf(bytes), id.toStdString());
    if (sealed) {
        QSaveFile file(cachePath(id));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(sealed->data(), static_cast<qint64>(sealed->size()));
            file.commit();
        }
    }
    deliver(id, bytes);
}

QString DocumentLibrary::playPath(const QString& id) const { return m_cacheDir.filePath(id + QStringLiteral(".play")); }

void DocumentLibrary::deliver(const QString& id, const QByteArray& bytes) {
    if (!media::looksLikeVideo(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())))) {
        QMetaObject::invokeMethod(m_renderer, "openDocument", Qt::QueuedConnection, Q_ARG(QString, id),
                                  Q_ARG(QByteArray, bytes));
        return;
    }
    // The media framework plays from a file: a plain copy in this session's private cache folder
    // (owner-only, removed at logout and exit). Only documents for the whole meeting can be
    // presented, and a video is never shown on a tablet.
    QSaveFile file(playPath(id));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(id, tr("The video could not be prepared for playing."));
    QFile::setPermissions(playPath(id), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Entry& e = m_entries[id];
    e.status = QStringLiteral("ready");
    e.progress = 1;
    e.pages = 1;
    e.video = true;
    bump();
}

bool DocumentLibrary::addLocal(const QString& id, const QByteArray& bytes) {
    if (!isDocumentId(id) ||
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) != id)
        return false;
    m_entries[id].status = QStringLiteral("loading");
    store(id, bytes);
    return true;
}

void DocumentLibrary::search(const QString& id, const QString& text) {
    QMetaObject::invokeMethod(m_renderer, "search", Qt::QueuedConnection, Q_ARG(QString, id), Q_ARG(QString, text));
}

void DocumentLibrary::fail(const QString& id, const QString& message) {
    Entry& e = m_entries[id];
    e.status = QStringLiteral("failed");
    e.error = message;
    bump();
}

} // namespace room::tablet
