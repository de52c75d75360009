// room-viewer-bench: how fast the tablet's viewer shows a document. Builds a Vietnamese text PDF
// of N pages (default 100) and measures, through the viewer's MuPDF wrapper (ViewDocument):
//   - time to first page: open the bytes and render page 1 at the width of a 10-inch tablet;
//   - page turn: render each following page at that width (nothing cached);
//   - ms per page at 150 dpi;
// each beside `mutool draw` rendering the same pages at the same size in the same run (the
// baseline: MuPDF's own command line tool, output thrown away as PNM so neither side pays for PNG).
// Usage: room-viewer-bench [--pages N] [--repeats R] [--out DIR]   (writes DIR/viewer_results.json)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/pdf/pdf_compose.h"
#include "shared/pdf/pdf_inspect.h"
#include "shared/pdf/pdf_view.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kTabletWidthPx = 1600;

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

std::string makeDocument(int pages) {
    room::pdf::ComposeOptions options;
    options.title = "Báo cáo tình hình kinh tế - xã hội";
    options.resourceDir = "/usr/share/fonts/truetype/liberation2";
    options.css = "@font-face { font-family: Serif; src: url(LiberationSerif-Regular.ttf); } "
                  "body { font-family: Serif; text-align: justify; } p { margin: 0 0 5pt 0; text-indent: 1cm; }";
    const std::string paragraph =
        "<p>Ủy ban nhân dân tỉnh báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm "
        "quốc phòng, an ninh; tổng sản phẩm trên địa bàn ước tăng 7,8%, thu ngân sách nhà nước đạt 104% dự "
        "toán, giải ngân vốn đầu tư công đạt 92% kế hoạch; các chỉ tiêu về giáo dục, y tế, an sinh xã hội "
        "cơ bản hoàn thành.</p>";
    std::vector<room::pdf::Block> blocks;
    for (int i = 1; i <= pages; ++i) {
        if (i > 1) blocks.emplace_back(std::in_place_type<room::pdf::PageBreak>);
        std::string html = "<p><b>Phần " + std::to_string(i) + "</b></p>";
        for (int k = 0; k < 9; ++k) html += paragraph;
        blocks.emplace_back(std::in_place_type<room::pdf::Html>, html);
    }
    auto bytes = room::pdf::composePdf(blocks, options);
    if (!bytes) {
        std::fprintf(stderr, "cannot make the test PDF: %s\n", bytes.error().message.c_str());
        std::exit(1);
    }
    return *bytes;
}

/// A form: tables with ruled cells on every page (a ballot list, a budget annex).
std::string makeForm(int pages) {
    room::pdf::ComposeOptions options;
    options.resourceDir = "/usr/share/fonts/truetype/liberation2";
    options.css = "@font-face { font-family: Serif; src: url(LiberationSerif-Regular.ttf); } body { font-family: Serif; font-size: 11pt; }";
    std::vector<room::pdf::Block> blocks;
    for (int p = 0; p < pages; ++p) {
        if (p > 0) blocks.emplace_back(std::in_place_type<room::pdf::PageBreak>);
        room::pdf::Table t;
        t.caption = "<p><b>Phụ lục " + std::to_string(p + 1) + ": dự toán chi theo lĩnh vực (triệu đồng)</b></p>";
        t.columns = {1, 5, 2, 2, 2};
        t.headerRows = 1;
        t.rows.push_back({"TT", "Nội dung", "Dự toán 2026", "Ước thực hiện", "Dự toán 2027"});
        for (int r = 1; r <= 30; ++r)
            t.rows.push_back({std::to_string(r), "Chi sự nghiệp giáo dục, đào tạo và dạy nghề, khoản " + std::to_string(r),
                              std::to_string(12000 + r * 37), std::to_string(11800 + r * 41), std::to_string(12900 + r * 29)});
        blocks.emplace_back(std::in_place_type<room::pdf::Table>, t);
    }
    auto bytes = room::pdf::composePdf(blocks, options);
    if (!bytes) {
        std::fprintf(stderr, "cannot make the form PDF: %s\n", bytes.error().message.c_str());
        std::exit(1);
    }
    return *bytes;
}

/// Scans: every page one full-page raster image (a text page rendered at 200 dpi, as a scanner
/// delivers a paper document), so rendering is image decoding and scaling.
std::string makeScans(const std::string& textPdf, int pages, const std::filesystem::path& dir) {
    auto png = room::pdf::renderPagePng(textPdf, 0, 200);
    if (!png) {
        std::fprintf(stderr, "cannot render the scan image: %s\n", png.error().message.c_str());
        std::exit(1);
    }
    std::ofstream(dir / "scan.png", std::ios::binary) << *png;
    room::pdf::ComposeOptions options;
    options.resourceDir = dir.string();
    options.margins = {};
    options.pageNumbers = false;
    std::vector<room::pdf::Block> blocks;
    for (int p = 0; p < pages; ++p) {
        if (p > 0) blocks.emplace_back(std::in_place_type<room::pdf::PageBreak>);
        blocks.emplace_back(std::in_place_type<room::pdf::Html>,
                            "<img src='scan.png' style='width: 209mm; height: 296mm; display: block'/>");
    }
    auto bytes = room::pdf::composePdf(blocks, options);
    if (!bytes) {
        std::fprintf(stderr, "cannot make the scanned PDF: %s\n", bytes.error().message.c_str());
        std::exit(1);
    }
    return *bytes;
}

/// Wall time of one `mutool draw` run (ms), or a negative number when it fails.
double mutool(const std::string& args) {
    const auto t0 = Clock::now();
    const int rc = std::system(("mutool draw -q -F pnm -o /dev/null " + args + " >/dev/null 2>&1").c_str());
    return rc == 0 ? msSince(t0) : -1;
}

} // namespace

int main(int argc, char** argv) {
    int pages = 100, repeats = 5;
    std::filesystem::path out = ".";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--pages" && i + 1 < argc) pages = std::max(2, std::atoi(argv[++i]));
        else if (a == "--repeats" && i + 1 < argc) repeats = std::max(1, std::atoi(argv[++i]));
        else if (a == "--out" && i + 1 < argc) out = argv[++i];
        else {
            std::fprintf(stderr, "usage: room-viewer-bench [--pages N] [--repeats R] [--out DIR]\n");
            return 2;
        }
    }
    std::filesystem::create_directories(out);
    const std::string bytes = makeDocument(pages);
    const std::filesystem::path file = out / "viewer-bench.pdf";
    std::ofstream(file, std::ios::binary) << bytes;

    std::vector<double> firstPage, turns, allPages, dpi150;
    double scale = 1;
    for (int r = 0; r < repeats; ++r) {
        auto t0 = Clock::now();
        auto doc = room::pdf::ViewDocument::open(bytes);
        if (!doc) return std::fprintf(stderr, "%s\n", doc.error().message.c_str()), 1;
        scale = static_cast<float>(kTabletWidthPx) / (*doc)->pageSize(0).width;
        if (!(*doc)->render(0, static_cast<float>(scale))) return 1;
        firstPage.push_back(msSince(t0));
        for (int p = 1; p < pages; ++p) {
            const auto t = Clock::now();
            if (!(*doc)->render(p, static_cast<float>(scale))) return 1;
            turns.push_back(msSince(t));
        }
        allPages.push_back(msSince(t0));

        auto fresh = room::pdf::ViewDocument::open(bytes);
        const auto t150 = Clock::now();
        for (int p = 0; p < pages; ++p)
            if (!(*fresh)->render(p, 150.0f / 72.0f)) return 1;
        dpi150.push_back(msSince(t150) / pages);
    }

    // Rendering at 150 dpi by kind of document (issue: text, scans, forms), beside mutool.
    struct Set {
        const char* name;
        std::string bytes;
        double ours = 0, theirs = 0;
    };
    const int setPages = std::min(pages, 20);
    std::vector<Set> sets{{"text", makeDocument(setPages)}, {"form", makeForm(setPages)},
                          {"scan", makeScans(bytes, setPages, out)}};
    for (auto& set : sets) {
        const std::filesystem::path f = out / (std::string("viewer-bench-") + set.name + ".pdf");
        std::ofstream(f, std::ios::binary) << set.bytes;
        std::vector<double> ours, theirs;
        for (int r = 0; r < repeats; ++r) {
            auto doc = room::pdf::ViewDocument::open(set.bytes);
            if (!doc) return std::fprintf(stderr, "%s: %s\n", set.name, doc.error().message.c_str()), 1;
            const auto t0 = Clock::now();
            for (int p = 0; p < (*doc)->pageCount(); ++p)
                if (!(*doc)->render(p, 150.0f / 72.0f)) return 1;
            ours.push_back(msSince(t0) / (*doc)->pageCount());
            theirs.push_back(mutool("-r 150 " + f.string()) / (*doc)->pageCount());
        }
        set.ours = percentile(ours, 0.5);
        set.theirs = percentile(theirs, 0.5);
    }

    std::vector<double> mutoolFirst, mutoolAll, mutool150;
    const std::string pdf = file.string();
    for (int r = 0; r < repeats; ++r) {
        mutoolFirst.push_back(mutool("-w " + std::to_string(kTabletWidthPx) + " " + pdf + " 1"));
        mutoolAll.push_back(mutool("-w " + std::to_string(kTabletWidthPx) + " " + pdf + " 1-" + std::to_string(pages)));
        mutool150.push_back(mutool("-r 150 " + pdf + " 1-" + std::to_string(pages)) / pages);
    }
    const bool haveMutool = std::all_of(mutoolAll.begin(), mutoolAll.end(), [](double v) { return v > 0; });

    const double ours = percentile(allPages, 0.5) / pages, theirs = percentile(mutoolAll, 0.5) / pages;
    nlohmann::json j{
        {"pages", pages},
        {"repeats", repeats},
        {"width_px", kTabletWidthPx},
        {"bytes", bytes.size()},
        {"first_page_ms", {{"p50", percentile(firstPage, 0.5)}, {"max", percentile(firstPage, 1.0)}}},
        {"page_turn_ms", {{"p50", percentile(turns, 0.5)}, {"p99", percentile(turns, 0.99)}, {"max", percentile(turns, 1.0)}}},
        {"ms_per_page_all", ours},
        {"ms_per_page_150dpi", percentile(dpi150, 0.5)},
        {"mutool", haveMutool ? nlohmann::json{{"first_page_ms", percentile(mutoolFirst, 0.5)},
                                               {"ms_per_page_all", theirs},
                                               {"ms_per_page_150dpi", percentile(mutool150, 0.5)}}
                              : nlohmann::json(nullptr)},
    };
    for (const auto& set : sets)
        j["render_150dpi"][set.name] = {{"pages", setPages}, {"ms_per_page", set.ours},
                                        {"mutool_ms_per_page", haveMutool ? set.theirs : -1.0},
                                        {"ratio", haveMutool ? set.ours / set.theirs : -1.0}};
    if (haveMutool) {
        j["ratio_all_pages"] = ours / theirs;
        j["ratio_150dpi"] = percentile(dpi150, 0.5) / percentile(mutool150, 0.5);
        j["ratio_first_page"] = percentile(firstPage, 0.5) / percentile(mutoolFirst, 0.5);
    }
    std::ofstream(out / "viewer_results.json") << j.dump(2) << "\n";

    std::printf("| viewer, %d-page text PDF (%zu KB), %d px wide | ours | mutool draw | ratio |\n", pages,
                bytes.size() / 1024, kTabletWidthPx);
    std::printf("|---|---|---|---|\n");
    auto row = [&](const char* what, double a, double b) {
        if (haveMutool) std::printf("| %s | %.1f ms | %.1f ms | %.2f |\n", what, a, b, a / b);
        else std::printf("| %s | %.1f ms | – | – |\n", what, a);
    };
    row("time to first page (open + render)", percentile(firstPage, 0.5), percentile(mutoolFirst, 0.5));
    std::printf("| page turn p50 / p99 / max | %.1f / %.1f / %.1f ms | | |\n", percentile(turns, 0.5),
                percentile(turns, 0.99), percentile(turns, 1.0));
    row("all pages, per page", ours, theirs);
    row("150 dpi, per page", percentile(dpi150, 0.5), percentile(mutool150, 0.5));
    for (const auto& set : sets) {
        const std::string what = std::string("150 dpi, ") + set.name + " pages (" + std::to_string(setPages) + "), per page";
        row(what.c_str(), set.ours, set.theirs);
    }
    std::printf("(mutool's times include starting the process; ours run in one process)\n");
    return 0;
}
