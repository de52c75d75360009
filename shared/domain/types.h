// The small vocabulary every domain header shares: ids, times and fractions.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace room {

using Json = nlohmann::json;
using ParticipantId = std::string;
using ItemId = std::string;
using DocumentId = std::string; ///< lowercase hex SHA-256 of the PDF bytes
using PollId = std::string;
using Seq = std::int64_t;
using TimeMs = std::int64_t;    ///< milliseconds since the Unix epoch, carried by events

/// A fraction threshold: `count > base*num/den` when strict, `count >= base*num/den` otherwise.
struct Threshold {
    int num = 1;
    int den = 2;
    bool strict = true;
    bool reached(std::int64_t count, std::int64_t base) const;
};

} // namespace room
