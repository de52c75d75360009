// Document distribution: a deterministic large PDF, and many pinned HTTPS downloads of it at once on one thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace room::bench {

/// A one-page PDF of `bytes` bytes (at least a few thousand; one byte less in rare cases): the page shows one
/// uncompressed RGB image of pseudo-random pixels, so the file is a valid PDF of the wanted size
/// that no transport can compress. The same `bytes` always gives the same file.
std::string makeBenchPdf(std::int64_t bytes);

/// Lower-case hex SHA-256 of `data` (a document's id).
std::string sha256Hex(const std::string& data);

/// One client's download.
struct Download {
    std::string problem;                ///< empty when the body arrived complete
    int status = 0;                     ///< HTTP status of the answer
    std::int64_t bytes = 0;             ///< body bytes received
    std::int64_t contentLength = -1;    ///< as announced
    std::string sha256;                 ///< lower-case hex of the body, once complete
    std::chrono::steady_clock::time_point connectAt{};   ///< TCP connect started
    std::chrono::steady_clock::time_point readyAt{};     ///< TLS handshake done, certificate pin checked
    std::chrono::steady_clock::time_point requestAt{};   ///< the request was handed to TLS
    std::chrono::steady_clock::time_point firstByteAt{}; ///< the first byte of the answer arrived
    std::chrono::steady_clock::time_point lastByteAt{};  ///< the last byte of the body arrived
};

/// What a batch of simultaneous downloads measured.
struct DownloadBatch {
    std::vector<Download> clients;
    std::string tls;                    ///< protocol and cipher the first connection negotiated, e.g. "TLSv1.3 TLS_AES_256_GCM_SHA384"
    std::string error;                  ///< set when the batch could not run at all
};

/// Downloads `GET <path>` from https://127.0.0.1:`port` once per token (`Authorization: Bearer <token>`),
/// all on the calling thread with nonblocking sockets: first every client connects and completes its
/// TLS handshake (TLS ≥ 1.2, ALPN http/1.1, the server certificate pinned to its SHA-256
/// `fingerprint` "AB:CD:…" before anything is sent), then all requests are written at the same
/// instant and every body is read (and hashed with SHA-256) as it arrives. Gives up on what is not
/// done after `timeout`.
DownloadBatch downloadAll(int port, const std::string& fingerprint, const std::string& path,
                          const std::vector<std::string>& tokens, std::chrono::milliseconds timeout);

} // namespace room::bench
