// Schema migration tests: each version is reached from a dump of the one before, data survives.
#include "room-server/src/storage/database.h"
#include "room-server/src/storage/migrations.h"
#include "room-server/src/storage/verify_log.h"

#include "tests/unit/storage/storage_test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace room;
using namespace room::storage;
using room::storage::test::fixture;
using room::storage::test::RawDb;
using room::storage::test::readFile;
using room::storage::test::TempDir;

namespace {

/// A database file built from tests/data/storage/<name>.
void loadFixture(const std::string& name, const std::filesystem::path& file) {
    RawDb raw(file);
    raw.exec(readFile(fixture(name)));
}

std::unique_ptr<Database> openOk(const std::filesystem::path& file) {
    auto db = Database::open(file);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
    return std::move(db).value();
}

/// The tables and columns of schema version 1.
void checkV1Schema(RawDb& raw) {
    CHECK(raw.columns("events") == "seq,time,actor,type,payload,prev_hash,hash");
    CHECK(raw.columns("commands") == "actor,command_id,first_seq,last_seq,time");
    CHECK(raw.columns("credentials") == "participant,pin_hash,failed_attempts,locked_until");
    CHECK(raw.columns("sessions") == "token_hash,participant,role,created_at,expires_at");
    CHECK(raw.columns("login_tokens") == "token_hash,participant,expires_at");
    CHECK(raw.columns("settings") == "key,value");
    CHECK(raw.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'sessions_by_participant'") ==
          1);
}

/// The tables and columns of schema version 2: version 1 plus the ballot box.
void checkV2Schema(RawDb& raw) {
    checkV1Schema(raw);
    CHECK(raw.columns("ballot_box") == "poll,tally");
    // WITHOUT ROWID: the tally lives in the primary-key b-tree, no rowid table beside it.
    CHECK(raw.text("SELECT sql FROM sqlite_schema WHERE name = 'ballot_box'").find("WITHOUT ROWID") !=
          std::string::npos);
}

/// Every object of the schema with its SQL, one per line, by name.
constexpr const char* kSchemaText = "SELECT group_concat(type || ' ' || name || ': ' || ifnull(sql, ''), char(10)) "
                                    "FROM (SELECT * FROM sqlite_schema ORDER BY name)";

/// The rows of tests/data/storage/schema_v1.sql (kept in every later fixture), read through
/// Database; then the chain verifies and continues.
void checkV1Data(Database& db, const std::filesystem::path& file) {
    CHECK(db.headSeq() == 3);
    CHECK(db.headHashHex() == "ae1690efdbdd98596030d36e8b9bd7312d51a5245e9bac16edb132d99598705d");
    auto events = db.eventsAfter(0, 10);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 3);
    CHECK((*events)[0].payload["title"] == "Kỳ họp thứ 12 Hội đồng nhân dân tỉnh khóa XVI");
    CHECK((*events)[1].payload["fullName"] == "Nguyễn Văn Ánh");
    CHECK((*events)[2].actor == "db01");
    CHECK(db.eventHash(2)->value() == "77e83bd2d7ad9bfeb64bf4b12cd62cf16de2c69950a0c798af6ca7164a3547cf");

    auto cmd = db.findCommand("db01", "cmd-0001");
    REQUIRE(cmd.ok());
    REQUIRE(cmd->has_value());
    CHECK((*cmd)->lastSeq == 3);

    auto cred = db.credential("db01");
    REQUIRE(cred.ok());
    REQUIRE(cred->has_value());
    CHECK((*cred)->pinHash == "scrypt$N=16384,r=8,p=1$c2FsdA$aGFzaA");
    CHECK((*cred)->failedAttempts == 2);

    auto session = db.findSession(std::string(64, 'a'));
    REQUIRE(session.ok());
    REQUIRE(session->has_value());
    CHECK((*session)->participant == "db01");
    CHECK((*session)->expiresAt == 1'700'043'300'000);

    auto token = db.consumeLoginToken(std::string(64, 'b'), 1'700'000'000'000);
    REQUIRE(token.ok());
    REQUIRE(token->has_value());
    CHECK(**token == "db02");

    CHECK(db.setting("server.name")->value() == "Phòng họp số 1");

    auto report = verifyLog(file);
    REQUIRE(report.ok());
    CHECK(report->ok);
    CHECK(report->events == 3);

    auto next = db.appendEvent(1'700'000'180'000, "system", "meeting.opened", Json::object());
    REQUIRE(next.ok());
    CHECK(next->seq == 4);
    CHECK(verifyLog(file)->ok);
}

} // namespace

TEST_CASE("every schema version has a fixture dump") {
    // schema_vN.sql is the database at version N with rows in every table; migrating it is how
    // version N+1 is tested. A new version without its dump fails here.
    for (int v = 0; v <= latestSchemaVersion(); ++v) {
        CAPTURE(v);
        const auto path = fixture("schema_v" + std::to_string(v) + ".sql");
        REQUIRE(std::filesystem::is_regular_file(path));
        TempDir dir;
        loadFixture(path.filename().string(), dir / "db");
        RawDb raw(dir / "db");
        CHECK(raw.integer("PRAGMA user_version") == v);
    }
}

TEST_CASE("migration to v1: an empty database gets the whole schema") {
    TempDir dir;
    const auto file = dir / "room.db";
    loadFixture("schema_v0.sql", file);
    {
        RawDb raw(file);
        CHECK(raw.integer("PRAGMA user_version") == 0);
        CHECK(raw.integer("SELECT count(*) FROM sqlite_schema") == 0);
    }
    auto db = openOk(file);
    RawDb raw(file);
    CHECK(raw.integer("PRAGMA user_version") == latestSchemaVersion());
    checkV2Schema(raw);
    CHECK(db->headSeq() == 0);
    REQUIRE(db->appendEvent(1, "system", "meeting.defined", Json::object()).ok());
    CHECK(verifyLog(file)->ok);
}

TEST_CASE("migration to v2: a v1 database keeps all its data and gets the ballot box") {
    TempDir dir;
    const auto file = dir / "room.db";
    loadFixture("schema_v1.sql", file);
    {
        RawDb raw(file);
        CHECK(raw.integer("PRAGMA user_version") == 1);
        CHECK(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'ballot_box'") == 0);
    }
    auto db = openOk(file);
    {
        RawDb raw(file);
        CHECK(raw.integer("PRAGMA user_version") == 2);
        checkV2Schema(raw);
        CHECK(raw.integer("SELECT count(*) FROM ballot_box") == 0);
    }
    // The migrated schema is exactly the one the v2 fixture records.
    {
        const auto reference = dir / "reference.db";
        loadFixture("schema_v2.sql", reference);
        RawDb migrated(file);
        RawDb fixtureDb(reference);
        CHECK(migrated.text(kSchemaText) == fixtureDb.text(kSchemaText));
    }

    checkV1Data(*db, file);

    auto empty = db->ballotBoxes();
    REQUIRE(empty.ok());
    CHECK(empty->empty());
    REQUIRE(db->putBallotBox("poll-1", R"({"options":[{"count":1,"weighted":1}]})").ok());
    auto boxes = db->ballotBoxes();
    REQUIRE(boxes.ok());
    REQUIRE(boxes->size() == 1);
    CHECK((*boxes)[0].first == "poll-1");
    CHECK(verifyLog(file)->ok);
}

TEST_CASE("a v2 database opens with all its data") {
    // When v3 exists this becomes the v2 → v3 migration test: keep the data checks, add the
    // checks for what v3 introduces.
    TempDir dir;
    const auto file = dir / "room.db";
    loadFixture("schema_v2.sql", file);
    auto db = openOk(file);
    {
        RawDb raw(file);
        CHECK(raw.integer("PRAGMA user_version") == latestSchemaVersion());
        checkV2Schema(raw);
    }

    checkV1Data(*db, file);

    auto boxes = db->ballotBoxes();
    REQUIRE(boxes.ok());
    REQUIRE(boxes->size() == 2);
    CHECK((*boxes)[0].first == "poll-0001");
    CHECK((*boxes)[1].first == "poll-0002");
    const Json tally = Json::parse((*boxes)[1].second);
    CHECK(tally["ballots"]["count"] == 5);
    CHECK(tally["options"][0]["count"] == 3);
    CHECK(tally["abstentions"]["weighted"] == 1);

    REQUIRE(db->deleteBallotBox("poll-0002").ok());
    boxes = db->ballotBoxes();
    REQUIRE(boxes.ok());
    REQUIRE(boxes->size() == 1);
    CHECK((*boxes)[0].first == "poll-0001");
}

TEST_CASE("a database from a newer room-server is refused and left alone") {
    TempDir dir;
    const auto file = dir / "room.db";
    {
        auto db = openOk(file);
        REQUIRE(db->appendEvent(1, "system", "x", Json::object()).ok());
    }
    const int newer = latestSchemaVersion() + 1;
    {
        RawDb raw(file);
        raw.exec("PRAGMA user_version = " + std::to_string(newer));
    }
    auto db = Database::open(file);
    REQUIRE_FALSE(db.ok());
    const std::string& msg = db.error().message;
    CHECK(msg.find("database schema version " + std::to_string(newer) +
                   " is newer than this room-server supports (" + std::to_string(latestSchemaVersion()) + ")") !=
          std::string::npos);
    CHECK(msg.find(file.string()) != std::string::npos);

    auto report = verifyLog(file);
    REQUIRE_FALSE(report.ok());
    CHECK(report.error().message.find("newer than this room-server supports") != std::string::npos);

    RawDb raw(file);
    CHECK(raw.integer("PRAGMA user_version") == newer);
    CHECK(raw.integer("SELECT count(*) FROM events") == 1);
}

TEST_CASE("a failing migration step leaves the database at its previous version") {
    TempDir dir;
    const auto file = dir / "room.db";
    {
        RawDb raw(file);
        // Not a room-server table, but in the way of step 1.
        raw.exec("CREATE TABLE events (x INTEGER); INSERT INTO events VALUES (42);");
    }
    auto db = Database::open(file);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().message.find(file.string()) != std::string::npos);
    CHECK(db.error().message.find("schema version 1") != std::string::npos);

    RawDb raw(file);
    CHECK(raw.integer("PRAGMA user_version") == 0);
    CHECK(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'commands'") == 0);
    CHECK(raw.integer("SELECT x FROM events") == 42);
}
