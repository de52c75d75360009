// Offline check of the event log's hash chain (`room-server verify-log`).
#pragma once

#include "shared/domain/result.h"
#include "shared/domain/state.h"

#include <filesystem>
#include <string>

namespace room::storage {

/// What verifyLog() found. A broken log is a finding, not an error: ok is false and the first
/// broken link is named.
struct VerifyReport {
    bool ok = false;
    Seq events = 0;       ///< events checked and found intact (all of them when ok)
    Seq firstBroken = 0;  ///< seq of the first event that fails a check; 0 when ok
    std::string reason;   ///< e.g. "event 17: hash does not match its content"; empty when ok
    std::string headHash; ///< lowercase hex hash of the last intact event (64 zeros when none)
};

/// Opens `dbFile` read-only and walks the log from seq 1 inside one read snapshot, checking that
/// seqs are 1, 2, 3 … without gaps, that each prev_hash is the hash of the event before (32 zero
/// bytes for the first), and that each hash is SHA-256(prev_hash bytes ‖ canonical JSON). Never
/// creates, migrates or writes the database (SQLite may create the -wal/-shm files it needs to
/// read a WAL database); a running server may keep writing meanwhile. The chain cannot reveal
/// events cut off the end of the log: compare the head with a hash recorded elsewhere (e.g. in
/// the minutes) for that.
/// Errors: NotFound (no such file), Internal (unreadable, not a room-server database, or a
/// schema newer than this build); messages name the file.
Result<VerifyReport> verifyLog(const std::filesystem::path& dbFile);

} // namespace room::storage
