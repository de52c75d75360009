// SHA-256 certificate fingerprints in the "AB:CD:…" form the room server prints and clients pin.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace room::testing {

/// Uppercase colon-separated hex of SHA-256 over `der` (a DER-encoded certificate), "AB:CD:…".
std::string sha256Fingerprint(std::string_view der);

/// Fingerprint of the first certificate in a PEM file, or nullopt if it cannot be read.
std::optional<std::string> pemFileFingerprint(const std::filesystem::path& pemFile);

/// Canonical form used for comparisons: uppercase, with colons and whitespace dropped.
std::string normalizeFingerprint(std::string_view fingerprint);

/// True if both fingerprints name the same digest, ignoring case and separators.
bool fingerprintsEqual(std::string_view a, std::string_view b);

}  // namespace room::testing
