#include "room-server/src/storage/database.h"

#include "room-server/src/storage/event_chain.h"
#include "room-server/src/storage/migrations.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <system_error>
#include <utility>

namespace room::storage {

namespace {

// How long a statement waits for a lock held by another connection (a verifier's read, a
// checkpoint) before failing. The server is the only writer, so waits are short in practice.
constexpr int kBusyTimeoutMs = 5000;

sqlite3_destructor_type transientText() {
    // SQLITE_TRANSIENT spelled without the C cast: sqlite copies the bytes before bind returns.
    return reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));
}

bool isKeyConflict(int rc) { return rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE; }

} // namespace

/// A cached prepared statement in use. Resetting on destruction matters: a SELECT left half-read
/// would keep its read transaction open and stall WAL checkpoints.
class Database::Stmt {
public:
    explicit Stmt(sqlite3_stmt* s) : m_s(s) {}
    Stmt(Stmt&& o) noexcept : m_s(std::exchange(o.m_s, nullptr)), m_bindRc(o.m_bindRc) {}
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    Stmt& operator=(Stmt&&) = delete;
    ~Stmt() {
        if (m_s) {
            sqlite3_reset(m_s);
            sqlite3_clear_bindings(m_s);
        }
    }

    Stmt& bind(int i, std::int64_t v) { return note(sqlite3_bind_int64(m_s, i, v)); }
    Stmt& bind(int i, const std::string& v) {
        return note(sqlite3_bind_text64(m_s, i, v.data(), v.size(), transientText(), SQLITE_UTF8));
    }
    /// sqlite3_step(), or the first bind error.
    int step() { return m_bindRc != SQLITE_OK ? m_bindRc : sqlite3_step(m_s); }

    std::int64_t int64(int col) const { return sqlite3_column_int64(m_s, col); }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(m_s, col);
        const int n = sqlite3_column_bytes(m_s, col);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
    }

private:
    Stmt& note(int rc) {
        if (m_bindRc == SQLITE_OK) m_bindRc = rc;
        return *this;
    }

    sqlite3_stmt* m_s;
    int m_bindRc = SQLITE_OK;
};

Database::Database(sqlite3* db, std::filesystem::path file) : m_db(db), m_file(std::move(file)) {}

Database::~Database() {
    for (auto& [sql, s] : m_statements) sqlite3_finalize(s);
    // Closing with a transaction open rolls it back, which is what an unfinished batch deserves.
    sqlite3_close(m_db);
}

Result<std::unique_ptr<Database>> Database::openReadOnly(const std::filesystem::path& file) {
    const std::string name = file.string();
    if (file.empty() || !std::filesystem::exists(file))
        return Error::make(ErrorCode::NotFound, name + ": no such database file", name + ": không có tệp cơ sở dữ liệu");
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string why = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        sqlite3_close(raw);
        return Error::make(ErrorCode::Internal, name + ": cannot open database: " + why, name + ": không mở được cơ sở dữ liệu");
    }
    std::unique_ptr<Database> db(new Database(raw, file));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    if (auto st = db->loadHead(); !st) return st.error();
    return db;
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& file) {
    if (file.empty())
        return Error::make(ErrorCode::InvalidArgument, "database path is empty", "đường dẫn cơ sở dữ liệu trống");
    const std::string name = file.string();
    if (const auto parent = file.parent_path(); !parent.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(parent, ec);
        if (ec)
            return Error::make(ErrorCode::Internal,
                               name + ": cannot create directory " + parent.string() + ": " + ec.message(),
                               name + ": không tạo được thư mục " + parent.string());
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const std::string why = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        sqlite3_close(raw);
        return Error::make(ErrorCode::Internal, name + ": cannot open database: " + why,
                           name + ": không mở được cơ sở dữ liệu");
    }
    std::unique_ptr<Database> db(new Database(raw, file));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);

    // journal_mode answers with the mode it ended up in; a filesystem that cannot do WAL says
    // "delete" instead of failing, and the durability reasoning of the engine assumes WAL.
    {
        auto st = db->statement("PRAGMA journal_mode=WAL");
        if (!st) return st.error();
        if (st->step() != SQLITE_ROW) return db->failure("setting journal_mode=WAL");
        if (const auto mode = st->text(0); mode != "wal")
            return Error::make(ErrorCode::Internal, name + ": cannot use WAL journal mode (got " + mode + ")",
                               name + ": không bật được chế độ WAL");
    }
    if (auto st = db->exec("PRAGMA synchronous=FULL", "setting synchronous=FULL"); !st) return st.error();
    // Deleted and replaced content (a closed poll's ballot box) is overwritten with zeros rather
    // than left in free space. The pragma answers with the setting in force; 1 is ON (2 would be
    // FAST, which may leave bytes behind).
    {
        auto st = db->statement("PRAGMA secure_delete=ON");
        if (!st) return st.error();
        if (st->step() != SQLITE_ROW) return db->failure("setting secure_delete=ON");
        if (st->int64(0) != 1)
            return Error::make(ErrorCode::Internal, name + ": cannot turn on secure_delete",
                               name + ": không bật được chế độ xóa an toàn");
    }
    if (auto st = db->exec("PRAGMA foreign_keys=ON", "setting foreign_keys=ON"); !st) return st.error();
    if (auto st = migrate(raw, file); !st) return st.error();
    if (auto st = db->loadHead(); !st) return st.error();
    return db;
}

Error Database::failure(const std::string& what) const { return failure(what, sqlite3_extended_errcode(m_db)); }

Error Database::failure(const std::string& what, int rc) const {
    // The message of the last failing call; a bind error has no message of its own.
    const std::string why = sqlite3_errcode(m_db) != SQLITE_OK ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    return Error::make(ErrorCode::Internal, m_file.string() + ": " + what + ": " + why,
                       m_file.string() + ": lỗi cơ sở dữ liệu (" + what + ")");
}

Result<Database::Stmt> Database::statement(const char* sql) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
            sqlite3_finalize(s);
            return failure(std::string("preparing ") + sql);
        }
        it = m_statements.emplace(sql, s).first;
    }
    return Stmt(it->second);
}

Status Database::exec(const char* sql, const char* what) {
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return failure(what);
    return Ok{};
}

Status Database::loadHead() {
    auto st = statement("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
    if (!st) return st.error();
    const int rc = st->step();
    if (rc == SQLITE_DONE) {
        m_headSeq = 0;
        m_headHash = kGenesisHash;
        return Ok{};
    }
    if (rc != SQLITE_ROW) return failure("reading the head of the event log", rc);
    const Seq seq = st->int64(0);
    auto bytes = crypto::fromHex(st->text(1));
    if (!bytes || bytes->size() != m_headHash.size())
        return Error::make(ErrorCode::Internal,
                           m_file.string() + ": event " + std::to_string(seq) + " has a malformed hash",
                           m_file.string() + ": sự kiện " + std::to_string(seq) + " có mã băm hỏng");
    m_headSeq = seq;
    std::copy(bytes->begin(), bytes->end(), m_headHash.begin());
    return Ok{};
}

// ---- transactions ----

Status Database::begin() {
    if (m_inTransaction)
        return Error::make(ErrorCode::InvalidState, m_file.string() + ": a transaction is already open");
    // IMMEDIATE takes the write lock now, so a busy database fails here rather than half-way
    // through a batch.
    if (auto st = exec("BEGIN IMMEDIATE", "starting a transaction"); !st) return st;
    m_inTransaction = true;
    m_savedSeq = m_headSeq;
    m_savedHash = m_headHash;
    return Ok{};
}

Status Database::commit() {
    if (!m_inTransaction) return Error::make(ErrorCode::InvalidState, m_file.string() + ": no transaction is open");
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        Error e = failure("committing");
        // Some failures (I/O, disk full) make SQLite roll back on its own; the cached head must
        // follow even if the caller forgets rollback().
        if (sqlite3_get_autocommit(m_db)) {
            m_inTransaction = false;
            m_headSeq = m_savedSeq;
            m_headHash = m_savedHash;
        }
        return e;
    }
    m_inTransaction = false;
    return Ok{};
}

void Database::rollback() {
    if (!sqlite3_get_autocommit(m_db)) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    if (m_inTransaction) {
        m_headSeq = m_savedSeq;
        m_headHash = m_savedHash;
    }
    m_inTransaction = false;
}

// ---- events ----

Result<Event> Database::appendEvent(TimeMs time, const std::string& actor, const std::string& type,
                                    const Json& payload) {
    Event e;
    e.seq = m_headSeq + 1;
    e.time = time;
    e.actor = actor;
    e.type = type;
    std::string payloadText;
    crypto::Digest hash{};
    try {
        payloadText = payload.dump();
        // Hash what a reader will parse back, so apply() now and apply() after a restart see the
        // same event (e.g. a NaN is stored, hashed and returned as null).
        e.payload = Json::parse(payloadText);
        hash = chainHash(m_headHash, e);
    } catch (const Json::exception& ex) {
        return Error::make(ErrorCode::InvalidArgument, "event " + type + " cannot be stored: " + ex.what(),
                           "không lưu được sự kiện " + type);
    }
    auto st = statement(
        "INSERT INTO events (seq, time, actor, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    st->bind(1, e.seq).bind(2, e.time).bind(3, e.actor).bind(4, e.type).bind(5, payloadText);
    st->bind(6, crypto::toHex(m_headHash)).bind(7, crypto::toHex(hash));
    if (const int rc = st->step(); rc != SQLITE_DONE) return failure("appending event " + std::to_string(e.seq), rc);
    m_headSeq = e.seq;
    m_headHash = hash;
    return e;
}

Result<std::vector<StoredEvent>> Database::readEvents(Seq after, std::size_t limit) {
    std::vector<StoredEvent> out;
    if (limit == 0) return out;
    auto st = statement("SELECT seq, time, actor, type, payload, prev_hash, hash FROM events WHERE seq > ? "
                        "ORDER BY seq LIMIT ?");
    if (!st) return st.error();
    const auto cap = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    st->bind(1, after).bind(2, static_cast<std::int64_t>(std::min<std::uint64_t>(limit, cap)));
    int rc;
    while ((rc = st->step()) == SQLITE_ROW) {
        StoredEvent e;
        e.seq = st->int64(0);
        e.time = st->int64(1);
        e.actor = st->text(2);
        e.type = st->text(3);
        try {
            e.payload = Json::parse(st->text(4));
        } catch (const Json::exception&) {
            return Error::make(ErrorCode::Internal,
                               m_file.string() + ": event " + std::to_string(e.seq) + " has a corrupt payload",
                               m_file.string() + ": sự kiện " + std::to_string(e.seq) + " bị hỏng");
        }
        e.prevHash = st->text(5);
        e.hash = st->text(6);
        out.push_back(std::move(e));
    }
    if (rc != SQLITE_DONE) return failure("reading events after " + std::to_string(after), rc);
    return out;
}

Result<std::vector<Event>> Database::eventsAfter(Seq after, std::size_t limit) {
    auto stored = readEvents(after, limit);
    if (!stored) return stored.error();
    std::vector<Event> out;
    out.reserve(stored->size());
    for (auto& e : *stored) out.push_back(std::move(static_cast<Event&>(e)));
    return out;
}

Result<std::vector<StoredEvent>> Database::storedEventsAfter(Seq after, std::size_t limit) {
    return readEvents(after, limit);
}

Result<std::optional<std::string>> Database::eventHash(Seq seq) {
    auto st = statement("SELECT hash FROM events WHERE seq = ?");
    if (!st) return st.error();
    st->bind(1, seq);
    const int rc = st->step();
    if (rc == SQLITE_DONE) return std::optional<std::string>{};
    if (rc != SQLITE_ROW) return failure("reading the hash of event " + std::to_string(seq), rc);
    return std::optional<std::string>{st->text(0)};
}

// ---- command dedupe ----

Result<std::optional<CommandRecord>> Database::findCommand(const std::string& actor, const std::string& commandId) {
    auto st = statement("SELECT first_seq, last_seq, time FROM commands WHERE actor = ? AND command_id = ?");
    if (!st) return st.error();
    st->bind(1, actor).bind(2, commandId);
    const int rc = st->step();
    if (rc == SQLITE_DONE) return std::optional<CommandRecord>{};
    if (rc != SQLITE_ROW) return failure("looking up a command", rc);
    return std::optional<CommandRecord>{CommandRecord{actor, commandId, st->int64(0), st->int64(1), st->int64(2)}};
}

Status Database::recordCommand(const std::string& actor, const std::string& commandId, Seq firstSeq, Seq lastSeq,
                               TimeMs time) {
    auto st = statement("INSERT INTO commands (actor, command_id, first_seq, last_seq, time) VALUES (?, ?, ?, ?, ?)");
    if (!st) return st.error();
    st->bind(1, actor).bind(2, commandId).bind(3, firstSeq).bind(4, lastSeq).bind(5, time);
    const int rc = st->step();
    if (isKeyConflict(rc))
        return Error::make(ErrorCode::Duplicate, "command " + commandId + " of " + actor + " was already recorded",
                           "lệnh " + commandId + " đã được ghi nhận");
    if (rc != SQLITE_DONE) return failure("recording a command", rc);
    return Ok{};
}

// ---- credentials ----

Status Database::setPinHash(const ParticipantId& participant, const std::string& pinHash) {
    auto st = statement("INSERT INTO credentials (participant, pin_hash) VALUES (?, ?) "
                        "ON CONFLICT (participant) DO UPDATE SET pin_hash = excluded.pin_hash");
    if (!st) return st.error();
    st->bind(1, participant).bind(2, pinHash);
    if (const int rc = st->step(); rc != SQLITE_DONE) return failure("storing a PIN hash", rc);
    return Ok{};
}

Result<std::optional<Credential>> Database::credential(const ParticipantId& participant) {
    auto st = statement("SELECT pin_hash, failed_attempts, locked_until FROM credentials WHERE participant = ?");
    if (!st) return st.error();
    st->bind(1, participant);
    const int rc = st->step();
    if (rc == SQLITE_DONE) return std::optional<Credential>{};
    if (rc != SQLITE_ROW) return failure("reading a credential", rc);
    return std::optional<Credential>{Credential{st->text(0), static_cast<int>(st->int64(1)), st->int64(2)}};
}

Status Database::recordLoginFailure(const ParticipantId& participant, int failedAttempts, TimeMs lockedUntil) {
    auto st = statement("UPDATE credentials SET failed_attempts = ?, locked_until = ? WHERE participant = ?");
    if (!st) return st.error();
    st->bind(1, std::int64_t{failedAttempts}).bind(2, lockedUntil).bind(3, participant);
    if (const int rc = st->step(); rc != SQLITE_DONE) return failure("recording a login failure", rc);
    if (sqlite3_changes(m_db) == 0)
        return Error::make(ErrorCode::NotFound, "participant " + participant + " has no PIN",
                           "đại biểu " + participant + " chưa có mã PIN");
    return Ok{};
}

Status Database::resetLoginFailures(const ParticipantId& participant) {
    auto st = statement("UPDATE credentials SET failed_attempts = 0, locked_until = 0 WHERE participant = ?");
    if (!st) return st.error();
    st->bind(1, participant);
    if (const int rc = st->step(); rc != SQLITE_DONE) return failure("resetting login failures", rc);
    return Ok{};
}

// ---- sessions and login tokens ----

Status Database::createSession(const std::string& tokenHashHex, const ParticipantId& participant,
                               const std::string& role, TimeMs createdAt, TimeMs expiresAt) {
    auto st = statement(
        "INSERT INTO sessions (token_hash, participant, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
    if (!st) return st.error();
    st->bind(1, tokenHashHex).bind(2, participant).bind(3, role).bind(4, createdAt).bind(5, expiresAt);
    const int rc = st->step();
    if (isKeyConflict(rc)) return Error::make(ErrorCode::Duplicate, "session already exists", "phiên đã tồn tại");
    if (rc != SQLITE_DONE) return failure("creating a session", rc);
    return Ok{};
}

Result<std::optional<SessionRecord>> Database::findSession(const std::string& tokenHashHex) {
    auto st = statement("SELECT participant, role, created_at, expires_at FROM sessions WHERE token_hash = ?");
    if (!st) return st.error();
    st->bind(1, tokenHashHex);
    const int rc = st->step();
    if (rc == SQLITE_DONE) return std::optional<SessionRecord>{};
    if (rc != SQLITE_ROW) return failure("reading a session", rc);
    return std::optional<SessionRecord>{
        SessionRecord{tokenHashHex, st->text(0), st->text(1), st->int64(2), st->int64(3)}};
}

Status Database::deleteSession(const std::string& tokenHashHex) {
    auto st = statement("DELETE FROM sessions WHERE token_hash = ?");
    if (!st) return st.error();
    st->bind(1, tokenHashHex);
    if (const int rc = st->step(); rc != SQLITE_DONE) return failure("deleting a session", rc);
    return Ok{};
}

Status Database::deleteSessionsOf(const ParticipantId& participant) {
    auto st = statement("DELETE FROM sessions WHERE participant = ?");
    if (!st) return st.error();
    st->bind(1, participant);
    if (const int rc = st->step(); rc != SQLITE_DONE) return failure("deleting sessions", rc);
    return Ok{};
}

Status Database::createLoginToken(const std::string& tokenHashHex, const ParticipantId& participant,
                                  TimeMs expiresAt) {
    auto st = statement("INSERT INTO login_tokens (token_hash, participant, expires_at) VALUES (?, ?, ?)");
    if (!st) return st.error();
    st->bind(1, tokenHashHex).bind(2, participant).bind(3, expiresAt);
    const int rc = st->step();
    if (isKeyConflict(rc))
        return Error::make(ErrorCode::Duplicate, "login token already exists", "mã đăng nhập đã tồn tại");
    if (rc != SQLITE_DONE) return failure("creating a login token", rc);
    return Ok{};
}

Result<std::optional<ParticipantId>> Database::consumeLoginToken(const std::string& tokenHashHex, TimeMs now) {
    // One statement both reads and deletes, so a token can be used once even without an
    // enclosing transaction.
    auto st = statement("DELETE FROM login_tokens WHERE token_hash = ? RETURNING participant, expires_at");
    if (!st) return st.error();
    st->bind(1, tokenHashHex);
    int rc = st->step();
    if (rc == SQLITE_DONE) return std::optional<ParticipantId>{};
    if (rc != SQLITE_ROW) return failure("consuming a login token", rc);
    std::string participant = st->text(0);
    const TimeMs expiresAt = st->int64(1);
    // The delete is only final once the statement has run to completion.
    if (rc = st->step(); rc != SQLITE_DONE) return failure("consuming a login token", rc);
    if (expiresAt <= now) return std::optional<ParticipantId>{};
    return std::optional<ParticipantId>{std::move(participant)};
}

Result<std::int64_t> Database::purgeExpired(TimeMs now) {
    const bool own = !m_inTransaction;
    if (own)
        if (auto st = begin(); !st) return st.error();
    std::int64_t removed = 0;
    for (const char* sql : {"DELETE FROM sessions WHERE expires_at <= ?", "DELETE FROM login_tokens WHERE expires_at <= ?"}) {
        auto st = statement(sql);
        if (!st) {
            if (own) rollback();
            return st.error();
        }
        st->bind(1, now);
        if (const int rc = st->step(); rc != SQLITE_DONE) {
            Error e = failure("purging expired sessions", rc);
            if (own) rollback();
            return e;
        }
        removed += sqlite3_changes(m_db);
    }
    if (own)
        if (auto st = commit(); !st) {
            rollback();
            return st.error();
        }
    return removed;
}

// ---- settings ----

Status Database::setSetting(const std::string& key, const std::string& value) {
    auto st = statement(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!st) return st.error();
    st->bind(1, key).bind(2, value);
    if (const int rc = st->step(); rc != SQLITE_DONE) return failure("storing setting " + key, rc);
    return Ok{};
}

Result<std::optional<std::string>> Database::setting(const std::string& key) {
    auto st = statement("SELECT value FROM settings WHERE key = ?");
    if (!st) return st.error();
    st->bind(1, key);
    const int rc = st->step();
    if (rc == SQLITE_DONE) return std::optional<std::string>{};
    if (rc != SQLITE_ROW) return failure("reading setting " + key, rc);
    return std::optional<std::string>{st->text(0)};
}

// ---- ballot box ----

Status Database::putBallotBox(const std::string& poll, const std::string& tallyJson) {
    auto st = statement("INSERT INTO ballot_box (poll, tally) VALUES (?, ?) "
                        "ON CONFLICT (poll) DO UPDATE SET tally = excluded.tally");
    if (!st) return st.error();
    st->bind(1, poll).bind(2, tallyJson);
    if (const int rc = st->step(); rc != SQLITE_DONE) return failure("storing the ballot box of poll " + poll, rc);
    return Ok{};
}

Status Database::deleteBallotBox(const std::string& poll) {
    // secure_delete zeroes a deleted cell, except when it is the last cell of its page (SQLite then
    // only resets the page header). So the tally is first overwritten with as many spaces as it
    // has bytes — the same size, so in place — and only then deleted.
    auto scrub = statement("UPDATE ballot_box SET tally = printf('%*s', length(CAST(tally AS BLOB)), '') WHERE poll = ?");
    if (!scrub) return scrub.error();
    scrub->bind(1, poll);
    if (const int rc = scrub->step(); rc != SQLITE_DONE) return failure("clearing the ballot box of poll " + poll, rc);
    auto st = statement("DELETE FROM ballot_box WHERE poll = ?");
    if (!st) return st.error();
    st->bind(1, poll);
    if (const int rc = st->step(); rc != SQLITE_DONE) return failure("deleting the ballot box of poll " + poll, rc);
    return Ok{};
}

Result<std::vector<std::pair<std::string, std::string>>> Database::ballotBoxes() {
    auto st = statement("SELECT poll, tally FROM ballot_box ORDER BY poll");
    if (!st) return st.error();
    std::vector<std::pair<std::string, std::string>> out;
    int rc;
    while ((rc = st->step()) == SQLITE_ROW) out.emplace_back(st->text(0), st->text(1));
    if (rc != SQLITE_DONE) return failure("reading the ballot boxes", rc);
    return out;
}

// ---- checkpoint ----

Status Database::checkpointTruncate() {
    if (m_inTransaction || !sqlite3_get_autocommit(m_db))
        return Error::make(ErrorCode::InvalidState,
                           m_file.string() + ": cannot checkpoint the WAL inside a transaction");
    int logFrames = -1;
    int copiedFrames = -1;
    // TRUNCATE waits (busy handler) for the write lock and for every reader to move off the WAL,
    // copies all frames into the database file, syncs it, and truncates the WAL to 0 bytes.
    const int rc = sqlite3_wal_checkpoint_v2(m_db, "main", SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &copiedFrames);
    if (rc != SQLITE_OK) return failure("checkpointing the WAL (TRUNCATE)", rc);
    if (logFrames != copiedFrames)
        return Error::make(ErrorCode::Internal,
                           m_file.string() + ": WAL checkpoint copied " + std::to_string(copiedFrames) + " of " +
                               std::to_string(logFrames) + " frames",
                           m_file.string() + ": lỗi cơ sở dữ liệu (checkpoint)");
    // The point of TRUNCATE is that no old page version is left in the WAL; check, not trust.
    if (const char* wal = sqlite3_filename_wal(sqlite3_db_filename(m_db, "main")); wal && *wal) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(wal, ec);
        if (ec && ec != std::errc::no_such_file_or_directory)
            return Error::make(ErrorCode::Internal,
                               m_file.string() + ": cannot read the size of the WAL file: " + ec.message(),
                               m_file.string() + ": lỗi cơ sở dữ liệu (checkpoint)");
        if (!ec && size != 0)
            return Error::make(ErrorCode::Internal,
                               m_file.string() + ": the WAL file still has " + std::to_string(size) +
                                   " bytes after a TRUNCATE checkpoint",
                               m_file.string() + ": lỗi cơ sở dữ liệu (checkpoint)");
    }
    return Ok{};
}

} // namespace room::storage
