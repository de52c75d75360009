#include "shared/pdf/pdf_compose.h"
#include "shared/pdf/pdf_inspect.h"
#include "tests/unit/pdf/pdf_fixtures.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace room;
using namespace room::pdf;
using namespace room::pdf::test;

namespace {

int pagesOf(const Result<std::string>& pdf) {
    REQUIRE_MESSAGE(pdf.ok(), (pdf.ok() ? "" : pdf.error().message));
    auto info = inspectPdf(*pdf);
    REQUIRE(info.ok());
    return info->pages;
}

std::string paragraphs(int n) {
    std::string html;
    for (int i = 0; i < n; ++i)
        html += "<p>Paragraph " + std::to_string(i) +
                ": the council reviewed the report on the implementation of the budget and "
                "asked the committee to complete the draft resolution before the session.</p>";
    return html;
}

Table numberTable(int rows, int headerRows = 1) {
    Table t;
    t.columns = {1, 4, 2};
    t.headerRows = headerRows;
    t.rows.push_back({"<b>No.</b>", "<b>Item</b>", "<b>Amount</b>"});
    for (int i = 1; i < rows; ++i)
        t.rows.push_back({std::to_string(i), "Budget line " + std::to_string(i),
                          std::to_string(i * 1000)});
    return t;
}

ErrorCode errorOf(const Result<std::string>& r) {
    REQUIRE_FALSE(r.ok());
    return r.error().code;
}

} // namespace

TEST_CASE("blocks flow one below the other; page breaks start new pages") {
    CHECK(pagesOf(composePdf({Html{"<p>one</p>"}, Html{"<p>two</p>"}}, {})) == 1);
    CHECK(pagesOf(composePdf({Html{"<p>one</p>"}, PageBreak{}, Html{"<p>two</p>"}, PageBreak{},
                              Html{"<p>three</p>"}},
                             {})) == 3);
    // Breaks on an empty page, repeated breaks and a trailing break add no blank pages.
    CHECK(pagesOf(composePdf({PageBreak{}, Html{"<p>a</p>"}, PageBreak{}, PageBreak{},
                              Html{"<p>b</p>"}, PageBreak{}},
                             {})) == 2);
    // Nothing visible still gives a valid one-page document.
    CHECK(pagesOf(composePdf({PageBreak{}}, {})) == 1);
}

TEST_CASE("long content flows onto further pages") {
    const int one = pagesOf(composePdf({Html{paragraphs(40)}}, {}));
    const int two = pagesOf(composePdf({Html{paragraphs(80)}}, {}));
    CHECK(one >= 2);
    CHECK(two > one);
    ComposeOptions large;
    large.fontSize = 20;
    CHECK(pagesOf(composePdf({Html{paragraphs(40)}}, large)) > one);
}

TEST_CASE("tables continue on further pages row by row") {
    CHECK(pagesOf(composePdf({numberTable(10)}, {})) == 1);
    const int many = pagesOf(composePdf({numberTable(120)}, {}));
    CHECK(many >= 3);
    // Text before the table pushes it down, never up.
    CHECK(pagesOf(composePdf({Html{paragraphs(30)}, numberTable(120)}, {})) > many);
    // Repeating the header on every page costs space.
    CHECK(pagesOf(composePdf({numberTable(400, 1)}, {})) >=
          pagesOf(composePdf({numberTable(400, 0)}, {})));
}

TEST_CASE("the page size follows the options") {
    ComposeOptions options;
    options.pageWidth = 300;
    options.pageHeight = 200;
    options.margins = {10, 10, 10, 10};
    auto pdf = composePdf({Html{"<p>small page</p>"}}, options);
    REQUIRE(pdf.ok());
    auto png = renderPagePng(*pdf, 0, 72);
    REQUIRE(png.ok());
    CHECK(pngSize(*png).first == 300);
    CHECK(pngSize(*png).second == 200);
}

TEST_CASE("a font from the resource directory is embedded") {
    const std::string dir = "/usr/share/fonts/truetype/dejavu";
    if (!std::filesystem::exists(dir + "/DejaVuSans.ttf")) {
        MESSAGE("fonts-dejavu-core is not installed; skipped");
        return;
    }
    ComposeOptions options;
    options.resourceDir = dir;
    options.css = "@font-face { font-family: Body; src: url(DejaVuSans.ttf); } "
                  "body { font-family: Body; }";
    auto pdf = composePdf({Html{"<p>Nghị quyết kỳ họp thứ mười</p>"}}, options);
    REQUIRE_MESSAGE(pdf.ok(), (pdf.ok() ? "" : pdf.error().message));
    CHECK(pdf->find("DejaVuSans") != std::string::npos);
    CHECK(inspectPdf(*pdf).ok());
}

TEST_CASE("invalid input is refused") {
    CHECK(errorOf(composePdf({}, {})) == ErrorCode::InvalidArgument);

    ComposeOptions margins;
    margins.margins.left = margins.pageWidth;
    CHECK(errorOf(composePdf({Html{"<p>x</p>"}}, margins)) == ErrorCode::InvalidArgument);

    ComposeOptions dir;
    dir.resourceDir = "/nonexistent/fonts";
    CHECK(errorOf(composePdf({Html{"<p>x</p>"}}, dir)) == ErrorCode::InvalidArgument);

    ComposeOptions password;
    password.userPassword = std::string(200, 'p');
    CHECK(errorOf(composePdf({Html{"<p>x</p>"}}, password)) == ErrorCode::InvalidArgument);

    Table ragged = numberTable(3);
    ragged.rows[1].pop_back();
    CHECK(errorOf(composePdf({ragged}, {})) == ErrorCode::InvalidArgument);
    Table noColumns;
    CHECK(errorOf(composePdf({noColumns}, {})) == ErrorCode::InvalidArgument);
}

TEST_CASE("content taller than a page is refused instead of looping") {
    std::string tall;
    for (int i = 0; i < 200; ++i) tall += "line " + std::to_string(i) + "<br/>";
    Table t;
    t.columns = {1};
    t.rows = {{tall}};
    CHECK(errorOf(composePdf({t}, {})) == ErrorCode::InvalidArgument);
}
