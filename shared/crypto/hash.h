// SHA-256, hex and random helpers over OpenSSL.
#pragma once

#include "shared/domain/result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace room::crypto {

using Digest = std::array<std::uint8_t, 32>;

/// SHA-256 of `data`.
Digest sha256(std::string_view data);
Digest sha256(std::string_view a, std::string_view b); ///< SHA-256 of a‖b
/// Lowercase hex, two characters per byte.
std::string toHex(std::string_view bytes);
std::string toHex(const Digest& d);
/// Bytes of a hex string (either case, even length); InvalidArgument otherwise.
Result<std::string> fromHex(std::string_view hex);
/// Lowercase hex SHA-256 of `data` (64 characters).
std::string sha256Hex(std::string_view data);
bool isSha256Hex(std::string_view s); ///< exactly 64 lowercase hex digits
/// `n` raw bytes from the OpenSSL CSPRNG. Throws on RNG failure.
std::string randomBytes(std::size_t n);
/// `n` bytes from the OpenSSL CSPRNG, hex encoded (2n characters). Throws on RNG failure.
std::string randomHex(std::size_t n);
/// Constant-time comparison of two equal-length strings (false when lengths differ).
bool constantTimeEqual(std::string_view a, std::string_view b);

} // namespace room::crypto
