// Validation of uploaded video attachments (a clip the chair presents on the wall display).
#pragma once

#include "shared/domain/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace room::media {

/// What inspectVideo read from a video file.
struct VideoInfo {
    std::string mediaType;       ///< "video/webm" or "video/mp4"
    std::int64_t durationMs = 0; ///< from the container's header; 0 when it does not say
};

/// Checks that `bytes` are a complete video file in a container the displays play:
///  - WebM (Matroska with DocType "webm"): the EBML header, then a Segment whose top-level
///    elements fit inside it and include Tracks and at least one Cluster; the duration comes from
///    Info/Duration × TimecodeScale;
///  - MP4 (ISO base media): top-level boxes that cover the file exactly, starting with `ftyp`, with
///    `moov` and `mdat`; the duration comes from `mvhd`.
/// Fails with ErrorCode::BadDocument (English and Vietnamese message) on anything else, including
/// a file cut short. Thread-safe; the bytes are only read during the call.
Result<VideoInfo> inspectVideo(std::string_view bytes);

/// True when the bytes start like a video container this module reads (WebM/Matroska or MP4).
bool looksLikeVideo(std::string_view bytes);

} // namespace room::media
