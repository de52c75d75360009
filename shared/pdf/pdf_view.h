// A PDF opened once for reading on screen: page sizes, rendering at any zoom, text search.
#pragma once

#include "shared/domain/result.h"
#include "shared/pdf/pdf_export.h"

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace room::pdf {

/// Page size in points (1/72 inch), rotation applied.
struct PageSize {
    float width = 0;
    float height = 0;
};

/// A rendered page: RGB, 3 bytes per pixel, `stride` bytes per row, white paper, annotations drawn.
struct Bitmap {
    int width = 0;
    int height = 0;
    int stride = 0;
    std::vector<unsigned char> pixels;
};

/// One match of a search: its page (0-based) and the rectangles it covers, in points from the
/// page's top-left corner (x0, y0, x1, y1); a match that wraps a line has several.
struct TextHit {
    int page = 0;
    std::vector<std::array<float, 4>> rects;
};

/// A document held open for a viewer. Opening checks the bytes as inspectPdf() does (so the same
/// files are refused with the same messages) and learns every page's size; pages are then
/// interpreted once into a display list that later renders at any scale without parsing again.
///
/// Not thread-safe: one ViewDocument is used by one thread at a time (a viewer's render thread).
/// Different ViewDocuments may be used on different threads at once.
class ROOM_PDF_API ViewDocument {
public:
    /// Keeps `bytes` for as long as the document lives. Errors: those of inspectPdf().
    static Result<std::unique_ptr<ViewDocument>> open(std::string bytes);
    ~ViewDocument();
    ViewDocument(const ViewDocument&) = delete;
    ViewDocument& operator=(const ViewDocument&) = delete;

    int pageCount() const;
    /// The size of page `index`; {0, 0} when out of range.
    PageSize pageSize(int index) const;

    /// Renders page `index` at `scale` pixels per point (1.0 = 72 dpi; a 10-inch 1600-pixel-wide
    /// tablet shows an A4 page across its width at about 2.7). When `cancel` is set before the
    /// work starts the call returns Unavailable at once: a viewer that has moved on sets it for
    /// pages nobody waits for any more. Errors: InvalidArgument (no such page, scale not above 0),
    /// TooLarge (more than kMaxRenderPixels), BadDocument (the page's content cannot be read).
    Result<Bitmap> render(int index, float scale, const std::atomic<bool>* cancel = nullptr);

    /// Finds `needle` (UTF-8, case-insensitive as MuPDF compares) on every page, in page order,
    /// at most `maxHits` matches. InvalidArgument for an empty needle.
    Result<std::vector<TextHit>> search(std::string_view needle, int maxHits = 500);

    /// Interpreted pages kept for fast re-rendering (the least recently used go first).
    static constexpr int kCachedPages = 24;

private:
    struct Impl;
    explicit ViewDocument(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m;
};

} // namespace room::pdf
