#include "tests/support/tls_pinning.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cctype>
#include <cstdio>
#include <memory>

namespace room::testing {

std::string sha256Fingerprint(std::string_view der) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(der.data(), der.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
        return {};
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(length * 3);
    for (unsigned int i = 0; i < length; ++i) {
        if (i != 0) {
            out.push_back(':');
        }
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 0x0F]);
    }
    return out;
}

std::optional<std::string> pemFileFingerprint(const std::filesystem::path& pemFile) {
    std::unique_ptr<FILE, decltype(&std::fclose)> file(std::fopen(pemFile.c_str(), "rb"), &std::fclose);
    if (!file) {
        return std::nullopt;
    }
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_X509(file.get(), nullptr, nullptr, nullptr),
                                                     &X509_free);
    if (!cert) {
        return std::nullopt;
    }
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert.get(), &der);
    if (length <= 0) {
        return std::nullopt;
    }
    std::string result = sha256Fingerprint(
        std::string_view(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
    OPENSSL_free(der);
    return result;
}

std::string normalizeFingerprint(std::string_view fingerprint) {
    std::string out;
    out.reserve(fingerprint.size());
    for (const char c : fingerprint) {
        if (c != ':' && std::isspace(static_cast<unsigned char>(c)) == 0) {
            out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        }
    }
    return out;
}

bool fingerprintsEqual(std::string_view a, std::string_view b) {
    const std::string left = normalizeFingerprint(a);
    return !left.empty() && left == normalizeFingerprint(b);
}

}  // namespace room::testing
