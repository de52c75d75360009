#include <doctest/doctest.h>

#include "shared/crypto/aead.h"

using namespace room;
using namespace room::crypto;

TEST_CASE("sealed data opens with the same key and context, and only then") {
    const std::string key = newAeadKey();
    REQUIRE(key.size() == kAeadKeyBytes);
    const std::string pdf = "%PDF-1.7\nTờ trình dự toán ngân sách\n%%EOF\n";
    auto sealed = seal(key, pdf, "doc-1");
    REQUIRE(sealed);
    CHECK(sealed->size() == pdf.size() + kAeadNonceBytes + kAeadTagBytes);
    CHECK(sealed->find("ngân sách") == std::string::npos); // the plaintext is not in the file

    auto opened = open(key, *sealed, "doc-1");
    REQUIRE(opened);
    CHECK(*opened == pdf);

    // Two seals of the same data differ (fresh nonce), so equal files do not show as equal.
    CHECK(*seal(key, pdf, "doc-1") != *sealed);

    SUBCASE("another key") {
        auto wrong = open(newAeadKey(), *sealed, "doc-1");
        REQUIRE_FALSE(wrong);
        CHECK(wrong.error().code == ErrorCode::BadDocument);
    }
    SUBCASE("another context") { CHECK_FALSE(open(key, *sealed, "doc-2")); }
    SUBCASE("one bit changed anywhere") {
        for (std::size_t at : {std::size_t{0}, kAeadNonceBytes + 3, sealed->size() - 1}) {
            std::string changed = *sealed;
            changed[at] = static_cast<char>(changed[at] ^ 0x01);
            CHECK_FALSE(open(key, changed, "doc-1"));
        }
    }
    SUBCASE("truncated") {
        CHECK_FALSE(open(key, sealed->substr(0, sealed->size() - 1), "doc-1"));
        CHECK_FALSE(open(key, sealed->substr(0, 10), "doc-1"));
    }
}

TEST_CASE("keys of the wrong size are refused") {
    CHECK(seal("short", "x").error().code == ErrorCode::InvalidArgument);
    CHECK(open(std::string(31, 'k'), std::string(40, 'x')).error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("empty plaintext round-trips") {
    const std::string key = newAeadKey();
    auto sealed = seal(key, "");
    REQUIRE(sealed);
    auto opened = open(key, *sealed);
    REQUIRE(opened);
    CHECK(opened->empty());
}
