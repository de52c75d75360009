// Unit tests for PIN hashing, verification, format check and generation.
#include "shared/crypto/pin_hash.h"

#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>

using namespace room::crypto;

namespace {
// Splits "scrypt$params$salt$hash" so tests can tamper with one part at a time.
std::array<std::string, 4> parts(const std::string& s) {
    std::array<std::string, 4> out;
    std::size_t start = 0;
    for (int i = 0; i < 3; ++i) {
        const std::size_t pos = s.find('$', start);
        REQUIRE(pos != std::string::npos);
        out[static_cast<std::size_t>(i)] = s.substr(start, pos - start);
        start = pos + 1;
    }
    out[3] = s.substr(start);
    return out;
}

std::string join(const std::array<std::string, 4>& p) {
    return p[0] + "$" + p[1] + "$" + p[2] + "$" + p[3];
}
} // namespace

TEST_CASE("hashPin produces the self-describing format") {
    const std::string h = hashPin("123456");
    const auto p = parts(h);
    CHECK(p[0] == "scrypt");
    CHECK(p[1] == "N=16384,r=8,p=1");
    CHECK(p[2].size() == 32);
    CHECK(p[3].size() == 64);
    CHECK(p[2].find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(p[3].find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("hashPin / verifyPin round trip and wrong PIN") {
    const std::string h = hashPin("482913");
    CHECK(verifyPin("482913", h));
    CHECK_FALSE(verifyPin("482914", h));
    CHECK_FALSE(verifyPin("48291", h));
    CHECK_FALSE(verifyPin("4829130", h));
    CHECK_FALSE(verifyPin("", h));
}

TEST_CASE("two hashes of the same PIN differ but both verify") {
    const std::string a = hashPin("0000");
    const std::string b = hashPin("0000");
    CHECK(a != b);
    CHECK(parts(a)[2] != parts(b)[2]);
    CHECK(verifyPin("0000", a));
    CHECK(verifyPin("0000", b));
}

TEST_CASE("verifyPin honours parameters stored in the string") {
    // Known answer from `openssl kdf -keylen 32 -kdfopt pass:1234 -kdfopt hexsalt:...
    // -kdfopt n:1024 -kdfopt r:8 -kdfopt p:1 SCRYPT`, i.e. not made by hashPin.
    const std::string stored =
        "scrypt$N=1024,r=8,p=1$000102030405060708090a0b0c0d0e0f$"
        "11fb48b815df907de8d7662a055dec5ede83867a221fa66acfeb6736cd1d5a6f";
    CHECK(verifyPin("1234", stored));
    CHECK_FALSE(verifyPin("1235", stored));
}

TEST_CASE("verifyPin rejects malformed stored strings") {
    const std::string h = hashPin("1234");
    REQUIRE(verifyPin("1234", h));
    auto p = parts(h);

    CHECK_FALSE(verifyPin("1234", ""));
    CHECK_FALSE(verifyPin("1234", "scrypt"));
    CHECK_FALSE(verifyPin("1234", "$$$"));
    CHECK_FALSE(verifyPin("1234", h + "$"));
    CHECK_FALSE(verifyPin("1234", "x" + h));
    CHECK_FALSE(verifyPin("1234", "bcrypt" + h.substr(6)));
    CHECK_FALSE(verifyPin("1234", "SCRYPT" + h.substr(6)));

    auto with = [&](std::size_t i, std::string v) {
        auto q = p;
        q[i] = std::move(v);
        return join(q);
    };
    // Hex: bad digits, uppercase, odd length, truncated, too short.
    CHECK_FALSE(verifyPin("1234", with(2, "zz" + p[2].substr(2))));
    CHECK_FALSE(verifyPin("1234", with(3, "g" + p[3].substr(1))));
    CHECK_FALSE(verifyPin("1234", with(3, p[3].substr(0, 63))));
    CHECK_FALSE(verifyPin("1234", with(3, p[3].substr(0, 62))));
    CHECK_FALSE(verifyPin("1234", with(2, "")));
    CHECK_FALSE(verifyPin("1234", with(3, "")));
    CHECK_FALSE(verifyPin("1234", with(2, "0011")));
    CHECK_FALSE(verifyPin("1234", with(2, p[2].substr(0, 30))));
    CHECK_FALSE(verifyPin("1234", with(3, p[3] + "00")));
    std::string upper = p[3];
    for (char& c : upper)
        if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    if (upper != p[3]) CHECK_FALSE(verifyPin("1234", with(3, upper)));

    // Absurd parameters are refused before any work: computing them would take seconds
    // and gigabytes, so the time bound fails if the ceiling is missing.
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(verifyPin("1234", with(1, "N=1048576,r=8,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=1099511627776,r=8,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=99999999999999999999999,r=8,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=16384,r=8,p=1000")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=16384,r=100000,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=524288,r=1,p=16")));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));

    // Parameters: not a power of two, zero, wrong order, junk.
    CHECK_FALSE(verifyPin("1234", with(1, "N=16000,r=8,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=0,r=8,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=16384,r=0,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=16384,r=8,p=0")));
    CHECK_FALSE(verifyPin("1234", with(1, "r=8,N=16384,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=16384,r=8")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=16384,r=8,p=1,x=2")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=016384,r=8,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=+16384,r=8,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=-16384,r=8,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N= 16384,r=8,p=1")));
    CHECK_FALSE(verifyPin("1234", with(1, "N=16384,r=8,p=1 ")));
    CHECK_FALSE(verifyPin("1234", with(1, "")));
    // A smaller but valid N gives a different hash, so the stored one no longer matches.
    CHECK_FALSE(verifyPin("1234", with(1, "N=8192,r=8,p=1")));
}

TEST_CASE("isValidPinFormat") {
    CHECK(isValidPinFormat("0000"));
    CHECK(isValidPinFormat("123456"));
    CHECK(isValidPinFormat("123456789012"));
    CHECK_FALSE(isValidPinFormat(""));
    CHECK_FALSE(isValidPinFormat("123"));
    CHECK_FALSE(isValidPinFormat("1234567890123"));
    CHECK_FALSE(isValidPinFormat("12a4"));
    CHECK_FALSE(isValidPinFormat("12 34"));
    CHECK_FALSE(isValidPinFormat("-1234"));
    CHECK_FALSE(isValidPinFormat("١٢٣٤"));  // Arabic-Indic digits are not ASCII
    CHECK_FALSE(isValidPinFormat(std::string("12\0" "4", 4)));
}

TEST_CASE("generatePin format and spread") {
    CHECK(generatePin().size() == 6);
    for (int n : {4, 6, 8, 12}) {
        const std::string pin = generatePin(n);
        CHECK(pin.size() == static_cast<std::size_t>(n));
        CHECK(isValidPinFormat(pin));
    }
    CHECK_THROWS_AS(generatePin(3), std::invalid_argument);
    CHECK_THROWS_AS(generatePin(13), std::invalid_argument);

    // 2000 digits: every digit should appear, and none wildly more often than others
    // (expected 200 each; the bounds are > 6 standard deviations out).
    std::array<int, 10> counts{};
    std::set<std::string> distinct;
    for (int i = 0; i < 250; ++i) {
        const std::string pin = generatePin(8);
        distinct.insert(pin);
        for (char c : pin) ++counts[static_cast<std::size_t>(c - '0')];
    }
    CHECK(distinct.size() >= 249);
    for (int c : counts) {
        CHECK(c > 110);
        CHECK(c < 290);
    }
}
