// The LAN edge: one TLS port serving WebSocket (/ws) and HTTPS, run by libwebsockets on its own thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "shared/domain/result.h"

namespace room::transport {

using ConnId = std::uint64_t;     ///< a WebSocket connection, never reused within a process
using RequestId = std::uint64_t;  ///< an HTTP request, never reused within a process

struct TransportConfig {
    std::string host = "0.0.0.0";        ///< IPv4/IPv6 address to bind ("0.0.0.0" = all IPv4) or an interface name
    int port = 9443;                      ///< 0 = pick a free port (see Transport::port())
    std::filesystem::path certFile;       ///< PEM
    std::filesystem::path keyFile;        ///< PEM
    std::filesystem::path uploadDir;      ///< where POST bodies are spooled (same filesystem as the data dir)
    std::size_t maxFrameBytes = 64 * 1024;          ///< larger WebSocket messages close the connection (1009)
    std::int64_t maxUploadBytes = 200LL * 1024 * 1024; ///< larger POST bodies get 413, nothing kept
    /// Per connection, token bucket with a burst of twice this. Messages beyond it are dropped and
    /// reported with onRejectedMessage(RateLimited); more than ten times this within one second
    /// closes the connection (1008). 0 = unlimited.
    int maxMessagesPerSecond = 50;
    std::size_t maxQueuedBytesPerConn = 32 * 1024 * 1024; ///< slow consumer beyond this is disconnected
    int maxConnections = 4000;            ///< WebSocket connections; upgrades beyond get HTTP 503
};

struct HttpRequest {
    std::string method;                  ///< "GET", "HEAD", "POST"
    std::string path;                    ///< decoded path without the query, e.g. "/documents/ab12…"
    std::string query;                   ///< arguments after '?', each percent-decoded ('+' as space), joined with '&'; may be empty
    /// Lowercase names, present when sent. Known to lws: authorization, range, if-none-match,
    /// if-range, if-match, if-modified-since, content-type, content-length, content-disposition,
    /// accept, user-agent, host, x-auth-token. Others only if listed in kCustomRequestHeaders
    /// (transport.cpp): x-title, x-audience, x-item, x-listed, x-document-title, x-filename, x-request-id,
    /// x-started-at.
    std::map<std::string, std::string> headers;
    std::filesystem::path bodyFile;      ///< POST only: the whole body spooled here; the receiver owns (deletes) it
    std::int64_t bodyBytes = 0;
    std::string peer;                    ///< remote address
};

struct HttpResponse {
    int status = 200;
    std::map<std::string, std::string> headers; ///< e.g. content-type, etag, content-range, accept-ranges
    std::string body;                    ///< used when file is empty
    std::filesystem::path file;          ///< when set: serve fileLength bytes of it from fileOffset
    std::int64_t fileOffset = 0;
    std::int64_t fileLength = 0;
    bool headOnly = false;               ///< HEAD: headers (content-length as for GET), no body
};

/// What the core provides. Called on the transport thread only; implementations must return
/// quickly (hand work to another thread) and must not call back into lws. Calling
/// Transport::send / close / respond from a callback is fine (they only queue).
class TransportHandler {
public:
    virtual ~TransportHandler() = default;
    virtual void onOpen(ConnId conn, const std::string& peer) = 0;
    virtual void onClose(ConnId conn) = 0;
    virtual void onMessage(ConnId conn, std::string text) = 0;      ///< one complete text message
    virtual void onRejectedMessage(ConnId conn, room::Error why) = 0; ///< binary, rate-limited: not delivered
    virtual void onHttp(RequestId req, HttpRequest request) = 0;  ///< answer later with Transport::respond
};

/// Counters readable from any thread (for /metrics).
struct TransportStats {
    std::atomic<std::int64_t> connections{0};
    std::atomic<std::int64_t> connectionsTotal{0};
    std::atomic<std::int64_t> messagesIn{0};
    std::atomic<std::int64_t> framesOut{0};
    std::atomic<std::int64_t> bytesOut{0};
    std::atomic<std::int64_t> httpRequests{0};
    std::atomic<std::int64_t> rejectedMessages{0};
};

/// libwebsockets server on its own thread. Every public method except start() is thread-safe;
/// cross-thread work is queued and handed over with lws_cancel_service().
class Transport {
public:
    Transport();
    ~Transport();
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;

    /// Binds, loads the certificate and starts the service thread. Errors name the cause
    /// (port in use, unreadable key …).
    room::Status start(const TransportConfig& config, TransportHandler& handler);
    /// Stops accepting, closes every connection (1001 going away, at most ~0.5 s grace), joins the
    /// thread; onClose is reported for every connection before it returns. Idempotent; also run
    /// by the destructor. Not from a handler callback (it joins the transport thread).
    void stop();
    int port() const;

    /// Queues a text frame for a connection (dropped if it has gone). Frames are sent in order.
    void send(ConnId conn, std::shared_ptr<const std::string> frame);
    /// Sends the queued frames, then closes with a WebSocket close code and reason.
    void close(ConnId conn, int code, const std::string& reason);
    /// Answers an HTTP request (ignored if the client has gone).
    void respond(RequestId req, HttpResponse response);

    const TransportStats& stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace room::transport
