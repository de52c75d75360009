#include "room-server/src/storage/verify_log.h"

#include "room-server/src/storage/event_chain.h"
#include "room-server/src/storage/migrations.h"

#include <sqlite3.h>

#include <memory>
#include <system_error>

namespace room::storage {

namespace {

constexpr int kBusyTimeoutMs = 5000;

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStmt {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

std::string text(sqlite3_stmt* s, int col) {
    const auto* p = sqlite3_column_text(s, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s, col)))
             : std::string();
}

VerifyReport broken(Seq intact, Seq seq, std::string reason, const crypto::Digest& head) {
    return VerifyReport{false, intact, seq, "event " + std::to_string(seq) + ": " + std::move(reason),
                        crypto::toHex(head)};
}

} // namespace

Result<VerifyReport> verifyLog(const std::filesystem::path& dbFile) {
    const std::string name = dbFile.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dbFile, ec))
        return Error::make(ErrorCode::NotFound, name + ": no such database file",
                           name + ": không có tệp cơ sở dữ liệu");
    sqlite3* raw = nullptr;
    const int openRc = sqlite3_open_v2(name.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<sqlite3, CloseDb> db(raw);
    auto fail = [&](const std::string& what) {
        const std::string why = db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(openRc);
        return Error::make(ErrorCode::Internal, name + ": " + what + ": " + why,
                           name + ": không kiểm tra được nhật ký sự kiện");
    };
    if (openRc != SQLITE_OK) return fail("cannot open database");
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);

    auto version = schemaVersion(db.get(), dbFile);
    if (!version) return version.error();
    if (*version == 0)
        return Error::make(ErrorCode::Internal, name + ": not a room-server database (no schema)",
                           name + ": không phải cơ sở dữ liệu của máy chủ phòng họp");
    if (*version > latestSchemaVersion())
        return Error::make(ErrorCode::Internal,
                           name + ": database schema version " + std::to_string(*version) +
                               " is newer than this room-server supports (" + std::to_string(latestSchemaVersion()) +
                               ")",
                           name + ": cơ sở dữ liệu mới hơn phiên bản máy chủ này");

    // One read transaction: a server appending meanwhile cannot make the walk see a torn log.
    if (sqlite3_exec(db.get(), "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("starting a read");
    sqlite3_stmt* rawStmt = nullptr;
    if (sqlite3_prepare_v2(db.get(), "SELECT seq, time, actor, type, payload, prev_hash, hash FROM events ORDER BY seq",
                           -1, &rawStmt, nullptr) != SQLITE_OK)
        return fail("reading the event log");
    std::unique_ptr<sqlite3_stmt, FinalizeStmt> st(rawStmt);

    crypto::Digest prev = kGenesisHash;
    Seq intact = 0;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
        const Seq expected = intact + 1;
        Event e;
        e.seq = sqlite3_column_int64(st.get(), 0);
        if (e.seq != expected) {
            if (e.seq > expected)
                return broken(intact, expected,
                              "missing (the next stored event is " + std::to_string(e.seq) + ")", prev);
            return broken(intact, expected, "stored with sequence number " + std::to_string(e.seq), prev);
        }
        e.time = sqlite3_column_int64(st.get(), 1);
        e.actor = text(st.get(), 2);
        e.type = text(st.get(), 3);
        const std::string storedPrev = text(st.get(), 5);
        const std::string storedHash = text(st.get(), 6);
        if (storedPrev != crypto::toHex(prev))
            return broken(intact, e.seq,
                          e.seq == 1 ? "prev_hash is not the genesis hash"
                                     : "prev_hash does not match the hash of event " + std::to_string(e.seq - 1),
                          prev);
        crypto::Digest hash{};
        try {
            e.payload = Json::parse(text(st.get(), 4));
            hash = chainHash(prev, e);
        } catch (const Json::exception&) {
            return broken(intact, e.seq, "content is not valid JSON/UTF-8", prev);
        }
        if (storedHash != crypto::toHex(hash)) return broken(intact, e.seq, "hash does not match its content", prev);
        prev = hash;
        intact = e.seq;
    }
    if (rc != SQLITE_DONE) return fail("reading the event log");
    return VerifyReport{true, intact, 0, {}, crypto::toHex(prev)};
}

} // namespace room::storage
