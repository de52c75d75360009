// The wall display's sound against the real room server and a real (null-device) PulseAudio:
// chimes when a poll opens and closes and when speaking time runs out, the room's audio recorded
// per agenda item and handed to the server, and a display without audio devices that works on.
#include <doctest/doctest.h>

#include <QAudioDecoder>
#include <QAudioDevice>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMediaDevices>
#include <QTemporaryDir>
#include <QUrl>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "display-app/src/room_recorder.h"
#include "display-app/src/room_sounds.h"
#include "shared/media/audio_inspect.h"
#include "tablet-app/src/room_store.h"
#include "tests/display/sound_server.h"
#include "tests/integration/room_fixture.h"
#include "tests/tablet/qt_app.h"

using namespace room;
using room::display::RoomRecorder;
using room::display::RoomSounds;
using room::itest::accepted;
using room::itest::TestRoom;
using room::qtest::waitUntil;
using room::tablet::RoomStore;

namespace {

/// The process's sound: a private PulseAudio with a null microphone and null loudspeakers, or —
/// with ROOM_TEST_NO_AUDIO set — a server address where nothing answers (no devices at all).
void audioEnvironment() {
    static bool done = false;
    if (done) return;
    done = true;
    if (std::getenv("ROOM_TEST_NO_AUDIO")) {
        ::setenv("PULSE_SERVER", "unix:/nonexistent/phonghop-no-sound", 1);
    } else {
        static room::qtest::SoundServer server;
        std::string why;
        const bool up = server.start(&why);
        INFO(why);
        REQUIRE(up);
    }
    room::qtest::app();
}

/// Everything the display logged (its log is how it tells the technician about its devices).
std::mutex logMutex;
std::vector<std::string> logLines;
void captureLog(QtMsgType, const QMessageLogContext&, const QString& text) {
    std::lock_guard lock(logMutex);
    logLines.push_back(text.toStdString());
}
bool logged(const std::string& part) {
    std::lock_guard lock(logMutex);
    for (const auto& l : logLines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

/// The wall display's store, logged in with the display's credential.
std::unique_ptr<RoomStore> wallDisplay(const TestRoom& room) {
    auto store = std::make_unique<RoomStore>(nullptr);
    store->setLanguage(QStringLiteral("en"));
    store->setServer(QStringLiteral("127.0.0.1"), room.port(), QString::fromStdString(room.fingerprint()));
    store->loginWithPin(QStringLiteral("display"), QString::fromStdString(itest::kPins.at("display")));
    REQUIRE(waitUntil([&] { return store->loggedIn() && store->replica().meeting.id == "test-meeting"; }));
    return store;
}

/// The chair opens the session with enough members present to vote.
void openSession(itest::Client& chair) {
    for (const char* who : {"chair", "d1", "d2", "d3", "d4"})
        REQUIRE(accepted(chair.command("attendance.check_in", {{"participant", who}})));
    REQUIRE(accepted(chair.command("meeting.open")));
}

/// The loudest sample of a recording, decoded by Qt Multimedia (0 = silence, 1 = full scale).
double peakOf(const QString& file) {
    QAudioDecoder decoder;
    decoder.setSource(QUrl::fromLocalFile(file));
    double peak = 0;
    bool finished = false, failed = false;
    QObject::connect(&decoder, &QAudioDecoder::bufferReady, &decoder, [&] {
        const QAudioBuffer buffer = decoder.read();
        const auto format = buffer.format();
        const qsizetype n = buffer.sampleCount();
        if (format.sampleFormat() == QAudioFormat::Int16) {
            const auto* s = buffer.constData<qint16>();
            for (qsizetype i = 0; i < n; ++i) peak = std::max(peak, std::abs(s[i]) / 32768.0);
        } else if (format.sampleFormat() == QAudioFormat::Float) {
            const auto* s = buffer.constData<float>();
            for (qsizetype i = 0; i < n; ++i) peak = std::max(peak, double(std::abs(s[i])));
        } else if (format.sampleFormat() == QAudioFormat::Int32) {
            const auto* s = buffer.constData<qint32>();
            for (qsizetype i = 0; i < n; ++i) peak = std::max(peak, std::abs(double(s[i])) / 2147483648.0);
        }
    });
    QObject::connect(&decoder, &QAudioDecoder::finished, &decoder, [&] { finished = true; });
    QObject::connect(&decoder, qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), &decoder,
                     [&](QAudioDecoder::Error) { failed = true; });
    decoder.start();
    REQUIRE(waitUntil([&] { return finished || failed; }, 20000));
    INFO(decoder.errorString().toStdString());
    CHECK_FALSE(failed);
    return peak;
}

} // namespace

TEST_CASE("chimes ring when a poll opens and closes and when speaking time runs out, and only then") {
    audioEnvironment();
    if (std::getenv("ROOM_TEST_NO_AUDIO")) return;
    auto room = TestRoom::create("display-chimes");
    auto chair = room->loggedIn("chair");
    openSession(*chair);
    // A poll already open before the display joins rings nothing when the display arrives.
    REQUIRE(accepted(chair->command("poll.create", {{"id", "p0"}, {"question", "Đã mở trước"}})));
    REQUIRE(accepted(chair->command("poll.open", {{"poll", "p0"}})));

    auto store = wallDisplay(*room);
    RoomSounds sounds(store.get());
    REQUIRE(sounds.hasOutput());
    std::vector<RoomSounds::Chime> rung;
    QObject::connect(&sounds, &RoomSounds::chimed, &sounds, [&](RoomSounds::Chime c) { rung.push_back(c); });
    REQUIRE(waitUntil([&] { return store->replica().poll("p0") != nullptr; }));
    room::qtest::app().processEvents();
    CHECK(rung.empty());

    REQUIRE(accepted(chair->command("poll.close", {{"poll", "p0"}})));
    REQUIRE(waitUntil([&] { return rung.size() == 1u; }));
    CHECK(rung.back() == RoomSounds::Chime::PollClosed);
    // Heard, not only decided: the output device played it.
    REQUIRE(waitUntil([&] { return sounds.played() == 1; }));

    REQUIRE(accepted(chair->command("poll.create", {{"id", "p1"}, {"question", "Thông qua chương trình kỳ họp"}})));
    REQUIRE(accepted(chair->command("poll.open", {{"poll", "p1"}})));
    REQUIRE(waitUntil([&] { return rung.size() == 2u; }));
    CHECK(rung.back() == RoomSounds::Chime::PollOpened);
    REQUIRE(waitUntil([&] { return sounds.played() == 2; }));

    // A poll that is cancelled ends without the "closed" chime (there is no result to hear).
    REQUIRE(accepted(chair->command("poll.cancel", {{"poll", "p1"}, {"reason", "Nhầm nội dung"}})));
    REQUIRE(waitUntil([&] { return store->replica().poll("p1")->status == PollStatus::Cancelled; }));
    CHECK(rung.size() == 2);

    // A speech of one second: the time-over chime once, not again while the speech runs on.
    REQUIRE(accepted(chair->command("speaker.grant", {{"participant", "d1"}, {"seconds", 1}})));
    REQUIRE(waitUntil([&] { return rung.size() == 3u; }));
    CHECK(rung.back() == RoomSounds::Chime::TimeOver);
    REQUIRE(waitUntil([&] { return sounds.played() == 3; }));
    // Extended: its new end rings again.
    REQUIRE(accepted(chair->command("speaker.extend", {{"seconds", 1}})));
    REQUIRE(waitUntil([&] { return rung.size() == 4u; }));
    CHECK(rung.back() == RoomSounds::Chime::TimeOver);
    REQUIRE(waitUntil([&] { return sounds.played() == 4; }));
    CHECK(rung.size() == 4);
}

TEST_CASE("a chime is a clear tone in the output's own format") {
    QAudioFormat f;
    f.setSampleRate(48000);
    f.setChannelCount(2);
    f.setSampleFormat(QAudioFormat::Int16);
    const QByteArray pcm = RoomSounds::synthesize(RoomSounds::Chime::PollOpened, f);
    REQUIRE(pcm.size() > 48000 * 2 * 2 / 2); // longer than half a second
    const auto* s = reinterpret_cast<const qint16*>(pcm.constData());
    int peak = 0;
    for (qsizetype i = 0; i < pcm.size() / 2; ++i) peak = std::max(peak, std::abs(int(s[i])));
    CHECK(peak > 8000);    // loud enough to hear
    CHECK(peak < 32767);   // never clipped
    CHECK(s[0] == s[1]);   // the same on both channels
    f.setSampleFormat(QAudioFormat::Float);
    CHECK(RoomSounds::synthesize(RoomSounds::Chime::TimeOver, f).size() > 0);
    f.setSampleFormat(QAudioFormat::UInt8);
    CHECK(RoomSounds::synthesize(RoomSounds::Chime::TimeOver, f).isEmpty());
}

TEST_CASE("the room's audio is recorded per agenda item and each file reaches the server and the log") {
    audioEnvironment();
    if (std::getenv("ROOM_TEST_NO_AUDIO")) return;
    auto room = TestRoom::create("display-recording");
    auto chair = room->loggedIn("chair");
    openSession(*chair);
    auto store = wallDisplay(*room);

    QTemporaryDir spool;
    // The microphone hears the room's loudspeakers, so the chimes the display rings are in the
    // recording.
    RoomRecorder recorder(store.get(), {spool.path(), QStringLiteral("room_hall")});
    RoomSounds sounds(store.get());
    REQUIRE(recorder.available());
    std::vector<std::pair<QString, QString>> uploads; // item, id
    QObject::connect(&recorder, &RoomRecorder::uploaded, &recorder,
                     [&](const QString& item, const QString& id, qint64) { uploads.emplace_back(item, id); });
    QString finishedFile;
    QObject::connect(&recorder, &RoomRecorder::recordingFinished, &recorder,
                     [&](const QString&, const QString& file) { finishedFile = file; });

    REQUIRE(accepted(chair->command("agenda.start", {{"item", "1"}})));
    REQUIRE(waitUntil([&] { return recorder.recordingItem() == "1"; }));
    // Some sound in item 1: a poll opens and closes (two chimes).
    REQUIRE(accepted(chair->command("poll.create", {{"id", "p1"}, {"question", "Thông qua chương trình"}})));
    REQUIRE(accepted(chair->command("poll.open", {{"poll", "p1"}})));
    REQUIRE(waitUntil([&] { return sounds.played() >= 1; }));
    REQUIRE(accepted(chair->command("poll.close", {{"poll", "p1"}})));
    REQUIRE(waitUntil([&] { return sounds.played() >= 2; }));
    REQUIRE(waitUntil([&] { return recorder.recordedMs() >= 2000; }));

    // The chair moves on: item 1's file is finished and uploaded while item 2 is recorded.
    REQUIRE(accepted(chair->command("agenda.next")));
    REQUIRE(waitUntil([&] { return uploads.size() == 1; }, 30000));
    CHECK(uploads[0].first == "1");
    CHECK(recorder.recordingItem() == "2");
    CHECK(recorder.waiting() == 0);

    // In the log, as the chair's replica shows it.
    const QString id = uploads[0].second;
    REQUIRE(chair->waitForSeq(room->head()));
    const auto& recs = chair->replica().recordings;
    REQUIRE(recs.count(id.toStdString()) == 1);
    const Recording& r = recs.at(id.toStdString());
    CHECK(r.item == "1");
    CHECK(r.format == "ogg-opus");
    CHECK(r.by == "display");
    CHECK(r.durationMs >= 2000);

    // The server's copy is a real recording with the chimes in it; the spool copy is gone.
    auto got = room->http("GET", "/recordings/" + id.toStdString(), {{"Authorization", "Bearer " + chair->session()}});
    REQUIRE(got);
    REQUIRE(got->status == 200);
    CHECK(got->headers["content-type"] == "audio/ogg");
    CHECK(QCryptographicHash::hash(QByteArray::fromStdString(got->body), QCryptographicHash::Sha256).toHex() == id.toLatin1());
    auto info = media::inspectAudio(got->body);
    REQUIRE(info);
    CHECK(info->durationMs == r.durationMs);
    CHECK_FALSE(QFile::exists(finishedFile));
    const QString copy = spool.filePath(QStringLiteral("check.ogg"));
    {
        QFile f(copy);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(got->body.data(), static_cast<qint64>(got->body.size()));
    }
    CHECK(peakOf(copy) > 0.05);

    // A delegate neither sees the recording nor can fetch it.
    auto d1 = room->loggedIn("d1");
    CHECK(d1->replica().recordings.empty());
    auto refused = room->http("GET", "/recordings/" + id.toStdString(), {{"Authorization", "Bearer " + d1->session()}});
    REQUIRE(refused);
    CHECK(refused->status == 404);

    // The session closes after a second of item 2: the last item's file is uploaded too.
    REQUIRE(waitUntil([&] { return recorder.recordingItem() == "2" && recorder.recordedMs() >= 1000; }, 30000));
    REQUIRE(accepted(chair->command("meeting.close")));
    REQUIRE(waitUntil([&] { return uploads.size() == 2; }, 30000));
    CHECK(uploads[1].first == "2");
    CHECK(recorder.recordingItem().isEmpty());
}

TEST_CASE("a finished recording waits for the server through a kill -9 and a restart of the display") {
    audioEnvironment();
    if (std::getenv("ROOM_TEST_NO_AUDIO")) return;
    auto room = TestRoom::create("display-recording-outage");
    auto chair = room->loggedIn("chair");
    openSession(*chair);
    auto store = wallDisplay(*room);
    QTemporaryDir spool;
    QString finished;
    {
        RoomRecorder recorder(store.get(), {spool.path(), QStringLiteral("room_mic")});
        QObject::connect(&recorder, &RoomRecorder::recordingFinished, &recorder,
                         [&](const QString&, const QString& file) { finished = file; });
        REQUIRE(accepted(chair->command("agenda.start", {{"item", "1"}})));
        REQUIRE(waitUntil([&] { return recorder.recordingItem() == "1"; }));
        // A second of sound, then the server dies.
        REQUIRE(waitUntil([&] { return recorder.recordedMs() >= 1000; }));
        room->kill9();
        REQUIRE(waitUntil([&] { return store->connection() != "online"; }));
        // The display is shut down (as at the end of a day): the item's file is finished and kept.
        recorder.finish();
        REQUIRE(waitUntil([&] { return !finished.isEmpty(); }));
        CHECK(recorder.waiting() == 1);
        CHECK(QFile::exists(finished));
    }
    // A new display process finds the file and uploads it once the server is back.
    store.reset();
    room->start();
    store = wallDisplay(*room);
    RoomRecorder again(store.get(), {spool.path(), QStringLiteral("room_mic")});
    CHECK(again.waiting() == 1);
    std::vector<QString> uploaded;
    QObject::connect(&again, &RoomRecorder::uploaded, &again,
                     [&](const QString& item, const QString&, qint64) { uploaded.push_back(item); });
    REQUIRE(waitUntil([&] { return uploaded.size() == 1; }, 60000));
    CHECK(uploaded[0] == "1");
    CHECK_FALSE(QFile::exists(finished));
    auto fresh = room->loggedIn("secretary");
    CHECK(fresh->replica().recordings.size() == 1);
}

TEST_CASE("no audio device: the display follows the room, rings nothing audible and says so in its log") {
    if (!std::getenv("ROOM_TEST_NO_AUDIO")) return;
    qInstallMessageHandler(captureLog);
    audioEnvironment();
    REQUIRE(QMediaDevices::audioInputs().isEmpty());
    REQUIRE(QMediaDevices::audioOutputs().isEmpty());
    auto room = TestRoom::create("display-no-audio");
    auto chair = room->loggedIn("chair");
    openSession(*chair);
    auto store = wallDisplay(*room);
    QTemporaryDir spool;
    RoomSounds sounds(store.get());
    RoomRecorder recorder(store.get(), {spool.path(), {}});
    CHECK_FALSE(sounds.hasOutput());
    CHECK_FALSE(recorder.available());
    CHECK(logged("no audio output device"));
    CHECK(logged("no audio input device"));
    int rung = 0;
    QObject::connect(&sounds, &RoomSounds::chimed, &sounds, [&] { ++rung; });
    REQUIRE(accepted(chair->command("agenda.start", {{"item", "1"}})));
    REQUIRE(accepted(chair->command("poll.create", {{"id", "p1"}, {"question", "Thông qua"}})));
    REQUIRE(accepted(chair->command("poll.open", {{"poll", "p1"}})));
    REQUIRE(waitUntil([&] { return rung == 1 && store->livePoll().value(QStringLiteral("status")).toString() == "open"; }));
    CHECK(recorder.recordingItem().isEmpty());
    CHECK(QDir(spool.path()).entryList(QDir::Files).isEmpty());
    qInstallMessageHandler(nullptr);
}
