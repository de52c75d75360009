// Unit tests for room::storage::Database: event log, transactions, dedupe, secrets, settings.
#include "room-server/src/storage/database.h"
#include "room-server/src/storage/event_chain.h"
#include "room-server/src/storage/verify_log.h"

#include "tests/unit/storage/storage_test_support.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

using namespace room;
using namespace room::storage;
using room::storage::test::RawDb;
using room::storage::test::TempDir;

namespace {

const std::string kZeroHash(64, '0');

std::unique_ptr<Database> openOk(const std::filesystem::path& file) {
    auto db = Database::open(file);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
    return std::move(db).value();
}

Event appendOk(Database& db, TimeMs time, const std::string& actor, const std::string& type, const Json& payload) {
    auto e = db.appendEvent(time, actor, type, payload);
    REQUIRE_MESSAGE(e.ok(), (e.ok() ? "" : e.error().message));
    return std::move(e).value();
}

void appendMany(Database& db, int n) {
    for (int i = 0; i < n; ++i) appendOk(db, 1'000 + i, "system", "test.tick", Json{{"i", i}});
}

std::vector<Event> allEvents(Database& db) {
    auto events = db.eventsAfter(0, 1'000'000);
    REQUIRE(events.ok());
    return std::move(events).value();
}

using BallotBoxes = std::vector<std::pair<std::string, std::string>>;

BallotBoxes ballotBoxesOk(Database& db) {
    auto boxes = db.ballotBoxes();
    REQUIRE_MESSAGE(boxes.ok(), (boxes.ok() ? "" : boxes.error().message));
    return std::move(boxes).value();
}

/// The raw bytes of a file, "" when it does not exist.
std::string bytesOf(const std::filesystem::path& p) {
    if (!std::filesystem::exists(p)) return {};
    return room::storage::test::readFile(p);
}

std::filesystem::path walOf(const std::filesystem::path& file) { return file.string() + "-wal"; }

/// Whether `needle` occurs anywhere in the database file or its WAL, as bytes on disk.
bool onDisk(const std::filesystem::path& file, const std::string& needle) {
    return bytesOf(file).find(needle) != std::string::npos || bytesOf(walOf(file)).find(needle) != std::string::npos;
}

/// The WAL is gone or empty: no page version of any kind is left in it.
void checkWalEmpty(const std::filesystem::path& file) {
    const auto wal = walOf(file);
    if (std::filesystem::exists(wal)) CHECK(std::filesystem::file_size(wal) == 0);
}

} // namespace

TEST_CASE("a new database is empty, with the genesis head") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    CHECK(db->headSeq() == 0);
    CHECK(db->headHashHex() == kZeroHash);
    CHECK(allEvents(*db).empty());
    CHECK(db->file() == dir / "room.db");
    RawDb raw(dir / "room.db");
    CHECK(raw.text("PRAGMA journal_mode") == "wal");
}

TEST_CASE("open creates missing parent directories") {
    TempDir dir;
    const auto file = dir / "a/b/c/room.db";
    auto db = openOk(file);
    CHECK(std::filesystem::is_regular_file(file));
}

TEST_CASE("events round-trip with Vietnamese UTF-8 text") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    const Json payload = {
        {"title", "Kỳ họp thứ 12 Hội đồng nhân dân tỉnh khóa XVI"},
        {"position", "Phó Chủ tịch Ủy ban nhân dân tỉnh"},
        {"items", {"Tờ trình số 45/TTr-UBND", "Báo cáo thẩm tra", "Nghị quyết"}},
        {"nested", {{"ghi_chú", "Đồng ý thông qua, có ý kiến bổ sung"}, {"số_phiếu", 42}, {"tỉ_lệ", 0.875}}},
        {"flag", true},
        {"none", nullptr},
    };
    const Event first = appendOk(*db, 1'700'000'000'123, "đại_biểu_07", "speaker.requested", payload);
    const Event second = appendOk(*db, 1'700'000'000'456, "system", "meeting.opened", Json::object());
    CHECK(first.seq == 1);
    CHECK(second.seq == 2);
    CHECK(first.payload == payload);
    CHECK(db->headSeq() == 2);

    const auto events = allEvents(*db);
    REQUIRE(events.size() == 2);
    CHECK(events[0].seq == 1);
    CHECK(events[0].time == 1'700'000'000'123);
    CHECK(events[0].actor == "đại_biểu_07");
    CHECK(events[0].type == "speaker.requested");
    CHECK(events[0].payload == payload);
    CHECK(events[0].payload["nested"]["ghi_chú"] == "Đồng ý thông qua, có ý kiến bổ sung");
    CHECK(events[1].payload == Json::object());
    CHECK(events[1].actor == "system");
}

TEST_CASE("eventsAfter pages through the log in seq order") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    appendMany(*db, 25);
    auto page = db->eventsAfter(10, 5);
    REQUIRE(page.ok());
    REQUIRE(page->size() == 5);
    CHECK(page->front().seq == 11);
    CHECK(page->back().seq == 15);
    CHECK(page->front().payload["i"] == 10);
    auto tail = db->eventsAfter(20, 100);
    REQUIRE(tail.ok());
    CHECK(tail->size() == 5);
    CHECK(tail->back().seq == 25);
    CHECK(db->eventsAfter(25, 100)->empty());
    CHECK(db->eventsAfter(0, 0)->empty());
}

TEST_CASE("the hash chain follows the documented formula") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    const Event e = appendOk(*db, 1'700'000'000'000, "thư_ký", "meeting.opened",
                             Json{{"title", "Kỳ họp thứ 12 HĐND tỉnh"},
                                  {"items", {1, 2.5, true, nullptr}},
                                  {"ghi_chú", "Đồng ý thông qua"}});
    CHECK(canonicalEventJson(e) ==
          R"({"actor":"thư_ký","payload":{"ghi_chú":"Đồng ý thông qua","items":[1,2.5,true,null],)"
          R"("title":"Kỳ họp thứ 12 HĐND tỉnh"},"seq":1,"time":1700000000000,"type":"meeting.opened"})");
    // Computed independently (Python: sha256(b"\0"*32 + json.dumps(e, sort_keys=True,
    // separators=(",", ":"), ensure_ascii=False).encode())).
    CHECK(db->headHashHex() == "48c232cbbb50e64ebae3054462d97c84d57b59205cd1c7beafa2c2c9bc56b90d");
    appendOk(*db, 1'700'000'001'000, "system", "x", Json::object());
    CHECK(db->headHashHex() == "bdfef335f72c5d01f361c4fefaa3d2d4d762fd5a0cd74fb260e2c72e734ccb51");

    auto stored = db->storedEventsAfter(0, 10);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 2);
    CHECK((*stored)[0].prevHash == kZeroHash);
    CHECK((*stored)[0].hash == "48c232cbbb50e64ebae3054462d97c84d57b59205cd1c7beafa2c2c9bc56b90d");
    CHECK((*stored)[1].prevHash == (*stored)[0].hash);
    CHECK((*stored)[1].hash == db->headHashHex());
    CHECK((*stored)[1].type == "x");
}

TEST_CASE("an event with invalid UTF-8 is refused and leaves the log unchanged") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    appendMany(*db, 2);
    const std::string head = db->headHashHex();
    auto bad = db->appendEvent(5, "system", "x", Json{{"text", std::string("\xff\xfe", 2)}});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::InvalidArgument);
    auto badActor = db->appendEvent(5, std::string("\xc3", 1), "x", Json::object());
    REQUIRE_FALSE(badActor.ok());
    CHECK(badActor.error().code == ErrorCode::InvalidArgument);
    CHECK(db->headSeq() == 2);
    CHECK(db->headHashHex() == head);
    CHECK(allEvents(*db).size() == 2);
}

TEST_CASE("a committed transaction keeps every event, in order") {
    TempDir dir;
    const auto file = dir / "room.db";
    {
        auto db = openOk(file);
        REQUIRE(db->begin().ok());
        CHECK(db->inTransaction());
        appendMany(*db, 7);
        CHECK(db->headSeq() == 7);
        REQUIRE(db->commit().ok());
        CHECK_FALSE(db->inTransaction());
    }
    auto db = openOk(file);
    CHECK(db->headSeq() == 7);
    CHECK(allEvents(*db).size() == 7);
}

TEST_CASE("rollback restores the head and a later append continues the chain") {
    TempDir dir;
    const auto file = dir / "room.db";
    auto db = openOk(file);
    appendMany(*db, 3);
    const std::string headBefore = db->headHashHex();

    REQUIRE(db->begin().ok());
    appendMany(*db, 4);
    REQUIRE(db->recordCommand("chair", "cmd-1", 4, 7, 99).ok());
    CHECK(db->headSeq() == 7);
    CHECK(db->headHashHex() != headBefore);
    db->rollback();
    CHECK_FALSE(db->inTransaction());
    CHECK(db->headSeq() == 3);
    CHECK(db->headHashHex() == headBefore);
    CHECK(allEvents(*db).size() == 3);
    // The dedupe record went with the events: they are one unit.
    CHECK_FALSE(db->findCommand("chair", "cmd-1")->has_value());

    REQUIRE(db->begin().ok());
    const Event next = appendOk(*db, 5'000, "chair", "item.started", Json{{"item", "1"}});
    REQUIRE(db->commit().ok());
    CHECK(next.seq == 4);
    auto stored = db->storedEventsAfter(2, 10);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 2);
    CHECK((*stored)[0].hash == headBefore);
    CHECK((*stored)[1].prevHash == headBefore);
    CHECK((*stored)[1].payload["item"] == "1");

    auto report = verifyLog(file);
    REQUIRE(report.ok());
    CHECK(report->ok);
    CHECK(report->events == 4);
    CHECK(report->headHash == db->headHashHex());
}

TEST_CASE("rollback without a transaction changes nothing") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    appendMany(*db, 2);
    const std::string head = db->headHashHex();
    db->rollback();
    CHECK(db->headSeq() == 2);
    CHECK(db->headHashHex() == head);
    CHECK(allEvents(*db).size() == 2);
}

TEST_CASE("transactions do not nest, and commit needs one") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    auto commit = db->commit();
    REQUIRE_FALSE(commit.ok());
    CHECK(commit.error().code == ErrorCode::InvalidState);
    REQUIRE(db->begin().ok());
    auto again = db->begin();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::InvalidState);
    CHECK(db->inTransaction());
    REQUIRE(db->commit().ok());
}

TEST_CASE("an uncommitted batch is lost when the database is closed") {
    TempDir dir;
    const auto file = dir / "room.db";
    {
        auto db = openOk(file);
        appendMany(*db, 2);
        REQUIRE(db->begin().ok());
        appendMany(*db, 5);
    }
    auto db = openOk(file);
    CHECK(db->headSeq() == 2);
    CHECK(verifyLog(file)->ok);
}

TEST_CASE("reopening keeps the head and appends continue the chain") {
    TempDir dir;
    const auto file = dir / "room.db";
    std::string head;
    {
        auto db = openOk(file);
        appendMany(*db, 10);
        head = db->headHashHex();
    }
    auto db = openOk(file);
    CHECK(db->headSeq() == 10);
    CHECK(db->headHashHex() == head);
    const Event e = appendOk(*db, 9'999, "system", "after.reopen", Json::object());
    CHECK(e.seq == 11);
    auto stored = db->storedEventsAfter(10, 1);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 1);
    CHECK(stored->front().prevHash == head);
    auto report = verifyLog(file);
    REQUIRE(report.ok());
    CHECK(report->ok);
    CHECK(report->events == 11);
}

TEST_CASE("command records round-trip and a duplicate key is rejected") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    auto missing = db->findCommand("delegate-1", "c-42");
    REQUIRE(missing.ok());
    CHECK_FALSE(missing->has_value());

    REQUIRE(db->recordCommand("delegate-1", "c-42", 5, 7, 123'456).ok());
    auto found = db->findCommand("delegate-1", "c-42");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->actor == "delegate-1");
    CHECK((*found)->commandId == "c-42");
    CHECK((*found)->firstSeq == 5);
    CHECK((*found)->lastSeq == 7);
    CHECK((*found)->time == 123'456);

    auto dup = db->recordCommand("delegate-1", "c-42", 8, 8, 200'000);
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().code == ErrorCode::Duplicate);
    CHECK((*db->findCommand("delegate-1", "c-42"))->lastSeq == 7);

    // The key is (actor, command id): another actor may reuse the id.
    REQUIRE(db->recordCommand("delegate-2", "c-42", 0, 9, 1).ok());
    CHECK((*db->findCommand("delegate-2", "c-42"))->firstSeq == 0);
    CHECK_FALSE(db->findCommand("delegate-1", "c-43")->has_value());
}

TEST_CASE("credentials: PIN hash and lockout counters") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    auto none = db->credential("p1");
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());

    auto failUnknown = db->recordLoginFailure("p1", 1, 0);
    REQUIRE_FALSE(failUnknown.ok());
    CHECK(failUnknown.error().code == ErrorCode::NotFound);
    CHECK(db->resetLoginFailures("p1").ok());

    REQUIRE(db->setPinHash("p1", "scrypt$hash-one").ok());
    auto c = db->credential("p1");
    REQUIRE(c.ok());
    REQUIRE(c->has_value());
    CHECK((*c)->pinHash == "scrypt$hash-one");
    CHECK((*c)->failedAttempts == 0);
    CHECK((*c)->lockedUntil == 0);

    REQUIRE(db->recordLoginFailure("p1", 5, 1'700'000'060'000).ok());
    c = db->credential("p1");
    CHECK((*c)->failedAttempts == 5);
    CHECK((*c)->lockedUntil == 1'700'000'060'000);

    // A new PIN does not lift a lockout by itself; resetLoginFailures does.
    REQUIRE(db->setPinHash("p1", "scrypt$hash-two").ok());
    c = db->credential("p1");
    CHECK((*c)->pinHash == "scrypt$hash-two");
    CHECK((*c)->failedAttempts == 5);
    REQUIRE(db->resetLoginFailures("p1").ok());
    c = db->credential("p1");
    CHECK((*c)->failedAttempts == 0);
    CHECK((*c)->lockedUntil == 0);
    CHECK((*c)->pinHash == "scrypt$hash-two");
    CHECK_FALSE(db->credential("p2")->has_value());
}

TEST_CASE("sessions: create, find, expiry is visible, delete") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    const std::string a = crypto::sha256Hex("token-a");
    const std::string b = crypto::sha256Hex("token-b");
    const std::string c = crypto::sha256Hex("token-c");
    CHECK_FALSE(db->findSession(a)->has_value());

    REQUIRE(db->createSession(a, "p1", "delegate", 1'000, 2'000).ok());
    REQUIRE(db->createSession(b, "p1", "delegate", 1'500, 9'000).ok());
    REQUIRE(db->createSession(c, "p2", "chair", 1'500, 9'000).ok());
    auto dup = db->createSession(a, "p3", "guest", 1, 2);
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().code == ErrorCode::Duplicate);

    auto s = db->findSession(a);
    REQUIRE(s.ok());
    REQUIRE(s->has_value());
    CHECK((*s)->tokenHash == a);
    CHECK((*s)->participant == "p1");
    CHECK((*s)->role == "delegate");
    CHECK((*s)->createdAt == 1'000);
    CHECK((*s)->expiresAt == 2'000);

    // Expired sessions are still returned (callers compare expiresAt) until purged.
    auto purged = db->purgeExpired(2'000);
    REQUIRE(purged.ok());
    CHECK(*purged == 1);
    CHECK_FALSE(db->findSession(a)->has_value());
    CHECK(db->findSession(b)->has_value());

    REQUIRE(db->deleteSession(c).ok());
    CHECK_FALSE(db->findSession(c)->has_value());
    CHECK(db->deleteSession(c).ok());

    REQUIRE(db->createSession(c, "p2", "chair", 1'500, 9'000).ok());
    REQUIRE(db->deleteSessionsOf("p1").ok());
    CHECK_FALSE(db->findSession(b)->has_value());
    CHECK(db->findSession(c)->has_value());
}

TEST_CASE("login tokens are one-time and expire") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    const std::string t1 = crypto::sha256Hex("qr-1");
    const std::string t2 = crypto::sha256Hex("qr-2");
    const std::string t3 = crypto::sha256Hex("qr-3");
    REQUIRE(db->createLoginToken(t1, "p1", 10'000).ok());
    REQUIRE(db->createLoginToken(t2, "p2", 10'000).ok());
    REQUIRE(db->createLoginToken(t3, "p3", 10'000).ok());
    auto dup = db->createLoginToken(t1, "p9", 20'000);
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().code == ErrorCode::Duplicate);

    auto first = db->consumeLoginToken(t1, 9'999);
    REQUIRE(first.ok());
    REQUIRE(first->has_value());
    CHECK(**first == "p1");
    auto second = db->consumeLoginToken(t1, 9'999);
    REQUIRE(second.ok());
    CHECK_FALSE(second->has_value());

    // Expiry is inclusive: a token is dead at expiresAt.
    auto expired = db->consumeLoginToken(t2, 10'000);
    REQUIRE(expired.ok());
    CHECK_FALSE(expired->has_value());
    // ...and consuming an expired token deletes it, so an earlier clock cannot revive it.
    CHECK_FALSE(db->consumeLoginToken(t2, 0)->has_value());

    CHECK_FALSE(db->consumeLoginToken(crypto::sha256Hex("never-issued"), 0)->has_value());

    auto purged = db->purgeExpired(10'000);
    REQUIRE(purged.ok());
    CHECK(*purged == 1);
    CHECK_FALSE(db->consumeLoginToken(t3, 0)->has_value());
}

TEST_CASE("one-time consumption also holds inside a rolled-back transaction") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    const std::string t = crypto::sha256Hex("qr");
    REQUIRE(db->createLoginToken(t, "p1", 10'000).ok());
    REQUIRE(db->begin().ok());
    CHECK(db->consumeLoginToken(t, 1)->has_value());
    db->rollback();
    CHECK(db->consumeLoginToken(t, 1)->has_value());
    CHECK_FALSE(db->consumeLoginToken(t, 1)->has_value());
}

TEST_CASE("settings are stored and replaced") {
    TempDir dir;
    const auto file = dir / "room.db";
    {
        auto db = openOk(file);
        CHECK_FALSE(db->setting("server.name")->has_value());
        REQUIRE(db->setSetting("server.name", "Phòng họp tầng 3").ok());
        REQUIRE(db->setSetting("server.name", "Phòng họp số 1 — UBND tỉnh").ok());
        REQUIRE(db->setSetting("empty", "").ok());
    }
    auto db = openOk(file);
    auto v = db->setting("server.name");
    REQUIRE(v.ok());
    REQUIRE(v->has_value());
    CHECK(**v == "Phòng họp số 1 — UBND tỉnh");
    REQUIRE(db->setting("empty")->has_value());
    CHECK(db->setting("empty")->value().empty());
}

TEST_CASE("secrets never enter the event log") {
    TempDir dir;
    const auto file = dir / "room.db";
    auto db = openOk(file);
    appendMany(*db, 3);
    const std::string head = db->headHashHex();
    const std::string pinHash = "scrypt$SECRET-PIN-HASH";
    const std::string session = crypto::sha256Hex("SECRET-SESSION");
    const std::string token = crypto::sha256Hex("SECRET-TOKEN");
    REQUIRE(db->setPinHash("p1", pinHash).ok());
    REQUIRE(db->recordLoginFailure("p1", 1, 0).ok());
    REQUIRE(db->createSession(session, "p1", "delegate", 1, 2).ok());
    REQUIRE(db->createLoginToken(token, "p1", 5).ok());
    REQUIRE(db->setSetting("k", "SECRET-SETTING").ok());
    CHECK(db->headSeq() == 3);
    CHECK(db->headHashHex() == head);

    RawDb raw(file);
    CHECK(raw.integer("SELECT count(*) FROM events") == 3);
    for (const std::string& secret : {pinHash, session, token, std::string("SECRET-SETTING")}) {
        CHECK(raw.integer("SELECT count(*) FROM events WHERE instr(payload || actor || type, '" + secret + "') > 0") ==
              0);
    }
}

TEST_CASE("eventHash returns the stored hash of an event, nullopt for a missing seq") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    CHECK_FALSE(db->eventHash(1)->has_value());
    appendMany(*db, 3);
    auto stored = db->storedEventsAfter(0, 10);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 3);
    for (const auto& e : *stored) {
        CAPTURE(e.seq);
        auto h = db->eventHash(e.seq);
        REQUIRE(h.ok());
        REQUIRE(h->has_value());
        CHECK(**h == e.hash);
    }
    CHECK(db->eventHash(3)->value() == db->headHashHex());
    for (const Seq missing : {Seq{0}, Seq{4}, Seq{-1}, Seq{1'000'000}}) {
        CAPTURE(missing);
        auto h = db->eventHash(missing);
        REQUIRE(h.ok());
        CHECK_FALSE(h->has_value());
    }

    // An uncommitted event is visible to this connection, and gone after rollback.
    REQUIRE(db->begin().ok());
    const Event e = appendOk(*db, 9, "system", "x", Json::object());
    CHECK(db->eventHash(e.seq)->value() == db->headHashHex());
    db->rollback();
    CHECK_FALSE(db->eventHash(e.seq)->has_value());
}

TEST_CASE("ballot box: put, replace, delete and list by poll") {
    TempDir dir;
    auto db = openOk(dir / "room.db");
    CHECK(ballotBoxesOk(*db).empty());
    CHECK(db->deleteBallotBox("poll-9").ok()); // nothing to delete: Ok

    REQUIRE(db->putBallotBox("poll-2", R"({"options":[{"count":1,"weighted":1}]})").ok());
    REQUIRE(db->putBallotBox("poll-1", R"({"options":[]})").ok());
    REQUIRE(db->putBallotBox("poll-3", "{}").ok());
    CHECK(ballotBoxesOk(*db) == BallotBoxes{{"poll-1", R"({"options":[]})"},
                                            {"poll-2", R"({"options":[{"count":1,"weighted":1}]})"},
                                            {"poll-3", "{}"}});

    // Replacing keeps one row per poll, with a longer and then a shorter text.
    const std::string longer = R"({"options":[{"count":2,"weighted":3}],"note":"Biểu quyết kín"})";
    REQUIRE(db->putBallotBox("poll-2", longer).ok());
    REQUIRE(db->putBallotBox("poll-1", "{}").ok());
    CHECK(ballotBoxesOk(*db) == BallotBoxes{{"poll-1", "{}"}, {"poll-2", longer}, {"poll-3", "{}"}});

    REQUIRE(db->deleteBallotBox("poll-2").ok());
    CHECK(ballotBoxesOk(*db) == BallotBoxes{{"poll-1", "{}"}, {"poll-3", "{}"}});
    CHECK(db->deleteBallotBox("poll-2").ok());
    REQUIRE(db->deleteBallotBox("poll-1").ok());
    REQUIRE(db->deleteBallotBox("poll-3").ok());
    CHECK(ballotBoxesOk(*db).empty());

    // The ballot box is not part of the log.
    CHECK(db->headSeq() == 0);
}

TEST_CASE("the ballot box survives close and reopen") {
    TempDir dir;
    const auto file = dir / "room.db";
    {
        auto db = openOk(file);
        appendMany(*db, 2);
        REQUIRE(db->begin().ok());
        appendOk(*db, 5'000, "db01", "poll.voted", Json{{"poll", "poll-1"}});
        REQUIRE(db->putBallotBox("poll-1", R"({"ballots":{"count":1,"weighted":1}})").ok());
        REQUIRE(db->commit().ok());
        REQUIRE(db->putBallotBox("poll-2", R"({"ballots":{"count":0,"weighted":0}})").ok());
    }
    auto db = openOk(file);
    CHECK(db->headSeq() == 3);
    CHECK(ballotBoxesOk(*db) == BallotBoxes{{"poll-1", R"({"ballots":{"count":1,"weighted":1}})"},
                                            {"poll-2", R"({"ballots":{"count":0,"weighted":0}})"}});
    CHECK(verifyLog(file)->ok);
}

TEST_CASE("ballot box writes roll back with the transaction") {
    TempDir dir;
    const auto file = dir / "room.db";
    auto db = openOk(file);
    REQUIRE(db->putBallotBox("poll-1", "{\"v\":1}").ok());
    REQUIRE(db->putBallotBox("poll-2", "{\"v\":1}").ok());

    REQUIRE(db->begin().ok());
    appendOk(*db, 1, "db01", "poll.voted", Json{{"poll", "poll-1"}});
    REQUIRE(db->putBallotBox("poll-1", "{\"v\":2}").ok());
    REQUIRE(db->putBallotBox("poll-3", "{\"v\":1}").ok());
    REQUIRE(db->deleteBallotBox("poll-2").ok());
    CHECK(ballotBoxesOk(*db) == BallotBoxes{{"poll-1", "{\"v\":2}"}, {"poll-3", "{\"v\":1}"}});
    db->rollback();

    CHECK(db->headSeq() == 0);
    CHECK(ballotBoxesOk(*db) == BallotBoxes{{"poll-1", "{\"v\":1}"}, {"poll-2", "{\"v\":1}"}});

    // And an unfinished batch is lost at close, ballot box included.
    REQUIRE(db->begin().ok());
    REQUIRE(db->putBallotBox("poll-1", "{\"v\":3}").ok());
    db.reset();
    db = openOk(file);
    CHECK(ballotBoxesOk(*db) == BallotBoxes{{"poll-1", "{\"v\":1}"}, {"poll-2", "{\"v\":1}"}});
}

TEST_CASE("checkpointTruncate empties the WAL, and is refused inside a transaction") {
    TempDir dir;
    const auto file = dir / "room.db";
    auto db = openOk(file);
    appendMany(*db, 5);
    REQUIRE(db->putBallotBox("poll-1", "{}").ok());
    REQUIRE(std::filesystem::exists(walOf(file)));
    CHECK(std::filesystem::file_size(walOf(file)) > 0);

    REQUIRE(db->begin().ok());
    appendMany(*db, 1);
    auto refused = db->checkpointTruncate();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidState);
    // The transaction is untouched and still commits.
    CHECK(db->inTransaction());
    REQUIRE(db->commit().ok());
    CHECK(db->headSeq() == 6);

    auto done = db->checkpointTruncate();
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    checkWalEmpty(file);
    // Everything is in the database file now, readable by another connection, and writes go on.
    {
        RawDb raw(file);
        CHECK(raw.integer("SELECT count(*) FROM events") == 6);
        CHECK(raw.integer("SELECT count(*) FROM ballot_box") == 1);
    }
    appendMany(*db, 1);
    CHECK(db->checkpointTruncate().ok());
    checkWalEmpty(file);
    CHECK(db->checkpointTruncate().ok()); // nothing to do: still Ok
    auto report = verifyLog(file);
    REQUIRE(report.ok());
    CHECK(report->ok);
    CHECK(report->events == 7);
}

TEST_CASE("checkpointTruncate fails while another connection reads the WAL") {
    TempDir dir;
    const auto file = dir / "room.db";
    auto db = openOk(file);
    appendMany(*db, 3);
    REQUIRE(db->putBallotBox("poll-1", "{}").ok());
    {
        // A reader (e.g. verify-log) holding a snapshot that uses the WAL.
        RawDb reader(file);
        reader.exec("BEGIN");
        CHECK(reader.integer("SELECT count(*) FROM events") == 3);
        auto busy = db->checkpointTruncate(); // waits out the busy timeout
        REQUIRE_FALSE(busy.ok());
        CHECK(busy.error().code == ErrorCode::Internal);
        CHECK(busy.error().message.find(file.string()) != std::string::npos);
        reader.exec("COMMIT");
    }
    CHECK(db->checkpointTruncate().ok());
    checkWalEmpty(file);
    CHECK(db->headSeq() == 3);
    CHECK(ballotBoxesOk(*db).size() == 1);
}

TEST_CASE("a deleted ballot box leaves no earlier version on disk after checkpointTruncate") {
    // Successive versions of a secret poll's tally, compared with the poll.voted events, would
    // tell who voted for what. After the close (delete + commit + checkpointTruncate) no version
    // may remain in the database file or the WAL.
    const std::string marker = "MARKER-7f3a";
    // Small tallies change in place in a b-tree page; large ones spill into overflow pages.
    std::size_t padding = 0;
    SUBCASE("tallies that fit in a page") { padding = 0; }
    SUBCASE("tallies larger than a page") { padding = 6000; }
    CAPTURE(padding);

    TempDir dir;
    const auto file = dir / "room.db";
    auto db = openOk(file);
    appendMany(*db, 3);
    // Another open poll shares the table (and its page) and must survive the delete.
    const std::string other = R"({"ballots":{"count":2,"weighted":2},"note":"other poll"})";
    REQUIRE(db->putBallotBox("poll-a", other).ok());

    for (int n = 1; n <= 20; ++n) {
        REQUIRE(db->begin().ok());
        appendOk(*db, 10'000 + n, "db" + std::to_string(n), "poll.voted", Json{{"poll", "poll-secret"}});
        const Json tally = {{"options", {{{"count", n}, {"weighted", n}}, {{"count", 20 - n}, {"weighted", 20 - n}}}},
                            {"ballots", {{"count", n}, {"weighted", n}}},
                            {"note", marker + "-" + std::to_string(n)},
                            {"pad", std::string(padding + static_cast<std::size_t>(n) * 7, 'x')}};
        REQUIRE(db->putBallotBox("poll-secret", tally.dump()).ok());
        REQUIRE(db->commit().ok());
    }
    // The test can fail: the current tally and earlier versions of it are on disk now.
    CHECK(onDisk(file, marker + "-20\""));
    CHECK(onDisk(file, marker + "-1\""));
    CHECK(onDisk(file, marker + "-7\""));

    // The close: the result event and the delete, in one transaction.
    REQUIRE(db->begin().ok());
    appendOk(*db, 20'000, "chair", "poll.closed", Json{{"poll", "poll-secret"}});
    REQUIRE(db->deleteBallotBox("poll-secret").ok());
    REQUIRE(db->commit().ok());
    CHECK(ballotBoxesOk(*db) == BallotBoxes{{"poll-a", other}});
    // Deleting alone is not enough: the WAL still holds the old page versions.
    CHECK(onDisk(file, marker));

    auto cp = db->checkpointTruncate();
    REQUIRE_MESSAGE(cp.ok(), (cp.ok() ? "" : cp.error().message));
    checkWalEmpty(file);
    CHECK_FALSE(onDisk(file, marker));
    CHECK(onDisk(file, "other poll")); // the live row is still stored, and the bytes were read

    CHECK(db->headSeq() == 24);
    db.reset();
    checkWalEmpty(file);
    CHECK_FALSE(onDisk(file, marker));

    db = openOk(file);
    checkWalEmpty(file);
    CHECK_FALSE(onDisk(file, marker));
    CHECK(db->headSeq() == 24);
    CHECK(ballotBoxesOk(*db) == BallotBoxes{{"poll-a", other}});
    auto report = verifyLog(file);
    REQUIRE(report.ok());
    CHECK(report->ok);
    CHECK(report->events == 24);
    CHECK_FALSE(onDisk(file, marker));
}

TEST_CASE("open fails with an error naming the path") {
    TempDir dir;
    SUBCASE("a parent is a regular file") {
        const auto blocker = dir / "not-a-dir";
        std::ofstream(blocker) << "x";
        const auto file = blocker / "sub" / "room.db";
        auto db = Database::open(file);
        REQUIRE_FALSE(db.ok());
        CHECK(db.error().code == ErrorCode::Internal);
        CHECK(db.error().message.find(file.string()) != std::string::npos);
    }
    SUBCASE("the path is a directory") {
        const auto file = dir / "a-directory";
        std::filesystem::create_directories(file);
        auto db = Database::open(file);
        REQUIRE_FALSE(db.ok());
        CHECK(db.error().message.find(file.string()) != std::string::npos);
    }
    SUBCASE("the file is not a database") {
        const auto file = dir / "garbage.db";
        std::ofstream(file, std::ios::binary) << std::string(4096, 'G');
        auto db = Database::open(file);
        REQUIRE_FALSE(db.ok());
        CHECK(db.error().message.find(file.string()) != std::string::npos);
    }
    SUBCASE("the path is empty") {
        auto db = Database::open("");
        REQUIRE_FALSE(db.ok());
        CHECK(db.error().code == ErrorCode::InvalidArgument);
    }
}
