// Errors as values: the one error type of the project and a small Result<T>.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace room {

/// Stable error codes. Their spelling (see errorCodeName) is part of the protocol: append only.
enum class ErrorCode {
    Malformed,          ///< not JSON, or not the shape the message needs
    UnsupportedVersion, ///< protocol version the server does not speak
    UnknownType,        ///< message or command type that does not exist
    MissingField,       ///< a required field is absent (a present field of the wrong type is InvalidArgument)
    InvalidArgument,    ///< a field has a value outside its domain
    Unauthenticated,    ///< no session, expired or forged token
    Forbidden,          ///< the role may not do this
    NotFound,           ///< participant, item, document … does not exist
    InvalidState,       ///< out of order: the meeting is not in a state that allows it
    Duplicate,          ///< the thing already exists / already happened
    LockedOut,          ///< too many wrong PINs
    RateLimited,        ///< too many messages
    TooLarge,           ///< frame or upload exceeds the limit
    BadDocument,        ///< not a PDF, corrupt, or password-protected
    Internal,           ///< a bug or an I/O failure; nothing was changed
    Unavailable,        ///< the server is shutting down or overloaded
};

std::string_view errorCodeName(ErrorCode code);

/// An expected failure: a stable code plus a message for people, in English and Vietnamese.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;   ///< English
    std::string messageVi; ///< Vietnamese (falls back to English when empty)

    static Error make(ErrorCode c, std::string en, std::string vi = {}) {
        return Error{c, std::move(en), std::move(vi)};
    }
};

/// Either a value or an Error. Cheap, explicit, no exceptions.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { assert(ok()); return std::get<0>(m_v); }
    const T& value() const& { assert(ok()); return std::get<0>(m_v); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { assert(!ok()); return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/// Result for operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

} // namespace room
