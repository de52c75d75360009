#include "shared/pdf/pdf_view.h"

#include "shared/pdf/mupdf_support.h"
#include "shared/pdf/pdf_inspect.h"

#include <list>
#include <map>

namespace room::pdf {

namespace {

using detail::guarded;
using OwnedDoc = detail::Owned<pdf_document, pdf_drop_document>;
using OwnedStream = detail::Owned<fz_stream, fz_drop_stream>;
using OwnedPage = detail::Owned<fz_page, fz_drop_page>;
using OwnedList = detail::Owned<fz_display_list, fz_drop_display_list>;
using OwnedPixmap = detail::Owned<fz_pixmap, fz_drop_pixmap>;
using OwnedDevice = detail::Owned<fz_device, fz_drop_device>;

// Fonts and images shared between pages stay cached across page turns.
constexpr std::size_t kViewStoreBytes = 96u << 20;

Error unreadablePage(int index, const std::string& detail) {
    const std::string n = std::to_string(index + 1);
    return Error::make(ErrorCode::BadDocument,
                       "Page " + n + " cannot be shown" + (detail.empty() ? "" : " (" + detail + ")") + ".",
                       "Không hiển thị được trang " + n + ".");
}

} // namespace

struct ViewDocument::Impl {
    std::string bytes; // MuPDF reads from this buffer for the document's whole life
    detail::Context ctx{kViewStoreBytes};
    OwnedDoc doc{ctx.get()};
    std::vector<PageSize> sizes;
    // Display lists by page, with the most recently used at the front of `order`.
    std::map<int, OwnedList> lists;
    std::list<int> order;

    Result<fz_display_list*> list(int index) {
        fz_context* c = ctx.get();
        auto it = lists.find(index);
        if (it != lists.end()) {
            order.remove(index);
            order.push_front(index);
            return it->second.get();
        }
        OwnedPage page(c);
        OwnedList made(c);
        std::string error;
        if (!guarded(c, [&] {
                page.slot() = fz_load_page(c, &doc->super, index);
                made.slot() = fz_new_display_list_from_page(c, page.get());
            }, &error))
            return unreadablePage(index, error);
        fz_display_list* result = made.get();
        lists.emplace(index, std::move(made));
        order.push_front(index);
        while (static_cast<int>(order.size()) > kCachedPages) {
            lists.erase(order.back());
            order.pop_back();
        }
        return result;
    }
};

ViewDocument::ViewDocument(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
ViewDocument::~ViewDocument() {
    if (m) {
        m->lists.clear(); // display lists before the document and the context
        m->doc.reset();
    }
}

Result<std::unique_ptr<ViewDocument>> ViewDocument::open(std::string bytes) {
    auto info = inspectPdf(bytes);
    if (!info) return info.error();
    auto impl = std::make_unique<Impl>();
    impl->bytes = std::move(bytes);
    if (!impl->ctx)
        return Error::make(ErrorCode::Internal, "Cannot initialise the PDF reader (out of memory).",
                           "Không khởi tạo được bộ đọc PDF (thiếu bộ nhớ).");
    fz_context* c = impl->ctx.get();
    OwnedStream stream(c);
    std::string error;
    if (!guarded(c, [&] {
            stream.slot() = fz_open_memory(c, reinterpret_cast<const unsigned char*>(impl->bytes.data()),
                                           impl->bytes.size());
            impl->doc.slot() = pdf_open_document_with_stream(c, stream.get());
        }, &error))
        return Error::make(ErrorCode::BadDocument, "The PDF file is corrupt and cannot be read (" + error + ").",
                           "Tệp PDF bị hỏng, không đọc được.");
    // inspectPdf() has just loaded every page: its sizes save a second pass over the page tree.
    for (const auto& [w, h] : info->pageSizes) impl->sizes.push_back(PageSize{w, h});
    return std::unique_ptr<ViewDocument>(new ViewDocument(std::move(impl)));
}

int ViewDocument::pageCount() const { return static_cast<int>(m->sizes.size()); }

PageSize ViewDocument::pageSize(int index) const {
    if (index < 0 || index >= pageCount()) return {};
    return m->sizes[static_cast<std::size_t>(index)];
}

Result<Bitmap> ViewDocument::render(int index, float scale, const std::atomic<bool>* cancel) {
    if (index < 0 || index >= pageCount())
        return Error::make(ErrorCode::InvalidArgument,
                           "Page " + std::to_string(index + 1) + " does not exist; the document has " +
                               std::to_string(pageCount()) + " pages.",
                           "Không có trang " + std::to_string(index + 1) + "; tài liệu có " +
                               std::to_string(pageCount()) + " trang.");
    if (!(scale > 0.0f))
        return Error::make(ErrorCode::InvalidArgument, "The scale must be above zero.", "Tỉ lệ phải lớn hơn 0.");
    const PageSize size = pageSize(index);
    const long long width = static_cast<long long>(size.width * scale + 0.5f);
    const long long height = static_cast<long long>(size.height * scale + 0.5f);
    if (width * height > kMaxRenderPixels)
        return Error::make(ErrorCode::TooLarge, "The rendered page would be too large.", "Ảnh trang sẽ quá lớn.");
    if (cancel && cancel->load())
        return Error::make(ErrorCode::Unavailable, "The page is no longer wanted.", "Trang không còn cần hiển thị.");

    auto list = m->list(index);
    if (!list) return list.error();
    fz_context* c = m->ctx.get();
    const fz_matrix ctm = fz_scale(scale, scale);
    fz_irect area = fz_empty_irect;
    std::string error;
    if (!guarded(c, [&] { area = fz_round_rect(fz_transform_rect(fz_bound_display_list(c, *list), ctm)); }, &error))
        return unreadablePage(index, error);

    // MuPDF draws straight into the bitmap handed back: no second page-sized buffer, no copy.
    Bitmap out;
    out.width = area.x1 - area.x0;
    out.height = area.y1 - area.y0;
    out.stride = out.width * 3;
    out.pixels.assign(static_cast<std::size_t>(out.stride) * static_cast<std::size_t>(out.height), 0xff);
    OwnedPixmap pixmap(c);
    OwnedDevice device(c);
    unsigned char* samples = out.pixels.data();
    if (!guarded(c, [&] {
            pixmap.slot() = fz_new_pixmap_with_bbox_and_data(c, fz_device_rgb(c), area, nullptr, 0, samples);
            device.slot() = fz_new_draw_device(c, fz_identity, pixmap.get());
            fz_run_display_list(c, *list, device.get(), ctm, fz_infinite_rect, nullptr);
            fz_close_device(c, device.get());
        }, &error))
        return unreadablePage(index, error);
    return out;
}

Result<std::vector<TextHit>> ViewDocument::search(std::string_view needle, int maxHits) {
    if (needle.empty())
        return Error::make(ErrorCode::InvalidArgument, "Enter the text to search for.", "Hãy nhập nội dung cần tìm.");
    const std::string text(needle);
    constexpr int kPerPage = 256;
    std::vector<TextHit> hits;
    fz_context* c = m->ctx.get();
    for (int page = 0; page < pageCount() && static_cast<int>(hits.size()) < maxHits; ++page) {
        auto list = m->list(page);
        if (!list) continue; // an unreadable page has nothing to find
        fz_quad quads[kPerPage];
        int marks[kPerPage] = {};
        int found = 0;
        if (!guarded(c, [&] { found = fz_search_display_list(c, *list, text.c_str(), marks, quads, kPerPage); }))
            continue;
        for (int i = 0; i < found && static_cast<int>(hits.size()) <= maxHits; ++i) {
            // A new hit starts where MuPDF marks one; further quads continue it on the next line.
            if (marks[i] || hits.empty() || hits.back().page != page) hits.push_back(TextHit{page, {}});
            const fz_rect r = fz_rect_from_quad(quads[i]);
            hits.back().rects.push_back({r.x0, r.y0, r.x1, r.y1});
        }
    }
    if (static_cast<int>(hits.size()) > maxHits) hits.resize(static_cast<std::size_t>(maxHits));
    return hits;
}

} // namespace room::pdf
