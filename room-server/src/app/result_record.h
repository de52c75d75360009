// The signed record of a poll's result, and its verification (`room-server verify-result`).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/state.h"
#include "shared/domain/result.h"

namespace room::storage {
class Database;
}

namespace room::app {

inline constexpr std::string_view kResultFormat = "phonghop.vote-result/1";

/// The record of a closed poll, signed with the room server's key:
///   format, meeting {id, title, organization, place}, poll (its definition), status {opened_at,
///   closed_at, closed_by, published, published_at}, electorate, tally, result (evaluated with the
///   rule and stated in words), ballots [{voter, full_name, by, weight, seq, hash, choices (named
///   polls only)}], log {seq, hash} (the poll.closed event, whose hash chains every ballot before it),
///   issued_at, and signature {algorithm, value, certificate (PEM), fingerprint}.
/// The signature covers the canonical JSON (sorted keys, compact, UTF-8) of everything but
/// `signature`. Errors: NotFound (no such poll), InvalidState (not closed yet), Internal.
Result<Json> resultRecord(const State& s, const PollId& poll, storage::Database& db,
                          const std::filesystem::path& keyPem, const std::filesystem::path& certPem, TimeMs now);

/// The bytes a record's signature covers.
std::string signedBytes(const Json& record);

struct VerifyReport {
    std::vector<std::string> problems; ///< empty: the record is valid
    std::string fingerprint;           ///< of the signing certificate (when it parsed)
    std::string summary;               ///< the poll and its result in one line (when readable)
    int ballotsCheckedAgainstLog = 0;
    bool ok() const { return problems.empty(); }
};

/// Checks a record: its format, the signature with the certificate it carries (and that
/// certificate's fingerprint against `expectedFingerprint` when given), that the result follows
/// from the counts and the rule, that the ballots add up to the tally, and — with `log` — that
/// every ballot and the closing event are in the hash-chained log with the hashes the record gives.
VerifyReport verifyResultRecord(const Json& record, const std::optional<std::string>& expectedFingerprint,
                                storage::Database* log);

} // namespace room::app
