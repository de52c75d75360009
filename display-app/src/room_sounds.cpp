#include "display-app/src/room_sounds.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QMediaDevices>
#include <QtDebug>

#include <cmath>
#include <numbers>

#include "tablet-app/src/room_store.h"

namespace room::display {

namespace {

/// One bell-like note: a fundamental with two softer partials, a 5 ms attack and an exponential
/// decay, so it is clear over a room's murmur without being harsh.
struct Note {
    double hz;
    double startS;
    double lengthS;
};

std::vector<Note> score(RoomSounds::Chime chime) {
    switch (chime) {
    case RoomSounds::Chime::PollOpened: return {{659.25, 0.0, 0.45}, {880.0, 0.22, 0.7}};  // E5 → A5, rising
    case RoomSounds::Chime::PollClosed: return {{880.0, 0.0, 0.45}, {659.25, 0.22, 0.7}};  // A5 → E5, falling
    case RoomSounds::Chime::TimeOver: return {{987.77, 0.0, 0.18}, {987.77, 0.28, 0.18}, {987.77, 0.56, 0.3}}; // B5 ×3
    }
    return {};
}

double sampleAt(const std::vector<Note>& notes, double t) {
    double v = 0;
    for (const auto& n : notes) {
        const double local = t - n.startS;
        if (local < 0 || local > n.lengthS) continue;
        const double attack = std::min(1.0, local / 0.005);
        const double decay = std::exp(-local * 6.0 / n.lengthS);
        const double w = 2 * std::numbers::pi * n.hz * local;
        v += attack * decay * (std::sin(w) + 0.3 * std::sin(2 * w) + 0.1 * std::sin(3 * w));
    }
    return 0.35 * v; // two overlapping notes with partials stay below full scale
}

} // namespace

QString RoomSounds::nameOf(Chime chime) {
    switch (chime) {
    case Chime::PollOpened: return QStringLiteral("poll-opened");
    case Chime::PollClosed: return QStringLiteral("poll-closed");
    case Chime::TimeOver: return QStringLiteral("time-over");
    }
    return {};
}

QByteArray RoomSounds::synthesize(Chime chime, const QAudioFormat& format) {
    const auto notes = score(chime);
    double total = 0;
    for (const auto& n : notes) total = std::max(total, n.startS + n.lengthS);
    const int rate = format.sampleRate();
    const int channels = format.channelCount();
    if (rate <= 0 || channels <= 0) return {};
    const auto frames = static_cast<qsizetype>(total * rate);
    QByteArray out;
    if (format.sampleFormat() == QAudioFormat::Int16) {
        out.resize(frames * channels * 2);
        auto* p = reinterpret_cast<qint16*>(out.data());
        for (qsizetype i = 0; i < frames; ++i) {
            const auto s = static_cast<qint16>(std::clamp(sampleAt(notes, double(i) / rate), -1.0, 1.0) * 32767);
            for (int c = 0; c < channels; ++c) *p++ = s;
        }
    } else if (format.sampleFormat() == QAudioFormat::Float) {
        out.resize(frames * channels * 4);
        auto* p = reinterpret_cast<float*>(out.data());
        for (qsizetype i = 0; i < frames; ++i) {
            const auto s = static_cast<float>(std::clamp(sampleAt(notes, double(i) / rate), -1.0, 1.0));
            for (int c = 0; c < channels; ++c) *p++ = s;
        }
    }
    return out;
}

RoomSounds::RoomSounds(tablet::RoomStore* store, QObject* parent) : QObject(parent), m_store(store) {
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull()) {
        qInfo("display: no audio output device; the chimes are off (the display works on without them)");
    } else {
        m_format = device.preferredFormat();
        if (m_format.sampleFormat() != QAudioFormat::Int16 && m_format.sampleFormat() != QAudioFormat::Float) {
            m_format.setSampleFormat(QAudioFormat::Int16);
        }
        if (!device.isFormatSupported(m_format)) {
            qInfo("display: the audio output '%s' takes no usable format; the chimes are off",
                  qPrintable(device.description()));
        } else {
            m_output = std::make_unique<QAudioSink>(device, m_format);
            connect(m_output.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
                if (state == QAudio::ActiveState) ++m_played;
                else if (state == QAudio::IdleState && m_output) m_output->stop(); // played to its end
            });
            qInfo("display: chimes play on '%s'", qPrintable(device.description()));
        }
    }
    connect(store, &tablet::RoomStore::stateChanged, this, &RoomSounds::check);
    connect(store, &tablet::RoomStore::nowChanged, this, &RoomSounds::check);
    connect(store, &tablet::RoomStore::identityChanged, this, [this] { m_primed = false; });
    check();
}

RoomSounds::~RoomSounds() = default;

void RoomSounds::check() {
    if (!m_store->loggedIn()) {
        m_primed = false;
        return;
    }
    const State& s = m_store->replica();
    std::set<std::string> open;
    for (const auto& p : s.polls)
        if (p.status == PollStatus::Open) open.insert(p.id);
    bool opened = false, closed = false;
    for (const auto& id : open) opened |= !m_open.count(id);
    for (const auto& id : m_open) {
        const Poll* p = s.poll(id);
        closed |= p && p->status == PollStatus::Closed;
    }
    m_open = std::move(open);

    std::string key;
    bool over = false;
    if (s.speaker && s.speaker->allottedSeconds > 0) {
        key = s.speaker->participant + '@' + std::to_string(s.speaker->grantedAt) + '+' +
              std::to_string(s.speaker->allottedSeconds);
        over = m_store->now() >= double(s.speaker->grantedAt) + s.speaker->allottedSeconds * 1000.0;
    }
    const bool timeOver = over && (key != m_speechKey || !m_speechOver);
    m_speechKey = key;
    m_speechOver = over;

    if (!m_primed) {
        m_primed = true; // what was under way before the display joined rings nothing
        return;
    }
    if (closed) ring(Chime::PollClosed);
    if (opened) ring(Chime::PollOpened);
    if (timeOver) ring(Chime::TimeOver);
}

void RoomSounds::ring(Chime chime) {
    emit chimed(chime);
    qInfo("display: chime %s", qPrintable(nameOf(chime)));
    if (!m_output) return;
    m_output->stop();
    m_buffer.close();
    m_pcm = synthesize(chime, m_format);
    m_buffer.setData(m_pcm);
    m_buffer.open(QIODevice::ReadOnly);
    m_output->start(&m_buffer);
}

} // namespace room::display
