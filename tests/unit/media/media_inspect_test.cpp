// Reading uploaded media: recordings (a real Opus file made by the wall display, WAVE and Vorbis
// files built here byte by byte) and video clips (a WebM made by GStreamer, MP4 boxes built here),
// and every way a file can be broken.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "shared/media/audio_inspect.h"
#include "shared/media/video_inspect.h"

using room::ErrorCode;
using room::media::inspectAudio;

namespace {

std::string readData(const std::string& name) {
    const char* dir = std::getenv("ROOM_TEST_DATA");
    REQUIRE(dir != nullptr);
    std::ifstream in(std::string(dir) + "/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void put16(std::string& s, std::uint32_t v) {
    s.push_back(char(v & 0xFF));
    s.push_back(char((v >> 8) & 0xFF));
}
void put32(std::string& s, std::uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
}
void put64(std::string& s, std::uint64_t v) {
    put32(s, std::uint32_t(v & 0xFFFFFFFFu));
    put32(s, std::uint32_t(v >> 32));
}

/// A WAVE file of `seconds` of 16-bit PCM silence.
std::string wav(int rate, int channels, double seconds) {
    const std::uint32_t block = std::uint32_t(channels) * 2;
    const auto data = std::uint32_t(rate * seconds) * block;
    std::string s = "RIFF";
    put32(s, 4 + 8 + 16 + 8 + data);
    s += "WAVEfmt ";
    put32(s, 16);
    put16(s, 1);
    put16(s, std::uint32_t(channels));
    put32(s, std::uint32_t(rate));
    put32(s, std::uint32_t(rate) * block);
    put16(s, block);
    put16(s, 16);
    s += "data";
    put32(s, data);
    s.append(data, '\0');
    return s;
}

/// Ogg's CRC, written the slow and obvious way (bit by bit), to check the inspector's table.
std::uint32_t slowCrc(const std::string& page) {
    std::uint32_t crc = 0;
    for (unsigned char byte : page) {
        crc ^= std::uint32_t(byte) << 24;
        for (int k = 0; k < 8; ++k) crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
    }
    return crc;
}

/// One Ogg page with a single packet (< 255 bytes), its checksum filled in.
std::string oggPage(unsigned flags, std::uint64_t granule, std::uint32_t serial, std::uint32_t sequence,
                    const std::string& packet) {
    REQUIRE(packet.size() < 255);
    std::string p = "OggS";
    p.push_back('\0');
    p.push_back(char(flags));
    put64(p, granule);
    put32(p, serial);
    put32(p, sequence);
    put32(p, 0);
    p.push_back(char(1));
    p.push_back(char(packet.size()));
    p += packet;
    const std::uint32_t crc = slowCrc(p);
    for (int i = 0; i < 4; ++i) p[22 + i] = char((crc >> (8 * i)) & 0xFF);
    return p;
}

/// A minimal Ogg Vorbis stream: identification header, a comment page and a last audio page.
std::string vorbis(int rate, std::uint64_t lastGranule, bool endOfStream = true) {
    std::string id;
    id.push_back('\1');
    id += "vorbis";
    put32(id, 0);        // version
    id.push_back('\2');  // channels
    put32(id, std::uint32_t(rate));
    put32(id, 0);
    put32(id, 128000);
    put32(id, 0);
    id.push_back(char(0xB8));
    id.push_back('\1');
    std::string comment = "\3vorbis";
    comment += std::string(16, 'x');
    return oggPage(0x02, 0, 7, 0, id) + oggPage(0, 0, 7, 1, comment) +
           oggPage(endOfStream ? 0x04 : 0, lastGranule, 7, 2, std::string(40, 'a'));
}

ErrorCode codeOf(const std::string& bytes) {
    auto r = inspectAudio(bytes);
    return r ? ErrorCode::Internal : r.error().code; // Internal stands for "accepted" here
}

} // namespace

TEST_SUITE("media") {

TEST_CASE("a recording made by the wall display: Ogg Opus with its duration") {
    const std::string bytes = readData("audio/room-short.opus.ogg");
    auto info = inspectAudio(bytes);
    REQUIRE(info);
    CHECK(info->format == "ogg-opus");
    CHECK(info->channels == 2);
    CHECK(info->sampleRate == 48000);
    CHECK(info->durationMs > 0);
    CHECK(info->durationMs < 60000);
    CHECK(room::media::mimeTypeOf(info->format) == "audio/ogg");
}

TEST_CASE("a cut, damaged or unfinished Ogg file is refused") {
    const std::string good = readData("audio/room-short.opus.ogg");
    for (std::size_t cut : {std::size_t(1), std::size_t(20), std::size_t(100), good.size() / 2, good.size() - 1}) {
        INFO("cut at ", cut);
        CHECK(codeOf(good.substr(0, cut)) == ErrorCode::BadDocument);
    }
    std::string flipped = good;
    flipped[flipped.size() - 10] = char(flipped[flipped.size() - 10] ^ 0x40);
    auto r = inspectAudio(flipped);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("checksum") != std::string::npos);
    CHECK_FALSE(r.error().messageVi.empty());
    // Without its end-of-stream page (the recorder was killed): not finished.
    auto open = inspectAudio(vorbis(44100, 44100, false));
    REQUIRE_FALSE(open);
    CHECK(open.error().message.find("not finished") != std::string::npos);
    // A stream that does not begin with its first page.
    std::string noStart = vorbis(44100, 44100);
    noStart[5] = '\0';
    REQUIRE_FALSE(inspectAudio(noStart)); // (the checksum breaks too; either way refused)
}

TEST_CASE("Ogg Vorbis: the duration comes from the last granule and the sample rate") {
    auto info = inspectAudio(vorbis(44100, 44100));
    REQUIRE(info);
    CHECK(info->format == "ogg-vorbis");
    CHECK(info->channels == 2);
    CHECK(info->sampleRate == 44100);
    CHECK(info->durationMs == 1000);
    auto longer = inspectAudio(vorbis(48000, 48000 * 90));
    REQUIRE(longer);
    CHECK(longer->durationMs == 90000);
    // No sound at all.
    CHECK(codeOf(vorbis(44100, 0)) == ErrorCode::BadDocument);
    // A first packet that is neither Opus nor Vorbis (e.g. video).
    const std::string theora = oggPage(0x02, 0, 9, 0, "\x80theora" + std::string(40, 'x')) +
                               oggPage(0x04, 100, 9, 1, std::string(10, 'y'));
    auto r = inspectAudio(theora);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("neither Opus nor Vorbis") != std::string::npos);
}

TEST_CASE("WAVE: PCM with consistent sizes is read; a file its writer never finished is refused") {
    auto info = inspectAudio(wav(16000, 1, 1.0));
    REQUIRE(info);
    CHECK(info->format == "wav");
    CHECK(info->channels == 1);
    CHECK(info->sampleRate == 16000);
    CHECK(info->durationMs == 1000);
    CHECK(room::media::mimeTypeOf("wav") == "audio/wav");

    std::string unfinished = wav(16000, 1, 1.0);
    for (int i = 4; i < 8; ++i) unfinished[i] = '\0'; // RIFF size 0, as a killed writer leaves it
    auto r = inspectAudio(unfinished);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("not finished") != std::string::npos);

    std::string tooLong = wav(16000, 1, 0.5);
    tooLong.resize(tooLong.size() - 100); // data chunk claims more than the file holds
    CHECK(codeOf(tooLong) == ErrorCode::BadDocument);

    std::string badAlign = wav(16000, 2, 0.5);
    badAlign[32] = '\3'; // block align 3 for 2 channels of 16 bits
    CHECK(codeOf(badAlign) == ErrorCode::BadDocument);

    std::string noSound = wav(16000, 1, 0.0);
    CHECK(codeOf(noSound) == ErrorCode::BadDocument);

    // data before fmt
    std::string swapped = "RIFF";
    put32(swapped, 4 + 8 + 4);
    swapped += "WAVEdata";
    put32(swapped, 4);
    swapped += "abcd";
    CHECK(codeOf(swapped) == ErrorCode::BadDocument);
}

TEST_CASE("anything else is not a recording") {
    CHECK(codeOf("") == ErrorCode::BadDocument);
    CHECK(codeOf("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF") == ErrorCode::BadDocument);
    std::string noise;
    std::uint32_t x = 12345;
    for (int i = 0; i < 5000; ++i) noise.push_back(char((x = x * 1103515245u + 12345u) >> 24));
    CHECK(codeOf(noise) == ErrorCode::BadDocument);
    CHECK(codeOf("OggS") == ErrorCode::BadDocument);
    CHECK(codeOf("RIFF\x10\0\0\0WAVE") == ErrorCode::BadDocument);
    auto r = inspectAudio("ID3\x04 an mp3 file");
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("not an audio recording") != std::string::npos);
}

} // TEST_SUITE

// ---- video clips -------------------------------------------------------------------------------

namespace {

void putBox(std::string& s, const std::string& type, const std::string& body) {
    const auto size = static_cast<std::uint32_t>(8 + body.size());
    for (int i = 3; i >= 0; --i) s.push_back(char((size >> (8 * i)) & 0xFF));
    s += type;
    s += body;
}

std::string be32(std::uint32_t v) {
    std::string s;
    for (int i = 3; i >= 0; --i) s.push_back(char((v >> (8 * i)) & 0xFF));
    return s;
}

/// A minimal MP4: ftyp, moov with an mvhd of `seconds` at timescale 1000, and an mdat.
std::string mp4(std::uint32_t seconds) {
    std::string mvhd(4, '\0');           // version 0, flags
    mvhd += be32(0) + be32(0);            // creation, modification
    mvhd += be32(1000) + be32(seconds * 1000); // timescale, duration
    mvhd += std::string(80, '\0');
    std::string moov;
    putBox(moov, "mvhd", mvhd);
    std::string file;
    putBox(file, "ftyp", "isom" + be32(512) + "isomiso2mp41");
    putBox(file, "moov", moov);
    putBox(file, "mdat", std::string(100, 'v'));
    return file;
}

} // namespace

TEST_CASE("video clips: a WebM made by GStreamer and a hand-built MP4 are read with their durations") {
    using room::media::inspectVideo;
    const std::string webm = readData("video/presented-2s.webm");
    CHECK(room::media::looksLikeVideo(webm));
    auto info = inspectVideo(webm);
    REQUIRE(info);
    CHECK(info->mediaType == "video/webm");
    CHECK(info->durationMs >= 1900);
    CHECK(info->durationMs <= 2100);

    auto m = inspectVideo(mp4(42));
    REQUIRE(m);
    CHECK(m->mediaType == "video/mp4");
    CHECK(m->durationMs == 42000);
}

TEST_CASE("video clips: cut, incomplete or foreign files are refused") {
    using room::media::inspectVideo;
    const std::string webm = readData("video/presented-2s.webm");
    for (std::size_t cut : {std::size_t(3), std::size_t(30), std::size_t(200), webm.size() - 1}) {
        INFO("cut at ", cut);
        auto r = inspectVideo(webm.substr(0, cut));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::BadDocument);
    }
    std::string wrongDocType = webm;
    const auto at = wrongDocType.find("webm");
    REQUIRE(at != std::string::npos);
    wrongDocType.replace(at, 4, "mkvx");
    CHECK_FALSE(inspectVideo(wrongDocType));

    std::string noMoov;
    putBox(noMoov, "ftyp", "isom" + be32(512));
    putBox(noMoov, "mdat", std::string(10, 'v'));
    auto r = inspectVideo(noMoov);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("incomplete") != std::string::npos);
    std::string cutMp4 = mp4(3);
    cutMp4.resize(cutMp4.size() - 5);
    CHECK_FALSE(inspectVideo(cutMp4));
    CHECK_FALSE(inspectVideo("%PDF-1.7"));
    CHECK_FALSE(room::media::looksLikeVideo("%PDF-1.7"));
    CHECK_FALSE(inspectVideo(""));
}
