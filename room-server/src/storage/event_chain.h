// The hash chain of the event log: canonical event JSON and the link hash.
#pragma once

#include "shared/crypto/hash.h"
#include "shared/domain/event.h"

#include <string>

namespace room::storage {

/// prev_hash of the first event: 32 zero bytes.
inline constexpr crypto::Digest kGenesisHash{};

/// The canonical JSON text of an event: the object {actor, payload, seq, time, type} with every
/// object's keys sorted, compact, UTF-8. Throws nlohmann::json::exception when a string is not
/// valid UTF-8.
std::string canonicalEventJson(const Event& e);

/// SHA-256(prev ‖ canonicalEventJson(e)): the hash that links `e` to its predecessor.
/// Throws as canonicalEventJson.
crypto::Digest chainHash(const crypto::Digest& prev, const Event& e);

} // namespace room::storage
