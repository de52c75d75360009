#include <doctest/doctest.h>

#include <algorithm>

#include "shared/pdf/pdf_view.h"
#include "tests/unit/pdf/pdf_fixtures.h"

using namespace room;
using namespace room::pdf;

namespace {

std::unique_ptr<ViewDocument> openOk(std::string bytes) {
    auto doc = ViewDocument::open(std::move(bytes));
    REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().message));
    return std::move(*doc);
}

bool allWhite(const Bitmap& b, int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            for (int k = 0; k < 3; ++k)
                if (b.pixels[static_cast<std::size_t>(y * b.stride + x * 3 + k)] != 0xff) return false;
    return true;
}

std::string vietnamesePdf() {
    ComposeOptions options;
    options.resourceDir = "/usr/share/fonts/truetype/dejavu";
    options.css = "@font-face { font-family: Body; src: url(DejaVuSans.ttf); } body { font-family: Body; }";
    std::vector<Block> blocks{Html{"<p>Trang một: chương trình phiên họp.</p>"}, PageBreak{},
                              Html{"<p>Trang hai: dự toán ngân sách nhà nước năm 2027.</p>"}, PageBreak{},
                              Html{"<p>Trang ba: ngân sách địa phương.</p>"}};
    auto pdf = composePdf(blocks, options);
    REQUIRE(pdf.ok());
    return *pdf;
}

} // namespace

TEST_CASE("a viewer document knows its pages and renders them at any scale") {
    auto doc = openOk(test::miniPdf(3, {}, 612, 792));
    CHECK(doc->pageCount() == 3);
    CHECK(doc->pageSize(1).width == doctest::Approx(612));
    CHECK(doc->pageSize(1).height == doctest::Approx(792));
    CHECK(doc->pageSize(3).width == 0); // out of range

    auto small = doc->render(0, 0.5f);
    REQUIRE(small.ok());
    CHECK(small->width == 306);
    CHECK(small->height == 396);
    CHECK(small->stride == 306 * 3);
    CHECK(small->pixels.size() == static_cast<std::size_t>(306 * 3 * 396));
    // "Page 1" is drawn near the bottom-left corner (PDF y grows upwards); the top is blank paper.
    CHECK(allWhite(*small, 0, 0, small->width, small->height / 2));
    CHECK_FALSE(allWhite(*small, 0, small->height - 30, 80, small->height));

    // The same page again at twice the size (from the cached display list).
    auto large = doc->render(0, 2.0f);
    REQUIRE(large.ok());
    CHECK(large->width == 1224);
    CHECK(large->height == 1584);
}

TEST_CASE("bad requests are refused and change nothing") {
    auto doc = openOk(test::miniPdf(2));
    CHECK(doc->render(2, 1.0f).error().code == ErrorCode::InvalidArgument);
    CHECK(doc->render(-1, 1.0f).error().code == ErrorCode::InvalidArgument);
    CHECK(doc->render(0, 0.0f).error().code == ErrorCode::InvalidArgument);
    CHECK(doc->render(0, -2.0f).error().code == ErrorCode::InvalidArgument);
    CHECK(doc->render(0, 200.0f).error().code == ErrorCode::TooLarge);
    std::atomic<bool> cancelled{true};
    CHECK(doc->render(0, 1.0f, &cancelled).error().code == ErrorCode::Unavailable);
    CHECK(doc->search("").error().code == ErrorCode::InvalidArgument);
    CHECK(doc->render(1, 1.0f).ok()); // still usable
}

TEST_CASE("files a viewer cannot show are refused with inspectPdf's errors") {
    CHECK(ViewDocument::open("").error().code == ErrorCode::BadDocument);
    CHECK(ViewDocument::open("not a pdf at all").error().code == ErrorCode::BadDocument);
    const std::string pdf = test::miniPdf(2);
    CHECK(ViewDocument::open(pdf.substr(0, pdf.size() / 2)).error().code == ErrorCode::BadDocument);
    ComposeOptions locked;
    locked.userPassword = "mat-khau";
    CHECK(ViewDocument::open(test::composedPdf(1, locked)).error().code == ErrorCode::BadDocument);
}

TEST_CASE("search finds Vietnamese words with their diacritics on the right pages") {
    auto doc = openOk(vietnamesePdf());
    REQUIRE(doc->pageCount() == 3);
    auto hits = doc->search("ngân sách");
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 2);
    CHECK((*hits)[0].page == 1);
    CHECK((*hits)[1].page == 2);
    for (const auto& hit : *hits) {
        REQUIRE_FALSE(hit.rects.empty());
        const auto& r = hit.rects.front();
        const PageSize size = doc->pageSize(hit.page);
        CHECK(r[0] >= 0);
        CHECK(r[2] > r[0]);
        CHECK(r[3] > r[1]);
        CHECK(r[2] <= size.width);
        CHECK(r[3] <= size.height);
    }
    CHECK(doc->search("Ngân Sách")->size() == 2); // case does not matter
    CHECK(doc->search("ngan sach")->empty());     // diacritics do
    CHECK(doc->search("ngân sách", 1)->size() == 1);
}
