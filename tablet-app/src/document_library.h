// The documents a tablet reads: downloaded over the pinned TLS connection, checked against their
// SHA-256, kept encrypted on the device for the session, opened on the render thread.
#pragma once

#include <QDir>
#include <QNetworkAccessManager>
#include <QObject>
#include <QThread>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <map>

#include "tablet-app/src/page_renderer.h"

namespace room::tablet {

class RoomLink;

/// Per document: "absent" → "loading" → "ready" (or "failed" with a message). Documents stay
/// readable when the Wi-Fi drops: what was opened stays open, and what was downloaded in this
/// session is read back from the encrypted cache. The cache key exists only in memory, so a
/// restart or a logout leaves nothing readable behind, and the files are deleted then too.
class DocumentLibrary : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the library comes from Room.library")
    Q_PROPERTY(int revision READ revision NOTIFY changed)
public:
    /// `cacheDir` is emptied now and whenever the session ends.
    DocumentLibrary(RoomLink* link, QString cacheDir, QObject* parent = nullptr);
    ~DocumentLibrary() override;

    /// Makes the document readable: opens it from memory or the cache, or downloads it.
    Q_INVOKABLE void open(const QString& id);
    /// {status, progress (0–1), error, pages, sizes: [[w, h] …] in points}.
    Q_INVOKABLE QVariant info(const QString& id) const;
    /// Searches an open document; the answer comes as searchFinished().
    Q_INVOKABLE void search(const QString& id, const QString& text);

    /// Adds verified bytes without a download (the gallery's documents; tests). Refused (false)
    /// when they are not the document `id` names.
    bool addLocal(const QString& id, const QByteArray& bytes);
    /// Forgets every document, closes them, deletes the cache and makes a new key.
    void wipe();

    PageRenderer* renderer() const { return m_renderer; }
    const QDir& cacheDir() const { return m_cacheDir; }
    int revision() const { return m_revision; }

signals:
    void changed();
    void searchFinished(const QString& id, const QString& text, const QVariantList& hits);

private:
    struct Entry {
        QString status = QStringLiteral("absent");
        double progress = 0;
        QString error;
        int pages = 0;
        QVariantList sizes;
        bool video = false; ///< a clip: played from playPath(), never rendered
    };
    /// Hands the bytes to the page renderer, or — for a video — writes the copy it is played from.
    void deliver(const QString& id, const QByteArray& bytes);
    QString playPath(const QString& id) const;
    void download(const QString& id);
    void store(const QString& id, const QByteArray& bytes);
    void fail(const QString& id, const QString& message);
    QString cachePath(const QString& id) const;
    void bump();

    RoomLink* m_link;
    QDir m_cacheDir;
    std::string m_key; ///< AES-256-GCM key of the cache; never written anywhere
    QNetworkAccessManager m_network;
    QThread m_thread;
    PageRenderer* m_renderer;
    std::map<QString, Entry> m_entries;
    int m_revision = 0;
};

} // namespace room::tablet
