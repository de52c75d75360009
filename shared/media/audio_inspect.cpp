#include "shared/media/audio_inspect.h"

#include <array>
#include <cstring>

namespace room::media {

namespace {

Error bad(std::string en, std::string vi) { return Error::make(ErrorCode::BadDocument, std::move(en), std::move(vi)); }

std::uint32_t le16(const unsigned char* p) { return static_cast<std::uint32_t>(p[0] | (p[1] << 8)); }
std::uint32_t le32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
std::uint64_t le64(const unsigned char* p) {
    return static_cast<std::uint64_t>(le32(p)) | (static_cast<std::uint64_t>(le32(p + 4)) << 32);
}

/// Ogg's CRC-32: polynomial 0x04C11DB7, initial value 0, no reflection, no final XOR.
const std::array<std::uint32_t, 256>& crcTable() {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t r = i << 24;
            for (int k = 0; k < 8; ++k) r = (r & 0x80000000u) ? (r << 1) ^ 0x04C11DB7u : r << 1;
            t[i] = r;
        }
        return t;
    }();
    return table;
}

std::uint32_t oggCrc(const unsigned char* page, std::size_t size) {
    const auto& t = crcTable();
    std::uint32_t crc = 0;
    for (std::size_t i = 0; i < size; ++i) {
        // The checksum field itself (bytes 22..25) counts as zeros.
        const unsigned char b = (i >= 22 && i < 26) ? 0 : page[i];
        crc = (crc << 8) ^ t[((crc >> 24) & 0xFF) ^ b];
    }
    return crc;
}

constexpr std::size_t kOggHeader = 27;

Result<AudioInfo> inspectOgg(std::string_view bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    std::size_t pos = 0;
    std::uint32_t serial = 0;
    bool first = true, ended = false;
    std::uint64_t lastGranule = 0;
    bool haveGranule = false;
    AudioInfo info;
    std::uint32_t preSkip = 0;
    int pages = 0;
    while (pos < size) {
        if (size - pos < kOggHeader || std::memcmp(data + pos, "OggS", 4) != 0)
            return bad("the Ogg recording is truncated or has a damaged page", "tệp ghi âm Ogg bị cắt cụt hoặc có trang bị hỏng");
        const unsigned char* page = data + pos;
        if (page[4] != 0) return bad("unsupported Ogg version", "phiên bản Ogg không được hỗ trợ");
        const unsigned flags = page[5];
        const std::uint64_t granule = le64(page + 6);
        const std::uint32_t pageSerial = le32(page + 14);
        const std::size_t segments = page[26];
        if (size - pos < kOggHeader + segments)
            return bad("the Ogg recording is truncated", "tệp ghi âm Ogg bị cắt cụt");
        std::size_t body = 0;
        for (std::size_t i = 0; i < segments; ++i) body += page[kOggHeader + i];
        const std::size_t pageSize = kOggHeader + segments + body;
        if (size - pos < pageSize) return bad("the Ogg recording is truncated", "tệp ghi âm Ogg bị cắt cụt");
        if (oggCrc(page, pageSize) != le32(page + 22))
            return bad("an Ogg page of the recording is damaged (checksum)", "một trang của tệp ghi âm Ogg bị hỏng (sai mã kiểm tra)");
        const unsigned char* payload = page + kOggHeader + segments;
        if (first) {
            if (!(flags & 0x02)) return bad("the Ogg recording does not start its stream", "tệp ghi âm Ogg không có trang mở đầu");
            serial = pageSerial;
            if (body >= 19 && std::memcmp(payload, "OpusHead", 8) == 0) {
                info.format = "ogg-opus";
                info.channels = payload[9];
                preSkip = le16(payload + 10);
                info.sampleRate = static_cast<int>(le32(payload + 12));
                if (info.sampleRate == 0) info.sampleRate = 48000;
            } else if (body >= 30 && payload[0] == 1 && std::memcmp(payload + 1, "vorbis", 6) == 0) {
                info.format = "ogg-vorbis";
                info.channels = payload[11];
                info.sampleRate = static_cast<int>(le32(payload + 12));
                if (info.sampleRate <= 0) return bad("the Vorbis header has no sample rate", "tiêu đề Vorbis không có tần số lấy mẫu");
            } else {
                return bad("the Ogg file carries neither Opus nor Vorbis audio", "tệp Ogg không chứa âm thanh Opus hoặc Vorbis");
            }
            if (info.channels < 1 || info.channels > 8)
                return bad("the recording has an unsupported number of channels", "số kênh âm thanh không được hỗ trợ");
            first = false;
        } else if (pageSerial == serial && ended) {
            return bad("the Ogg stream continues after its last page", "luồng Ogg tiếp tục sau trang cuối");
        }
        if (pageSerial == serial) {
            ++pages;
            // -1 marks a page on which no packet ends; it carries no position.
            if (granule != ~std::uint64_t{0}) {
                lastGranule = granule;
                haveGranule = true;
            }
            if (flags & 0x04) ended = true;
        }
        pos += pageSize;
    }
    if (first) return bad("the recording is empty", "tệp ghi âm rỗng");
    if (!ended)
        return bad("the recording was not finished (no end-of-stream page)", "bản ghi âm chưa được kết thúc (không có trang cuối luồng)");
    std::int64_t ms = 0;
    if (haveGranule) {
        if (info.format == "ogg-opus")
            ms = lastGranule > preSkip ? static_cast<std::int64_t>((lastGranule - preSkip) * 1000 / 48000) : 0;
        else
            ms = static_cast<std::int64_t>(lastGranule * 1000 / static_cast<std::uint64_t>(info.sampleRate));
    }
    if (ms <= 0 || pages < 3) return bad("the recording contains no sound", "bản ghi âm không có âm thanh");
    info.durationMs = ms;
    return info;
}

Result<AudioInfo> inspectWav(std::string_view bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    if (size < 12 || std::memcmp(data + 8, "WAVE", 4) != 0) return bad("not a WAVE file", "không phải tệp WAVE");
    const std::uint64_t riffSize = le32(data + 4);
    if (riffSize < 4 || riffSize + 8 > size)
        return bad("the recording was not finished (its sizes were never written)", "bản ghi âm chưa được kết thúc (chưa ghi kích thước)");
    std::size_t pos = 12;
    const std::size_t end = static_cast<std::size_t>(riffSize + 8);
    AudioInfo info;
    info.format = "wav";
    std::uint32_t byteRate = 0;
    while (pos + 8 <= end) {
        const unsigned char* chunk = data + pos;
        const std::uint64_t chunkSize = le32(chunk + 4);
        if (chunkSize > end - pos - 8) return bad("a chunk of the WAVE file runs past its end", "một khối của tệp WAVE vượt quá cuối tệp");
        if (std::memcmp(chunk, "fmt ", 4) == 0) {
            if (chunkSize < 16) return bad("the WAVE format chunk is too short", "khối định dạng WAVE quá ngắn");
            const auto tag = le16(chunk + 8);
            info.channels = static_cast<int>(le16(chunk + 10));
            info.sampleRate = static_cast<int>(le32(chunk + 12));
            byteRate = le32(chunk + 16);
            const auto blockAlign = le16(chunk + 20);
            const auto bits = le16(chunk + 22);
            if (tag != 1 && tag != 3 && tag != 0xFFFE) return bad("the WAVE file is not PCM audio", "tệp WAVE không phải âm thanh PCM");
            if (info.channels < 1 || info.channels > 8 || info.sampleRate < 8000 || info.sampleRate > 192000 ||
                bits == 0 || bits % 8 != 0 || blockAlign != static_cast<std::uint32_t>(info.channels) * bits / 8 ||
                byteRate != static_cast<std::uint32_t>(info.sampleRate) * blockAlign)
                return bad("the WAVE format chunk is inconsistent", "khối định dạng WAVE không nhất quán");
        } else if (std::memcmp(chunk, "data", 4) == 0) {
            if (byteRate == 0) return bad("the WAVE data comes before its format", "dữ liệu WAVE đứng trước khối định dạng");
            info.durationMs = static_cast<std::int64_t>(chunkSize * 1000 / byteRate);
            if (info.durationMs <= 0) return bad("the recording contains no sound", "bản ghi âm không có âm thanh");
            return info;
        }
        pos += 8 + static_cast<std::size_t>(chunkSize) + (chunkSize & 1);
    }
    return bad("the WAVE file has no sound data", "tệp WAVE không có dữ liệu âm thanh");
}

} // namespace

Result<AudioInfo> inspectAudio(std::string_view bytes) {
    if (bytes.empty()) return bad("the recording is empty", "tệp ghi âm rỗng");
    if (bytes.size() >= 4 && bytes.substr(0, 4) == "OggS") return inspectOgg(bytes);
    if (bytes.size() >= 4 && bytes.substr(0, 4) == "RIFF") return inspectWav(bytes);
    return bad("not an audio recording (Ogg Opus/Vorbis or WAVE expected)",
               "không phải tệp ghi âm (cần Ogg Opus/Vorbis hoặc WAVE)");
}

std::string_view mimeTypeOf(std::string_view format) {
    if (format == "ogg-opus" || format == "ogg-vorbis") return "audio/ogg";
    if (format == "wav") return "audio/wav";
    return "application/octet-stream";
}

} // namespace room::media
