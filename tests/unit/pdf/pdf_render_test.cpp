#include "shared/pdf/pdf_inspect.h"
#include "tests/unit/pdf/pdf_fixtures.h"

#include <doctest/doctest.h>

using namespace room;
using namespace room::pdf;
using namespace room::pdf::test;

TEST_CASE("a page renders to a PNG of the size the resolution implies") {
    const std::string pdf = miniPdf(2, "Small", 200, 100);
    auto at144 = renderPagePng(pdf, 0, 144);
    REQUIRE_MESSAGE(at144.ok(), (at144.ok() ? "" : at144.error().message));
    CHECK(pngSize(*at144).first == 400);
    CHECK(pngSize(*at144).second == 200);

    auto at72 = renderPagePng(pdf, 1, 72);
    REQUIRE(at72.ok());
    CHECK(pngSize(*at72).first == 200);
    CHECK(pngSize(*at72).second == 100);
}

TEST_CASE("an A4 page at 150 dpi covers every partial pixel: 1241 x 1754") {
    // 595.28 x 841.89 pt * 150/72 = 1240.2 x 1753.9 px, rounded outwards.
    auto png = renderPagePng(composedPdf(1), 0, 150);
    REQUIRE(png.ok());
    CHECK(pngSize(*png).first == 1241);
    CHECK(pngSize(*png).second == 1754);
}

TEST_CASE("the page content is drawn") {
    // The two pages differ only in their text ("Page 1", "Page 2").
    const std::string pdf = miniPdf(2, "", 200, 100);
    auto first = renderPagePng(pdf, 0, 72);
    auto second = renderPagePng(pdf, 1, 72);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(*first != *second);
}

TEST_CASE("page index and resolution are checked") {
    const std::string pdf = miniPdf(2);
    for (int page : {-1, 2, 1000}) {
        auto r = renderPagePng(pdf, page, 72);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InvalidArgument);
    }
    for (int dpi : {0, kMinRenderDpi - 1, kMaxRenderDpi + 1}) {
        auto r = renderPagePng(pdf, 0, dpi);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InvalidArgument);
    }
    CHECK(renderPagePng(pdf, 1, kMinRenderDpi).ok());
}

TEST_CASE("a render that would be enormous is refused") {
    auto r = renderPagePng(miniPdf(1, "", 14400, 14400), 0, kMaxRenderDpi);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::TooLarge);
}

TEST_CASE("unreadable input does not render") {
    auto notPdf = renderPagePng(randomBytes(1000, 3), 0, 72);
    REQUIRE_FALSE(notPdf.ok());
    CHECK(notPdf.error().code == ErrorCode::BadDocument);

    ComposeOptions locked;
    locked.userPassword = "secret";
    auto encrypted = renderPagePng(composedPdf(1, locked), 0, 72);
    REQUIRE_FALSE(encrypted.ok());
    CHECK(encrypted.error().code == ErrorCode::BadDocument);
}
