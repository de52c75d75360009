// Unit tests for the SHA-256, hex and random helpers.
#include "shared/crypto/hash.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace room::crypto;

TEST_CASE("sha256 known-answer vectors") {
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256 of two parts equals sha256 of their concatenation") {
    CHECK(sha256("ab", "c") == sha256("abc"));
    CHECK(sha256("", "abc") == sha256("abc"));
    CHECK(sha256("a", "bc") != sha256("ab", "cd"));
}

TEST_CASE("toHex") {
    CHECK(toHex(std::string_view{}) == "");
    CHECK(toHex(std::string("\x00\x01\x7f\x80\xff", 5)) == "00017f80ff");
    CHECK(toHex(sha256("abc")) == sha256Hex("abc"));
}

TEST_CASE("fromHex") {
    auto ok = fromHex("00017f80ffAB");
    REQUIRE(ok);
    CHECK(*ok == std::string("\x00\x01\x7f\x80\xff\xab", 6));
    CHECK(fromHex("")->empty());
    CHECK_FALSE(fromHex("abc"));
    CHECK_FALSE(fromHex("zz"));
    CHECK_FALSE(fromHex("0g"));
    CHECK(fromHex("0g").error().code == room::ErrorCode::InvalidArgument);
    const std::string bytes = randomBytes(32);
    CHECK(*fromHex(toHex(bytes)) == bytes);
}

TEST_CASE("isSha256Hex edge cases") {
    const std::string good = sha256Hex("abc");
    CHECK(isSha256Hex(good));
    CHECK(isSha256Hex(std::string(64, '0')));
    CHECK(isSha256Hex(std::string(64, 'f')));
    CHECK_FALSE(isSha256Hex(""));
    CHECK_FALSE(isSha256Hex(good.substr(0, 63)));
    CHECK_FALSE(isSha256Hex(good + "0"));
    CHECK_FALSE(isSha256Hex(std::string(64, 'A')));  // uppercase
    CHECK_FALSE(isSha256Hex(std::string(64, 'g')));
    CHECK_FALSE(isSha256Hex(good.substr(0, 63) + " "));
    CHECK_FALSE(isSha256Hex(std::string(63, 'a') + '\0'));
}

TEST_CASE("randomHex length and uniqueness") {
    CHECK(randomHex(0).empty());
    CHECK(randomHex(1).size() == 2);
    const std::string h = randomHex(16);
    CHECK(h.size() == 32);
    CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) seen.insert(randomHex(16));
    CHECK(seen.size() == 200);
    CHECK(randomBytes(24).size() == 24);
}

TEST_CASE("constantTimeEqual") {
    CHECK(constantTimeEqual("", ""));
    CHECK(constantTimeEqual("abc", "abc"));
    CHECK_FALSE(constantTimeEqual("abc", "abd"));
    CHECK_FALSE(constantTimeEqual("abc", "ab"));
    CHECK_FALSE(constantTimeEqual("", "a"));
    CHECK(constantTimeEqual(std::string("a\0b", 3), std::string("a\0b", 3)));
    CHECK_FALSE(constantTimeEqual(std::string("a\0b", 3), std::string("a\0c", 3)));
}
