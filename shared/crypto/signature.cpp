#include "shared/crypto/signature.h"

#include "shared/crypto/openssl_util.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <system_error>
#include <utility>

namespace room::crypto {

namespace fs = std::filesystem;

namespace {

using detail::BioPtr;
using detail::Freer;
using detail::KeyPtr;
using detail::kMaxPemBytes;
using detail::memoryBio;
using detail::opensslError;
using detail::refusePassphrase;
using detail::takeOpensslError;
using detail::X509Ptr;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Freer<EVP_MD_CTX_free>>;

enum class Algorithm { EcdsaSha256, RsaPssSha256, Ed25519 };

struct AlgorithmInfo {
    Algorithm id;
    std::string_view name;
    const char* digest; ///< nullptr for Ed25519, which hashes internally
};

constexpr AlgorithmInfo kAlgorithms[] = {
    {Algorithm::EcdsaSha256, "ecdsa-sha256", "SHA256"},
    {Algorithm::RsaPssSha256, "rsa-pss-sha256", "SHA256"},
    {Algorithm::Ed25519, "ed25519", nullptr},
};

Error invalid(std::string en, std::string vi) {
    takeOpensslError();
    return Error::make(ErrorCode::InvalidArgument, std::move(en), std::move(vi));
}

// Untrusted text (an algorithm name from the network) quoted in a message: printable
// ASCII only, and short.
std::string printable(std::string_view s) {
    constexpr std::size_t kMax = 64;
    std::string out;
    for (unsigned char c : s.substr(0, kMax)) out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?');
    if (s.size() > kMax) out += "...";
    return out;
}

const unsigned char* bytesOf(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.empty() ? "" : s.data());
}

Result<X509Ptr> loadCertificateFile(const fs::path& path) { return detail::loadCertificateFile(path, ErrorCode::Internal); }
Result<KeyPtr> loadPrivateKeyFile(const fs::path& path) { return detail::loadPrivateKeyFile(path, ErrorCode::Internal); }

std::string keyTypeName(const EVP_PKEY* key) {
    const char* name = EVP_PKEY_get0_type_name(key);
    return name ? name : "unknown";
}

/// The one algorithm a key signs with, or nullptr for key types we do not sign with.
const AlgorithmInfo* algorithmForKey(const EVP_PKEY* key) {
    if (EVP_PKEY_is_a(key, "EC")) return &kAlgorithms[0];
    if (EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS")) return &kAlgorithms[1];
    if (EVP_PKEY_is_a(key, "ED25519")) return &kAlgorithms[2];
    return nullptr;
}

const AlgorithmInfo* algorithmByName(std::string_view name) {
    for (const AlgorithmInfo& a : kAlgorithms)
        if (a.name == name) return &a;
    return nullptr;
}

// Initialises `ctx` for a one-shot EVP_DigestSign / EVP_DigestVerify with `algo`.
bool initContext(EVP_MD_CTX* ctx, EVP_PKEY* key, const AlgorithmInfo& algo, bool sign) {
    EVP_PKEY_CTX* pctx = nullptr;
    const int rc =
        sign ? EVP_DigestSignInit_ex(ctx, &pctx, algo.digest, nullptr, nullptr, key, nullptr)
             : EVP_DigestVerifyInit_ex(ctx, &pctx, algo.digest, nullptr, nullptr, key, nullptr);
    if (rc != 1 || pctx == nullptr) return false;
    if (algo.id == Algorithm::RsaPssSha256) {
        // PSS with MGF1 over the same digest and a salt as long as the digest (RFC 8017's
        // recommendation, and what "PS256" means elsewhere). On verification the digest
        // length is required exactly rather than auto-detected.
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
            EVP_PKEY_CTX_set_rsa_mgf1_md_name(pctx, "SHA256", nullptr) <= 0 ||
            EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0)
            return false;
    }
    return true;
}

Error badBase64(std::string_view why) {
    return Error::make(ErrorCode::InvalidArgument, "invalid base64: " + std::string(why),
                       "Dữ liệu base64 không hợp lệ");
}

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

} // namespace

Result<Signature> signWithPrivateKeyPem(const fs::path& keyPem, std::string_view data) {
    auto key = loadPrivateKeyFile(keyPem);
    if (!key) return key.error();
    const AlgorithmInfo* algo = algorithmForKey(key->get());
    if (!algo)
        return invalid("unsupported key type " + keyTypeName(key->get()) + " in " +
                           keyPem.string() + " (EC, RSA or Ed25519 expected)",
                       "Loại khóa " + keyTypeName(key->get()) + " trong " + keyPem.string() +
                           " không được hỗ trợ để ký (cần EC, RSA hoặc Ed25519)");

    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx) return opensslError("out of memory");
    if (!initContext(ctx.get(), key->get(), *algo, true))
        return opensslError("cannot initialise " + std::string(algo->name) + " signing with " +
                            keyPem.string());
    std::size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, bytesOf(data), data.size()) != 1)
        return opensslError("cannot size " + std::string(algo->name) + " signature");
    std::string sig(len, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       bytesOf(data), data.size()) != 1)
        return opensslError("cannot create " + std::string(algo->name) + " signature with " +
                            keyPem.string());
    sig.resize(len);
    return Signature{std::string(algo->name), base64Encode(sig)};
}

Status verifyWithCertificatePem(std::string_view certPem, std::string_view data,
                                const Signature& sig) {
    if (certPem.size() > kMaxPemBytes)
        return invalid("certificate PEM too large", "Chứng chỉ PEM quá lớn");
    BioPtr bio = memoryBio(certPem);
    if (!bio) return opensslError("out of memory");
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, refusePassphrase, nullptr));
    if (!cert) return invalid("not a PEM certificate", "Dữ liệu không phải chứng chỉ PEM hợp lệ");
    EVP_PKEY* key = X509_get0_pubkey(cert.get());
    if (!key)
        return invalid("cannot read the certificate's public key",
                       "Không đọc được khóa công khai của chứng chỉ");

    const AlgorithmInfo* algo = algorithmByName(sig.algorithm);
    if (!algo)
        return invalid("unknown signature algorithm '" + printable(sig.algorithm) + "'",
                       "Thuật toán chữ ký không được hỗ trợ: '" + printable(sig.algorithm) + "'");
    const AlgorithmInfo* expected = algorithmForKey(key);
    if (!expected)
        return invalid("certificate key type " + keyTypeName(key) + " cannot verify signatures",
                       "Loại khóa " + keyTypeName(key) + " của chứng chỉ không dùng để xác minh chữ ký được");
    if (expected != algo)
        return invalid("signature algorithm '" + std::string(algo->name) +
                           "' does not match the certificate's " + keyTypeName(key) +
                           " key (expected '" + std::string(expected->name) + "')",
                       "Thuật toán chữ ký '" + std::string(algo->name) +
                           "' không khớp với loại khóa của chứng chỉ (cần '" +
                           std::string(expected->name) + "')");

    auto raw = base64Decode(sig.valueBase64);
    if (!raw)
        return invalid("signature value is not valid base64",
                       "Giá trị chữ ký không phải base64 hợp lệ");

    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx) return opensslError("out of memory");
    if (!initContext(ctx.get(), key, *algo, false))
        return invalid("cannot verify " + std::string(algo->name) +
                           " signatures with the certificate's key",
                       "Không xác minh được chữ ký " + std::string(algo->name) +
                           " bằng khóa của chứng chỉ");
    // 1 is a match; 0 a mismatch; negative a malformed signature (e.g. bad DER). All but
    // the first are the same answer to the caller.
    if (EVP_DigestVerify(ctx.get(), bytesOf(*raw), raw->size(), bytesOf(data), data.size()) != 1)
        return invalid("signature does not match the data", "Chữ ký không khớp với dữ liệu");
    return Ok{};
}

Result<std::string> readCertificatePem(const fs::path& certPem) {
    auto cert = loadCertificateFile(certPem);
    if (!cert) return cert.error();
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_X509(out.get(), cert->get()) != 1)
        return opensslError("cannot encode certificate " + certPem.string());
    char* p = nullptr;
    const long n = BIO_get_mem_data(out.get(), &p);
    if (n <= 0 || p == nullptr) return opensslError("cannot encode certificate " + certPem.string());
    return std::string(p, static_cast<std::size_t>(n));
}

std::string base64Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    auto byteAt = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])); };
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = byteAt(i) << 16 | byteAt(i + 1) << 8 | byteAt(i + 2);
        out.push_back(kBase64Alphabet[(v >> 18) & 63]);
        out.push_back(kBase64Alphabet[(v >> 12) & 63]);
        out.push_back(kBase64Alphabet[(v >> 6) & 63]);
        out.push_back(kBase64Alphabet[v & 63]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t v = byteAt(i) << 16;
        out.push_back(kBase64Alphabet[(v >> 18) & 63]);
        out.push_back(kBase64Alphabet[(v >> 12) & 63]);
        out += "==";
    } else if (rest == 2) {
        const std::uint32_t v = byteAt(i) << 16 | byteAt(i + 1) << 8;
        out.push_back(kBase64Alphabet[(v >> 18) & 63]);
        out.push_back(kBase64Alphabet[(v >> 12) & 63]);
        out.push_back(kBase64Alphabet[(v >> 6) & 63]);
        out.push_back('=');
    }
    return out;
}

Result<std::string> base64Decode(std::string_view text) {
    if (text.size() % 4 != 0) return badBase64("length is not a multiple of 4");
    if (text.empty()) return std::string{};
    std::size_t pad = 0;
    if (text.back() == '=') pad = text[text.size() - 2] == '=' ? 2 : 1;
    const std::size_t dataChars = text.size() - pad;

    std::string out;
    out.reserve(text.size() / 4 * 3);
    std::uint32_t acc = 0;
    for (std::size_t i = 0; i < dataChars; ++i) {
        const int v = base64Value(text[i]);
        // '=' before the final padding, whitespace and anything outside the alphabet.
        if (v < 0) return badBase64("unexpected character at offset " + std::to_string(i));
        acc = acc << 6 | static_cast<std::uint32_t>(v);
        if (i % 4 == 3) {
            out.push_back(static_cast<char>((acc >> 16) & 0xff));
            out.push_back(static_cast<char>((acc >> 8) & 0xff));
            out.push_back(static_cast<char>(acc & 0xff));
            acc = 0;
        }
    }
    // The last quantum: 2 characters carry one byte (4 spare bits), 3 carry two (2 spare
    // bits). Spare bits must be zero, or one value would have several encodings.
    if (pad == 2) {
        if ((acc & 0x0f) != 0) return badBase64("non-zero padding bits");
        out.push_back(static_cast<char>((acc >> 4) & 0xff));
    } else if (pad == 1) {
        if ((acc & 0x03) != 0) return badBase64("non-zero padding bits");
        out.push_back(static_cast<char>((acc >> 10) & 0xff));
        out.push_back(static_cast<char>((acc >> 2) & 0xff));
    }
    return out;
}

} // namespace room::crypto
