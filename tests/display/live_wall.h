// The wall display as it runs in the room, inside a test: its store logged in to a real room
// server with the display's credential and its Main.qml shown in a 1920×1080 window (offscreen),
// with every repaint timestamped.
#pragma once

#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>

#include <functional>
#include <memory>

#include "display-app/src/qr_image.h"
#include "tablet-app/src/room_store.h"
#include "tablet-app/src/scene_lookup.h"

namespace room::qtest {

class LiveWall {
public:
    /// Logs in to 127.0.0.1:`port` (pinning `fingerprint`) as `participant` with `pin` and shows
    /// the display in `language`. `clock` is the timer all timestamps are read from.
    LiveWall(int port, const QString& fingerprint, const QString& participant, const QString& pin,
             const QElapsedTimer& clock, const QString& language = QStringLiteral("vi"))
        : m_clock(clock) {
        store = std::make_unique<tablet::RoomStore>(nullptr);
        store->setLanguage(language);
        store->addTranslationDomain(QStringLiteral("display-app"));
        store->setServer(QStringLiteral("127.0.0.1"), port, fingerprint);
        tablet::RoomStore::setInstance(store.get());
        QObject::connect(store.get(), &tablet::RoomStore::stateChanged, store.get(),
                         [this] { lastStateAt = m_clock.nsecsElapsed(); ++states; });
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        store->setEngine(engine.get());
        engine->addImageProvider(QStringLiteral("qr"), new display::QrImageProvider());
        engine->load(QUrl(QStringLiteral("qrc:/qt/qml/PhongHop/Display/Main.qml")));
        if (!engine->rootObjects().isEmpty()) window = qobject_cast<QQuickWindow*>(engine->rootObjects().first());
        if (window) {
            window->resize(1920, 1080);
            window->show();
            QObject::connect(window, &QQuickWindow::frameSwapped, window, [this] {
                lastFrameAt = m_clock.nsecsElapsed();
                ++frames;
            });
        }
        store->loginWithPin(participant, pin);
    }

    ~LiveWall() {
        engine.reset();
        tablet::RoomStore::setInstance(nullptr);
    }

    /// The screen the display shows ("waiting", "item", "vote", …).
    QString current() const { return window ? window->property("current").toString() : QString(); }
    QObject* find(const QString& objectName) const {
        return window ? tablet::findInScene(window->contentItem(), objectName) : nullptr;
    }
    /// A visible text item whose text contains `part` (what the room can read).
    bool shows(const QString& part) const { return window && shows(window->contentItem(), part); }

    std::unique_ptr<tablet::RoomStore> store;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow* window = nullptr;
    qint64 lastStateAt = 0; ///< ns on the clock: the store applied a frame
    qint64 lastFrameAt = 0; ///< ns on the clock: a frame was put on the screen
    int states = 0;
    int frames = 0;

private:
    static bool shows(const QQuickItem* item, const QString& part) {
        if (!item->isVisible() || item->opacity() <= 0.01) return false;
        const QVariant text = item->property("text");
        if (text.isValid() && text.toString().contains(part)) return true;
        for (const QQuickItem* child : item->childItems())
            if (shows(child, part)) return true;
        return false;
    }

    const QElapsedTimer& m_clock;
};

} // namespace room::qtest
