// The room's chimes on the wall display: a poll opens, a poll closes, a speaker's time runs out.
#pragma once

#include <QAudioFormat>
#include <QBuffer>
#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <set>

class QAudioSink;

namespace room::tablet {
class RoomStore;
}

namespace room::display {

/// Watches the room's state and rings a chime when something the whole room must notice happens.
/// The chimes are synthesised here (short bell tones, no sound files) and played on the machine's
/// default audio output through Qt Multimedia. Without an output device the display goes on
/// silently and says so once in its log.
///
/// What was already under way when the display (re)joins the room rings nothing: a poll that was
/// open before the display logged in does not "open" again, a speech already over time stays quiet.
class RoomSounds : public QObject {
    Q_OBJECT
public:
    enum class Chime { PollOpened, PollClosed, TimeOver };
    Q_ENUM(Chime)

    RoomSounds(tablet::RoomStore* store, QObject* parent = nullptr);
    ~RoomSounds() override;

    /// False when no audio output device was found (the chimes are then only logged).
    bool hasOutput() const { return m_output != nullptr; }
    /// Chimes the output device started playing.
    int played() const { return m_played; }

    /// PCM samples of one chime in `format` (16-bit integer or 32-bit float, any rate and channel
    /// count); empty for other sample formats.
    static QByteArray synthesize(Chime chime, const QAudioFormat& format);
    static QString nameOf(Chime chime);

signals:
    /// A chime was rung (whether or not it could be heard).
    void chimed(room::display::RoomSounds::Chime chime);

private:
    void check();
    void ring(Chime chime);

    tablet::RoomStore* m_store;
    QAudioFormat m_format;
    std::unique_ptr<QAudioSink> m_output;
    QBuffer m_buffer;
    QByteArray m_pcm;
    bool m_primed = false;         ///< the state after login has been seen once
    std::set<std::string> m_open;  ///< polls open when last looked
    std::string m_speechKey;       ///< the speech (speaker, start, time allowed) last looked at
    bool m_speechOver = false;     ///< its time had run out
    int m_played = 0;
};

} // namespace room::display
