#include "room-server/src/storage/event_chain.h"

#include <string_view>

namespace room::storage {

std::string canonicalEventJson(const Event& e) {
    // nlohmann::json objects are std::maps, so dump() already writes keys in sorted order; the
    // compact dump with raw UTF-8 is the canonical form. Changing any of this changes every hash.
    const Json j{{"seq", e.seq}, {"time", e.time}, {"actor", e.actor}, {"type", e.type}, {"payload", e.payload}};
    return j.dump();
}

crypto::Digest chainHash(const crypto::Digest& prev, const Event& e) {
    const std::string_view prevBytes(reinterpret_cast<const char*>(prev.data()), prev.size());
    return crypto::sha256(prevBytes, canonicalEventJson(e));
}

} // namespace room::storage
