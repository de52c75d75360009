#include "shared/crypto/pin_hash.h"

#include "shared/crypto/hash.h"

#include <openssl/evp.h>

#include <charconv>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace room::crypto {

namespace {

// N=16384, r=8, p=1 needs 16 MiB; one verify measured 29 ms on a 2-core machine (median
// of 30 runs, up to 75 ms under load). Slow enough to make offline guessing of a short PIN
// costly, fast enough that a roomful of tablets logging in at once goes unnoticed.
constexpr std::uint64_t kDefaultN = 16384;
constexpr std::uint64_t kDefaultR = 8;
constexpr std::uint64_t kDefaultP = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::string_view kScheme = "scrypt";

// Ceilings for parameters read back from storage. A stored string is trusted data, but a
// corrupted or tampered row must not be able to make one login allocate gigabytes or spin
// for minutes. They leave room to raise the defaults four- to eightfold.
constexpr std::uint64_t kMaxN = std::uint64_t{1} << 20;
constexpr std::uint64_t kMaxR = 32;
constexpr std::uint64_t kMaxP = 16;
constexpr std::uint64_t kMaxMemoryBytes = std::uint64_t{64} << 20;
constexpr std::uint64_t kMaxWork = std::uint64_t{1} << 20; // N·r·p
constexpr std::size_t kMinSaltBytes = 16;
constexpr std::size_t kMaxSaltBytes = 64;

struct Params {
    std::uint64_t n = 0;
    std::uint64_t r = 0;
    std::uint64_t p = 0;
};

bool withinLimits(const Params& prm) {
    if (prm.n < 2 || prm.n > kMaxN || (prm.n & (prm.n - 1)) != 0) return false;
    if (prm.r < 1 || prm.r > kMaxR || prm.p < 1 || prm.p > kMaxP) return false;
    // Each factor is bounded above, so these products cannot overflow 64 bits.
    if (128 * prm.r * prm.n > kMaxMemoryBytes) return false;
    if (prm.n * prm.r * prm.p > kMaxWork) return false;
    return true;
}

std::optional<std::string> derive(std::string_view pin, std::string_view salt, const Params& prm,
                                  std::size_t outLen) {
    std::string out(outLen, '\0');
    // OpenSSL refuses when its estimate (128·r·(N+2+p) bytes) exceeds maxmem; give it that
    // plus slack so the check never trips for parameters withinLimits already accepted.
    const std::uint64_t maxmem = 128 * prm.r * (prm.n + 2 + prm.p) + (std::uint64_t{1} << 20);
    const int rc = EVP_PBE_scrypt(pin.data(), pin.size(),
                                  reinterpret_cast<const unsigned char*>(salt.data()), salt.size(),
                                  prm.n, prm.r, prm.p, maxmem,
                                  reinterpret_cast<unsigned char*>(out.data()), out.size());
    if (rc != 1) return std::nullopt;
    return out;
}

// Strict decimal: digits only, no sign, no leading zero, no overflow.
std::optional<std::uint64_t> parseNumber(std::string_view s) {
    if (s.empty() || s.size() > 19 || (s.size() > 1 && s.front() == '0')) return std::nullopt;
    for (char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    std::uint64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<std::uint64_t> parseField(std::string_view field, std::string_view name) {
    if (field.size() <= name.size() + 1 || field.substr(0, name.size()) != name ||
        field[name.size()] != '=')
        return std::nullopt;
    return parseNumber(field.substr(name.size() + 1));
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

std::optional<Params> parseParams(std::string_view s) {
    const auto fields = split(s, ',');
    if (fields.size() != 3) return std::nullopt;
    const auto n = parseField(fields[0], "N");
    const auto r = parseField(fields[1], "r");
    const auto p = parseField(fields[2], "p");
    if (!n || !r || !p) return std::nullopt;
    return Params{*n, *r, *p};
}

bool isLowerHex(std::string_view s) {
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

} // namespace

std::string hashPin(std::string_view pin) {
    const Params prm{kDefaultN, kDefaultR, kDefaultP};
    const std::string salt = randomBytes(kSaltBytes);
    const auto hash = derive(pin, salt, prm, kHashBytes);
    if (!hash) throw std::runtime_error("scrypt failed");
    std::string out(kScheme);
    out += "$N=" + std::to_string(prm.n) + ",r=" + std::to_string(prm.r) +
           ",p=" + std::to_string(prm.p) + "$" + toHex(salt) + "$" + toHex(*hash);
    return out;
}

bool verifyPin(std::string_view pin, std::string_view stored) {
    const auto parts = split(stored, '$');
    if (parts.size() != 4 || parts[0] != kScheme) return false;
    const auto prm = parseParams(parts[1]);
    if (!prm || !withinLimits(*prm)) return false;
    // Only the lowercase form hashPin writes is accepted, so each hash has one spelling.
    if (!isLowerHex(parts[2]) || !isLowerHex(parts[3])) return false;
    const auto salt = fromHex(parts[2]);
    const auto expected = fromHex(parts[3]);
    if (!salt || !expected) return false;
    if (salt->size() < kMinSaltBytes || salt->size() > kMaxSaltBytes) return false;
    // scrypt output is prefix-stable, so a shortened hash would still match; only the one
    // length hashPin writes is accepted.
    if (expected->size() != kHashBytes) return false;
    const auto actual = derive(pin, *salt, *prm, kHashBytes);
    if (!actual) return false;
    return constantTimeEqual(*actual, *expected);
}

bool isValidPinFormat(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 12) return false;
    for (char c : pin)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string generatePin(int digits) {
    if (digits < 4 || digits > 12) throw std::invalid_argument("PIN length must be 4 to 12");
    std::string pin;
    pin.reserve(static_cast<std::size_t>(digits));
    while (pin.size() < static_cast<std::size_t>(digits)) {
        // 250 is the largest multiple of 10 that fits a byte; bytes at or above it are
        // dropped so every digit is equally likely.
        for (unsigned char b : randomBytes(16)) {
            if (b >= 250) continue;
            pin.push_back(static_cast<char>('0' + b % 10));
            if (pin.size() == static_cast<std::size_t>(digits)) break;
        }
    }
    return pin;
}

} // namespace room::crypto
