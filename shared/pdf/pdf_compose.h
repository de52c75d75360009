// Creation of new PDFs from HTML+CSS blocks and tables: generated meeting documents, demo data, test files.
#pragma once

#include "shared/domain/result.h"
#include "shared/pdf/pdf_export.h"

#include <string>
#include <variant>
#include <vector>

namespace room::pdf {

inline constexpr float kPointsPerMm = 72.0f / 25.4f;
inline constexpr float kA4WidthPt = 210.0f * kPointsPerMm;
inline constexpr float kA4HeightPt = 297.0f * kPointsPerMm;

/// Page margins in points.
struct PageMargins {
    float top = 20.0f * kPointsPerMm;
    float right = 15.0f * kPointsPerMm;
    float bottom = 20.0f * kPointsPerMm;
    float left = 30.0f * kPointsPerMm;
};

/// Layout and metadata for composePdf. The defaults follow Vietnamese administrative documents:
/// A4, margins 20/15/20/30 mm, 13 pt text, page numbers centred at the top from the second page.
struct ComposeOptions {
    std::string title;   ///< Info /Title; omitted when empty
    std::string author;  ///< Info /Author; omitted when empty
    std::string subject; ///< Info /Subject; omitted when empty
    std::string producer = "phonghop"; ///< Info /Producer; omitted when empty
    float pageWidth = kA4WidthPt;       ///< points
    float pageHeight = kA4HeightPt;     ///< points
    PageMargins margins;
    float fontSize = 13.0f; ///< points; the size of 1em
    /// User style sheet applied to every block, cell and page number, after a base sheet that
    /// only sets `body { margin: 0; padding: 0 }`.
    std::string css;
    /// Directory that url()s in the CSS and HTML resolve against, e.g. for @font-face with a TTF
    /// from /usr/share/fonts. Empty: MuPDF's built-in fonts only, which lack Vietnamese letters.
    std::string resourceDir;
    bool pageNumbers = true; ///< number pages 2, 3, … at the top centre
    /// Non-empty passwords encrypt the file with AES-256 (at most 127 bytes each). An owner
    /// password alone gives a file that opens without a password but is still encrypted.
    std::string userPassword;
    std::string ownerPassword;
};

/// Flowing HTML (a fragment, UTF-8), continued onto further pages as needed. MuPDF 1.21 lays out
/// paragraphs, headings, lists, inline styles and block borders well; use Table for tables.
struct Html {
    std::string html;
};

/// A grid laid out row by row; a row never splits across pages. The caption, the header rows and
/// the first body row are kept together on one page.
struct Table {
    std::string caption; ///< HTML above the grid, full width; may be empty
    std::vector<float> columns;                ///< relative column widths, all > 0
    std::vector<std::vector<std::string>> rows; ///< cell HTML; every row has columns.size() cells
    int headerRows = 0;   ///< rows repeated at the top of every page the table continues on
    bool borders = true;  ///< 0.5 pt black grid
    float padding = 3.0f; ///< points inside each cell
    bool centerVertically = true; ///< otherwise cells are top-aligned
};

/// Continue on a new page (nothing happens at the top of an empty page).
struct PageBreak {};

using Block = std::variant<Html, Table, PageBreak>;

inline constexpr int kMaxComposedPages = 2000;

/// Lays out the blocks one below the other on as many pages as they need and returns the PDF
/// file bytes. Thread-safe.
/// Errors: InvalidArgument (no blocks, margins larger than the page, resourceDir not a
/// directory, password too long, a table row with the wrong number of cells, content taller
/// than a page), TooLarge (more than kMaxComposedPages pages), Internal (MuPDF failed).
ROOM_PDF_API Result<std::string> composePdf(const std::vector<Block>& blocks,
                                            const ComposeOptions& options);

} // namespace room::pdf
