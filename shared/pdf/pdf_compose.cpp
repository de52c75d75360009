#include "shared/pdf/pdf_compose.h"

#include "shared/pdf/mupdf_support.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <optional>

namespace room::pdf {

namespace {

using detail::Context;
using detail::guarded;
using OwnedDoc = detail::Owned<pdf_document, pdf_drop_document>;
using OwnedArchive = detail::Owned<fz_archive, fz_drop_archive>;
using OwnedBuffer = detail::Owned<fz_buffer, fz_drop_buffer>;
using OwnedStory = detail::Owned<fz_story, fz_drop_story>;
using OwnedDevice = detail::Owned<fz_device, fz_drop_device>;
using OwnedObj = detail::Owned<pdf_obj, pdf_drop_obj>;
using OwnedOutput = detail::Owned<fz_output, fz_drop_output>;
using OwnedPath = detail::Owned<fz_path, fz_drop_path>;
using OwnedStroke = detail::Owned<fz_stroke_state, fz_drop_stroke_state>;

// Fonts loaded from resourceDir stay cached while the document is built.
constexpr std::size_t kComposeStoreBytes = 256u << 20;
constexpr std::size_t kMaxPasswordBytes = sizeof(pdf_write_options{}.upwd_utf8) - 1;
constexpr float kGridLineWidth = 0.5f;
// MuPDF's default style sheet gives <body> a margin (it was written for e-books); here the page
// margins and cell padding are explicit, so every block and cell starts flush with its box.
constexpr std::string_view kBaseCss = "body { margin: 0; padding: 0; }\n";

Error invalid(std::string en, std::string vi) {
    return Error::make(ErrorCode::InvalidArgument, std::move(en), std::move(vi));
}

Error failed(const std::string& detail) {
    return Error::make(ErrorCode::Internal, "Cannot create the PDF: " + detail + ".",
                       "Không tạo được tệp PDF: " + detail + ".");
}

Error tooTall() {
    return invalid("Part of the content is taller than a page.",
                   "Một phần nội dung cao hơn một trang.");
}

std::optional<Error> validate(const std::vector<Block>& blocks, const ComposeOptions& o) {
    if (blocks.empty()) return invalid("Nothing to compose.", "Không có nội dung để tạo PDF.");
    const PageMargins& m = o.margins;
    if (!(o.pageWidth > 0 && o.pageHeight > 0 && m.top >= 0 && m.right >= 0 && m.bottom >= 0 &&
          m.left >= 0 && m.left + m.right < o.pageWidth && m.top + m.bottom < o.pageHeight))
        return invalid("The page margins do not leave room for text.",
                       "Lề trang không còn chỗ cho nội dung.");
    if (!(o.fontSize > 0)) return invalid("The font size must be positive.", "Cỡ chữ phải lớn hơn 0.");
    if (o.userPassword.size() > kMaxPasswordBytes || o.ownerPassword.size() > kMaxPasswordBytes)
        return invalid("The password is too long.", "Mật khẩu quá dài.");
    std::error_code ec;
    if (!o.resourceDir.empty() && !std::filesystem::is_directory(o.resourceDir, ec))
        return invalid("The resource directory " + o.resourceDir + " does not exist.",
                       "Không có thư mục tài nguyên " + o.resourceDir + ".");
    for (const Block& block : blocks) {
        const Table* t = std::get_if<Table>(&block);
        if (!t) continue;
        const bool widthsOk = !t->columns.empty() &&
                              std::all_of(t->columns.begin(), t->columns.end(),
                                          [](float w) { return w > 0; });
        const bool rowsOk = std::all_of(t->rows.begin(), t->rows.end(), [&](const auto& row) {
            return row.size() == t->columns.size();
        });
        if (!widthsOk || !rowsOk || t->headerRows < 0 || !(t->padding >= 0))
            return invalid("A table has invalid columns or rows.",
                           "Bảng có cột hoặc hàng không hợp lệ.");
    }
    return std::nullopt;
}

void putInfo(fz_context* c, pdf_document* doc, const ComposeOptions& o) {
    pdf_obj* trailer = pdf_trailer(c, doc);
    pdf_obj* info = pdf_dict_get(c, trailer, PDF_NAME(Info));
    if (!info) {
        info = pdf_add_new_dict(c, doc, 4);
        pdf_dict_put_drop(c, trailer, PDF_NAME(Info), info);
    }
    if (!o.title.empty()) pdf_dict_put_text_string(c, info, PDF_NAME(Title), o.title.c_str());
    if (!o.author.empty()) pdf_dict_put_text_string(c, info, PDF_NAME(Author), o.author.c_str());
    if (!o.subject.empty()) pdf_dict_put_text_string(c, info, PDF_NAME(Subject), o.subject.c_str());
    if (!o.producer.empty())
        pdf_dict_put_text_string(c, info, PDF_NAME(Producer), o.producer.c_str());
}

// A laid-out piece of HTML. The buffer is kept for as long as the story that was parsed from it.
struct Story {
    explicit Story(fz_context* c) : buffer(c), story(c) {}
    OwnedBuffer buffer;
    OwnedStory story;
    float height = 0; // of the last placement
};

// Builds the document page by page, keeping a cursor where the next block starts.
class Composer {
public:
    Composer(fz_context* c, const ComposeOptions& o)
        : m_c(c), m_o(o), m_css(std::string(kBaseCss) + o.css), m_doc(c), m_archive(c), m_dev(c),
          m_resources(c), m_contents(c) {
        m_mediabox = {0, 0, o.pageWidth, o.pageHeight};
        m_body = {o.margins.left, o.margins.top, o.pageWidth - o.margins.right,
                  o.pageHeight - o.margins.bottom};
        // In the upper half of the top margin, as in printed administrative documents.
        m_numberBox = {o.margins.left, o.margins.top * 0.4f, o.pageWidth - o.margins.right,
                       o.margins.top};
    }

    std::optional<Error> begin() {
        if (!guarded(m_c, [&] {
                m_doc.slot() = pdf_create_document(m_c);
                if (!m_o.resourceDir.empty())
                    m_archive.slot() = fz_open_directory(m_c, m_o.resourceDir.c_str());
            }, &m_error))
            return failed(m_error);
        return std::nullopt;
    }

    std::optional<Error> add(const Html& block) {
        Story s(m_c);
        if (auto e = makeStory(block.html, s)) return e;
        for (;;) {
            if (auto e = openPage()) return e;
            const fz_rect where = {m_body.x0, m_y, m_body.x1, m_body.y1};
            fz_rect filled = fz_empty_rect;
            bool more = false;
            if (!guarded(m_c, [&] { more = fz_place_story(m_c, s.story.get(), where, &filled) != 0; },
                         &m_error))
                return failed(m_error);
            const bool placedSome = !fz_is_empty_rect(filled) && filled.y1 > where.y0;
            if (more && !placedSome) {
                if (!pageHasContent()) return tooTall();
                if (auto e = closePage()) return e;
                continue;
            }
            if (auto e = draw(s)) return e;
            if (!more) {
                if (placedSome) m_y = std::max(m_y, filled.y1);
                return std::nullopt;
            }
            if (auto e = closePage()) return e;
        }
    }

    std::optional<Error> add(const Table& t) {
        const float total = std::accumulate(t.columns.begin(), t.columns.end(), 0.0f);
        std::vector<float> xs{m_body.x0};
        for (float w : t.columns) xs.push_back(xs.back() + (m_body.x1 - m_body.x0) * w / total);
        xs.back() = m_body.x1;

        const std::size_t headerRows = std::min<std::size_t>(static_cast<std::size_t>(t.headerRows),
                                                             t.rows.size());
        if (auto e = openPage()) return e;
        Story caption(m_c);
        if (!t.caption.empty()) {
            if (auto e = makeStory(t.caption, caption)) return e;
        }
        // A caption or header alone at the foot of a page is useless: start on a new page
        // unless the caption, the header rows and the first body row fit here.
        if (pageHasContent()) {
            float needed = 0;
            if (caption.story.get()) {
                if (auto e = placeAtCursor(caption)) return e;
                needed += caption.height;
            }
            for (std::size_t r = 0; r < std::min(headerRows + 1, t.rows.size()); ++r) {
                std::vector<Story> probe;
                float height = 0;
                const float saved = m_y;
                m_y += needed;
                auto e = layRow(t, xs, t.rows[r], probe, height);
                m_y = saved;
                if (e) return e;
                needed += height;
            }
            if (m_y + needed > m_body.y1) {
                if (auto e = closePage()) return e;
                if (auto e = openPage()) return e;
            }
        }
        if (caption.story.get()) {
            if (auto e = placeAtCursor(caption)) return e;
            if (auto e = draw(caption)) return e;
            m_y += caption.height;
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            if (auto e = openPage()) return e;
            std::vector<Story> cells;
            float height = 0;
            if (auto e = layRow(t, xs, t.rows[r], cells, height)) return e;
            if (m_y + height > m_body.y1 && pageHasContent()) {
                if (auto e = closePage()) return e;
                if (auto e = openPage()) return e;
                if (r >= headerRows) {
                    for (std::size_t h = 0; h < headerRows; ++h) {
                        std::vector<Story> headerCells;
                        float headerHeight = 0;
                        if (auto e = layRow(t, xs, t.rows[h], headerCells, headerHeight)) return e;
                        if (auto e = drawRow(t, xs, headerCells, headerHeight)) return e;
                    }
                }
                if (auto e = layRow(t, xs, t.rows[r], cells, height)) return e;
            }
            if (m_y + height > m_body.y1) return tooTall();
            if (auto e = drawRow(t, xs, cells, height)) return e;
        }
        return std::nullopt;
    }

    std::optional<Error> add(const PageBreak&) {
        if (m_dev.get() && pageHasContent()) return closePage();
        return std::nullopt;
    }

    Result<std::string> finish() {
        if (m_pages == 0) {
            if (auto e = openPage()) return *e;
        }
        if (auto e = closePage()) return *e;

        pdf_write_options opts = pdf_default_write_options;
        opts.do_compress = 1;
        opts.do_compress_fonts = 1;
        opts.do_compress_images = 1;
        opts.do_garbage = 1;
        if (!m_o.userPassword.empty() || !m_o.ownerPassword.empty()) {
            opts.do_encrypt = PDF_ENCRYPT_AES_256;
            opts.permissions = -1;
            std::memcpy(opts.upwd_utf8, m_o.userPassword.c_str(), m_o.userPassword.size() + 1);
            std::memcpy(opts.opwd_utf8, m_o.ownerPassword.c_str(), m_o.ownerPassword.size() + 1);
        }
        OwnedBuffer file(m_c);
        OwnedOutput out(m_c);
        if (!guarded(m_c, [&] {
                putInfo(m_c, m_doc.get(), m_o);
                file.slot() = fz_new_buffer(m_c, 64 * 1024);
                out.slot() = fz_new_output_with_buffer(m_c, file.get());
                pdf_write_document(m_c, m_doc.get(), out.get(), &opts);
                fz_close_output(m_c, out.get());
            }, &m_error))
            return failed(m_error);
        unsigned char* data = nullptr;
        const std::size_t size = fz_buffer_storage(m_c, file.get(), &data);
        return std::string(reinterpret_cast<const char*>(data), size);
    }

private:
    bool pageHasContent() const { return m_y > m_body.y0; }

    std::optional<Error> makeStory(const std::string& html, Story& s) {
        const char* css = m_css.c_str();
        if (!guarded(m_c, [&] {
                s.buffer.slot() = fz_new_buffer_from_copied_data(
                    m_c, reinterpret_cast<const unsigned char*>(html.data()), html.size());
                s.story.slot() = fz_new_story(m_c, s.buffer.get(), css, m_o.fontSize, m_archive.get());
            }, &m_error))
            return failed(m_error);
        return std::nullopt;
    }

    // Places the story with its top at where.y0; s.height is what it used there.
    std::optional<Error> place(Story& s, fz_rect where, bool& more) {
        fz_rect filled = fz_empty_rect;
        if (!guarded(m_c, [&] { more = fz_place_story(m_c, s.story.get(), where, &filled) != 0; },
                     &m_error))
            return failed(m_error);
        s.height = fz_is_empty_rect(filled) ? 0.0f : std::max(0.0f, filled.y1 - where.y0);
        return std::nullopt;
    }

    // Places a block that is never split (a table caption) at the cursor, full width. The box
    // is a page tall so that the height can be measured before deciding on a page break.
    std::optional<Error> placeAtCursor(Story& s) {
        bool more = false;
        if (auto e = place(s, {m_body.x0, m_y, m_body.x1, m_y + (m_body.y1 - m_body.y0)}, more))
            return e;
        if (more) return tooTall();
        return std::nullopt;
    }

    std::optional<Error> draw(Story& s) {
        if (!guarded(m_c, [&] { fz_draw_story(m_c, s.story.get(), m_dev.get(), fz_identity); },
                     &m_error))
            return failed(m_error);
        return std::nullopt;
    }

    // Creates and measures the row's cells at the cursor; `height` includes the padding.
    std::optional<Error> layRow(const Table& t, const std::vector<float>& xs,
                                const std::vector<std::string>& row, std::vector<Story>& cells,
                                float& height) {
        if (cells.empty()) {
            for (const std::string& html : row) {
                cells.emplace_back(m_c);
                if (auto e = makeStory(html, cells.back())) return e;
            }
        }
        height = 0;
        const float limit = m_body.y1 - m_body.y0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const fz_rect where = {xs[i] + t.padding, m_y + t.padding, xs[i + 1] - t.padding,
                                   m_y + t.padding + limit};
            bool more = false;
            if (auto e = place(cells[i], where, more)) return e;
            if (more) return tooTall();
            height = std::max(height, cells[i].height);
        }
        height += 2 * t.padding;
        return std::nullopt;
    }

    std::optional<Error> drawRow(const Table& t, const std::vector<float>& xs,
                                 std::vector<Story>& cells, float height) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const float slack = height - 2 * t.padding - cells[i].height;
            if (t.centerVertically && slack > 0.5f) {
                const float top = m_y + t.padding + slack / 2;
                const fz_rect where = {xs[i] + t.padding, top, xs[i + 1] - t.padding, m_body.y1};
                bool more = false;
                if (auto e = place(cells[i], where, more)) return e;
            }
            if (auto e = draw(cells[i])) return e;
        }
        if (t.borders) {
            OwnedPath path(m_c);
            OwnedStroke stroke(m_c);
            const float black[1] = {0.0f};
            const float y0 = m_y;
            if (!guarded(m_c, [&] {
                    path.slot() = fz_new_path(m_c);
                    for (std::size_t i = 0; i + 1 < xs.size(); ++i)
                        fz_rectto(m_c, path.get(), xs[i], y0, xs[i + 1], y0 + height);
                    stroke.slot() = fz_new_stroke_state(m_c);
                    stroke->linewidth = kGridLineWidth;
                    fz_stroke_path(m_c, m_dev.get(), path.get(), stroke.get(), fz_identity,
                                   fz_device_gray(m_c), black, 1.0f, fz_default_color_params);
                }, &m_error))
                return failed(m_error);
        }
        m_y += height;
        return std::nullopt;
    }

    std::optional<Error> openPage() {
        if (m_dev.get()) return std::nullopt;
        if (m_pages >= kMaxComposedPages)
            return Error::make(ErrorCode::TooLarge, "The document would have too many pages.",
                               "Tài liệu sẽ có quá nhiều trang.");
        ++m_pages;
        if (!guarded(m_c, [&] {
                m_dev.slot() = pdf_page_write(m_c, m_doc.get(), m_mediabox, &m_resources.slot(),
                                              &m_contents.slot());
            }, &m_error))
            return failed(m_error);
        m_y = m_body.y0;
        if (m_o.pageNumbers && m_pages > 1) {
            Story number(m_c);
            const std::string html = "<p style=\"text-align:center;text-indent:0;margin:0\">" +
                                     std::to_string(m_pages) + "</p>";
            bool more = false;
            if (auto e = makeStory(html, number)) return e;
            if (auto e = place(number, m_numberBox, more)) return e;
            if (auto e = draw(number)) return e;
        }
        return std::nullopt;
    }

    std::optional<Error> closePage() {
        if (!m_dev.get()) return std::nullopt;
        OwnedObj page(m_c);
        if (!guarded(m_c, [&] {
                fz_close_device(m_c, m_dev.get());
                page.slot() = pdf_add_page(m_c, m_doc.get(), m_mediabox, 0, m_resources.get(),
                                           m_contents.get());
                pdf_insert_page(m_c, m_doc.get(), -1, page.get());
            }, &m_error))
            return failed(m_error);
        m_dev.reset();
        m_resources.reset();
        m_contents.reset();
        return std::nullopt;
    }

    fz_context* m_c;
    const ComposeOptions& m_o;
    std::string m_css;
    fz_rect m_mediabox{};
    fz_rect m_body{};
    fz_rect m_numberBox{};
    OwnedDoc m_doc;
    OwnedArchive m_archive;
    OwnedDevice m_dev;
    OwnedObj m_resources;
    OwnedBuffer m_contents;
    int m_pages = 0;
    float m_y = 0;
    std::string m_error;
};

} // namespace

Result<std::string> composePdf(const std::vector<Block>& blocks, const ComposeOptions& o) {
    if (auto e = validate(blocks, o)) return *e;
    Context ctx(kComposeStoreBytes);
    if (!ctx) return failed("out of memory");
    Composer composer(ctx.get(), o);
    if (auto e = composer.begin()) return *e;
    for (const Block& block : blocks) {
        auto e = std::visit([&](const auto& b) { return composer.add(b); }, block);
        if (e) return *e;
    }
    return composer.finish();
}

} // namespace room::pdf
