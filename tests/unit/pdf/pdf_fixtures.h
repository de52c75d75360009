// Test PDFs built in memory: a hand-written minimal PDF (exact control over every byte) and
// composePdf output (MuPDF's writer), plus byte-level damage helpers.
#pragma once

#include "shared/pdf/pdf_compose.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace room::pdf::test {

/// A classic PDF 1.4 with `pages` pages of `width` x `height` points, each showing its number,
/// an optional Info /Title (PDFDocEncoding literal) and a correct cross-reference table.
/// `missingKid` (1-based) makes that page's entry in /Kids point to an object that does not exist.
inline std::string miniPdf(int pages, const std::string& title = {}, int width = 612,
                           int height = 792, int missingKid = 0) {
    std::vector<std::string> objects; // objects[i] is object i+1
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (int i = 0; i < pages; ++i) {
        const int pageObj = 4 + 2 * i;
        kids += std::to_string(i + 1 == missingKid ? 999 : pageObj) + " 0 R ";
    }
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (int i = 0; i < pages; ++i) {
        const int contentObj = 5 + 2 * i;
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(width) +
                          " " + std::to_string(height) + "] /Resources << /Font << /F1 3 0 R >> >> " +
                          "/Contents " + std::to_string(contentObj) + " 0 R >>");
        const std::string stream = "BT /F1 24 Tf 20 20 Td (Page " + std::to_string(i + 1) + ") Tj ET";
        objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream +
                          "\nendstream");
    }
    if (!title.empty()) objects.push_back("<< /Title (" + title + ") /Producer (miniPdf) >>");

    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        std::string n = std::to_string(off);
        out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
    if (!title.empty()) out += " /Info " + std::to_string(objects.size()) + " 0 R";
    out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

/// `count` simple pages of text laid out by composePdf with MuPDF's built-in fonts.
inline std::string composedPdf(int count, ComposeOptions options = {}) {
    std::vector<Block> blocks;
    for (int i = 0; i < count; ++i) {
        blocks.emplace_back(std::in_place_type<Html>,
                            "<h1>Section " + std::to_string(i + 1) +
                                "</h1><p>The council approves the agenda of the meeting.</p>");
        blocks.emplace_back(std::in_place_type<PageBreak>);
    }
    auto pdf = composePdf(blocks, options);
    REQUIRE_MESSAGE(pdf.ok(), (pdf.ok() ? "" : pdf.error().message));
    return *pdf;
}

inline std::string randomBytes(std::size_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (char& ch : s) ch = static_cast<char>(rng() & 0xFF);
    return s;
}

/// Replaces every occurrence of `from` with `to` (same length keeps offsets valid).
inline std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

/// Width and height from a PNG's IHDR chunk; {0, 0} when `png` is not a PNG.
inline std::pair<std::uint32_t, std::uint32_t> pngSize(const std::string& png) {
    if (png.size() < 24 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || png.compare(12, 4, "IHDR") != 0)
        return {0, 0};
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

} // namespace room::pdf::test
