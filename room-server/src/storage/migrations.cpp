#include "room-server/src/storage/migrations.h"

#include <sqlite3.h>

#include <iterator>
#include <string>

namespace room::storage {

namespace {

struct Migration {
    const char* summary;
    const char* sql;
};

// The schema, as an append-only history. Step i (0-based) takes the database from version i to
// version i+1; the version is kept in PRAGMA user_version and written in the same transaction as
// the step. Never edit or reorder a step that has shipped: databases in the field already ran it.
//
// To add version N+1 (N = the current length of this list):
//   1. append one entry here: plain SQL (ALTER TABLE … ADD COLUMN, CREATE TABLE, UPDATE …);
//   2. add tests/data/storage/schema_v(N+1).sql: `sqlite3 new.db .dump` of a database at the new
//      version with a few rows in every table, plus a `PRAGMA user_version=N+1;` line (.dump
//      omits it); the existing schema_vN.sql stays as it is;
//   3. in tests/unit/storage/migration_test.cpp, turn the "a vN database opens with all its data"
//      case into the vN → vN+1 migration test (check the new tables/columns, keep the data checks)
//      and add one for schema_v(N+1).sql.
// The test "every schema version has a fixture dump" fails until step 2 is done.
//
// Secrets (credentials, sessions, login tokens, the ballot box) live in their own tables and never
// in `events`: the event log is sent to clients.
constexpr Migration kMigrations[] = {
    {"v1: event log, command dedupe, credentials, sessions, login tokens, settings",
     R"sql(
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY CHECK (seq > 0),
    time      INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    payload   TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL CHECK (length(prev_hash) = 64),
    hash      TEXT    NOT NULL CHECK (length(hash) = 64)
);
CREATE TABLE commands (
    actor      TEXT    NOT NULL,
    command_id TEXT    NOT NULL,
    first_seq  INTEGER NOT NULL,
    last_seq   INTEGER NOT NULL,
    time       INTEGER NOT NULL,
    PRIMARY KEY (actor, command_id)
) WITHOUT ROWID;
CREATE TABLE credentials (
    participant     TEXT    PRIMARY KEY,
    pin_hash        TEXT    NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE sessions (
    token_hash  TEXT    PRIMARY KEY,
    participant TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_participant ON sessions (participant);
CREATE TABLE login_tokens (
    token_hash  TEXT    PRIMARY KEY,
    participant TEXT    NOT NULL,
    expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
    // The running tallies of open secret polls: kept outside the log (which would link a voter's
    // poll.voted event to the change of the tally), updated in place and deleted at the close.
    {"v2: ballot box of open secret polls",
     R"sql(
CREATE TABLE ballot_box (poll TEXT PRIMARY KEY, tally TEXT NOT NULL) WITHOUT ROWID;
)sql"},
};

constexpr int kLatest = static_cast<int>(std::size(kMigrations));

Error failure(const std::filesystem::path& file, const std::string& what, sqlite3* db) {
    return Error::make(ErrorCode::Internal, file.string() + ": " + what + ": " + sqlite3_errmsg(db),
                       file.string() + ": lỗi nâng cấp cơ sở dữ liệu");
}

Error tooNew(const std::filesystem::path& file, int version) {
    return Error::make(ErrorCode::Internal,
                       file.string() + ": database schema version " + std::to_string(version) +
                           " is newer than this room-server supports (" + std::to_string(kLatest) + ")",
                       file.string() + ": cơ sở dữ liệu phiên bản " + std::to_string(version) +
                           " mới hơn phiên bản mà máy chủ này hỗ trợ (" + std::to_string(kLatest) + ")");
}

Status exec(sqlite3* db, const std::filesystem::path& file, const std::string& sql, const std::string& what) {
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return failure(file, what, db);
    return Ok{};
}

} // namespace

int latestSchemaVersion() { return kLatest; }

Result<int> schemaVersion(sqlite3* db, const std::filesystem::path& file) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) != SQLITE_OK)
        return failure(file, "reading the schema version", db);
    const int rc = sqlite3_step(st);
    const int version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW) return failure(file, "reading the schema version", db);
    return version;
}

Status migrate(sqlite3* db, const std::filesystem::path& file) {
    auto initial = schemaVersion(db, file);
    if (!initial) return initial.error();
    int version = *initial;
    if (version > kLatest) return tooNew(file, version);
    while (version < kLatest) {
        // IMMEDIATE takes the write lock first, so the version read inside the transaction is the
        // one the step applies to even if another process migrated in between.
        if (auto st = exec(db, file, "BEGIN IMMEDIATE", "starting a migration"); !st) return st;
        auto inside = schemaVersion(db, file);
        if (!inside || *inside > kLatest || *inside == kLatest) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            if (!inside) return inside.error();
            if (*inside > kLatest) return tooNew(file, *inside);
            return Ok{};
        }
        const int next = *inside + 1;
        const Migration& m = kMigrations[next - 1];
        const std::string what = "migrating to schema version " + std::to_string(next) + " (" + m.summary + ")";
        std::string sql = m.sql;
        sql += "\nPRAGMA user_version = " + std::to_string(next) + ";";
        if (auto st = exec(db, file, sql, what); !st) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return st;
        }
        if (auto st = exec(db, file, "COMMIT", what); !st) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return st;
        }
        version = next;
    }
    return Ok{};
}

} // namespace room::storage
