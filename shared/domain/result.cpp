#include "shared/domain/result.h"

namespace room {

std::string_view errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Malformed: return "malformed";
    case ErrorCode::UnsupportedVersion: return "unsupported_version";
    case ErrorCode::UnknownType: return "unknown_type";
    case ErrorCode::MissingField: return "missing_field";
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::Unauthenticated: return "unauthenticated";
    case ErrorCode::Forbidden: return "forbidden";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::InvalidState: return "invalid_state";
    case ErrorCode::Duplicate: return "duplicate";
    case ErrorCode::LockedOut: return "locked_out";
    case ErrorCode::RateLimited: return "rate_limited";
    case ErrorCode::TooLarge: return "too_large";
    case ErrorCode::BadDocument: return "bad_document";
    case ErrorCode::Internal: return "internal";
    case ErrorCode::Unavailable: return "unavailable";
    }
    return "internal";
}

} // namespace room
