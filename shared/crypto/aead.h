// Authenticated encryption (AES-256-GCM) for data a device keeps only for one session.
#pragma once

#include "shared/domain/result.h"

#include <string>
#include <string_view>

namespace room::crypto {

inline constexpr std::size_t kAeadKeyBytes = 32;
inline constexpr std::size_t kAeadNonceBytes = 12;
inline constexpr std::size_t kAeadTagBytes = 16;

/// A fresh random 256-bit key.
std::string newAeadKey();

/// Encrypts `plaintext` under `key` (32 bytes) with a fresh random nonce; `context` is authenticated
/// but not stored (e.g. the document id, so a sealed file cannot be passed off as another).
/// Returns nonce ‖ ciphertext ‖ tag. InvalidArgument for a key of the wrong size.
Result<std::string> seal(std::string_view key, std::string_view plaintext, std::string_view context = {});

/// Decrypts what seal() returned with the same key and context. BadDocument when the data was
/// changed, truncated, or sealed under another key or context (nothing of it is returned).
Result<std::string> open(std::string_view key, std::string_view sealed, std::string_view context = {});

} // namespace room::crypto
