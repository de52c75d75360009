#include "shared/crypto/tls_identity.h"

#include "shared/crypto/hash.h"
#include "shared/crypto/openssl_util.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <initializer_list>
#include <system_error>
#include <utility>

namespace room::crypto {

namespace fs = std::filesystem;

namespace {

using detail::BioPtr;
using detail::Freer;
using detail::KeyPtr;
using detail::opensslError;
using detail::refusePassphrase;
using detail::takeOpensslError;
using detail::X509Ptr;
using BnPtr = std::unique_ptr<BIGNUM, Freer<BN_free>>;
using NamePtr = std::unique_ptr<X509_NAME, Freer<X509_NAME_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Freer<X509_EXTENSION_free>>;
using GenNamesPtr = std::unique_ptr<GENERAL_NAMES, Freer<GENERAL_NAMES_free>>;
using GenNamePtr = std::unique_ptr<GENERAL_NAME, Freer<GENERAL_NAME_free>>;
using Asn1StrPtr = std::unique_ptr<ASN1_STRING, Freer<ASN1_STRING_free>>;

constexpr long kValidityDays = 3650;
// Tablets with a clock a little behind would otherwise reject a certificate minted moments
// ago, so the start of validity is set back by a day.
constexpr long kBackdateSeconds = 24 * 60 * 60;

Result<X509Ptr> loadCertificate(const fs::path& path) { return detail::loadCertificateFile(path, ErrorCode::InvalidArgument); }
Result<KeyPtr> loadPrivateKey(const fs::path& path) { return detail::loadPrivateKeyFile(path, ErrorCode::InvalidArgument); }

Status checkExistingPair(const fs::path& certPem, const fs::path& keyPem) {
    auto cert = loadCertificate(certPem);
    if (!cert) return cert.error();
    auto key = loadPrivateKey(keyPem);
    if (!key) return key.error();
    if (X509_check_private_key(cert->get(), key->get()) != 1) {
        takeOpensslError();
        return Error::make(ErrorCode::InvalidArgument,
                           "certificate " + certPem.string() + " does not match private key " +
                               keyPem.string(),
                           "Chứng chỉ " + certPem.string() + " không khớp với khóa riêng " +
                               keyPem.string());
    }
    return Ok{};
}

std::string toPem(const X509* cert) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) return {};
    char* p = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &p);
    return std::string(p, static_cast<std::size_t>(n));
}

std::string toPem(const EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char* p = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &p);
    std::string out(p, static_cast<std::size_t>(n));
    OPENSSL_cleanse(p, static_cast<std::size_t>(n));
    return out;
}

Error writeError(const fs::path& path, int err) {
    return Error::make(ErrorCode::Internal,
                       "cannot write " + path.string() + ": " + std::strerror(err),
                       "Không ghi được tệp " + path.string());
}

// Written under a temporary name in the same directory and renamed into place, so a crash
// never leaves a truncated file that the next start would reject as garbage.
Status writeAtomically(const fs::path& path, std::string_view data, mode_t mode) {
    fs::path tmp = path;
    tmp += ".tmp-" + randomHex(8);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return writeError(path, errno);
    auto fail = [&](int err) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return writeError(path, err);
    };
    // The umask could only narrow the mode, but set it exactly so a key is never readable
    // by others and a certificate is always readable.
    if (::fchmod(fd, mode) != 0) return fail(errno);
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(errno);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) return fail(errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return writeError(path, err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return writeError(path, err);
    }
    // Make the rename itself durable; failure here leaves a complete file, so it is ignored.
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
    }
    return Ok{};
}

Result<GenNamesPtr> buildSubjectAltNames(const std::vector<std::string>& names) {
    GenNamesPtr gens(GENERAL_NAMES_new());
    if (!gens) return opensslError("out of memory");
    for (const std::string& name : names) {
        auto invalid = [&] {
            return Error::make(ErrorCode::InvalidArgument,
                               "invalid subject alternative name: '" + name + "'",
                               "Tên thay thế (SAN) không hợp lệ: '" + name + "'");
        };
        if (name.empty()) return invalid();
        GenNamePtr gen(GENERAL_NAME_new());
        if (!gen) return opensslError("out of memory");
        if (ASN1_OCTET_STRING* ip = a2i_IPADDRESS(name.c_str())) {
            GENERAL_NAME_set0_value(gen.get(), GEN_IPADD, ip);
        } else {
            ERR_clear_error();
            // DNS names are IA5 (ASCII); internationalised host names must arrive as
            // punycode, and spaces or control characters are never valid.
            for (unsigned char c : name)
                if (c <= 0x20 || c >= 0x7f) return invalid();
            Asn1StrPtr dns(ASN1_IA5STRING_new());
            if (!dns || ASN1_STRING_set(dns.get(), name.data(), static_cast<int>(name.size())) != 1)
                return opensslError("out of memory");
            GENERAL_NAME_set0_value(gen.get(), GEN_DNS, dns.release());
        }
        if (sk_GENERAL_NAME_push(gens.get(), gen.get()) == 0) return opensslError("out of memory");
        (void)gen.release();
    }
    return gens;
}

Status addExtension(X509* cert, X509V3_CTX* ctx, int nid, const char* value) {
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        return opensslError(std::string("cannot add certificate extension ") + OBJ_nid2sn(nid));
    return Ok{};
}

Result<std::pair<X509Ptr, KeyPtr>> createIdentity(const std::string& commonName,
                                                  const std::vector<std::string>& sans) {
    if (commonName.empty())
        return Error::make(ErrorCode::InvalidArgument, "certificate common name is empty",
                           "Tên chung (CN) của chứng chỉ đang để trống");
    auto gens = buildSubjectAltNames(sans);
    if (!gens) return gens.error();

    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) return opensslError("cannot generate P-256 key");
    X509Ptr cert(X509_new());
    if (!cert) return opensslError("out of memory");

    // 128 random bits with the top bit set: positive, a fixed 16 bytes, and unguessable
    // so no two certificates from different rooms share a serial.
    BnPtr serialBn(BN_new());
    if (!serialBn || BN_rand(serialBn.get(), 128, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serialBn.get(), X509_get_serialNumber(cert.get())))
        return opensslError("cannot set certificate serial number");

    NamePtr name(X509_NAME_new());
    if (!name ||
        X509_NAME_add_entry_by_NID(name.get(), NID_commonName, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(commonName.c_str()),
                                   static_cast<int>(commonName.size()), -1, 0) != 1)
        return opensslError("cannot set certificate common name");

    if (X509_set_version(cert.get(), X509_VERSION_3) != 1 ||
        X509_set_subject_name(cert.get(), name.get()) != 1 ||
        X509_set_issuer_name(cert.get(), name.get()) != 1 ||
        !X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) ||
        !X509_time_adj_ex(X509_getm_notAfter(cert.get()), static_cast<int>(kValidityDays), 0,
                          nullptr) ||
        X509_set_pubkey(cert.get(), key.get()) != 1)
        return opensslError("cannot fill in certificate");

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (auto [nid, value] : {std::pair{NID_basic_constraints, "critical,CA:FALSE"},
                              std::pair{NID_key_usage, "critical,digitalSignature"},
                              std::pair{NID_ext_key_usage, "serverAuth"},
                              std::pair{NID_subject_key_identifier, "hash"}}) {
        if (auto st = addExtension(cert.get(), &ctx, nid, value); !st) return st.error();
    }
    if (sk_GENERAL_NAME_num(gens->get()) > 0 &&
        X509_add1_ext_i2d(cert.get(), NID_subject_alt_name, gens->get(), 0, X509V3_ADD_DEFAULT) != 1)
        return opensslError("cannot add subjectAltName");

    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return opensslError("cannot sign certificate");
    return std::pair{std::move(cert), std::move(key)};
}

Error onlyOneExists(const fs::path& present, const fs::path& missing, bool keyMissing) {
    if (keyMissing)
        return Error::make(ErrorCode::InvalidArgument,
                           "certificate " + present.string() + " exists but private key " +
                               missing.string() + " is missing",
                           "Có chứng chỉ " + present.string() + " nhưng thiếu khóa riêng " +
                               missing.string());
    return Error::make(ErrorCode::InvalidArgument,
                       "private key " + present.string() + " exists but certificate " +
                           missing.string() + " is missing",
                       "Có khóa riêng " + present.string() + " nhưng thiếu chứng chỉ " +
                           missing.string());
}

Result<bool> fileExists(const fs::path& path) {
    std::error_code ec;
    const bool there = fs::exists(path, ec);
    if (ec)
        return Error::make(ErrorCode::Internal, "cannot access " + path.string() + ": " + ec.message(),
                           "Không truy cập được " + path.string());
    return there;
}

std::string formatFingerprint(const Digest& d) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(d.size() * 3);
    for (std::uint8_t b : d) {
        if (!out.empty()) out.push_back(':');
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0xf]);
    }
    return out;
}

} // namespace

Status ensureSelfSignedCertificate(const fs::path& certPem, const fs::path& keyPem,
                                   const std::string& commonName,
                                   const std::vector<std::string>& subjectAltNames) {
    const auto haveCert = fileExists(certPem);
    if (!haveCert) return haveCert.error();
    const auto haveKey = fileExists(keyPem);
    if (!haveKey) return haveKey.error();

    if (*haveCert && *haveKey) return checkExistingPair(certPem, keyPem);
    if (*haveCert) return onlyOneExists(certPem, keyPem, true);
    if (*haveKey) return onlyOneExists(keyPem, certPem, false);

    auto identity = createIdentity(commonName, subjectAltNames);
    if (!identity) return identity.error();
    const std::string certText = toPem(identity->first.get());
    std::string keyText = toPem(identity->second.get());
    if (certText.empty() || keyText.empty()) return opensslError("cannot encode PEM");

    for (const fs::path& p : {certPem, keyPem}) {
        if (!p.has_parent_path()) continue;
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        if (ec) return writeError(p, ec.value());
    }
    // Key first: a crash between the two renames then leaves a key without a certificate,
    // which the next start reports instead of silently serving a certificate it cannot use.
    auto st = writeAtomically(keyPem, keyText, 0600);
    OPENSSL_cleanse(keyText.data(), keyText.size());
    if (!st) return st;
    return writeAtomically(certPem, certText, 0644);
}

Result<std::string> certificateFingerprintSha256(const fs::path& certPem) {
    auto cert = loadCertificate(certPem);
    if (!cert) return cert.error();
    unsigned char* der = nullptr;
    const int len = i2d_X509(cert->get(), &der);
    if (len <= 0) return opensslError("cannot encode certificate " + certPem.string());
    std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
    OPENSSL_free(der);
    return formatFingerprint(sha256(bytes));
}

Result<std::string> fingerprintOfDer(std::string_view der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!cert || p != reinterpret_cast<const unsigned char*>(der.data() + der.size())) {
        takeOpensslError();
        return Error::make(ErrorCode::InvalidArgument, "not a DER certificate",
                           "Dữ liệu không phải chứng chỉ DER");
    }
    return formatFingerprint(sha256(der));
}

Result<std::string> fingerprintOfPem(std::string_view pem) {
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    X509Ptr cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, refusePassphrase, nullptr) : nullptr);
    unsigned char* der = nullptr;
    const int len = cert ? i2d_X509(cert.get(), &der) : 0;
    if (len <= 0) {
        takeOpensslError();
        return Error::make(ErrorCode::InvalidArgument, "not a PEM certificate", "Dữ liệu không phải chứng chỉ PEM");
    }
    std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
    OPENSSL_free(der);
    return formatFingerprint(sha256(bytes));
}

} // namespace room::crypto
