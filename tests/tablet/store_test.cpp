// The tablet's client store against the real room server on loopback: login with a pinned
// certificate, a session carried by a chair and a delegate, resuming after a dropped link, votes
// that need the live connection. Every list model is watched by QAbstractItemModelTester.
#include <doctest/doctest.h>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QImage>

#include <functional>
#include <memory>
#include <vector>

#include "tablet-app/src/room_store.h"
#include "tests/integration/room_fixture.h"
#include "tests/tablet/qt_app.h"

using namespace room;
using room::itest::TestRoom;
using room::tablet::RoomStore;

using room::qtest::app;
using room::qtest::waitUntil;

namespace {

/// A tablet: the store, testers on its models, and the answers to its commands.
struct Tablet {
    bool appReady = (app(), true); // the application exists before any QObject of the tablet
    std::unique_ptr<RoomStore> store = std::make_unique<RoomStore>(nullptr);
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    std::map<QString, std::pair<bool, QString>> answers; ///< id → (ok, code)
    int snapshots = 0;
    int eventFrames = 0;

    Tablet(const TestRoom& room, const QString& fingerprint = {}) {
        store->setLanguage(QStringLiteral("en"));
        store->setServer(QStringLiteral("127.0.0.1"), room.port(),
                         fingerprint.isEmpty() ? QString::fromStdString(room.fingerprint()) : fingerprint);
        for (auto* model : {store->agenda(), store->floorQueue(), store->interpellationQueue(), store->polls(),
                            store->participants(), store->documents()})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::Fatal));
        QObject::connect(store.get(), &RoomStore::commandFinished, store.get(),
                         [this](const QString& id, bool ok, const QString& code, const QString&) {
                             answers[id] = {ok, code};
                         });
        QObject::connect(&store->link(), &room::tablet::RoomLink::snapshotReceived, store.get(), [this] { ++snapshots; });
        QObject::connect(&store->link(), &room::tablet::RoomLink::eventsReceived, store.get(), [this] { ++eventFrames; });
    }

    bool login(const std::string& who) {
        store->loginWithPin(QString::fromStdString(who), QString::fromStdString(itest::kPins.at(who)));
        return waitUntil([&] { return store->loggedIn() || !store->loginError().isEmpty(); }) && store->loggedIn() &&
               waitUntil([&] { return store->replica().meeting.id == "test-meeting"; });
    }
    /// Sends a command and waits for its answer; true when accepted.
    bool run(const QString& type, const QVariantMap& args = {}) {
        const QString id = store->command(type, args);
        return answered(id) && answers[id].first;
    }
    bool answered(const QString& id) { return waitUntil([&] { return answers.count(id) > 0; }); }
    /// Waits until the replica has caught up with another tablet's.
    bool caughtUp(const Tablet& other) {
        return waitUntil([&] { return store->lastSeq() >= other.store->lastSeq(); });
    }
};

/// Receives a page image from the render thread, as an image response does.
class PageSink : public QObject {
    Q_OBJECT
public:
    QImage image;
    QString error;
    bool done = false;
    Q_INVOKABLE void deliver(const QImage& i, const QString& e) {
        image = i;
        error = e;
        done = true;
    }
};

QString libraryStatus(RoomStore& store, const std::string& id) {
    return store.library()->info(QString::fromStdString(id)).toMap().value("status").toString();
}

} // namespace

TEST_CASE("a chair and a delegate carry a session from login to a published vote") {
    auto room = TestRoom::create("tablet-session");
    Tablet chair(*room), delegate(*room);
    REQUIRE(chair.login("chair"));
    REQUIRE(delegate.login("d1"));
    CHECK(chair.store->role() == "chair");
    CHECK(delegate.store->role() == "delegate");
    CHECK(delegate.store->me().value("name").toString() == QStringLiteral("Lê Văn Một"));
    CHECK(delegate.store->agenda()->count() == 5);
    CHECK(delegate.store->agenda()->get(2).toMap().value("number").toString() == "2.1");
    CHECK(delegate.store->meeting().value("status").toString() == "scheduled");

    // Attendance and the opening.
    for (const char* who : {"chair", "d2", "d3"})
        REQUIRE(chair.run("attendance.check_in", {{"participant", who}}));
    REQUIRE(delegate.run("attendance.check_in"));
    REQUIRE(chair.run("meeting.open"));
    REQUIRE(delegate.caughtUp(chair));
    CHECK(delegate.store->meeting().value("status").toString() == "open");
    CHECK(delegate.store->quorum().value("present").toInt() == 4);
    CHECK(delegate.store->quorum().value("met").toBool());

    // The agenda follows the chair.
    REQUIRE(chair.run("agenda.next"));
    REQUIRE(chair.run("agenda.next"));
    REQUIRE(delegate.caughtUp(chair));
    CHECK(delegate.store->currentItem().value("id").toString() == "2");
    CHECK(delegate.store->agenda()->get(0).toMap().value("status").toString() == "done");
    CHECK(delegate.store->agenda()->get(1).toMap().value("current").toBool());

    // The floor: the delegate asks, sees their place, gets the floor.
    const QString ask = delegate.store->requestFloor(QStringLiteral("floor"), false);
    REQUIRE(delegate.answered(ask));
    REQUIRE(chair.caughtUp(delegate));
    CHECK(delegate.store->myRequests().value("floor").toInt() == 1);
    REQUIRE(chair.store->floorQueue()->count() == 1);
    CHECK(chair.store->floorQueue()->get(0).toMap().value("id").toString() == "d1");
    REQUIRE(chair.run("speaker.grant", {{"participant", "d1"}, {"seconds", 90}}));
    REQUIRE(delegate.caughtUp(chair));
    CHECK(delegate.store->speaker().value("isMe").toBool());
    CHECK(delegate.store->speaker().value("endsAt").toLongLong() ==
          delegate.store->speaker().value("grantedAt").toLongLong() + 90000);
    CHECK(delegate.store->myRequests().value("floor").toInt() == 0);
    REQUIRE(delegate.run("speaker.finish"));

    // A vote: the delegate votes with a receipt; the result comes with its rule.
    REQUIRE(chair.run("poll.create", {{"id", "nq-1"}, {"question", "Thông qua báo cáo"}}));
    REQUIRE(chair.run("poll.open", {{"poll", "nq-1"}}));
    REQUIRE(delegate.caughtUp(chair));
    QVariantMap live = delegate.store->livePoll();
    CHECK(live.value("id").toString() == "nq-1");
    CHECK(live.value("canVote").toBool());
    CHECK(live.value("eligible").toInt() == 4);
    const QString ballot = delegate.store->vote(QStringLiteral("nq-1"), QVariantList{0});
    REQUIRE(delegate.answered(ballot));
    CHECK(delegate.answers[ballot].first);
    const QVariantMap receipt = delegate.store->receiptFor(QStringLiteral("nq-1")).toMap();
    CHECK(receipt.value("hash").toString().size() == 64);
    CHECK(receipt.value("seq").toLongLong() > 0);
    CHECK(receipt.value("choices").toList() == QVariantList{0});
    live = delegate.store->livePoll();
    CHECK(live.value("iVoted").toBool());
    CHECK_FALSE(live.value("canVote").toBool());
    CHECK(live.value("voted").toInt() == 1);

    // A second ballot for the same member is refused and changes nothing.
    const QString again = delegate.store->vote(QStringLiteral("nq-1"), QVariantList{1});
    REQUIRE(delegate.answered(again));
    CHECK_FALSE(delegate.answers[again].first);
    CHECK(delegate.answers[again].second == "duplicate");
    CHECK_FALSE(delegate.store->lastError().isEmpty());

    REQUIRE(chair.run("poll.close", {{"poll", "nq-1"}}));
    REQUIRE(delegate.caughtUp(chair));
    live = delegate.store->livePoll();
    CHECK(live.value("status").toString() == "closed");
    CHECK(live.value("published").toBool());
    const QVariantMap result = live.value("result").toMap();
    CHECK(result.value("outcome").toString() == "not_passed"); // 1 of 5 members is not more than half
    CHECK(result.value("counts").toList().value(0).toInt() == 1);
    CHECK(result.value("statement_en").toString().contains("members"));
}

TEST_CASE("a certificate that is not the pinned one gets nothing, not even the PIN") {
    auto room = TestRoom::create("tablet-pin");
    const QString wrong = QStringLiteral("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                                         "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
    // Six wrong PINs sent to the real server would lock the participant out (after five).
    for (int attempt = 0; attempt < 6; ++attempt) {
        Tablet tablet(*room, wrong);
        tablet.store->loginWithPin(QStringLiteral("d2"), QStringLiteral("999999"));
        REQUIRE(waitUntil([&] { return !tablet.store->loginError().isEmpty(); }));
        CHECK(tablet.store->loginError().contains("certificate"));
        CHECK_FALSE(tablet.store->loggedIn());
        CHECK(tablet.store->connection() == "offline");
    }
    Tablet honest(*room);
    CHECK(honest.login("d2")); // not locked out: none of the wrong PINs reached the server
}

TEST_CASE("a wrong PIN is refused with the server's message and leaves the tablet logged out") {
    auto room = TestRoom::create("tablet-badpin");
    Tablet tablet(*room);
    tablet.store->setLanguage(QStringLiteral("vi"));
    tablet.store->loginWithPin(QStringLiteral("d3"), QStringLiteral("000000"));
    REQUIRE(waitUntil([&] { return !tablet.store->loginError().isEmpty(); }));
    CHECK_FALSE(tablet.store->loggedIn());
    CHECK(tablet.store->replica().meeting.id.empty());
    CHECK(tablet.store->agenda()->count() == 0);
    CHECK(tablet.store->loginError().contains(QStringLiteral("mã"))); // the Vietnamese message

    Tablet empty(*room);
    empty.store->loginWithPin(QStringLiteral(""), QStringLiteral(""));
    CHECK_FALSE(empty.store->loginError().isEmpty());
    CHECK(empty.store->connection() == "offline");
}

TEST_CASE("after a dropped link the tablet resumes from its last event, without a snapshot") {
    auto room = TestRoom::create("tablet-resume");
    Tablet chair(*room), delegate(*room);
    REQUIRE(chair.login("chair"));
    REQUIRE(delegate.login("d4"));
    REQUIRE(chair.run("attendance.check_in", {{"participant", "d4"}}));
    REQUIRE(delegate.caughtUp(chair));
    CHECK(delegate.snapshots == 1);
    const Seq before = delegate.store->lastSeq();

    delegate.store->link().simulateDrop();
    REQUIRE(waitUntil([&] { return delegate.store->connection() == "reconnecting"; }));
    // Missed while away.
    REQUIRE(chair.run("announcement.make", {{"text", "Nghỉ giải lao 15 phút"}}));
    REQUIRE(chair.run("proxy.grant", {{"from", "d5"}, {"to", "d4"}}));

    // Votes need the live connection: refused at once, never queued.
    const QString offlineVote = delegate.store->vote(QStringLiteral("nq-x"), QVariantList{0});
    REQUIRE(delegate.answered(offlineVote));
    CHECK(delegate.answers[offlineVote].second == "offline");

    REQUIRE(waitUntil([&] { return delegate.store->connection() == "online"; }, 20000));
    REQUIRE(delegate.caughtUp(chair));
    CHECK(delegate.store->lastSeq() > before);
    CHECK(delegate.snapshots == 1); // caught up with events only
    CHECK(delegate.store->announcement().value("text").toString() == QStringLiteral("Nghỉ giải lao 15 phút"));
    CHECK(delegate.store->replica().proxies.at("d5") == "d4");
    // The replica equals the server's state as projected for the delegate: a fresh login agrees.
    Tablet fresh(*room);
    REQUIRE(fresh.login("d4"));
    REQUIRE(fresh.caughtUp(chair));
    CHECK(toJson(fresh.store->replica()) == toJson(delegate.store->replica()));
    // And both say so with the chain hash of the same event, which the chair's replica names too.
    REQUIRE(chair.caughtUp(fresh));
    CHECK(fresh.store->lastSeq() == delegate.store->lastSeq());
    CHECK(delegate.store->headHash().size() == 64);
    CHECK(fresh.store->headHash() == delegate.store->headHash());
    CHECK(chair.store->headHash() == delegate.store->headHash());
}

TEST_CASE("a replica at the server's head but of another log is dropped: the head hashes differ") {
    // Two servers with the same meeting and the same number of events, one of them different.
    auto first = TestRoom::create("tablet-hash-first");
    auto second = TestRoom::create("tablet-hash-second");
    Tablet chairOfFirst(*first), chairOfSecond(*second), delegate(*first), other(*second);
    REQUIRE(chairOfFirst.login("chair"));
    REQUIRE(chairOfSecond.login("chair"));
    REQUIRE(chairOfFirst.run("announcement.make", {{"text", QStringLiteral("Phòng họp số một")}}));
    REQUIRE(chairOfSecond.run("announcement.make", {{"text", QStringLiteral("Phòng họp số hai")}}));
    REQUIRE(delegate.login("d2"));
    REQUIRE(other.login("d2"));
    REQUIRE(delegate.store->lastSeq() == other.store->lastSeq());
    REQUIRE(delegate.store->headHash() != other.store->headHash());
    REQUIRE(delegate.store->announcement().value("text").toString() == QStringLiteral("Phòng họp số một"));
    const int eventFrames = delegate.eventFrames;

    // The tablet is pointed at the second server and logs in there with its last_seq: meeting and
    // head agree, only the hash tells that its replica is not of this log. It starts again from
    // the second server's log (hello with last_seq 0, the events replayed).
    delegate.store->setServer(QStringLiteral("127.0.0.1"), second->port(), QString::fromStdString(second->fingerprint()));
    delegate.store->loginWithPin(QStringLiteral("d2"), QString::fromStdString(itest::kPins.at("d2")));
    CHECK(waitUntil([&] {
        return delegate.store->announcement().value("text").toString() == QStringLiteral("Phòng họp số hai");
    }, 20000));
    CHECK(delegate.store->headHash() == other.store->headHash());
    CHECK(delegate.store->lastSeq() == other.store->lastSeq());
    CHECK(delegate.eventFrames > eventFrames + 1); // the empty catch-up frame, then the replay
    // The same state, but for the time of the newest event (the replay does not see events hidden
    // from this delegate, a snapshot states the time of the last one).
    Json replayed = toJson(delegate.store->replica()), fresh = toJson(other.store->replica());
    replayed.erase("time");
    fresh.erase("time");
    CHECK(replayed == fresh);
}

TEST_CASE("a command in flight when the link drops is sent again by id and applied once") {
    auto room = TestRoom::create("tablet-retry");
    Tablet chair(*room), delegate(*room);
    REQUIRE(chair.login("chair"));
    REQUIRE(delegate.login("d2"));
    REQUIRE(chair.run("attendance.check_in", {{"participant", "d2"}}));
    REQUIRE(chair.run("meeting.open"));
    REQUIRE(delegate.caughtUp(chair));

    const QString id = delegate.store->requestFloor();
    delegate.store->link().simulateDrop(); // the answer (and maybe the command) is lost
    REQUIRE(waitUntil([&] { return delegate.answers.count(id) > 0; }, 20000));
    CHECK(delegate.answers[id].first);
    REQUIRE(chair.caughtUp(delegate));
    REQUIRE(waitUntil([&] { return chair.store->floorQueue()->count() >= 1; }));
    CHECK(chair.store->floorQueue()->count() == 1);
    CHECK(delegate.store->link().pendingCommands() == 0);
}

TEST_CASE("logging out wipes the replica and the receipts") {
    auto room = TestRoom::create("tablet-logout");
    Tablet delegate(*room);
    REQUIRE(delegate.login("d3"));
    CHECK(delegate.store->agenda()->count() == 5);
    delegate.store->logout();
    REQUIRE(waitUntil([&] { return !delegate.store->loggedIn(); }));
    CHECK(delegate.store->agenda()->count() == 0);
    CHECK(delegate.store->replica().meeting.id.empty());
    CHECK(delegate.store->lastSeq() == 0);
    CHECK(delegate.store->connection() == "offline");
}

TEST_CASE("documents come over the pinned connection, are checked, kept sealed and stay readable offline") {
    auto room = TestRoom::create("tablet-documents");
    Tablet d1(*room), d2(*room);
    REQUIRE(d1.login("d1"));
    REQUIRE(d2.login("d2"));
    std::string open, secret;
    for (const auto& [id, doc] : d1.store->replica().documents)
        (doc.audience == Audience::Meeting ? open : secret) = id;
    REQUIRE_FALSE(open.empty());
    REQUIRE_FALSE(secret.empty());
    CHECK(d2.store->replica().documents.count(secret) == 0); // d2 is not among its readers

    auto* library = d1.store->library();
    library->open(QString::fromStdString(open));
    REQUIRE(waitUntil([&] { return libraryStatus(*d1.store, open) != "loading"; }, 20000));
    const QVariantMap info = library->info(QString::fromStdString(open)).toMap();
    REQUIRE(info.value("status").toString() == "ready");
    CHECK(info.value("pages").toInt() == d1.store->replica().document(open)->pages);
    CHECK(info.value("sizes").toList().size() == info.value("pages").toInt());

    // Kept on the device only sealed (AES-256-GCM), bound to the document id.
    QFile sealed(library->cacheDir().filePath(QString::fromStdString(open) + ".sealed"));
    REQUIRE(sealed.open(QIODevice::ReadOnly));
    const QByteArray stored = sealed.readAll();
    sealed.close();
    CHECK(stored.size() == d1.store->replica().document(open)->bytes + 28);
    CHECK_FALSE(stored.contains("%PDF"));
    CHECK_FALSE(stored.contains("/Type"));

    // Pages render on the render thread at the width asked for.
    PageSink sink;
    QMetaObject::invokeMethod(library->renderer(), [&] {
        library->renderer()->render(QString::fromStdString(open), 0, 800, std::make_shared<std::atomic<bool>>(false), &sink);
    });
    REQUIRE(waitUntil([&] { return sink.done; }));
    CHECK(sink.error.isEmpty());
    CHECK(sink.image.width() == 800);
    CHECK(sink.image.height() > 1000); // A4 is taller than wide

    // Search with diacritics goes through the same thread.
    QVariantList hits;
    QObject::connect(library, &room::tablet::DocumentLibrary::searchFinished, library,
                     [&](const QString&, const QString&, const QVariantList& found) { hits = found; });
    library->search(QString::fromStdString(open), QStringLiteral("nội dung"));
    REQUIRE(waitUntil([&] { return !hits.isEmpty(); }));
    CHECK(hits.size() == info.value("pages").toInt()); // once per page
    CHECK(hits.first().toMap().value("page").toInt() == 0);

    // Someone who may not read a document gets nothing, with a plain reason.
    d2.store->library()->open(QString::fromStdString(secret));
    REQUIRE(waitUntil([&] { return libraryStatus(*d2.store, secret) != "loading"; }, 20000));
    CHECK(libraryStatus(*d2.store, secret) == "failed");
    CHECK(d2.store->library()->info(QString::fromStdString(secret)).toMap().value("error").toString().contains("not available"));
    CHECK_FALSE(QFile::exists(d2.store->library()->cacheDir().filePath(QString::fromStdString(secret) + ".sealed")));

    // A fake id is refused before anything is sent.
    library->open(QStringLiteral("../../etc/passwd"));
    CHECK(libraryStatus(*d1.store, "../../etc/passwd") == "failed");

    // Offline: what was opened stays readable; what was never downloaded says why it is not.
    d1.store->link().simulateDrop();
    REQUIRE(waitUntil([&] { return d1.store->connection() != "online"; }));
    library->open(QString::fromStdString(open));
    CHECK(libraryStatus(*d1.store, open) == "ready");
    library->open(QString::fromStdString(secret));
    CHECK(libraryStatus(*d1.store, secret) == "failed");
    CHECK(library->info(QString::fromStdString(secret)).toMap().value("error").toString().contains("Not connected"));

    // Logging out leaves nothing behind.
    REQUIRE(waitUntil([&] { return d1.store->connection() == "online"; }, 20000));
    d1.store->logout();
    REQUIRE(waitUntil([&] { return !d1.store->loggedIn(); }));
    CHECK_FALSE(QFile::exists(library->cacheDir().filePath(QString::fromStdString(open) + ".sealed")));
    CHECK(libraryStatus(*d1.store, open) == "absent");
}

TEST_CASE("a seat tablet logs out and wipes everything when the meeting closes") {
    auto room = TestRoom::create("tablet-seat");
    Tablet chair(*room), seat(*room);
    seat.store->setSeatMode(true);
    REQUIRE(chair.login("chair"));
    REQUIRE(seat.login("d5"));
    REQUIRE(chair.run("meeting.open"));
    std::string open;
    for (const auto& [id, doc] : seat.store->replica().documents)
        if (doc.audience == Audience::Meeting) open = id;
    seat.store->library()->open(QString::fromStdString(open));
    REQUIRE(waitUntil([&] { return libraryStatus(*seat.store, open) == "ready"; }, 20000));
    const QString sealedFile = seat.store->library()->cacheDir().filePath(QString::fromStdString(open) + ".sealed");
    CHECK(QFile::exists(sealedFile));

    REQUIRE(chair.run("meeting.close"));
    REQUIRE(waitUntil([&] { return !seat.store->loggedIn(); }));
    CHECK(seat.store->replica().meeting.id.empty());
    CHECK(seat.store->agenda()->count() == 0);
    CHECK_FALSE(QFile::exists(sealedFile));
    CHECK(libraryStatus(*seat.store, open) == "absent");
    // A tablet that is not a seat keeps its session (the chair still sees the closed meeting).
    CHECK(chair.store->loggedIn());
    CHECK(chair.store->meeting().value("status").toString() == "closed");
}

TEST_CASE("notes and annotations written offline are sent on reconnect and reach only their author") {
    auto room = TestRoom::create("tablet-notes");
    Tablet d3(*room), d4(*room);
    REQUIRE(d3.login("d3"));
    REQUIRE(d4.login("d4"));
    std::string doc;
    for (const auto& [id, d] : d3.store->replica().documents)
        if (d.audience == Audience::Meeting) doc = id;
    const QString docId = QString::fromStdString(doc);

    // Online: confirmed by the server, in the replica.
    const QString saved = d3.store->saveNote(QStringLiteral("2"), QStringLiteral("Hỏi về vốn đối ứng"));
    REQUIRE(d3.answered(saved));
    CHECK(d3.answers[saved].first);
    CHECK(d3.store->replica().notes.at("d3").at("2") == "Hỏi về vốn đối ứng");
    CHECK(d3.store->noteFor(QStringLiteral("2")) == QStringLiteral("Hỏi về vốn đối ứng"));

    // Offline: the stroke and the note show at once (pending) and are sent after the reconnect.
    d3.store->link().simulateDrop();
    REQUIRE(waitUntil([&] { return d3.store->connection() == "reconnecting"; }));
    QVariantList points;
    for (int i = 0; i < 2500; ++i) points.push_back(QVariantList{72 + i * 0.1, 300}); // split in two
    d3.store->saveAnnotation(docId, {{"id", "long"}, {"page", 2}, {"kind", "pen"}, {"points", points}});
    d3.store->saveNote(QStringLiteral("2"), QStringLiteral("Bản sửa khi mất mạng"));
    QVariantList shown = d3.store->annotationsOn(docId, 2);
    REQUIRE(shown.size() == 2);
    CHECK(shown[0].toMap().value("pending").toBool());
    CHECK(d3.store->noteFor(QStringLiteral("2")) == QStringLiteral("Bản sửa khi mất mạng"));
    CHECK(d3.store->replica().notes.at("d3").at("2") == "Hỏi về vốn đối ứng"); // not confirmed yet

    REQUIRE(waitUntil([&] { return d3.store->connection() == "online" && d3.store->link().pendingCommands() == 0; }, 20000));
    REQUIRE(waitUntil([&] { return d3.store->replica().notes.at("d3").at("2") == "Bản sửa khi mất mạng"; }));
    const auto& marks = d3.store->replica().annotations.at("d3").at(doc);
    CHECK(marks.size() == 2);
    CHECK(marks.at("long-0").points.size() == 2000);
    CHECK(marks.at("long-1").points.size() == 501); // the pieces join at a shared point
    shown = d3.store->annotationsOn(docId, 2);
    CHECK(shown.size() == 2);
    CHECK_FALSE(shown[0].toMap().value("pending").toBool());
    CHECK(d3.store->annotationsOn(docId, 1).isEmpty());

    // Deleting shows at once and is confirmed.
    const QString del = d3.store->deleteAnnotation(docId, QStringLiteral("long-1"));
    CHECK(d3.store->annotationsOn(docId, 2).size() == 1);
    REQUIRE(d3.answered(del));
    CHECK(d3.store->replica().annotations.at("d3").at(doc).count("long-1") == 0);

    // Another delegate never receives any of it.
    REQUIRE(d4.caughtUp(d3));
    CHECK(d4.store->replica().notes.empty());
    CHECK(d4.store->replica().annotations.empty());
    CHECK(d4.store->annotationsOn(docId, 2).isEmpty());
    CHECK(d4.store->noteFor(QStringLiteral("2")).isEmpty());

    // A new device of the same delegate has them (the replica is the server's).
    Tablet other(*room);
    REQUIRE(other.login("d3"));
    CHECK(other.store->noteFor(QStringLiteral("2")) == QStringLiteral("Bản sửa khi mất mạng"));
    CHECK(other.store->annotationsOn(docId, 2).size() == 1);
}

#include "store_test.moc"
