// The LAN edge: the libwebsockets service thread, WebSocket sessions on /ws and HTTP exchanges.
//
// Thread ownership (see also docs/threading.md):
//  - The transport thread (Impl::run) owns the lws context and everything keyed by a wsi:
//    m_sessions*, m_exchanges*, m_txBuf, m_shuttingDown. Only it calls lws functions, except
//    lws_cancel_service(), which any thread may call.
//  - Other threads reach it through m_commands (guarded by m_commandsMutex) and a wake-up with
//    lws_cancel_service(), which lws turns into LWS_CALLBACK_EVENT_WAIT_CANCELLED on this thread.
//  - m_stats, m_port, m_nextId and m_stopRequested are atomics, readable from anywhere.
#include "room-server/src/transport/transport.h"

#include "room-server/src/transport/token_bucket.h"

#include <nlohmann/json.hpp>
#include "room-server/src/transport/upload_file.h"

#include <libwebsockets.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <strings.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <variant>
#include <vector>

namespace room::transport {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kProtocolName = "room.v1";
constexpr std::string_view kWsPath = "/ws";
constexpr std::size_t kChunkBytes = 64 * 1024;      // HTTP body bytes per WRITEABLE
constexpr std::size_t kHeaderRoom = 16 * 1024;      // room for one response header block
constexpr std::size_t kRxBufferBytes = 8 * 1024;    // per WebSocket connection, allocated by lws
constexpr std::size_t kKeepTxBufferBytes = 4 * 1024 * 1024;
constexpr unsigned kHandlerTimeoutSecs = 300;       // a handler that never answers frees the socket
constexpr unsigned kSendStallSecs = 60;             // a client that stops reading a response
constexpr unsigned kIoTimeoutSecs = 20;             // lws: headers, body chunks
constexpr int kKeepAliveSecs = 30;
constexpr auto kShutdownGrace = std::chrono::milliseconds(500);
constexpr lws_usec_t kShutdownTickUs = 20 * 1000;
constexpr long kFloodFactor = 10;
constexpr std::size_t kMaxCloseReasonBytes = 123;   // a close frame payload is at most 125 bytes

/// Request headers lws parses into tokens; copied into HttpRequest::headers under these names.
struct HeaderToken {
    lws_token_indexes token;
    const char* name;
};
constexpr HeaderToken kStandardRequestHeaders[] = {
    {WSI_TOKEN_HTTP_AUTHORIZATION, "authorization"},
    {WSI_TOKEN_HTTP_RANGE, "range"},
    {WSI_TOKEN_HTTP_IF_NONE_MATCH, "if-none-match"},
    {WSI_TOKEN_HTTP_IF_RANGE, "if-range"},
    {WSI_TOKEN_HTTP_IF_MATCH, "if-match"},
    {WSI_TOKEN_HTTP_IF_MODIFIED_SINCE, "if-modified-since"},
    {WSI_TOKEN_HTTP_CONTENT_TYPE, "content-type"},
    {WSI_TOKEN_HTTP_CONTENT_LENGTH, "content-length"},
    {WSI_TOKEN_HTTP_CONTENT_DISPOSITION, "content-disposition"},
    {WSI_TOKEN_HTTP_ACCEPT, "accept"},
    {WSI_TOKEN_HTTP_USER_AGENT, "user-agent"},
    {WSI_TOKEN_HOST, "host"},
    {WSI_TOKEN_X_AUTH_TOKEN, "x-auth-token"},
};

/// Headers lws does not know; it keeps them by name and can only look them up by name, so the
/// ones the server uses are listed here. Append when a handler needs another one.
constexpr const char* kCustomRequestHeaders[] = {
    "x-title", "x-audience", "x-item", "x-listed", "x-document-title", "x-filename", "x-request-id",
    "x-started-at",
};

struct MethodToken {
    lws_token_indexes token;
    const char* name;
};
constexpr MethodToken kMethods[] = {
    {WSI_TOKEN_GET_URI, "GET"},       {WSI_TOKEN_HEAD_URI, "HEAD"},       {WSI_TOKEN_POST_URI, "POST"},
    {WSI_TOKEN_PUT_URI, "PUT"},       {WSI_TOKEN_PATCH_URI, "PATCH"},     {WSI_TOKEN_DELETE_URI, "DELETE"},
    {WSI_TOKEN_OPTIONS_URI, "OPTIONS"},
};

const char* reasonPhrase(int status) {
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 507: return "Insufficient Storage";
    default: return "";
    }
}

bool validHeaderName(std::string_view name) {
    if (name.empty())
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
    });
}

bool validHeaderValue(std::string_view value) {
    return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

std::string copyToken(lws* wsi, lws_token_indexes token) {
    const int n = lws_hdr_total_length(wsi, token);
    if (n <= 0)
        return {};
    std::string value(static_cast<std::size_t>(n) + 1, '\0');
    const int got = lws_hdr_copy(wsi, value.data(), n + 1, token);
    if (got < 0)
        return {};
    value.resize(static_cast<std::size_t>(got));
    return value;
}

std::string peerAddress(lws* wsi) {
    char buf[128] = {};
    if (!lws_get_peer_simple(wsi, buf, sizeof buf - 1))
        return {};
    return buf;
}

std::string truncateUtf8(std::string s, std::size_t max) {
    if (s.size() <= max)
        return s;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut; // never split a UTF-8 sequence: the peer validates close reasons as text
    s.resize(cut);
    return s;
}

void emitLwsLog(int /*level*/, const char* line) {
    std::fputs("transport: ", stderr);
    std::fputs(line, stderr);
}

void noopTick(lws_sorted_usec_list_t*) {}

/// Binds and releases host:port once, so the usual start-up failures (port taken, address not
/// on this machine, privileged port) are reported with their cause. lws would only say "failed",
/// and its failed-vhost path also leaks the TLS context. Interface names are left to lws.
room::Status probeListen(const std::string& host, int port) {
    sockaddr_storage addr{};
    socklen_t addrLen = 0;
    auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
    if (host.empty() || host == "0.0.0.0" || inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(static_cast<std::uint16_t>(port));
        addrLen = sizeof(sockaddr_in);
    } else if (host == "::" || inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(static_cast<std::uint16_t>(port));
        addrLen = sizeof(sockaddr_in6);
    } else {
        return room::Ok{};
    }
    const int fd = ::socket(addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return room::Ok{};
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one); // as lws does
    const int rc = ::bind(fd, reinterpret_cast<const sockaddr*>(&addr), addrLen);
    const int err = errno;
    ::close(fd);
    if (rc == 0)
        return room::Ok{};
    return room::Error::make(room::ErrorCode::Unavailable, "cannot listen on " + host + ":" + std::to_string(port) +
                                                               ": " + std::strerror(err));
}

/// lws sizes its descriptor table from the soft limit when the context is created, and the
/// common default of 1024 is below maxConnections: raise the soft limit (never the hard one).
void raiseDescriptorLimit(int maxConnections) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const auto wanted = static_cast<rlim_t>(maxConnections) + 256;
    if (limit.rlim_cur >= wanted)
        return;
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
        lwsl_err("cannot raise the open file limit to %llu\n", static_cast<unsigned long long>(wanted));
}

/// Appends "HTTP/1.1 <status> <reason>" and the header lines (not the blank line) at p.
/// Returns false when the block does not fit before end.
class HeadWriter {
public:
    HeadWriter(char* p, char* end) : m_p(p), m_end(end) {}

    bool status(int code) {
        char line[64];
        const int n = std::snprintf(line, sizeof line, "HTTP/1.1 %d %s\r\n", code, reasonPhrase(code));
        return n > 0 && raw(std::string_view(line, static_cast<std::size_t>(n)));
    }
    bool header(std::string_view name, std::string_view value) {
        return raw(name) && raw(": ") && raw(value) && raw("\r\n");
    }
    bool finish() { return raw("\r\n"); }
    char* position() const { return m_p; }

private:
    bool raw(std::string_view s) {
        if (static_cast<std::size_t>(m_end - m_p) < s.size())
            return false;
        std::memcpy(m_p, s.data(), s.size());
        m_p += s.size();
        return true;
    }
    char* m_p;
    char* m_end;
};

} // namespace

struct Transport::Impl {
    // ---- one WebSocket connection (transport thread only) ----
    struct WsSession {
        WsSession(ConnId i, lws* w, std::string p, const TransportConfig& c, Clock::time_point now)
            : id(i), wsi(w), peer(std::move(p)),
              bucket(c.maxMessagesPerSecond, 2.0 * c.maxMessagesPerSecond, now),
              flood(c.maxMessagesPerSecond > 0 ? kFloodFactor * c.maxMessagesPerSecond : 0) {}

        ConnId id;
        lws* wsi;
        std::string peer;
        std::string rx;              // text message being reassembled
        std::size_t rxBytes = 0;     // bytes of the current message so far (text or binary)
        bool rxBinary = false;
        std::deque<std::shared_ptr<const std::string>> out;
        std::size_t outBytes = 0;
        bool closeRequested = false; // no more frames are queued; close after `out` drains
        int closeCode = LWS_CLOSE_STATUS_NORMAL;
        std::string closeReason;
        bool closeWritten = false;   // lws has been told to send the close frame
        TokenBucket bucket;
        FloodCounter flood;
    };

    // ---- one HTTP request/response on a connection (transport thread only) ----
    struct HttpExchange {
        ~HttpExchange() {
            if (fileFd >= 0)
                ::close(fileFd);
        }
        RequestId id = 0;
        lws* wsi = nullptr;
        HttpRequest request;          // moved out when handed to the handler
        bool isHead = false;
        bool isPost = false;
        UploadFile upload;            // POST body until handed over; deleted with the exchange
        bool handedOver = false;      // the handler has it and will respond()
        bool internal = false;        // answered by the transport itself; ignore any body
        bool closeAfter = false;      // the rest of the request cannot be trusted: close after the answer
        std::optional<HttpResponse> response;
        int fileFd = -1;
        bool headersSent = false;
        std::int64_t contentLength = 0;
        std::int64_t bodyTotal = 0;   // bytes to send (0 for HEAD)
        std::int64_t bodySent = 0;
        /// When the send-stall timeout was last armed. Re-arming it costs a sorted insert into a
        /// list holding every connection, so a download re-arms it at most once a second, not per
        /// chunk (a 20 MB file is 300 chunks).
        std::chrono::steady_clock::time_point stallArmedAt{};
    };

    struct SendCommand {
        ConnId conn;
        std::shared_ptr<const std::string> frame;
    };
    struct CloseCommand {
        ConnId conn;
        int code;
        std::string reason;
    };
    struct RespondCommand {
        RequestId req;
        HttpResponse response;
    };
    using Command = std::variant<SendCommand, CloseCommand, RespondCommand>;

    TransportConfig m_config;
    TransportHandler* m_handler = nullptr;
    TransportStats m_stats;
    std::atomic<int> m_port{0};
    std::atomic<std::uint64_t> m_nextId{1};
    std::atomic<bool> m_stopRequested{false};
    std::thread m_thread;

    lws_context* m_context = nullptr;
    lws_vhost* m_vhost = nullptr;
    lws_protocols m_protocols[2]{};
    lws_retry_bo_t m_retry{};
    std::string m_iface, m_certPath, m_keyPath;

    std::mutex m_commandsMutex;
    std::vector<Command> m_commands; // guarded by m_commandsMutex
    bool m_accepting = false;        // guarded by m_commandsMutex: m_context is alive and serviced

    // Transport thread only.
    std::unordered_map<lws*, std::unique_ptr<WsSession>> m_sessions;
    std::unordered_map<ConnId, WsSession*> m_sessionsById;
    std::unordered_map<lws*, std::unique_ptr<HttpExchange>> m_exchanges;
    std::unordered_map<RequestId, HttpExchange*> m_exchangesById;
    std::vector<unsigned char> m_txBuf;
    bool m_shuttingDown = false;
    lws_sorted_usec_list_t m_tick{};

    // ------------------------------------------------------------------------------------------
    // Cross-thread entry points

    void post(Command command) {
        std::lock_guard lock(m_commandsMutex);
        if (!m_accepting)
            return;
        const bool wasEmpty = m_commands.empty();
        m_commands.push_back(std::move(command));
        // One wake-up per batch: the transport thread swaps the whole queue out, and the wake-up
        // that made it non-empty is sent under the lock, so it cannot be lost.
        if (wasEmpty)
            lws_cancel_service(m_context);
    }

    // ------------------------------------------------------------------------------------------
    // Start-up (caller's thread, before the transport thread exists)

    static room::Status checkTlsFiles(const TransportConfig& c) {
        SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
        if (!ctx)
            return room::Error::make(room::ErrorCode::Internal, "OpenSSL: cannot create a TLS context");
        room::Status result = room::Ok{};
        if (SSL_CTX_use_certificate_chain_file(ctx, c.certFile.c_str()) != 1)
            result = room::Error::make(room::ErrorCode::InvalidArgument,
                                       "certFile " + c.certFile.string() + ": not a readable PEM certificate");
        else if (SSL_CTX_use_PrivateKey_file(ctx, c.keyFile.c_str(), SSL_FILETYPE_PEM) != 1)
            result = room::Error::make(room::ErrorCode::InvalidArgument,
                                       "keyFile " + c.keyFile.string() + ": not a readable, unencrypted PEM private key");
        else if (SSL_CTX_check_private_key(ctx) != 1)
            result = room::Error::make(room::ErrorCode::InvalidArgument,
                                       "keyFile " + c.keyFile.string() + " does not match certFile " + c.certFile.string());
        SSL_CTX_free(ctx);
        ERR_clear_error();
        return result;
    }

    static room::Status checkConfig(const TransportConfig& c) {
        auto bad = [](std::string msg) { return room::Error::make(room::ErrorCode::InvalidArgument, std::move(msg)); };
        if (c.port < 0 || c.port > 65535)
            return bad("port " + std::to_string(c.port) + " is out of range");
        if (c.maxFrameBytes == 0)
            return bad("maxFrameBytes must be positive");
        if (c.maxUploadBytes < 0)
            return bad("maxUploadBytes must not be negative");
        if (c.maxMessagesPerSecond < 0)
            return bad("maxMessagesPerSecond must not be negative");
        if (c.maxConnections <= 0)
            return bad("maxConnections must be positive");
        std::error_code ec;
        if (c.uploadDir.empty() || !std::filesystem::is_directory(c.uploadDir, ec))
            return bad("uploadDir " + c.uploadDir.string() + " is not a directory");
        if (::access(c.uploadDir.c_str(), W_OK | X_OK) != 0)
            return bad("uploadDir " + c.uploadDir.string() + " is not writable");
        return checkTlsFiles(c);
    }

    room::Status start(const TransportConfig& config, TransportHandler& handler) {
        if (m_thread.joinable())
            return room::Error::make(room::ErrorCode::InvalidState, "transport is already running");
        if (auto st = checkConfig(config); !st)
            return st;
        if (auto st = probeListen(config.host, config.port); !st)
            return st;
        m_config = config;
        m_handler = &handler;
        m_stopRequested = false;
        m_shuttingDown = false;

        lws_set_log_level(LLL_ERR, emitLwsLog);
        raiseDescriptorLimit(config.maxConnections);

        m_protocols[0] = lws_protocols{};
        m_protocols[0].name = kProtocolName;
        m_protocols[0].callback = &Impl::callback;
        m_protocols[0].rx_buffer_size = kRxBufferBytes;
        m_protocols[0].tx_packet_size = kChunkBytes;
        m_protocols[1] = lws_protocols{}; // terminator (no LWS_PROTOCOL_LIST_TERM in 4.1)

        // lws pings a WebSocket that has been quiet for 30 s and drops it after 75 s without
        // an answer, so vanished tablets do not hold sessions forever.
        m_retry = lws_retry_bo_t{};
        m_retry.secs_since_valid_ping = 30;
        m_retry.secs_since_valid_hangup = 75;

        // lws looks for VALIDATE_UTF8 in the context options, not the vhost's.
        const std::uint64_t sharedOptions = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT | LWS_SERVER_OPTION_VALIDATE_UTF8;

        lws_context_creation_info ci{};
        ci.options = sharedOptions | LWS_SERVER_OPTION_EXPLICIT_VHOSTS;
        ci.port = CONTEXT_PORT_NO_LISTEN;
        ci.user = this;
        ci.uid = -1;
        ci.gid = -1;
        ci.pt_serv_buf_size = kChunkBytes;
        ci.max_http_header_data = 8192;
        ci.timeout_secs = kIoTimeoutSecs;
        m_context = lws_create_context(&ci);
        if (!m_context)
            return room::Error::make(room::ErrorCode::Internal, "libwebsockets: cannot create context");

        in_addr v4{};
        const bool anyV4 = config.host.empty() || config.host == "0.0.0.0";
        const bool isV4 = anyV4 || inet_pton(AF_INET, config.host.c_str(), &v4) == 1;
        m_iface = config.host;
        m_certPath = config.certFile.string();
        m_keyPath = config.keyFile.string();

        lws_context_creation_info vi{};
        vi.vhost_name = "room";
        vi.port = config.port;
        vi.iface = (anyV4 || config.host == "::") ? nullptr : m_iface.c_str();
        vi.protocols = m_protocols;
        // No client role here, so the system CA store is not loaded for one.
        vi.options = sharedOptions | LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND | LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS |
                     (isV4 ? LWS_SERVER_OPTION_DISABLE_IPV6 : 0);
        vi.ssl_cert_filepath = m_certPath.c_str();
        vi.ssl_private_key_filepath = m_keyPath.c_str();
        // TLS 1.2 is the floor for every client we ship; older versions are refused outright.
        vi.ssl_options_set = static_cast<long>(SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 |
                                               SSL_OP_CIPHER_SERVER_PREFERENCE);
        // HTTP/1.1 only: lws would otherwise offer h2, where custom request headers are not kept.
        vi.alpn = "http/1.1";
        vi.keepalive_timeout = kKeepAliveSecs;
        vi.timeout_secs = kIoTimeoutSecs;
        vi.retry_and_idle_policy = &m_retry;
        m_vhost = lws_create_vhost(m_context, &vi);
        if (!m_vhost) {
            lws_context_destroy(m_context);
            m_context = nullptr;
            return room::Error::make(room::ErrorCode::Unavailable,
                                     "cannot listen on " + config.host + ":" + std::to_string(config.port) +
                                         " (address in use or not available)");
        }
        m_port = lws_get_vhost_listen_port(m_vhost);
        {
            std::lock_guard lock(m_commandsMutex);
            m_accepting = true;
            m_commands.clear();
        }
        m_thread = std::thread([this] { run(); });
        return room::Ok{};
    }

    void stop() {
        if (!m_thread.joinable())
            return;
        m_stopRequested = true;
        {
            std::lock_guard lock(m_commandsMutex);
            if (m_accepting)
                lws_cancel_service(m_context);
        }
        m_thread.join();
    }

    // ------------------------------------------------------------------------------------------
    // Transport thread

    void run() {
        while (!m_stopRequested.load()) {
            if (lws_service(m_context, 0) < 0)
                break;
        }
        shutDown();
    }

    /// Tells every WebSocket "going away", gives the close frames a short grace period to leave,
    /// then destroys the context (which reports onClose for whatever is left).
    void shutDown() {
        m_shuttingDown = true;
        {
            std::lock_guard lock(m_commandsMutex);
            m_accepting = false;
            m_commands.clear();
        }
        for (auto& [wsi, s] : m_sessions) {
            s->out.clear();
            s->outBytes = 0;
            if (!s->closeRequested) {
                s->closeRequested = true;
                s->closeCode = LWS_CLOSE_STATUS_GOINGAWAY;
                s->closeReason = "server stopping";
            }
            lws_callback_on_writable(wsi);
        }
        const auto deadline = Clock::now() + kShutdownGrace;
        auto pending = [this] {
            return std::any_of(m_sessions.begin(), m_sessions.end(),
                               [](const auto& kv) { return !kv.second->closeWritten; });
        };
        while (pending() && Clock::now() < deadline) {
            // lws sleeps until an event; the tick bounds the wait so the deadline is honoured.
            lws_sul_schedule(m_context, 0, &m_tick, noopTick, kShutdownTickUs);
            if (lws_service(m_context, 0) < 0)
                break;
        }
        lws_sul_cancel(&m_tick);
        lws_context_destroy(m_context);
        m_context = nullptr;
        m_vhost = nullptr;
        m_sessions.clear();
        m_sessionsById.clear();
        m_exchangesById.clear();
        m_exchanges.clear();
        m_txBuf.clear();
        m_txBuf.shrink_to_fit();
    }

    static int callback(lws* wsi, lws_callback_reasons reason, void* user, void* in, size_t len) {
        lws_context* ctx = wsi ? lws_get_context(wsi) : nullptr;
        auto* self = ctx ? static_cast<Impl*>(lws_context_user(ctx)) : nullptr;
        if (!self)
            return lws_callback_http_dummy(wsi, reason, user, in, len);
        // Exceptions must not unwind through C frames: fail the one connection instead. The
        // wake-up pipe is no connection, and closing it would deafen the thread to other threads.
        try {
            return self->onEvent(wsi, reason, user, in, len);
        } catch (const std::exception& e) {
            lwsl_err("callback %d failed: %s\n", static_cast<int>(reason), e.what());
        } catch (...) {
            lwsl_err("callback %d failed\n", static_cast<int>(reason));
        }
        return reason == LWS_CALLBACK_EVENT_WAIT_CANCELLED ? 0 : -1;
    }

    int onEvent(lws* wsi, lws_callback_reasons reason, void* user, void* in, size_t len) {
        switch (reason) {
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            drainCommands();
            return 0;

        case LWS_CALLBACK_HTTP_CONFIRM_UPGRADE:
            return confirmUpgrade(wsi, static_cast<const char*>(in));
        case LWS_CALLBACK_ESTABLISHED:
            openSession(wsi);
            return 0;
        case LWS_CALLBACK_RECEIVE:
            return receive(wsi, static_cast<const char*>(in), len);
        case LWS_CALLBACK_SERVER_WRITEABLE:
            return writeWs(wsi);
        case LWS_CALLBACK_CLOSED:
            closeSession(wsi);
            return 0;

        case LWS_CALLBACK_HTTP:
            return httpRequest(wsi, static_cast<const char*>(in), len);
        case LWS_CALLBACK_HTTP_BODY:
            return httpBody(wsi, in, len);
        case LWS_CALLBACK_HTTP_BODY_COMPLETION:
            return httpBodyComplete(wsi);
        case LWS_CALLBACK_HTTP_WRITEABLE:
            return writeHttp(wsi);
        case LWS_CALLBACK_CLOSED_HTTP:
            dropExchange(wsi);
            return 0;

        case LWS_CALLBACK_WSI_DESTROY:
            // The last word on a wsi: whatever CLOSED / CLOSED_HTTP did not clean up goes now,
            // before lws can reuse the address for another connection.
            dropExchange(wsi);
            closeSession(wsi);
            return 0;

        case LWS_CALLBACK_RAW_ADOPT:
            return -1; // an HTTP CONNECT turned the socket raw; we tunnel nothing

        default:
            return lws_callback_http_dummy(wsi, reason, user, in, len);
        }
    }

    void drainCommands() {
        std::vector<Command> batch;
        {
            std::lock_guard lock(m_commandsMutex);
            batch.swap(m_commands);
        }
        for (auto& command : batch) {
            std::visit([this](auto& c) { apply(c); }, command);
        }
    }

    // ---- WebSocket ----------------------------------------------------------------------------

    WsSession* session(lws* wsi) {
        auto it = m_sessions.find(wsi);
        return it == m_sessions.end() ? nullptr : it->second.get();
    }

    /// Answers a refused upgrade. lws wants the response written right here (the one write
    /// outside a WRITEABLE callback) and then completes the transaction itself.
    int rejectUpgrade(lws* wsi, int status, std::string_view text) {
        ensureTxBuffer(LWS_PRE + kHeaderRoom);
        char* start = reinterpret_cast<char*>(m_txBuf.data()) + LWS_PRE;
        HeadWriter head(start, start + kHeaderRoom);
        const std::string length = std::to_string(text.size());
        if (!head.status(status) || !head.header("content-type", "text/plain; charset=utf-8") ||
            !head.header("content-length", length) || !head.header("cache-control", "no-store") ||
            !head.header("x-content-type-options", "nosniff") || !head.finish())
            return -1;
        char* p = head.position();
        std::memcpy(p, text.data(), text.size());
        p += text.size();
        const auto n = static_cast<std::size_t>(p - start);
        if (lws_write(wsi, reinterpret_cast<unsigned char*>(start), n, LWS_WRITE_HTTP_HEADERS) < static_cast<int>(n))
            return -1;
        return 1;
    }

    int confirmUpgrade(lws* wsi, const char* upgrade) {
        if (!upgrade || strcasecmp(upgrade, "websocket") != 0)
            return rejectUpgrade(wsi, 400, "only WebSocket upgrades are supported\n");
        if (copyToken(wsi, WSI_TOKEN_GET_URI) != kWsPath)
            return rejectUpgrade(wsi, 404, "not found\n");
        if (m_shuttingDown)
            return rejectUpgrade(wsi, 503, "server stopping\n");
        if (m_sessions.size() >= static_cast<std::size_t>(m_config.maxConnections))
            return rejectUpgrade(wsi, 503, "too many connections\n");
        return 0;
    }

    void openSession(lws* wsi) {
        const ConnId id = m_nextId++;
        auto s = std::make_unique<WsSession>(id, wsi, peerAddress(wsi), m_config, Clock::now());
        WsSession* raw = s.get();
        m_sessions[wsi] = std::move(s);
        m_sessionsById[id] = raw;
        ++m_stats.connections;
        ++m_stats.connectionsTotal;
        m_handler->onOpen(id, raw->peer);
    }

    void closeSession(lws* wsi) {
        auto it = m_sessions.find(wsi);
        if (it == m_sessions.end())
            return;
        const ConnId id = it->second->id;
        m_sessionsById.erase(id);
        m_sessions.erase(it);
        --m_stats.connections;
        m_handler->onClose(id);
    }

    void reject(WsSession& s, room::Error why) {
        ++m_stats.rejectedMessages;
        m_handler->onRejectedMessage(s.id, std::move(why));
    }

    /// Closes at the next WRITEABLE, dropping queued frames. Used for protocol violations seen
    /// while receiving: returning -1 in the middle of a frame leaves lws's parser out of step
    /// with the rest of that frame, and the peer would see a reset instead of the close code.
    void requestClose(WsSession& s, lws_close_status code, std::string reason) {
        s.closeRequested = true;
        s.closeCode = code;
        s.closeReason = std::move(reason);
        s.out.clear();
        s.outBytes = 0;
        s.rx.clear();
        s.rx.shrink_to_fit();
        lws_callback_on_writable(s.wsi);
    }

    /// Sets the close frame lws sends when the callback returns the -1 this returns. The session
    /// takes no more frames from then on.
    static int closeNow(WsSession& s, lws_close_status code, std::string_view reason) {
        s.closeRequested = true;
        s.closeWritten = true;
        s.out.clear();
        s.outBytes = 0;
        lws_close_reason(s.wsi, code, reinterpret_cast<unsigned char*>(const_cast<char*>(reason.data())),
                         reason.size());
        return -1;
    }

    int receive(lws* wsi, const char* data, std::size_t len) {
        WsSession* s = session(wsi);
        if (!s)
            return -1;
        if (s->closeRequested)
            return 0; // on the way out: the rest is read and dropped
        if (lws_is_first_fragment(wsi)) {
            s->rx.clear();
            s->rxBytes = 0;
            s->rxBinary = lws_frame_is_binary(wsi) != 0;
        }
        s->rxBytes += len;
        // lws hands us a message in pieces; the rest of the current frame is already announced,
        // so an oversized frame is refused before it is buffered.
        if (s->rxBytes + lws_remaining_packet_payload(wsi) > m_config.maxFrameBytes) {
            requestClose(*s, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, "message too big");
            return 0;
        }
        if (!s->rxBinary && len > 0)
            s->rx.append(data, len);
        if (!lws_is_final_fragment(wsi))
            return 0;

        ++m_stats.messagesIn;
        const auto now = Clock::now();
        if (s->flood.addAndCheck(now)) {
            requestClose(*s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "rate limit exceeded");
            return 0;
        }
        if (s->rxBinary) {
            reject(*s, room::Error::make(room::ErrorCode::Malformed, "binary frames are not accepted",
                                         "không nhận khung nhị phân"));
            return 0;
        }
        if (!s->bucket.tryTake(now)) {
            s->rx.clear();
            reject(*s, room::Error::make(room::ErrorCode::RateLimited, "too many messages",
                                         "quá nhiều tin nhắn"));
            return 0;
        }
        std::string message;
        message.swap(s->rx);
        m_handler->onMessage(s->id, std::move(message));
        return 0;
    }

    int writeWs(lws* wsi) {
        WsSession* s = session(wsi);
        if (!s)
            return 0;
        if (!s->out.empty()) {
            const std::shared_ptr<const std::string> frame = std::move(s->out.front());
            s->out.pop_front();
            s->outBytes -= frame->size();
            ensureTxBuffer(LWS_PRE + frame->size());
            std::memcpy(m_txBuf.data() + LWS_PRE, frame->data(), frame->size());
            const int n = lws_write(wsi, m_txBuf.data() + LWS_PRE, frame->size(), LWS_WRITE_TEXT);
            trimTxBuffer();
            if (n < static_cast<int>(frame->size()))
                return -1;
            ++m_stats.framesOut;
            m_stats.bytesOut += static_cast<std::int64_t>(frame->size());
            if (!s->out.empty() || s->closeRequested)
                lws_callback_on_writable(wsi);
            return 0;
        }
        if (s->closeRequested)
            return closeNow(*s, static_cast<lws_close_status>(s->closeCode), s->closeReason);
        return 0;
    }

    void apply(SendCommand& c) {
        auto it = m_sessionsById.find(c.conn);
        if (it == m_sessionsById.end() || !c.frame)
            return;
        WsSession& s = *it->second;
        if (s.closeRequested)
            return;
        if (s.outBytes + c.frame->size() > m_config.maxQueuedBytesPerConn) {
            // A client that does not read its socket would make us hold every frame for it.
            // Its socket is full, so no WRITEABLE would come: let lws kill it on the next pass.
            closeNow(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "slow consumer");
            lws_set_timeout(s.wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
            return;
        }
        s.outBytes += c.frame->size();
        s.out.push_back(std::move(c.frame));
        lws_callback_on_writable(s.wsi);
    }

    void apply(CloseCommand& c) {
        auto it = m_sessionsById.find(c.conn);
        if (it == m_sessionsById.end())
            return;
        WsSession& s = *it->second;
        if (s.closeRequested)
            return;
        s.closeRequested = true;
        // Codes a peer must never see on the wire (1005, 1006, 1015) or outside the registered
        // ranges become a plain normal closure.
        const bool sendable = c.code >= 1000 && c.code <= 4999 && c.code != 1004 && c.code != 1005 &&
                              c.code != 1006 && c.code != 1015;
        s.closeCode = sendable ? c.code : LWS_CLOSE_STATUS_NORMAL;
        s.closeReason = truncateUtf8(std::move(c.reason), kMaxCloseReasonBytes);
        lws_callback_on_writable(s.wsi);
    }

    // ---- HTTP ---------------------------------------------------------------------------------

    HttpExchange* exchange(lws* wsi) {
        auto it = m_exchanges.find(wsi);
        return it == m_exchanges.end() ? nullptr : it->second.get();
    }

    void dropExchange(lws* wsi) {
        auto it = m_exchanges.find(wsi);
        if (it == m_exchanges.end())
            return;
        m_exchangesById.erase(it->second->id);
        m_exchanges.erase(it); // closes the response file, deletes an upload not handed over
    }

    void collectRequest(lws* wsi, HttpRequest& r, const char* uri, std::size_t uriLen) {
        for (const auto& m : kMethods) {
            if (lws_hdr_total_length(wsi, m.token) > 0) {
                r.method = m.name;
                break;
            }
        }
        r.path.assign(uri ? uri : "", uri ? uriLen : 0);
        for (int i = 0;; ++i) {
            const int n = lws_hdr_fragment_length(wsi, WSI_TOKEN_HTTP_URI_ARGS, i);
            if (n <= 0)
                break;
            std::string arg(static_cast<std::size_t>(n) + 1, '\0');
            const int got = lws_hdr_copy_fragment(wsi, arg.data(), n + 1, WSI_TOKEN_HTTP_URI_ARGS, i);
            if (got < 0)
                break;
            arg.resize(static_cast<std::size_t>(got));
            if (!r.query.empty())
                r.query += '&';
            r.query += arg;
        }
        for (const auto& h : kStandardRequestHeaders) {
            if (lws_hdr_total_length(wsi, h.token) > 0)
                r.headers[h.name] = copyToken(wsi, h.token);
        }
        for (const char* name : kCustomRequestHeaders) {
            // lws keeps unknown header names lowercased and with their colon.
            const std::string key = std::string(name) + ":";
            const int n = lws_hdr_custom_length(wsi, key.c_str(), static_cast<int>(key.size()));
            if (n < 0)
                continue;
            std::string value(static_cast<std::size_t>(n) + 1, '\0');
            const int got = lws_hdr_custom_copy(wsi, value.data(), n + 1, key.c_str(), static_cast<int>(key.size()));
            if (got < 0)
                continue;
            value.resize(static_cast<std::size_t>(got));
            r.headers[name] = std::move(value);
        }
        r.peer = peerAddress(wsi);
    }

    int httpRequest(lws* wsi, const char* uri, std::size_t len) {
        dropExchange(wsi); // a previous transaction on this keep-alive connection is over
        auto owned = std::make_unique<HttpExchange>();
        HttpExchange& ex = *owned;
        ex.id = m_nextId++;
        ex.wsi = wsi;
        collectRequest(wsi, ex.request, uri, len);
        m_exchangesById[ex.id] = owned.get();
        m_exchanges[wsi] = std::move(owned);
        ++m_stats.httpRequests;

        const std::string& method = ex.request.method;
        if (m_shuttingDown) {
            respondInternal(ex, 503, "server stopping\n", true);
            return 0;
        }
        if (method == "GET" || method == "HEAD") {
            ex.isHead = method == "HEAD";
            handOver(ex);
            return 0;
        }
        if (method != "POST") {
            // Unknown body framing for PUT/PATCH without a length: do not reuse the connection.
            respondInternal(ex, 405, "method not allowed\n", true, {{"allow", "GET, HEAD, POST"}});
            return 0;
        }
        ex.isPost = true;
        const auto cl = ex.request.headers.find("content-length");
        if (cl == ex.request.headers.end()) {
            respondInternal(ex, 411, "content-length required\n", true);
            return 0;
        }
        std::int64_t length = -1;
        const char* first = cl->second.data();
        const char* last = first + cl->second.size();
        const auto [end, ec] = std::from_chars(first, last, length);
        if (ec != std::errc() || end != last || length < 0) {
            respondInternal(ex, 400, "bad content-length\n", true);
            return 0;
        }
        if (length > m_config.maxUploadBytes) {
            // Answered at once; lws then discards the declared body, so the connection stays usable.
            respondInternal(ex, 413, "upload too large\n", false);
            return 0;
        }
        auto upload = UploadFile::create(m_config.uploadDir, ex.id);
        if (!upload) {
            lwsl_err("%s\n", upload.error().message.c_str());
            respondInternal(ex, 500, "cannot store upload\n", false);
            return 0;
        }
        ex.upload = std::move(upload).value();
        return 0;
    }

    int httpBody(lws* wsi, const void* data, std::size_t len) {
        HttpExchange* ex = exchange(wsi);
        if (!ex || ex->internal || !ex->upload.isOpen() || len == 0)
            return 0;
        if (ex->upload.size() + static_cast<std::int64_t>(len) > m_config.maxUploadBytes) {
            respondInternal(*ex, 413, "upload too large\n", true);
            return 0;
        }
        if (auto st = ex->upload.append(data, len); !st) {
            lwsl_err("%s\n", st.error().message.c_str());
            respondInternal(*ex, 500, "cannot store upload\n", false);
        }
        return 0;
    }

    int httpBodyComplete(lws* wsi) {
        HttpExchange* ex = exchange(wsi);
        if (!ex || ex->internal || ex->handedOver || !ex->isPost)
            return 0;
        ex->request.bodyBytes = ex->upload.size();
        ex->request.bodyFile = ex->upload.release();
        handOver(*ex);
        return 0;
    }

    void handOver(HttpExchange& ex) {
        ex.handedOver = true;
        lws_set_timeout(ex.wsi, PENDING_TIMEOUT_HTTP_CONTENT, static_cast<int>(kHandlerTimeoutSecs));
        HttpRequest request = std::move(ex.request);
        ex.request = HttpRequest{};
        m_handler->onHttp(ex.id, std::move(request));
    }

    void respondInternal(HttpExchange& ex, int status, std::string text, bool closeAfter,
                         std::map<std::string, std::string> headers = {}) {
        if (ex.response)
            return;
        ex.internal = true;
        ex.closeAfter = closeAfter;
        ex.upload.discard();
        HttpResponse r;
        r.status = status;
        r.headers = std::move(headers);
        r.headers["content-type"] = "application/json; charset=utf-8";
        r.body = internalErrorBody(status, text);
        startResponse(ex, std::move(r));
    }

    /// The same JSON error body the room server's own endpoints answer with.
    static std::string internalErrorBody(int status, std::string text) {
        while (!text.empty() && text.back() == '\n')
            text.pop_back();
        struct Known {
            int status;
            const char* code;
            const char* vi;
        };
        static constexpr Known kKnown[] = {
            {400, "malformed", "yêu cầu HTTP không hợp lệ"},
            {405, "malformed", "phương thức HTTP không được hỗ trợ"},
            {411, "missing_field", "thiếu độ dài nội dung (Content-Length)"},
            {413, "too_large", "tệp tải lên vượt quá giới hạn"},
            {500, "internal", "máy chủ không lưu được tệp tải lên"},
            {503, "unavailable", "máy chủ đang dừng hoặc đang quá tải"},
        };
        const char* code = "internal";
        const char* vi = "lỗi máy chủ";
        for (const auto& k : kKnown)
            if (k.status == status) {
                code = k.code;
                vi = k.vi;
            }
        return nlohmann::json{{"code", code}, {"message", text}, {"message_vi", vi}}.dump();
    }

    void apply(RespondCommand& c) {
        auto it = m_exchangesById.find(c.req);
        if (it == m_exchangesById.end())
            return; // the client has gone
        HttpExchange& ex = *it->second;
        if (!ex.handedOver || ex.internal || ex.response)
            return;
        startResponse(ex, std::move(c.response));
    }

    void startResponse(HttpExchange& ex, HttpResponse r) {
        if (!r.file.empty()) {
            const int fd = (r.fileOffset >= 0 && r.fileLength >= 0) ? ::open(r.file.c_str(), O_RDONLY | O_CLOEXEC) : -1;
            if (fd < 0) {
                lwsl_err("cannot open response file %s: %s\n", r.file.c_str(), std::strerror(errno));
                r = HttpResponse{};
                r.status = 500;
                r.headers["content-type"] = "text/plain; charset=utf-8";
                r.body = "cannot read file\n";
            } else {
                ex.fileFd = fd;
            }
        }
        ex.contentLength = ex.fileFd >= 0 ? r.fileLength : static_cast<std::int64_t>(r.body.size());
        const bool noBody = ex.isHead || r.headOnly || r.status == 204 || r.status == 304;
        ex.bodyTotal = noBody ? 0 : ex.contentLength;
        ex.bodySent = 0;
        ex.response = std::move(r);
        lws_set_timeout(ex.wsi, PENDING_TIMEOUT_HTTP_CONTENT, static_cast<int>(kSendStallSecs));
        ex.stallArmedAt = std::chrono::steady_clock::now();
        lws_callback_on_writable(ex.wsi);
    }

    bool writeHead(HeadWriter& head, const HttpExchange& ex) {
        const HttpResponse& r = *ex.response;
        if (!head.status(r.status))
            return false;
        bool hasCacheControl = false;
        bool hasNoSniff = false;
        for (const auto& [name, value] : r.headers) {
            // Framing is ours: the handler cannot contradict the length we send.
            if (iequals(name, "content-length") || iequals(name, "connection") || iequals(name, "transfer-encoding"))
                continue;
            if (!validHeaderName(name) || !validHeaderValue(value)) {
                lwsl_err("dropping invalid response header '%s'\n", name.c_str());
                continue;
            }
            hasCacheControl = hasCacheControl || iequals(name, "cache-control");
            hasNoSniff = hasNoSniff || iequals(name, "x-content-type-options");
            if (!head.header(name, value))
                return false;
        }
        if (r.status != 204 && !head.header("content-length", std::to_string(ex.contentLength)))
            return false;
        if (!hasCacheControl && !head.header("cache-control", "no-store"))
            return false;
        if (!hasNoSniff && !head.header("x-content-type-options", "nosniff"))
            return false;
        if (ex.closeAfter && !head.header("connection", "close"))
            return false;
        return head.finish();
    }

    int writeHttp(lws* wsi) {
        HttpExchange* ex = exchange(wsi);
        if (!ex || !ex->response)
            return 0;
        ensureTxBuffer(LWS_PRE + kHeaderRoom + kChunkBytes);
        char* start = reinterpret_cast<char*>(m_txBuf.data()) + LWS_PRE;
        char* p = start;
        const bool first = !ex->headersSent;
        if (first) {
            HeadWriter head(start, start + kHeaderRoom);
            if (!writeHead(head, *ex)) {
                lwsl_err("response headers for request %llu do not fit\n", static_cast<unsigned long long>(ex->id));
                return -1;
            }
            p = head.position();
            ex->headersSent = true;
        }
        const auto remaining = static_cast<std::size_t>(ex->bodyTotal - ex->bodySent);
        const std::size_t piece = std::min(remaining, kChunkBytes);
        if (piece > 0) {
            if (ex->fileFd >= 0) {
                std::size_t got = 0;
                while (got < piece) {
                    const ssize_t n = ::pread(ex->fileFd, p + got, piece - got,
                                              static_cast<off_t>(ex->response->fileOffset + ex->bodySent) +
                                                  static_cast<off_t>(got));
                    if (n < 0 && errno == EINTR)
                        continue;
                    if (n <= 0) {
                        // The length is promised already; a short file can only end the connection.
                        lwsl_err("response file %s ended early\n", ex->response->file.c_str());
                        return -1;
                    }
                    got += static_cast<std::size_t>(n);
                }
            } else {
                std::memcpy(p, ex->response->body.data() + ex->bodySent, piece);
            }
            p += piece;
            ex->bodySent += static_cast<std::int64_t>(piece);
        }
        const auto n = static_cast<std::size_t>(p - start);
        if (n > 0 && lws_write(wsi, reinterpret_cast<unsigned char*>(start), n,
                               first ? LWS_WRITE_HTTP_HEADERS : LWS_WRITE_HTTP) < static_cast<int>(n))
            return -1;
        if (ex->bodySent < ex->bodyTotal) {
            const auto now = std::chrono::steady_clock::now();
            if (now - ex->stallArmedAt >= std::chrono::seconds(1)) {
                lws_set_timeout(wsi, PENDING_TIMEOUT_HTTP_CONTENT, static_cast<int>(kSendStallSecs));
                ex->stallArmedAt = now;
            }
            lws_callback_on_writable(wsi);
            return 0;
        }
        const bool closeAfter = ex->closeAfter;
        dropExchange(wsi);
        if (closeAfter)
            return -1; // lws flushes what is buffered before it closes
        return lws_http_transaction_completed(wsi) ? -1 : 0;
    }

    // ---- buffers ------------------------------------------------------------------------------

    void ensureTxBuffer(std::size_t size) {
        if (m_txBuf.size() < size)
            m_txBuf.resize(size);
    }

    void trimTxBuffer() {
        // One huge frame should not pin its buffer for the life of the server.
        if (m_txBuf.size() > kKeepTxBufferBytes) {
            m_txBuf.clear();
            m_txBuf.shrink_to_fit();
        }
    }
};

Transport::Transport() : m_impl(std::make_unique<Impl>()) {}

Transport::~Transport() { stop(); }

room::Status Transport::start(const TransportConfig& config, TransportHandler& handler) {
    return m_impl->start(config, handler);
}

void Transport::stop() { m_impl->stop(); }

int Transport::port() const { return m_impl->m_port.load(); }

void Transport::send(ConnId conn, std::shared_ptr<const std::string> frame) {
    m_impl->post(Impl::SendCommand{conn, std::move(frame)});
}

void Transport::close(ConnId conn, int code, const std::string& reason) {
    m_impl->post(Impl::CloseCommand{conn, code, reason});
}

void Transport::respond(RequestId req, HttpResponse response) {
    m_impl->post(Impl::RespondCommand{req, std::move(response)});
}

const TransportStats& Transport::stats() const { return m_impl->m_stats; }

} // namespace room::transport
