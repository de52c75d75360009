// Unit tests for detached signatures (EC, RSA-PSS, Ed25519) and the strict base64 codec.
#include "shared/crypto/signature.h"

#include "shared/crypto/hash.h"
#include "shared/crypto/tls_identity.h"

#include <doctest/doctest.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

using namespace room::crypto;
using room::ErrorCode;
namespace fs = std::filesystem;

namespace {

// A fresh directory per test case, removed again afterwards.
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("room-signature-test-" + randomHex(8));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

template <auto FreeFn>
struct Freer {
    template <class T>
    void operator()(T* p) const { FreeFn(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Freer<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Freer<BIO_free_all>>;

std::string readFile(const fs::path& p) {
    std::string data(static_cast<std::size_t>(fs::file_size(p)), '\0');
    std::ifstream in(p, std::ios::binary);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    REQUIRE(in.gcount() == static_cast<std::streamsize>(data.size()));
    return data;
}

void writeFile(const fs::path& p, std::string_view data) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    REQUIRE(out.good());
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// Runs a shell command and returns its standard output; `status` gets the exit status.
std::string run(const std::string& cmd, int& status) {
    std::string out;
    FILE* f = ::popen((cmd + " 2>/dev/null").c_str(), "r");
    REQUIRE(f != nullptr);
    char buf[512];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, f)) out.append(buf, n);
    status = ::pclose(f);
    return out;
}

std::string bioText(BIO* bio) {
    char* p = nullptr;
    const long n = BIO_get_mem_data(bio, &p);
    REQUIRE(n > 0);
    return std::string(p, static_cast<std::size_t>(n));
}

std::string privateKeyPem(EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    REQUIRE(bio);
    REQUIRE(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1);
    return bioText(bio.get());
}

// A minimal self-signed certificate for `key`; Ed25519 signs without a separate digest.
std::string selfSignedCertificatePem(EVP_PKEY* key, const char* commonName) {
    X509Ptr cert(X509_new());
    REQUIRE(cert);
    X509_NAME* name = X509_get_subject_name(cert.get());
    REQUIRE(X509_set_version(cert.get(), X509_VERSION_3) == 1);
    REQUIRE(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1) == 1);
    REQUIRE(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                       reinterpret_cast<const unsigned char*>(commonName), -1, -1,
                                       0) == 1);
    REQUIRE(X509_set_issuer_name(cert.get(), name) == 1);
    REQUIRE(X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0) != nullptr);
    REQUIRE(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600) != nullptr);
    REQUIRE(X509_set_pubkey(cert.get(), key) == 1);
    const EVP_MD* md = EVP_PKEY_is_a(key, "ED25519") ? nullptr : EVP_sha256();
    REQUIRE(X509_sign(cert.get(), key, md) > 0);
    BioPtr bio(BIO_new(BIO_s_mem()));
    REQUIRE(bio);
    REQUIRE(PEM_write_bio_X509(bio.get(), cert.get()) == 1);
    return bioText(bio.get());
}

enum class Kind { Ec, Rsa, Ed25519 };
constexpr Kind kKinds[] = {Kind::Ec, Kind::Rsa, Kind::Ed25519};

const char* algorithmOf(Kind k) {
    switch (k) {
    case Kind::Ec: return "ecdsa-sha256";
    case Kind::Rsa: return "rsa-pss-sha256";
    case Kind::Ed25519: return "ed25519";
    }
    return "";
}

struct Identity {
    fs::path cert;
    fs::path key;
    std::string certPem;
};

// A private key and a matching self-signed certificate, written as `<name>.key/.crt`.
Identity makeIdentity(const fs::path& dir, Kind kind, const std::string& name) {
    Identity id{dir / (name + ".crt"), dir / (name + ".key"), {}};
    if (kind == Kind::Ec) {
        REQUIRE(ensureSelfSignedCertificate(id.cert, id.key, name, {}));
    } else {
        KeyPtr key(kind == Kind::Rsa ? EVP_RSA_gen(2048)
                                     : EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
        REQUIRE(key);
        writeFile(id.key, privateKeyPem(key.get()));
        writeFile(id.cert, selfSignedCertificatePem(key.get(), name.c_str()));
    }
    id.certPem = readFile(id.cert);
    return id;
}

std::string rawSignature(const Signature& sig) {
    auto raw = base64Decode(sig.valueBase64);
    REQUIRE(raw);
    return *raw;
}

Signature withRaw(Signature sig, const std::string& raw) {
    sig.valueBase64 = base64Encode(raw);
    return sig;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const std::string kData = "Biên bản cuộc họp: thông qua nghị quyết số 7.";

} // namespace

TEST_CASE("sign and verify round trip for EC, RSA and Ed25519 keys") {
    TempDir dir;
    for (Kind kind : kKinds) {
        CAPTURE(algorithmOf(kind));
        const Identity id = makeIdentity(dir.path, kind, std::string("id-") + algorithmOf(kind));

        auto sig = signWithPrivateKeyPem(id.key, kData);
        REQUIRE_MESSAGE(sig, (sig ? "" : sig.error().message));
        CHECK(sig->algorithm == algorithmOf(kind));
        CHECK_FALSE(sig->valueBase64.empty());
        CHECK(sig->valueBase64.size() % 4 == 0);
        CHECK(sig->valueBase64.find('\n') == std::string::npos);
        const std::string raw = rawSignature(*sig);
        if (kind == Kind::Rsa) CHECK(raw.size() == 256);
        if (kind == Kind::Ed25519) CHECK(raw.size() == 64);
        if (kind == Kind::Ec) CHECK(raw[0] == '\x30'); // DER SEQUENCE

        auto st = verifyWithCertificatePem(id.certPem, kData, *sig);
        CHECK_MESSAGE(st, (st ? "" : st.error().message));

        // Empty data is data too.
        auto empty = signWithPrivateKeyPem(id.key, "");
        REQUIRE(empty);
        CHECK(verifyWithCertificatePem(id.certPem, "", *empty));
        CHECK_FALSE(verifyWithCertificatePem(id.certPem, "x", *empty));
        CHECK_FALSE(verifyWithCertificatePem(id.certPem, "", *sig));

        // readCertificatePem gives text that verifies the same way.
        auto pem = readCertificatePem(id.cert);
        REQUIRE(pem);
        CHECK(verifyWithCertificatePem(*pem, kData, *sig));
    }
}

TEST_CASE("tampered data or signature is rejected") {
    TempDir dir;
    for (Kind kind : kKinds) {
        CAPTURE(algorithmOf(kind));
        const Identity id = makeIdentity(dir.path, kind, "t");
        auto sig = signWithPrivateKeyPem(id.key, kData);
        REQUIRE(sig);
        REQUIRE(verifyWithCertificatePem(id.certPem, kData, *sig));
        const std::string raw = rawSignature(*sig);

        for (std::size_t pos : {std::size_t{0}, kData.size() / 2, kData.size() - 1}) {
            CAPTURE(pos);
            std::string data = kData;
            data[pos] = static_cast<char>(data[pos] ^ 0x01);
            auto st = verifyWithCertificatePem(id.certPem, data, *sig);
            REQUIRE_FALSE(st);
            CHECK(st.error().code == ErrorCode::InvalidArgument);
            CHECK(contains(st.error().message, "does not match"));
            CHECK_FALSE(st.error().messageVi.empty());
        }
        CHECK_FALSE(verifyWithCertificatePem(id.certPem, kData + "x", *sig));
        CHECK_FALSE(verifyWithCertificatePem(id.certPem, kData.substr(1), *sig));

        for (std::size_t pos : {std::size_t{0}, std::size_t{5}, raw.size() / 2, raw.size() - 1}) {
            CAPTURE(pos);
            std::string bad = raw;
            bad[pos] = static_cast<char>(bad[pos] ^ 0x01);
            auto st = verifyWithCertificatePem(id.certPem, kData, withRaw(*sig, bad));
            REQUIRE_FALSE(st);
            CHECK(st.error().code == ErrorCode::InvalidArgument);
        }
        CHECK_FALSE(verifyWithCertificatePem(id.certPem, kData, withRaw(*sig, raw.substr(1))));
        CHECK_FALSE(verifyWithCertificatePem(id.certPem, kData, withRaw(*sig, raw + '\0')));
        CHECK_FALSE(verifyWithCertificatePem(id.certPem, kData, withRaw(*sig, "")));
    }
}

TEST_CASE("a signature from another key of the same type is rejected") {
    TempDir dir;
    for (Kind kind : kKinds) {
        CAPTURE(algorithmOf(kind));
        const Identity a = makeIdentity(dir.path, kind, "a");
        const Identity b = makeIdentity(dir.path, kind, "b");
        auto sig = signWithPrivateKeyPem(b.key, kData);
        REQUIRE(sig);
        CHECK(verifyWithCertificatePem(b.certPem, kData, *sig));
        auto st = verifyWithCertificatePem(a.certPem, kData, *sig);
        REQUIRE_FALSE(st);
        CHECK(st.error().code == ErrorCode::InvalidArgument);
        CHECK(contains(st.error().message, "does not match"));
    }
}

TEST_CASE("algorithm names must be known and match the certificate's key type") {
    TempDir dir;
    std::vector<Identity> ids;
    std::vector<Signature> sigs;
    for (Kind kind : kKinds) {
        ids.push_back(makeIdentity(dir.path, kind, std::string("m-") + algorithmOf(kind)));
        auto sig = signWithPrivateKeyPem(ids.back().key, kData);
        REQUIRE(sig);
        sigs.push_back(*sig);
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        for (Kind other : kKinds) {
            if (std::string(algorithmOf(other)) == sigs[i].algorithm) continue;
            CAPTURE(sigs[i].algorithm);
            CAPTURE(algorithmOf(other));
            Signature relabelled = sigs[i];
            relabelled.algorithm = algorithmOf(other);
            auto st = verifyWithCertificatePem(ids[i].certPem, kData, relabelled);
            REQUIRE_FALSE(st);
            CHECK(st.error().code == ErrorCode::InvalidArgument);
            CHECK(contains(st.error().message, "does not match the certificate"));
            CHECK(contains(st.error().message, sigs[i].algorithm)); // the expected one
        }
        for (const char* unknown : {"", "ECDSA-SHA256", "ecdsa-sha512", "rsa-sha256", "ed448",
                                    "ed25519 "}) {
            CAPTURE(unknown);
            Signature relabelled = sigs[i];
            relabelled.algorithm = unknown;
            auto st = verifyWithCertificatePem(ids[i].certPem, kData, relabelled);
            REQUIRE_FALSE(st);
            CHECK(st.error().code == ErrorCode::InvalidArgument);
            CHECK(contains(st.error().message, "unknown signature algorithm"));
        }
    }
}

TEST_CASE("verification rejects bad certificates and bad base64") {
    TempDir dir;
    const Identity id = makeIdentity(dir.path, Kind::Ec, "v");
    auto sig = signWithPrivateKeyPem(id.key, kData);
    REQUIRE(sig);

    for (const std::string& pem :
         {std::string(), std::string("garbage"),
          std::string("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n"),
          readFile(id.key), id.certPem.substr(0, id.certPem.size() / 2)}) {
        auto st = verifyWithCertificatePem(pem, kData, *sig);
        REQUIRE_FALSE(st);
        CHECK(st.error().code == ErrorCode::InvalidArgument);
        CHECK(contains(st.error().message, "certificate"));
    }

    for (const std::string& value :
         {sig->valueBase64 + "=", sig->valueBase64.substr(1), "!" + sig->valueBase64.substr(1),
          sig->valueBase64.substr(0, 8) + "\n" + sig->valueBase64.substr(8)}) {
        Signature bad = *sig;
        bad.valueBase64 = value;
        auto st = verifyWithCertificatePem(id.certPem, kData, bad);
        REQUIRE_FALSE(st);
        CHECK(st.error().code == ErrorCode::InvalidArgument);
        CHECK(contains(st.error().message, "base64"));
    }

    // The certificate may follow other PEM blocks (a key, say) in the text.
    CHECK(verifyWithCertificatePem(readFile(id.key) + id.certPem, kData, *sig));
}

TEST_CASE("signatures interoperate with the openssl command line") {
    TempDir dir;
    const fs::path data = dir.path / "data.bin";
    const fs::path sigFile = dir.path / "sig.bin";
    writeFile(data, kData);
    for (Kind kind : kKinds) {
        CAPTURE(algorithmOf(kind));
        const Identity id = makeIdentity(dir.path, kind, "cli");
        const fs::path pub = dir.path / "pub.pem";
        int status = -1;
        run("openssl x509 -in " + quoted(id.cert) + " -noout -pubkey -out " + quoted(pub), status);
        REQUIRE(status == 0);

        // Ours verified by openssl. For RSA the salt length is pinned to 32 (SHA-256's size).
        auto sig = signWithPrivateKeyPem(id.key, kData);
        REQUIRE(sig);
        writeFile(sigFile, rawSignature(*sig));
        std::string verifyCmd;
        switch (kind) {
        case Kind::Ec:
            verifyCmd = "openssl dgst -sha256 -verify " + quoted(pub);
            break;
        case Kind::Rsa:
            verifyCmd = "openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt "
                        "rsa_pss_saltlen:32 -sigopt rsa_mgf1_md:sha256 -verify " + quoted(pub);
            break;
        case Kind::Ed25519:
            verifyCmd = "openssl pkeyutl -verify -pubin -inkey " + quoted(pub) + " -rawin";
            break;
        }
        if (kind == Kind::Ed25519)
            run(verifyCmd + " -in " + quoted(data) + " -sigfile " + quoted(sigFile), status);
        else
            run(verifyCmd + " -signature " + quoted(sigFile) + " " + quoted(data), status);
        CHECK(status == 0);

        // Openssl's verified by ours.
        std::string signCmd;
        switch (kind) {
        case Kind::Ec:
            signCmd = "openssl dgst -sha256 -sign " + quoted(id.key) + " -out " + quoted(sigFile) +
                      " " + quoted(data);
            break;
        case Kind::Rsa:
            signCmd = "openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt "
                      "rsa_pss_saltlen:digest -sign " + quoted(id.key) + " -out " +
                      quoted(sigFile) + " " + quoted(data);
            break;
        case Kind::Ed25519:
            signCmd = "openssl pkeyutl -sign -inkey " + quoted(id.key) + " -rawin -in " +
                      quoted(data) + " -out " + quoted(sigFile);
            break;
        }
        run(signCmd, status);
        REQUIRE(status == 0);
        const Signature theirs{algorithmOf(kind), base64Encode(readFile(sigFile))};
        auto st = verifyWithCertificatePem(id.certPem, kData, theirs);
        CHECK_MESSAGE(st, (st ? "" : st.error().message));

        if (kind == Kind::Rsa) {
            // A PSS signature with a different salt length is not rsa-pss-sha256.
            run("openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:max "
                "-sign " + quoted(id.key) + " -out " + quoted(sigFile) + " " + quoted(data),
                status);
            REQUIRE(status == 0);
            CHECK_FALSE(verifyWithCertificatePem(
                id.certPem, kData, Signature{"rsa-pss-sha256", base64Encode(readFile(sigFile))}));
            // Nor is PKCS#1 v1.5.
            run("openssl dgst -sha256 -sign " + quoted(id.key) + " -out " + quoted(sigFile) +
                    " " + quoted(data),
                status);
            REQUIRE(status == 0);
            CHECK_FALSE(verifyWithCertificatePem(
                id.certPem, kData, Signature{"rsa-pss-sha256", base64Encode(readFile(sigFile))}));
        }
    }
}

TEST_CASE("signing errors name the key file") {
    TempDir dir;
    SUBCASE("missing key file") {
        const fs::path key = dir.path / "missing.key";
        auto sig = signWithPrivateKeyPem(key, kData);
        REQUIRE_FALSE(sig);
        CHECK(sig.error().code == ErrorCode::Internal);
        CHECK(contains(sig.error().message, key.string()));
        CHECK(contains(sig.error().messageVi, key.string()));
    }
    SUBCASE("a directory instead of a file") {
        auto sig = signWithPrivateKeyPem(dir.path, kData);
        REQUIRE_FALSE(sig);
        CHECK(sig.error().code == ErrorCode::Internal);
        CHECK(contains(sig.error().message, dir.path.string()));
    }
    SUBCASE("garbage key file") {
        const fs::path key = dir.path / "garbage.key";
        writeFile(key, "hello");
        auto sig = signWithPrivateKeyPem(key, kData);
        REQUIRE_FALSE(sig);
        CHECK(sig.error().code == ErrorCode::Internal);
        CHECK(contains(sig.error().message, key.string()));
        CHECK(contains(sig.error().messageVi, key.string()));
    }
    SUBCASE("a certificate is not a key") {
        const Identity id = makeIdentity(dir.path, Kind::Ec, "c");
        auto sig = signWithPrivateKeyPem(id.cert, kData);
        REQUIRE_FALSE(sig);
        CHECK(sig.error().code == ErrorCode::Internal);
        CHECK(contains(sig.error().message, id.cert.string()));
    }
    SUBCASE("encrypted key is refused rather than prompting") {
        KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
        REQUIRE(key);
        BioPtr bio(BIO_new(BIO_s_mem()));
        REQUIRE(bio);
        REQUIRE(PEM_write_bio_PKCS8PrivateKey(bio.get(), key.get(), EVP_aes_256_cbc(), "secret", 6,
                                              nullptr, nullptr) == 1);
        const fs::path path = dir.path / "enc.key";
        writeFile(path, bioText(bio.get()));
        auto sig = signWithPrivateKeyPem(path, kData);
        REQUIRE_FALSE(sig);
        CHECK(sig.error().code == ErrorCode::Internal);
        CHECK(contains(sig.error().message, path.string()));
    }
    SUBCASE("unsupported key type") {
        KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
        REQUIRE(key);
        const fs::path path = dir.path / "x25519.key";
        writeFile(path, privateKeyPem(key.get()));
        auto sig = signWithPrivateKeyPem(path, kData);
        REQUIRE_FALSE(sig);
        CHECK(sig.error().code == ErrorCode::InvalidArgument);
        CHECK(contains(sig.error().message, path.string()));
        CHECK(contains(sig.error().message, "X25519"));
    }
}

TEST_CASE("readCertificatePem") {
    TempDir dir;
    const Identity a = makeIdentity(dir.path, Kind::Ec, "a");
    const Identity b = makeIdentity(dir.path, Kind::Ed25519, "b");

    auto pem = readCertificatePem(a.cert);
    REQUIRE(pem);
    CHECK(pem->rfind("-----BEGIN CERTIFICATE-----\n", 0) == 0);
    CHECK(*pem == a.certPem);

    SUBCASE("the first of several certificates, after other blocks") {
        const fs::path both = dir.path / "chain.pem";
        writeFile(both, readFile(a.key) + a.certPem + b.certPem);
        auto first = readCertificatePem(both);
        REQUIRE(first);
        CHECK(*first == a.certPem);
    }
    SUBCASE("missing file") {
        const fs::path path = dir.path / "nope.crt";
        auto r = readCertificatePem(path);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Internal);
        CHECK(contains(r.error().message, path.string()));
        CHECK(contains(r.error().messageVi, path.string()));
    }
    SUBCASE("not a certificate") {
        for (const std::string& text : {std::string(), std::string("garbage"), readFile(a.key)}) {
            const fs::path path = dir.path / "bad.crt";
            writeFile(path, text);
            auto r = readCertificatePem(path);
            REQUIRE_FALSE(r);
            CHECK(r.error().code == ErrorCode::Internal);
            CHECK(contains(r.error().message, path.string()));
        }
    }
}

TEST_CASE("base64 known vectors (RFC 4648)") {
    const std::pair<std::string, std::string> vectors[] = {
        {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},
        {"foo", "Zm9v"},  {"foob", "Zm9vYg=="},  {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
        {std::string("\x00", 1), "AA=="},
        {std::string("\xff\xff\xff", 3), "////"},
        {std::string("\xfb\xef\xbe", 3), "++++"},
    };
    for (const auto& [plain, encoded] : vectors) {
        CAPTURE(encoded);
        CHECK(base64Encode(plain) == encoded);
        auto decoded = base64Decode(encoded);
        REQUIRE(decoded);
        CHECK(*decoded == plain);
    }
}

TEST_CASE("base64 round trip, and agreement with OpenSSL's encoder") {
    for (std::size_t len = 0; len <= 10; ++len) {
        CAPTURE(len);
        std::string bytes;
        for (std::size_t i = 0; i < len; ++i) bytes.push_back(static_cast<char>(i * 97 + 200));
        const std::string encoded = base64Encode(bytes);
        CHECK(encoded.size() == (len + 2) / 3 * 4);
        auto decoded = base64Decode(encoded);
        REQUIRE(decoded);
        CHECK(*decoded == bytes);
    }
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
    for (std::size_t len : {std::size_t{254}, std::size_t{255}, std::size_t{256}}) {
        const std::string bytes = all.substr(0, len);
        std::string expected(4 * ((len + 2) / 3) + 1, '\0');
        const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(expected.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(len));
        expected.resize(static_cast<std::size_t>(n));
        CHECK(base64Encode(bytes) == expected);
        auto decoded = base64Decode(expected);
        REQUIRE(decoded);
        CHECK(*decoded == bytes);
    }
}

TEST_CASE("base64Decode rejects invalid input") {
    for (const char* bad : {"Zg=", "Z!==", "Zm9v YmFy", "Zg", "Z", "Zg===", "=Zg=", "====", "Z===",
                            "Zm9v\n", "\nZm9v", "Zm9vYmFy\r\n", "Zg==Zg==", "Zm=v", "Zh==",
                            "Zm9=", "Zm9v-_==", "Zm9v_w==", "Zm9vYmFy=", "Zm9vYmF"}) {
        CAPTURE(bad);
        auto r = base64Decode(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidArgument);
        CHECK_FALSE(r.error().messageVi.empty());
    }
    // An embedded NUL is not the end of the text.
    CHECK_FALSE(base64Decode(std::string_view("Zm9v\0\0\0\0", 8)));
}
