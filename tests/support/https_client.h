// One-shot HTTPS/1.1 requests with certificate pinning and a deadline, for talking to the room server.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace room::testing {

/// A complete HTTP response.
struct HttpResponse {
    int status = 0;
    /// Header names in lowercase; repeated headers are joined with ", ".
    std::map<std::string, std::string> headers;
    std::string body;
};

/// Sends one HTTP/1.1 request over a new TLS (≥ 1.2) connection and reads the whole response.
///
/// `pinnedFingerprint` is the server certificate's SHA-256 fingerprint ("AB:CD:…"; empty = accept
/// any certificate). Host, Content-Length and "Connection: close" are filled in unless `headers`
/// sets them. Bodies of any size are accepted in both directions. Returns nullopt, with a reason
/// in `error`, on connection, TLS or protocol failure or when `timeout` expires; HTTP error
/// statuses are ordinary responses.
std::optional<HttpResponse> httpsRequest(const std::string& host, int port, const std::string& pinnedFingerprint,
                                         const std::string& method, const std::string& target,
                                         const std::map<std::string, std::string>& headers, std::string body,
                                         std::chrono::milliseconds timeout, std::string* error = nullptr);

/// Shorthand for a GET without extra headers.
std::optional<HttpResponse> httpsGet(const std::string& host, int port, const std::string& pinnedFingerprint,
                                     const std::string& target, std::chrono::milliseconds timeout,
                                     std::string* error = nullptr);

}  // namespace room::testing
