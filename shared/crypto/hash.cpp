#include "shared/crypto/hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <limits>
#include <stdexcept>

namespace room::crypto {

namespace {
Digest digestOf(std::string_view a, std::string_view b) {
    Digest out{};
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned len = 0;
    if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx, a.data(), a.size()) != 1 ||
        EVP_DigestUpdate(ctx, b.data(), b.size()) != 1 ||
        EVP_DigestFinal_ex(ctx, out.data(), &len) != 1) {
        EVP_MD_CTX_free(ctx);
        throw std::runtime_error("SHA-256 failed");
    }
    EVP_MD_CTX_free(ctx);
    return out;
}
} // namespace

Digest sha256(std::string_view data) { return digestOf(data, {}); }
Digest sha256(std::string_view a, std::string_view b) { return digestOf(a, b); }

std::string toHex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(kDigits[c >> 4]);
        out.push_back(kDigits[c & 0xf]);
    }
    return out;
}

std::string toHex(const Digest& d) {
    return toHex(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

Result<std::string> fromHex(std::string_view hex) {
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0)
        return Error::make(ErrorCode::InvalidArgument, "hex string has odd length",
                           "Chuỗi hex có độ dài lẻ");
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = nibble(hex[i]);
        const int lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0)
            return Error::make(ErrorCode::InvalidArgument, "not a hex digit",
                               "Ký tự không phải chữ số hex");
        out.push_back(static_cast<char>((hi << 4) | lo));
    }
    return out;
}

std::string sha256Hex(std::string_view data) { return toHex(sha256(data)); }

bool isSha256Hex(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string randomBytes(std::size_t n) {
    std::string buf(n, '\0');
    // RAND_bytes takes an int; callers only ever ask for small amounts, so a huge request
    // is a bug rather than something to split up.
    if (n > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        RAND_bytes(reinterpret_cast<unsigned char*>(buf.data()), static_cast<int>(n)) != 1)
        throw std::runtime_error("random number generator failed");
    return buf;
}

std::string randomHex(std::size_t n) { return toHex(randomBytes(n)); }

bool constantTimeEqual(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace room::crypto
