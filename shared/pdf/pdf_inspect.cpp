#include "shared/pdf/pdf_inspect.h"

#include "shared/pdf/mupdf_support.h"

#include <optional>

namespace room::pdf {

namespace {

using detail::Context;
using detail::guarded;
using OwnedDoc = detail::Owned<pdf_document, pdf_drop_document>;
using OwnedStream = detail::Owned<fz_stream, fz_drop_stream>;
using OwnedPage = detail::Owned<fz_page, fz_drop_page>;
using OwnedPixmap = detail::Owned<fz_pixmap, fz_drop_pixmap>;
using OwnedBuffer = detail::Owned<fz_buffer, fz_drop_buffer>;
using OwnedDevice = detail::Owned<fz_device, fz_drop_device>;

constexpr std::string_view kMagic = "%PDF-";
constexpr std::string_view kEofMarker = "%%EOF";
// Readers look for the end marker in the last kilobyte; writers may append a few bytes after it.
constexpr std::size_t kEofWindow = 1024;
// Inspection touches page dictionaries only; a small object cache is plenty.
constexpr std::size_t kInspectStoreBytes = 32u << 20;
constexpr std::size_t kRenderStoreBytes = 128u << 20;

Error bad(std::string en, std::string vi) {
    return Error::make(ErrorCode::BadDocument, std::move(en), std::move(vi));
}

Error noContext() {
    return Error::make(ErrorCode::Internal, "Cannot initialise the PDF reader (out of memory).",
                       "Không khởi tạo được bộ đọc PDF (thiếu bộ nhớ).");
}

Error corrupt(const std::string& detail) {
    std::string en = "The PDF file is corrupt and cannot be read";
    if (!detail.empty()) en += " (" + detail + ")";
    return bad(en + ".", "Tệp PDF bị hỏng, không đọc được.");
}

Error passwordProtected() {
    return bad("The PDF is password-protected; remove the password and upload it again.",
               "Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.");
}

Error badPage(int index, const std::string& detail) {
    const std::string n = std::to_string(index + 1);
    return bad("The PDF file is corrupt: page " + n + " cannot be read" +
                   (detail.empty() ? "" : " (" + detail + ")") + ".",
               "Tệp PDF bị hỏng: không đọc được trang " + n + ".");
}

std::optional<Error> checkEnvelope(std::string_view bytes) {
    if (bytes.empty()) return bad("The file is empty.", "Tệp rỗng, không có nội dung.");
    if (!bytes.starts_with(kMagic))
        return bad("The file is not a PDF document.", "Tệp không phải là tài liệu PDF.");
    return std::nullopt;
}

bool hasEofMarker(std::string_view bytes) {
    std::string_view tail = bytes.substr(bytes.size() > kEofWindow ? bytes.size() - kEofWindow : 0);
    return tail.find(kEofMarker) != std::string_view::npos;
}

// Opens the bytes (which must outlive `doc`) and refuses files that need a password.
std::optional<Error> openPdf(Context& ctx, std::string_view bytes, OwnedDoc& doc) {
    fz_context* c = ctx.get();
    OwnedStream stream(c);
    int needsPassword = 0;
    std::string error;
    const bool opened = guarded(c, [&] {
        stream.slot() = fz_open_memory(c, reinterpret_cast<const unsigned char*>(bytes.data()),
                                       bytes.size());
        doc.slot() = pdf_open_document_with_stream(c, stream.get());
        needsPassword = pdf_needs_password(c, doc.get());
    }, &error);
    if (!opened) return corrupt(error);
    if (needsPassword) return passwordProtected();
    return std::nullopt;
}

// Text of an Info entry ("info:Title"), or empty.
std::string infoString(fz_context* c, pdf_document* doc, const char* key) {
    int needed = -1;
    if (!guarded(c, [&] { needed = fz_lookup_metadata(c, &doc->super, key, nullptr, 0); }) ||
        needed <= 1)
        return {};
    std::string value(static_cast<std::size_t>(needed), '\0');
    char* out = value.data();
    if (!guarded(c, [&] { fz_lookup_metadata(c, &doc->super, key, out, needed); })) return {};
    value.resize(value.find('\0') == std::string::npos ? value.size() : value.find('\0'));
    return value;
}

} // namespace

Result<PdfInfo> inspectPdf(std::string_view bytes) {
    if (auto e = checkEnvelope(bytes)) return *e;
    if (!hasEofMarker(bytes))
        return bad("The PDF file is incomplete (truncated); upload it again.",
                   "Tệp PDF không đầy đủ (bị cắt cụt); vui lòng tải lên lại.");

    Context ctx(kInspectStoreBytes);
    if (!ctx) return noContext();
    fz_context* c = ctx.get();
    OwnedDoc doc(c);
    if (auto e = openPdf(ctx, bytes, doc)) return *e;

    bool encrypted = false;
    if (!guarded(c, [&] {
            encrypted = pdf_dict_get(c, pdf_trailer(c, doc.get()), PDF_NAME(Encrypt)) != nullptr;
        }))
        encrypted = true; // an unreadable trailer with an Encrypt key is no better
    if (encrypted)
        return bad("The PDF is encrypted (for example to restrict printing or copying); save an "
                   "unencrypted copy and upload it again.",
                   "Tệp PDF bị mã hóa (ví dụ để hạn chế in hoặc sao chép); hãy lưu một bản không "
                   "mã hóa rồi tải lên lại.");

    // Loading a page can trigger a repair that rebuilds the page tree, so the count is taken
    // again afterwards; if it changed, the pages are loaded once more against the new tree.
    int pages = -1;
    std::vector<std::array<float, 2>> sizes;
    for (int pass = 0; pass < 2; ++pass) {
        int counted = 0;
        std::string error;
        if (!guarded(c, [&] { counted = pdf_count_pages(c, doc.get()); }, &error))
            return corrupt(error);
        if (counted <= 0) return bad("The PDF has no pages.", "Tệp PDF không có trang nào.");
        sizes.clear();
        for (int i = 0; i < counted; ++i) {
            OwnedPage page(c);
            fz_rect bounds = fz_empty_rect;
            bool isDict = false;
            // A /Kids entry pointing at a missing object still "loads" as an empty Letter page,
            // so the page object itself has to be a dictionary.
            if (!guarded(c, [&] {
                    isDict = pdf_is_dict(c, pdf_lookup_page_obj(c, doc.get(), i));
                    page.slot() = fz_load_page(c, &doc->super, i);
                    bounds = fz_bound_page(c, page.get());
                }, &error) || !isDict || fz_is_empty_rect(bounds))
                return badPage(i, error);
            sizes.push_back({bounds.x1 - bounds.x0, bounds.y1 - bounds.y0});
        }
        int recounted = -1;
        if (!guarded(c, [&] { recounted = pdf_count_pages(c, doc.get()); }, &error))
            return corrupt(error);
        if (recounted == counted) {
            pages = counted;
            break;
        }
    }
    if (pages < 0) return corrupt("the page tree changed while it was read");

    int repaired = 0;
    (void)guarded(c, [&] { repaired = pdf_was_repaired(c, doc.get()); });
    // A rebuilt cross-reference table is harmless when only the offsets were wrong, but after
    // truncation or overwritten bytes the rebuilt file lacks objects the pages refer to. Those
    // gaps only show when the content is interpreted, and MuPDF reports each one as a warning.
    if (repaired) {
        fz_flush_warnings(c);
        for (int i = 0; i < pages; ++i) {
            const int before = ctx.warningCount();
            std::string error;
            OwnedPage page(c);
            OwnedDevice dev(c);
            fz_rect box = fz_empty_rect;
            if (!guarded(c, [&] {
                    page.slot() = fz_load_page(c, &doc->super, i);
                    dev.slot() = fz_new_bbox_device(c, &box);
                    fz_run_page(c, page.get(), dev.get(), fz_identity, nullptr);
                    fz_close_device(c, dev.get());
                }, &error) || ctx.warningCount() != before)
                return badPage(i, error.empty() ? ctx.lastWarning() : error);
        }
    }

    PdfInfo info;
    info.pages = pages;
    info.title = infoString(c, doc.get(), "info:Title");
    info.producer = infoString(c, doc.get(), "info:Producer");
    info.repaired = repaired != 0;
    info.pageSizes = std::move(sizes);
    return info;
}

Result<std::string> renderPagePng(std::string_view bytes, int pageIndex, int dpi) {
    if (dpi < kMinRenderDpi || dpi > kMaxRenderDpi)
        return Error::make(ErrorCode::InvalidArgument,
                           "The resolution must be between " + std::to_string(kMinRenderDpi) +
                               " and " + std::to_string(kMaxRenderDpi) + " dpi.",
                           "Độ phân giải phải nằm trong khoảng " + std::to_string(kMinRenderDpi) +
                               " đến " + std::to_string(kMaxRenderDpi) + " dpi.");
    if (auto e = checkEnvelope(bytes)) return *e;

    Context ctx(kRenderStoreBytes);
    if (!ctx) return noContext();
    fz_context* c = ctx.get();
    OwnedDoc doc(c);
    if (auto e = openPdf(ctx, bytes, doc)) return *e;

    int pages = 0;
    std::string error;
    if (!guarded(c, [&] { pages = pdf_count_pages(c, doc.get()); }, &error)) return corrupt(error);
    if (pageIndex < 0 || pageIndex >= pages)
        return Error::make(ErrorCode::InvalidArgument,
                           "Page " + std::to_string(pageIndex + 1) + " does not exist; the document has " +
                               std::to_string(pages) + " pages.",
                           "Không có trang " + std::to_string(pageIndex + 1) + "; tài liệu có " +
                               std::to_string(pages) + " trang.");

    OwnedPage page(c);
    fz_rect bounds = fz_empty_rect;
    if (!guarded(c, [&] {
            page.slot() = fz_load_page(c, &doc->super, pageIndex);
            bounds = fz_bound_page(c, page.get());
        }, &error))
        return corrupt(error);

    const float scale = static_cast<float>(dpi) / 72.0f;
    const fz_matrix ctm = fz_scale(scale, scale);
    const fz_irect area = fz_round_rect(fz_transform_rect(bounds, ctm));
    const long long pixels = static_cast<long long>(area.x1 - area.x0) * (area.y1 - area.y0);
    if (pixels <= 0) return corrupt("the page has no area");
    if (pixels > kMaxRenderPixels)
        return Error::make(ErrorCode::TooLarge, "The rendered page would be too large.",
                           "Ảnh trang sẽ quá lớn.");

    OwnedPixmap pixmap(c);
    OwnedBuffer png(c);
    if (!guarded(c, [&] {
            pixmap.slot() = fz_new_pixmap_from_page(c, page.get(), ctm, fz_device_rgb(c), 0);
            png.slot() = fz_new_buffer_from_pixmap_as_png(c, pixmap.get(), fz_default_color_params);
        }, &error))
        return corrupt(error);

    unsigned char* data = nullptr;
    const std::size_t size = fz_buffer_storage(c, png.get(), &data);
    return std::string(reinterpret_cast<const char*>(data), size);
}

} // namespace room::pdf
