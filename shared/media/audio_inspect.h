// Validation of uploaded audio recordings: what the file is and how long it plays.
#pragma once

#include "shared/domain/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace room::media {

/// What inspectAudio read from a recording.
struct AudioInfo {
    std::string format;          ///< "ogg-opus", "ogg-vorbis" or "wav"
    int channels = 0;            ///< 1..8
    int sampleRate = 0;          ///< Hz (for Opus: the rate of the original input, informational)
    std::int64_t durationMs = 0; ///< playing time, at least 1
};

/// Checks that `bytes` are a complete audio recording the room's players can play, and reads its
/// duration from the file itself (never from what the uploader claims). Accepted:
///  - Ogg (RFC 3533) carrying Opus (RFC 7845) or Vorbis: every page's capture pattern, version and
///    CRC-32 are checked, the first page must open the stream with its identification header, and
///    the duration comes from the granule position of the stream's last page (Opus: minus the
///    pre-skip, at 48 kHz);
///  - RIFF/WAVE with PCM or IEEE-float samples: the "fmt " chunk must be consistent, and the
///    duration comes from the "data" chunk's size (a writer that was killed before fixing the sizes
///    leaves 0 or too large a size there: refused).
/// Fails with ErrorCode::BadDocument (English and Vietnamese message) on anything else: empty,
/// unknown container or codec, a broken page, truncated data, or no sound at all (duration 0).
/// Thread-safe and allocation-light; the bytes are only read during the call.
Result<AudioInfo> inspectAudio(std::string_view bytes);

/// MIME type for a format name from AudioInfo ("audio/ogg", "audio/wav"); "application/octet-stream"
/// for anything else.
std::string_view mimeTypeOf(std::string_view format);

} // namespace room::media
