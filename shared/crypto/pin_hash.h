// PIN hashing (scrypt), verification, format check and generation.
#pragma once

#include <string>
#include <string_view>

namespace room::crypto {

/// Hashes a PIN with scrypt and a fresh 16-byte salt. The result describes itself:
/// `scrypt$N=16384,r=8,p=1$<salt hex>$<hash hex>`. Throws only if OpenSSL fails.
std::string hashPin(std::string_view pin);

/// True when `pin` matches a string made by hashPin. The cost parameters are read from
/// `stored`, so older hashes keep working after the defaults are raised. Malformed strings
/// and parameters beyond a fixed memory/work ceiling give false. Compares in constant time.
bool verifyPin(std::string_view pin, std::string_view stored);

/// True for 4 to 12 ASCII digits.
bool isValidPinFormat(std::string_view pin);

/// A uniformly random PIN of `digits` ASCII digits (4–12) from the CSPRNG.
/// Throws std::invalid_argument for other lengths (a caller bug).
std::string generatePin(int digits = 6);

} // namespace room::crypto
