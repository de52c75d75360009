#include "shared/pdf/pdf_inspect.h"
#include "tests/unit/pdf/pdf_fixtures.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

using namespace room;
using namespace room::pdf;
using namespace room::pdf::test;

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

/// Asserts a BadDocument error whose English message contains `phrase` and that has a
/// separate Vietnamese message.
void checkBad(const Result<PdfInfo>& r, std::string_view phrase) {
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::BadDocument);
    CHECK_MESSAGE(contains(r.error().message, phrase), r.error().message);
    CHECK_FALSE(r.error().messageVi.empty());
    CHECK(r.error().messageVi != r.error().message);
}

// Overwrites every digit of the cross-reference entries, leaving the rest of the file intact.
std::string scrambleXref(std::string pdf) {
    const std::size_t begin = pdf.rfind("\nxref\n");
    const std::size_t end = pdf.rfind("\ntrailer");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end > begin);
    // Skip "xref", the subsection header and the free entry for object 0.
    for (std::size_t i = pdf.find(" 65535 f", begin) + 8; i < end; ++i)
        if (pdf[i] >= '0' && pdf[i] <= '9') pdf[i] = '7';
    return pdf;
}

} // namespace

TEST_CASE("a valid three-page PDF reports its pages, title and producer") {
    auto r = inspectPdf(miniPdf(3, "Council agenda"));
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    CHECK(r->pages == 3);
    CHECK(r->title == "Council agenda");
    CHECK(r->producer == "miniPdf");
    CHECK_FALSE(r->repaired);
}

TEST_CASE("a Vietnamese title written by MuPDF comes back as UTF-8") {
    ComposeOptions options;
    options.title = "Tờ trình về kế hoạch phát triển kinh tế - xã hội năm 2027";
    auto r = inspectPdf(composedPdf(3, options));
    REQUIRE(r.ok());
    CHECK(r->pages == 3);
    CHECK(r->title == options.title);
    CHECK(r->producer == "phonghop");
}

TEST_CASE("a PDF without an Info dictionary has an empty title") {
    auto r = inspectPdf(miniPdf(1));
    REQUIRE(r.ok());
    CHECK(r->pages == 1);
    CHECK(r->title.empty());
    CHECK(r->producer.empty());
}

TEST_CASE("empty input is refused") {
    checkBad(inspectPdf(""), "empty");
}

TEST_CASE("bytes that are not a PDF are refused before MuPDF sees them") {
    checkBad(inspectPdf(randomBytes(4096, 7)), "not a PDF");
    checkBad(inspectPdf("<html><body>Tờ trình</body></html>"), "not a PDF");
    checkBad(inspectPdf(std::string("\x89PNG\r\n\x1a\n", 8) + randomBytes(100, 8)), "not a PDF");
    checkBad(inspectPdf("%PDX-1.4\n%%EOF\n"), "not a PDF");
    // The header must be the very first bytes, even though some readers skip leading junk.
    checkBad(inspectPdf("junk\n" + miniPdf(1)), "not a PDF");
}

TEST_CASE("a PDF cut off in the middle is refused as incomplete") {
    const std::string mini = miniPdf(3, "Agenda");
    checkBad(inspectPdf(mini.substr(0, mini.size() / 2)), "incomplete");
    const std::string composed = composedPdf(3);
    checkBad(inspectPdf(composed.substr(0, composed.size() * 2 / 3)), "incomplete");
}

TEST_CASE("a repaired file is accepted when only the cross-reference offsets were wrong") {
    const std::string original = miniPdf(3, "Agenda");
    const std::string damaged = scrambleXref(original);
    REQUIRE(damaged != original);
    auto r = inspectPdf(damaged);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    CHECK(r->repaired);
    CHECK(r->pages == 3);
    CHECK(r->title == "Agenda");

    const std::string composed = composedPdf(3);
    auto wrongStart = inspectPdf(replaceAll(composed, "startxref\n", "startxref\n9"));
    REQUIRE(wrongStart.ok());
    CHECK(wrongStart->repaired);
    CHECK(wrongStart->pages == 3);
}

TEST_CASE("a repaired file that lost objects is refused as corrupt") {
    const std::string mini = miniPdf(3, "Agenda");
    const std::string composed = composedPdf(3);
    SUBCASE("truncated, then given a new end marker") {
        checkBad(inspectPdf(mini.substr(0, mini.size() / 2) + "\n%%EOF\n"), "corrupt");
        checkBad(inspectPdf(composed.substr(0, composed.size() / 2) + "\n%%EOF\n"), "corrupt");
    }
    SUBCASE("the middle overwritten with garbage") {
        checkBad(inspectPdf(mini.substr(0, 200) + randomBytes(mini.size() - 400, 1) +
                            mini.substr(mini.size() - 200)),
                 "corrupt");
        checkBad(inspectPdf(composed.substr(0, 2000) + randomBytes(composed.size() - 4000, 1) +
                            composed.substr(composed.size() - 2000)),
                 "corrupt");
    }
    SUBCASE("a header and end marker with nothing in between") {
        checkBad(inspectPdf("%PDF-1.7\n" + randomBytes(5000, 2) + "\n%%EOF\n"), "corrupt");
        checkBad(inspectPdf("%PDF-1.4\n%%EOF\n"), "corrupt");
    }
}

TEST_CASE("a page tree entry pointing at a missing object is refused, naming the page") {
    auto r = inspectPdf(miniPdf(3, "Agenda", 612, 792, 2));
    checkBad(r, "page 2");
    CHECK(contains(r.error().messageVi, "trang 2"));
}

TEST_CASE("a PDF without pages is refused") {
    checkBad(inspectPdf(miniPdf(0, "Empty")), "no pages");
    // Every object gone: nothing for the repair to find a page in.
    checkBad(inspectPdf(replaceAll(miniPdf(2), " obj", " xxx")), "no pages");
}

TEST_CASE("encrypted PDFs are refused") {
    SUBCASE("with a user password") {
        ComposeOptions options;
        options.userPassword = "user";
        options.ownerPassword = "owner";
        checkBad(inspectPdf(composedPdf(2, options)), "password");
    }
    SUBCASE("with only an owner password (opens without one, still encrypted)") {
        ComposeOptions options;
        options.ownerPassword = "owner";
        const std::string pdf = composedPdf(2, options);
        CHECK(contains(pdf, "/Encrypt"));
        checkBad(inspectPdf(pdf), "encrypted");
    }
}

TEST_CASE("inspection runs concurrently on several threads") {
    const std::string a = composedPdf(3);
    const std::string b = miniPdf(5, "Five");
    std::atomic<int> good{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 20; ++i) {
                auto ra = inspectPdf(a);
                auto rb = inspectPdf(b);
                auto bad = inspectPdf(b.substr(0, b.size() / 2) + "\n%%EOF\n");
                if (ra.ok() && ra->pages == 3 && rb.ok() && rb->pages == 5 && !bad.ok()) ++good;
            }
        });
    for (auto& t : threads) t.join();
    CHECK(good == 80);
}
