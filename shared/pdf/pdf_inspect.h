// Validation of uploaded PDF bytes (page count, title, producer) and rendering of single pages.
#pragma once

#include "shared/domain/result.h"
#include "shared/pdf/pdf_export.h"

#include <array>
#include <string>
#include <vector>
#include <string_view>

namespace room::pdf {

/// What inspectPdf learned about a readable, unencrypted PDF.
struct PdfInfo {
    int pages = 0;        ///< at least 1
    std::string title;    ///< Info /Title as UTF-8, empty when absent
    std::string producer; ///< Info /Producer as UTF-8, empty when absent
    /// The cross-reference data was broken and MuPDF rebuilt it by scanning the file, after which
    /// every page loaded and its content was interpreted without a complaint. Such files open in
    /// common viewers, so they are accepted; an incremental save (as used for signing) is not
    /// possible on them until they are rewritten in full.
    bool repaired = false;
    /// Width and height of every page in points (rotation applied), read while checking them.
    std::vector<std::array<float, 2>> pageSizes;
};

/// Checks that `bytes` are a PDF the meeting clients can show. Thread-safe (a private MuPDF
/// context per call); the bytes are only read during the call.
/// Fails with ErrorCode::BadDocument (English and Vietnamese message) when the input is
///  - empty;
///  - not a PDF: it does not start with "%PDF-";
///  - truncated: no "%%EOF" marker in its last 1024 bytes (a cut-off upload may still be
///    repairable, but it would silently lose the pages after the cut);
///  - corrupt: MuPDF cannot open it, count its pages or load the bounds of every page, or it had
///    to rebuild the cross-reference table and the rebuilt file still has damaged or missing
///    objects (some page's content does not interpret cleanly);
///  - password-protected or encrypted in any way (even without a user password);
///  - without pages.
/// A repaired file that passes every check is accepted with PdfInfo::repaired set. Content is
/// interpreted only for repaired files: damage inside the streams of an otherwise intact file
/// shows up when it is displayed, exactly as in any other viewer.
/// Cost: well under 1 ms per page (about 15 ms for 400 pages); repaired files about 0.4 ms/page more.
ROOM_PDF_API Result<PdfInfo> inspectPdf(std::string_view bytes);

inline constexpr int kMinRenderDpi = 9;
inline constexpr int kMaxRenderDpi = 1200;
/// Renders above this many pixels are refused with ErrorCode::TooLarge.
inline constexpr long long kMaxRenderPixels = 100'000'000;

/// Renders page `pageIndex` (0-based) of a PDF at `dpi` (72 dpi = one pixel per point) and returns
/// the PNG file bytes: RGB, white background, annotations included. Thread-safe.
/// Errors: BadDocument (not a PDF, unreadable, needs a password), InvalidArgument (page index out
/// of range, dpi outside [kMinRenderDpi, kMaxRenderDpi]), TooLarge (see kMaxRenderPixels).
ROOM_PDF_API Result<std::string> renderPagePng(std::string_view bytes, int pageIndex, int dpi);

} // namespace room::pdf
