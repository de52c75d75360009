// Unit tests for the self-signed TLS identity and certificate fingerprints.
#include "shared/crypto/tls_identity.h"

#include "shared/crypto/hash.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace room::crypto;
namespace fs = std::filesystem;

namespace {

// A fresh directory per test case, removed again afterwards.
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("room-crypto-test-" + randomHex(8));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

std::string readFile(const fs::path& p) {
    std::string data(static_cast<std::size_t>(fs::file_size(p)), '\0');
    std::ifstream in(p, std::ios::binary);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    REQUIRE(in.gcount() == static_cast<std::streamsize>(data.size()));
    return data;
}

void writeFile(const fs::path& p, const std::string& data) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << data;
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

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

const std::vector<std::string> kSans{"192.168.1.10", "phonghop.local", "::1"};

} // namespace

TEST_CASE("creates a self-signed certificate whose fingerprint matches openssl's") {
    TempDir dir;
    const fs::path cert = dir.path / "tls" / "server.crt";
    const fs::path key = dir.path / "tls" / "server.key";
    auto st = ensureSelfSignedCertificate(cert, key, "Phòng họp không giấy", kSans);
    REQUIRE_MESSAGE(st, (st ? "" : st.error().message));
    REQUIRE(fs::exists(cert));
    REQUIRE(fs::exists(key));

    auto fp = certificateFingerprintSha256(cert);
    REQUIRE(fp);
    CHECK(fp->size() == 95);
    for (std::size_t i = 0; i < fp->size(); ++i) {
        if (i % 3 == 2)
            CHECK((*fp)[i] == ':');
        else
            CHECK(std::string("0123456789ABCDEF").find((*fp)[i]) != std::string::npos);
    }

    int status = -1;
    const std::string out =
        run("openssl x509 -in " + quoted(cert) + " -noout -fingerprint -sha256", status);
    REQUIRE(status == 0);
    const auto eq = out.find('=');
    REQUIRE(eq != std::string::npos);
    CHECK(trimmed(out.substr(eq + 1)) == *fp);

    // The DER form gives the same fingerprint.
    const std::string der =
        run("openssl x509 -in " + quoted(cert) + " -outform DER", status);
    REQUIRE(status == 0);
    auto fpDer = fingerprintOfDer(der);
    REQUIRE(fpDer);
    CHECK(*fpDer == *fp);
}

TEST_CASE("certificate contents: v3, P-256, SANs and extensions") {
    TempDir dir;
    const fs::path cert = dir.path / "c.pem";
    const fs::path key = dir.path / "k.pem";
    REQUIRE(ensureSelfSignedCertificate(cert, key, "room-server", kSans));

    int status = -1;
    const std::string text = run("openssl x509 -in " + quoted(cert) + " -noout -text", status);
    REQUIRE(status == 0);
    CHECK(text.find("Version: 3 (0x2)") != std::string::npos);
    CHECK(text.find("Signature Algorithm: ecdsa-with-SHA256") != std::string::npos);
    CHECK(text.find("NIST CURVE: P-256") != std::string::npos);
    CHECK(text.find("Subject: CN = room-server") != std::string::npos);
    CHECK(text.find("Issuer: CN = room-server") != std::string::npos);
    CHECK(text.find("IP Address:192.168.1.10") != std::string::npos);
    CHECK(text.find("DNS:phonghop.local") != std::string::npos);
    CHECK(text.find("IP Address:0:0:0:0:0:0:0:1") != std::string::npos);
    CHECK(text.find("CA:FALSE") != std::string::npos);
    CHECK(text.find("Digital Signature") != std::string::npos);
    CHECK(text.find("Certificate Sign") == std::string::npos);
    CHECK(text.find("TLS Web Server Authentication") != std::string::npos);

    // Self-signed and verifiable against itself.
    const std::string verify = run("openssl verify -CAfile " + quoted(cert) +
                                       " -partial_chain -purpose sslserver " + quoted(cert),
                                   status);
    CHECK(status == 0);
    CHECK(verify.find(": OK") != std::string::npos);

    // Ten years of validity (checkend is in seconds).
    run("openssl x509 -in " + quoted(cert) + " -noout -checkend " +
            std::to_string(9L * 365 * 24 * 3600),
        status);
    CHECK(status == 0);
    run("openssl x509 -in " + quoted(cert) + " -noout -checkend " +
            std::to_string(11L * 365 * 24 * 3600),
        status);
    CHECK(status != 0);

    // The key is an EC private key that belongs to the certificate.
    const std::string certPub = run("openssl x509 -in " + quoted(cert) + " -noout -pubkey", status);
    REQUIRE(status == 0);
    const std::string keyPub = run("openssl pkey -in " + quoted(key) + " -pubout", status);
    REQUIRE(status == 0);
    CHECK(certPub == keyPub);
    CHECK_FALSE(certPub.empty());
}

TEST_CASE("serial numbers are random") {
    TempDir dir;
    REQUIRE(ensureSelfSignedCertificate(dir.path / "a.crt", dir.path / "a.key", "a", {}));
    REQUIRE(ensureSelfSignedCertificate(dir.path / "b.crt", dir.path / "b.key", "b", {}));
    int status = -1;
    const std::string a = run("openssl x509 -in " + quoted(dir.path / "a.crt") + " -noout -serial", status);
    REQUIRE(status == 0);
    const std::string b = run("openssl x509 -in " + quoted(dir.path / "b.crt") + " -noout -serial", status);
    REQUIRE(status == 0);
    CHECK(a != b);
    CHECK(trimmed(a).size() == std::string("serial=").size() + 32);
}

TEST_CASE("key file has mode 0600 and no temporary files remain") {
    TempDir dir;
    const fs::path cert = dir.path / "server.crt";
    const fs::path key = dir.path / "server.key";
    REQUIRE(ensureSelfSignedCertificate(cert, key, "room", kSans));
    struct stat sk {};
    REQUIRE(::stat(key.c_str(), &sk) == 0);
    CHECK((sk.st_mode & 07777) == 0600);
    struct stat sc {};
    REQUIRE(::stat(cert.c_str(), &sc) == 0);
    CHECK((sc.st_mode & 07777) == 0644);
    int entries = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 2);
}

TEST_CASE("a second call keeps the existing certificate") {
    TempDir dir;
    const fs::path cert = dir.path / "server.crt";
    const fs::path key = dir.path / "server.key";
    REQUIRE(ensureSelfSignedCertificate(cert, key, "room", kSans));
    const std::string certBefore = readFile(cert);
    const std::string keyBefore = readFile(key);
    const auto fpBefore = certificateFingerprintSha256(cert);
    REQUIRE(fpBefore);

    REQUIRE(ensureSelfSignedCertificate(cert, key, "another-name", {"10.0.0.1"}));
    CHECK(readFile(cert) == certBefore);
    CHECK(readFile(key) == keyBefore);
    const auto fpAfter = certificateFingerprintSha256(cert);
    REQUIRE(fpAfter);
    CHECK(*fpAfter == *fpBefore);
}

TEST_CASE("certificate present but key missing is an error naming the key file") {
    TempDir dir;
    const fs::path cert = dir.path / "server.crt";
    const fs::path key = dir.path / "server.key";
    REQUIRE(ensureSelfSignedCertificate(cert, key, "room", kSans));
    fs::remove(key);
    const std::string certBefore = readFile(cert);

    auto st = ensureSelfSignedCertificate(cert, key, "room", kSans);
    REQUIRE_FALSE(st);
    CHECK(st.error().message.find(key.string()) != std::string::npos);
    CHECK(st.error().messageVi.find(key.string()) != std::string::npos);
    CHECK_FALSE(fs::exists(key));
    CHECK(readFile(cert) == certBefore);
}

TEST_CASE("key present but certificate missing is an error naming the certificate file") {
    TempDir dir;
    const fs::path cert = dir.path / "server.crt";
    const fs::path key = dir.path / "server.key";
    REQUIRE(ensureSelfSignedCertificate(cert, key, "room", kSans));
    fs::remove(cert);

    auto st = ensureSelfSignedCertificate(cert, key, "room", kSans);
    REQUIRE_FALSE(st);
    CHECK(st.error().message.find(cert.string()) != std::string::npos);
    CHECK_FALSE(fs::exists(cert));
}

TEST_CASE("a mismatched certificate and key are rejected") {
    TempDir dir;
    REQUIRE(ensureSelfSignedCertificate(dir.path / "a.crt", dir.path / "a.key", "a", kSans));
    REQUIRE(ensureSelfSignedCertificate(dir.path / "b.crt", dir.path / "b.key", "b", kSans));
    auto st = ensureSelfSignedCertificate(dir.path / "a.crt", dir.path / "b.key", "a", kSans);
    REQUIRE_FALSE(st);
    CHECK(st.error().code == room::ErrorCode::InvalidArgument);
    CHECK(st.error().message.find((dir.path / "a.crt").string()) != std::string::npos);
    CHECK(st.error().message.find((dir.path / "b.key").string()) != std::string::npos);
}

TEST_CASE("garbage PEM files are rejected with the file named") {
    TempDir dir;
    const fs::path cert = dir.path / "server.crt";
    const fs::path key = dir.path / "server.key";
    REQUIRE(ensureSelfSignedCertificate(cert, key, "room", kSans));

    SUBCASE("garbage certificate") {
        writeFile(cert, "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        auto st = ensureSelfSignedCertificate(cert, key, "room", kSans);
        REQUIRE_FALSE(st);
        CHECK(st.error().message.find(cert.string()) != std::string::npos);
        CHECK_FALSE(certificateFingerprintSha256(cert));
    }
    SUBCASE("garbage key") {
        writeFile(key, "hello");
        auto st = ensureSelfSignedCertificate(cert, key, "room", kSans);
        REQUIRE_FALSE(st);
        CHECK(st.error().message.find(key.string()) != std::string::npos);
    }
    SUBCASE("empty certificate") {
        writeFile(cert, "");
        auto st = ensureSelfSignedCertificate(cert, key, "room", kSans);
        REQUIRE_FALSE(st);
        CHECK(st.error().message.find(cert.string()) != std::string::npos);
    }
    SUBCASE("encrypted key is refused rather than prompting") {
        int status = -1;
        run("openssl pkey -in " + quoted(key) + " -aes256 -passout pass:secret -out " +
                quoted(dir.path / "enc.key"),
            status);
        REQUIRE(status == 0);
        fs::rename(dir.path / "enc.key", key);
        auto st = ensureSelfSignedCertificate(cert, key, "room", kSans);
        REQUIRE_FALSE(st);
        CHECK(st.error().message.find(key.string()) != std::string::npos);
    }
}

TEST_CASE("invalid inputs for a new identity are rejected and nothing is written") {
    TempDir dir;
    const fs::path cert = dir.path / "server.crt";
    const fs::path key = dir.path / "server.key";
    CHECK_FALSE(ensureSelfSignedCertificate(cert, key, "", kSans));
    CHECK_FALSE(ensureSelfSignedCertificate(cert, key, "room", {""}));
    CHECK_FALSE(ensureSelfSignedCertificate(cert, key, "room", {"bad name"}));
    CHECK_FALSE(ensureSelfSignedCertificate(cert, key, "room", {"phònghọp.local"}));
    CHECK_FALSE(fs::exists(cert));
    CHECK_FALSE(fs::exists(key));
}

TEST_CASE("fingerprint errors") {
    TempDir dir;
    auto missing = certificateFingerprintSha256(dir.path / "nope.crt");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("nope.crt") != std::string::npos);

    CHECK_FALSE(fingerprintOfDer(""));
    CHECK_FALSE(fingerprintOfDer("garbage"));

    REQUIRE(ensureSelfSignedCertificate(dir.path / "c.crt", dir.path / "c.key", "c", {}));
    int status = -1;
    const std::string der =
        run("openssl x509 -in " + quoted(dir.path / "c.crt") + " -outform DER", status);
    REQUIRE(status == 0);
    REQUIRE(fingerprintOfDer(der));
    CHECK_FALSE(fingerprintOfDer(der + "x"));
    CHECK_FALSE(fingerprintOfDer(der.substr(0, der.size() - 1)));
}
