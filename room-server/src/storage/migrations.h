// Schema migrations of the room-server database: one append-only list of SQL steps.
#pragma once

#include "shared/domain/result.h"

#include <filesystem>

struct sqlite3;

namespace room::storage {

/// The schema version this build creates and understands (the length of the migration list).
int latestSchemaVersion();

/// The schema version recorded in the database (`PRAGMA user_version`; 0 for a new file).
/// `file` only names the database in error messages.
Result<int> schemaVersion(sqlite3* db, const std::filesystem::path& file);

/// Brings the database up to latestSchemaVersion(), applying each missing step in its own
/// transaction, so a crash leaves the database at some whole version. Errors: Internal when a
/// step fails or when the database is newer than this build ("database schema version N is
/// newer than this room-server supports (M)"); messages name `file`.
Status migrate(sqlite3* db, const std::filesystem::path& file);

} // namespace room::storage
