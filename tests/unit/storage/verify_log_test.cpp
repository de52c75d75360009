// Unit tests for verifyLog(): an intact chain passes, every kind of tampering is pinpointed.
#include "room-server/src/storage/database.h"
#include "room-server/src/storage/event_chain.h"
#include "room-server/src/storage/verify_log.h"

#include "tests/unit/storage/storage_test_support.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

using namespace room;
using namespace room::storage;
using room::storage::test::RawDb;
using room::storage::test::TempDir;

namespace {

constexpr int kEvents = 30;

/// A closed database with kEvents events; returns its head hash.
std::string makeLog(const std::filesystem::path& file) {
    auto db = Database::open(file);
    REQUIRE(db.ok());
    REQUIRE((*db)->begin().ok());
    for (int i = 1; i <= kEvents; ++i) {
        auto e = (*db)->appendEvent(1'700'000'000'000 + i, i % 2 ? "thư_ký" : "chủ_tọa", "vote.cast",
                                    Json{{"i", i}, {"lựa_chọn", "tán thành"}});
        REQUIRE(e.ok());
    }
    REQUIRE((*db)->commit().ok());
    return (*db)->headHashHex();
}

VerifyReport verifyOk(const std::filesystem::path& file) {
    auto r = verifyLog(file);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return std::move(r).value();
}

} // namespace

TEST_CASE("an intact log verifies") {
    TempDir dir;
    const auto file = dir / "room.db";
    const std::string head = makeLog(file);
    const auto r = verifyOk(file);
    CHECK(r.ok);
    CHECK(r.events == kEvents);
    CHECK(r.firstBroken == 0);
    CHECK(r.reason.empty());
    CHECK(r.headHash == head);
}

TEST_CASE("an empty log verifies with the genesis head") {
    TempDir dir;
    const auto file = dir / "room.db";
    REQUIRE(Database::open(file).ok());
    const auto r = verifyOk(file);
    CHECK(r.ok);
    CHECK(r.events == 0);
    CHECK(r.headHash == std::string(64, '0'));
}

TEST_CASE("tampering is reported at the first broken event") {
    TempDir dir;
    const auto file = dir / "room.db";
    makeLog(file);
    RawDb raw(file);

    SUBCASE("a changed payload") {
        raw.exec(R"(UPDATE events SET payload = '{"i":17,"lựa_chọn":"không tán thành"}' WHERE seq = 17)");
        const auto r = verifyOk(file);
        CHECK_FALSE(r.ok);
        CHECK(r.firstBroken == 17);
        CHECK(r.events == 16);
        CHECK(r.reason == "event 17: hash does not match its content");
    }
    SUBCASE("a changed actor, type or time") {
        const std::pair<const char*, const char*> edits[] = {
            {"UPDATE events SET actor = 'chủ_tọa' WHERE seq = 9", "UPDATE events SET actor = 'thư_ký' WHERE seq = 9"},
            {"UPDATE events SET type = 'vote.withdrawn' WHERE seq = 9", "UPDATE events SET type = 'vote.cast' WHERE seq = 9"},
            {"UPDATE events SET time = time + 1 WHERE seq = 9", "UPDATE events SET time = time - 1 WHERE seq = 9"}};
        for (const auto& [tamper, restore] : edits) {
            CAPTURE(tamper);
            raw.exec(tamper);
            const auto r = verifyOk(file);
            CHECK_FALSE(r.ok);
            CHECK(r.firstBroken == 9);
            CHECK(r.reason == "event 9: hash does not match its content");
            raw.exec(restore);
            CHECK(verifyOk(file).ok);
        }
    }
    SUBCASE("a changed hash") {
        raw.exec("UPDATE events SET hash = '" + crypto::sha256Hex("forged") + "' WHERE seq = 17");
        const auto r = verifyOk(file);
        CHECK_FALSE(r.ok);
        CHECK(r.firstBroken == 17);
        CHECK(r.reason == "event 17: hash does not match its content");
    }
    SUBCASE("a rewritten event with a recomputed hash breaks the next link") {
        // The forger fixes event 17's own hash; event 18 still names the original.
        Event e;
        e.seq = 17;
        e.time = raw.integer("SELECT time FROM events WHERE seq = 17");
        e.actor = raw.text("SELECT actor FROM events WHERE seq = 17");
        e.type = raw.text("SELECT type FROM events WHERE seq = 17");
        e.payload = Json{{"i", 17}, {"lựa_chọn", "không tán thành"}};
        auto prev = crypto::fromHex(raw.text("SELECT prev_hash FROM events WHERE seq = 17"));
        REQUIRE(prev.ok());
        crypto::Digest p{};
        std::copy(prev->begin(), prev->end(), p.begin());
        raw.exec("UPDATE events SET payload = '" + e.payload.dump() + "', hash = '" + crypto::toHex(chainHash(p, e)) +
                 "' WHERE seq = 17");
        const auto r = verifyOk(file);
        CHECK_FALSE(r.ok);
        CHECK(r.firstBroken == 18);
        CHECK(r.events == 17);
        CHECK(r.reason == "event 18: prev_hash does not match the hash of event 17");
    }
    SUBCASE("a changed prev_hash") {
        raw.exec("UPDATE events SET prev_hash = '" + std::string(64, 'a') + "' WHERE seq = 5");
        const auto r = verifyOk(file);
        CHECK_FALSE(r.ok);
        CHECK(r.firstBroken == 5);
        CHECK(r.reason == "event 5: prev_hash does not match the hash of event 4");
    }
    SUBCASE("a deleted row") {
        raw.exec("DELETE FROM events WHERE seq = 17");
        const auto r = verifyOk(file);
        CHECK_FALSE(r.ok);
        CHECK(r.firstBroken == 17);
        CHECK(r.events == 16);
        CHECK(r.reason == "event 17: missing (the next stored event is 18)");
    }
    SUBCASE("the first event") {
        raw.exec("DELETE FROM events WHERE seq = 1");
        const auto r = verifyOk(file);
        CHECK_FALSE(r.ok);
        CHECK(r.firstBroken == 1);
        CHECK(r.events == 0);
        CHECK(r.headHash == std::string(64, '0'));
    }
    SUBCASE("the last event") {
        raw.exec(R"(UPDATE events SET payload = '{}' WHERE seq = 30)");
        const auto r = verifyOk(file);
        CHECK_FALSE(r.ok);
        CHECK(r.firstBroken == 30);
        CHECK(r.events == 29);
    }
    SUBCASE("a payload that is not JSON") {
        raw.exec("UPDATE events SET payload = '{not json' WHERE seq = 3");
        const auto r = verifyOk(file);
        CHECK_FALSE(r.ok);
        CHECK(r.firstBroken == 3);
        CHECK(r.reason.rfind("event 3: ", 0) == 0);
    }
    SUBCASE("a renumbered event") {
        raw.exec("UPDATE events SET seq = 100 WHERE seq = 30");
        const auto r = verifyOk(file);
        CHECK_FALSE(r.ok);
        CHECK(r.firstBroken == 30);
        CHECK(r.reason == "event 30: missing (the next stored event is 100)");
    }
}

TEST_CASE("verifyLog reads a snapshot while the server writes") {
    TempDir dir;
    const auto file = dir / "room.db";
    auto db = Database::open(file);
    REQUIRE(db.ok());
    for (int i = 0; i < 5; ++i) REQUIRE((*db)->appendEvent(i, "system", "tick", Json::object()).ok());
    REQUIRE((*db)->begin().ok());
    for (int i = 0; i < 3; ++i) REQUIRE((*db)->appendEvent(i, "system", "tick", Json::object()).ok());
    // Uncommitted events are invisible to the verifier.
    auto during = verifyOk(file);
    CHECK(during.ok);
    CHECK(during.events == 5);
    REQUIRE((*db)->commit().ok());
    auto after = verifyOk(file);
    CHECK(after.ok);
    CHECK(after.events == 8);
    CHECK(after.headHash == (*db)->headHashHex());
}

TEST_CASE("verifyLog never creates, migrates or writes a database") {
    TempDir dir;
    SUBCASE("missing file") {
        const auto file = dir / "absent.db";
        auto r = verifyLog(file);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::NotFound);
        CHECK(r.error().message.find(file.string()) != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(file));
    }
    SUBCASE("a database without schema") {
        const auto file = dir / "blank.db";
        {
            RawDb raw(file);
            raw.exec("CREATE TABLE unrelated (x INTEGER)");
        }
        const std::string before = room::storage::test::readFile(file);
        auto r = verifyLog(file);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("not a room-server database") != std::string::npos);
        CHECK(room::storage::test::readFile(file) == before);
        RawDb raw(file);
        CHECK(raw.integer("PRAGMA user_version") == 0);
        CHECK(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'events'") == 0);
    }
    SUBCASE("a closed database keeps its bytes") {
        const auto file = dir / "room.db";
        makeLog(file);
        const std::string before = room::storage::test::readFile(file);
        CHECK(verifyOk(file).ok);
        CHECK(room::storage::test::readFile(file) == before);
    }
}
