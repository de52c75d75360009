// Helpers shared by the storage tests: scratch directories, raw SQLite access, fixtures.
#pragma once

#include "shared/crypto/hash.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace room::storage::test {

/// A fresh directory under the system temp dir, removed with everything in it at scope exit.
class TempDir {
public:
    TempDir() : m_path(std::filesystem::temp_directory_path() / ("room-storage-" + crypto::randomHex(8))) {
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// A direct sqlite3 connection, bypassing room::storage (to tamper, inspect, build fixtures).
class RawDb {
public:
    explicit RawDb(const std::filesystem::path& file) {
        REQUIRE(sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
    }
    ~RawDb() { sqlite3_close(m_db); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    /// Runs SQL that must succeed.
    void exec(const std::string& sql) {
        char* err = nullptr;
        const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
        const std::string msg = err ? err : "";
        sqlite3_free(err);
        INFO(sql);
        INFO(msg);
        REQUIRE(rc == SQLITE_OK);
    }
    /// Runs SQL and reports whether it succeeded.
    bool tryExec(const std::string& sql) { return sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }

    /// First column of the first row as text ("" when there is no row).
    std::string text(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        INFO(sql);
        REQUIRE(sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        std::string out;
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return out;
    }
    /// First column of the first row as an integer (0 when there is no row).
    std::int64_t integer(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        INFO(sql);
        REQUIRE(sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        const std::int64_t out = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
        return out;
    }

    /// Column names of a table, comma separated, in table order.
    std::string columns(const std::string& table) {
        return text("SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('" + table +
                    "') ORDER BY cid)");
    }

private:
    sqlite3* m_db = nullptr;
};

/// tests/data/storage/<name>.
inline std::filesystem::path fixture(const std::string& name) {
    const char* root = std::getenv("ROOM_TEST_DATA");
    REQUIRE_MESSAGE(root, "ROOM_TEST_DATA is not set (run the test through ctest)");
    return std::filesystem::path(root) / "storage" / name;
}

inline std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE_MESSAGE(in, p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace room::storage::test
