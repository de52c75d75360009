#include "shared/media/video_inspect.h"

#include <cstring>

namespace room::media {

namespace {

Error bad(std::string en, std::string vi) { return Error::make(ErrorCode::BadDocument, std::move(en), std::move(vi)); }

const auto* u8(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

std::uint64_t be(const unsigned char* p, int n) {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
    return v;
}

// ---- EBML (WebM) ----------------------------------------------------------------------------

constexpr std::uint64_t kUnknownSize = ~std::uint64_t{0};

/// An element ID (1–4 bytes, marker bits kept) at `pos`; false when malformed.
bool readId(std::string_view b, std::size_t& pos, std::uint32_t& id) {
    if (pos >= b.size()) return false;
    const unsigned char first = u8(b)[pos];
    int len = 1;
    while (len <= 4 && !(first & (0x80 >> (len - 1)))) ++len;
    if (len > 4 || pos + std::size_t(len) > b.size()) return false;
    id = static_cast<std::uint32_t>(be(u8(b) + pos, len));
    pos += std::size_t(len);
    return true;
}

/// A data size (1–8 bytes, marker bit removed); all ones means "unknown".
bool readSize(std::string_view b, std::size_t& pos, std::uint64_t& size) {
    if (pos >= b.size()) return false;
    const unsigned char first = u8(b)[pos];
    int len = 1;
    while (len <= 8 && !(first & (0x80 >> (len - 1)))) ++len;
    if (len > 8 || pos + std::size_t(len) > b.size()) return false;
    std::uint64_t v = first & (0xFF >> len);
    bool allOnes = v == (0xFFu >> len);
    for (int i = 1; i < len; ++i) {
        v = (v << 8) | u8(b)[pos + std::size_t(i)];
        allOnes = allOnes && u8(b)[pos + std::size_t(i)] == 0xFF;
    }
    pos += std::size_t(len);
    size = allOnes ? kUnknownSize : v;
    return true;
}

double readFloat(const unsigned char* p, std::uint64_t size) {
    if (size == 4) {
        const auto bits = static_cast<std::uint32_t>(be(p, 4));
        float f;
        std::memcpy(&f, &bits, 4);
        return f;
    }
    if (size == 8) {
        const std::uint64_t bits = be(p, 8);
        double d;
        std::memcpy(&d, &bits, 8);
        return d;
    }
    return 0;
}

Result<VideoInfo> inspectWebm(std::string_view b) {
    const auto truncated = bad("the video file is cut short or damaged", "tệp video bị cắt cụt hoặc bị hỏng");
    std::size_t pos = 0;
    std::uint32_t id = 0;
    std::uint64_t size = 0;
    if (!readId(b, pos, id) || id != 0x1A45DFA3 || !readSize(b, pos, size) || size == kUnknownSize || size > b.size() - pos)
        return truncated;
    // The header: DocType must be webm (or plain matroska, which the players read alike).
    const std::size_t headerEnd = pos + size;
    std::string docType;
    while (pos < headerEnd) {
        std::uint64_t s = 0;
        if (!readId(b, pos, id) || !readSize(b, pos, s) || s > headerEnd - pos) return truncated;
        if (id == 0x4282) {
            docType = std::string(b.substr(pos, s));
            while (!docType.empty() && docType.back() == '\0') docType.pop_back(); // padded by some writers
        }
        pos += s;
    }
    if (docType != "webm" && docType != "matroska")
        return bad("the file is not a WebM video", "tệp không phải video WebM");
    if (!readId(b, pos, id) || id != 0x18538067 || !readSize(b, pos, size)) return truncated;
    const std::size_t segmentEnd = size == kUnknownSize ? b.size() : pos + size;
    if (size != kUnknownSize && size > b.size() - pos) return truncated;
    bool tracks = false, cluster = false;
    std::uint64_t timecodeScale = 1000000;
    double duration = 0;
    while (pos < segmentEnd) {
        std::uint64_t s = 0;
        if (!readId(b, pos, id) || !readSize(b, pos, s)) return truncated;
        if (s == kUnknownSize) { // a live-written cluster runs to the end
            cluster = cluster || id == 0x1F43B675;
            break;
        }
        if (s > segmentEnd - pos) return truncated;
        if (id == 0x1654AE6B) tracks = true;
        if (id == 0x1F43B675) cluster = true;
        if (id == 0x1549A966) { // Info
            std::size_t p = pos;
            while (p < pos + s) {
                std::uint32_t child = 0;
                std::uint64_t cs = 0;
                if (!readId(b, p, child) || !readSize(b, p, cs) || cs > pos + s - p) return truncated;
                if (child == 0x2AD7B1 && cs >= 1 && cs <= 8) timecodeScale = be(u8(b) + p, int(cs));
                if (child == 0x4489) duration = readFloat(u8(b) + p, cs);
                p += cs;
            }
        }
        pos += s;
    }
    if (!tracks || !cluster) return bad("the WebM file holds no video frames", "tệp WebM không có khung hình video");
    VideoInfo info;
    info.mediaType = "video/webm";
    if (duration > 0) info.durationMs = static_cast<std::int64_t>(duration * double(timecodeScale) / 1e6);
    return info;
}

// ---- ISO base media (MP4) -------------------------------------------------------------------

Result<VideoInfo> inspectMp4(std::string_view b) {
    const auto truncated = bad("the video file is cut short or damaged", "tệp video bị cắt cụt hoặc bị hỏng");
    std::size_t pos = 0;
    bool first = true, moov = false, mdat = false;
    VideoInfo info;
    info.mediaType = "video/mp4";
    while (pos < b.size()) {
        if (b.size() - pos < 8) return truncated;
        std::uint64_t size = be(u8(b) + pos, 4);
        const std::string type(b.substr(pos + 4, 4));
        std::size_t header = 8;
        if (size == 1) {
            if (b.size() - pos < 16) return truncated;
            size = be(u8(b) + pos + 8, 8);
            header = 16;
        } else if (size == 0) {
            size = b.size() - pos;
        }
        if (size < header || size > b.size() - pos) return truncated;
        if (first && type != "ftyp") return bad("the file is not an MP4 video", "tệp không phải video MP4");
        first = false;
        if (type == "mdat") mdat = true;
        if (type == "moov") {
            moov = true;
            // mvhd is the first child of moov in files written for playback; look for it among them.
            std::size_t p = pos + header;
            const std::size_t end = pos + size;
            while (p + 8 <= end) {
                const std::uint64_t cs = be(u8(b) + p, 4);
                if (cs < 8 || cs > end - p) return truncated;
                if (std::string(b.substr(p + 4, 4)) == "mvhd" && cs >= 32) {
                    const unsigned char* m = u8(b) + p + 8;
                    const bool v1 = m[0] == 1;
                    const std::uint64_t scale = v1 ? be(m + 20, 4) : be(m + 12, 4);
                    const std::uint64_t dur = v1 ? (cs >= 44 ? be(m + 24, 8) : 0) : be(m + 16, 4);
                    if (scale > 0) info.durationMs = static_cast<std::int64_t>(dur * 1000 / scale);
                }
                p += cs;
            }
        }
        pos += size;
    }
    if (!moov || !mdat) return bad("the MP4 file is incomplete (no moov or mdat)", "tệp MP4 không đầy đủ (thiếu moov hoặc mdat)");
    return info;
}

} // namespace

bool looksLikeVideo(std::string_view bytes) {
    return (bytes.size() >= 4 && u8(bytes)[0] == 0x1A && u8(bytes)[1] == 0x45 && u8(bytes)[2] == 0xDF && u8(bytes)[3] == 0xA3) ||
           (bytes.size() >= 8 && bytes.substr(4, 4) == "ftyp");
}

Result<VideoInfo> inspectVideo(std::string_view bytes) {
    if (bytes.size() >= 4 && u8(bytes)[0] == 0x1A && u8(bytes)[1] == 0x45) return inspectWebm(bytes);
    if (bytes.size() >= 8 && bytes.substr(4, 4) == "ftyp") return inspectMp4(bytes);
    return bad("not a video (WebM or MP4 expected)", "không phải tệp video (cần WebM hoặc MP4)");
}

} // namespace room::media
