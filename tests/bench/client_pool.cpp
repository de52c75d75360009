// Many simulated tablets on one libwebsockets client context: TLS WebSocket sessions driven from one thread.
#include "tests/bench/client_pool.h"

#include <libwebsockets.h>
#include <nlohmann/json.hpp>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "tests/support/tls_pinning.h"

namespace room::bench {

namespace {

constexpr std::size_t kRxBufferBytes = 64 * 1024;
constexpr const char* kProtocolName = "room-load";
// lws sleeps until the next event; a short tick lets runUntil() look at its deadline and condition.
constexpr lws_usec_t kTickUs = 2 * LWS_US_PER_MS;

void noopTick(lws_sorted_usec_list_t*) {}

std::size_t skipSpace(std::string_view s, std::size_t i) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])) != 0) ++i;
    return i;
}

/// Index just past the string starting at s[i] == '"'.
std::size_t skipString(std::string_view s, std::size_t i) {
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '"') return i + 1;
    }
    return s.size();
}

/// Index just past the JSON value starting at s[i].
std::size_t skipValue(std::string_view s, std::size_t i) {
    if (i >= s.size()) return i;
    if (s[i] == '"') return skipString(s, i);
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '"') {
                i = skipString(s, i);
                continue;
            }
            if (c == '{' || c == '[') ++depth;
            else if ((c == '}' || c == ']') && --depth == 0) return i + 1;
            ++i;
        }
        return i;
    }
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && std::isspace(static_cast<unsigned char>(s[i])) == 0)
        ++i;
    return i;
}

std::int64_t readInt(std::string_view s, std::size_t i) {
    std::int64_t v = 0;
    bool any = false;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        v = v * 10 + (s[i] - '0');
        any = true;
    }
    return any ? v : -1;
}

ClientPool* poolOf(lws* wsi) {
    lws_context* ctx = wsi != nullptr ? lws_get_context(wsi) : nullptr;
    return ctx != nullptr ? static_cast<ClientPool*>(lws_context_user(ctx)) : nullptr;
}

int poolCallback(lws* wsi, lws_callback_reasons reason, void* user, void* in, std::size_t len) {
    ClientPool* pool = poolOf(wsi);
    if (pool == nullptr || lws_get_opaque_user_data(wsi) == nullptr)
        return lws_callback_http_dummy(wsi, reason, user, in, len);
    return pool->onEvent(wsi, static_cast<int>(reason), in, len);
}

} // namespace

FrameSummary summarizeFrame(std::string_view s) {
    FrameSummary f;
    std::size_t i = skipSpace(s, 0);
    if (i >= s.size() || s[i] != '{') return f;
    ++i;
    while (true) {
        i = skipSpace(s, i);
        if (i >= s.size() || s[i] != '"') return f;
        const std::size_t keyEnd = skipString(s, i);
        const std::string_view key = s.substr(i + 1, keyEnd - i - 2);
        i = skipSpace(s, keyEnd);
        if (i >= s.size() || s[i] != ':') return f;
        i = skipSpace(s, i + 1);
        const std::size_t end = skipValue(s, i);
        const bool isString = i < s.size() && s[i] == '"' && end >= i + 2;
        const std::string_view text = isString ? s.substr(i + 1, end - i - 2) : std::string_view();
        if (key == "type" && isString) f.type = text;
        else if (key == "session" && isString) f.session = text;
        else if (key == "id" && isString) f.id = text;
        else if (key == "head") f.head = readInt(s, i);
        else if (key == "seq") f.seq = readInt(s, i);
        else if (key == "head_hash" && isString) f.headHash = text;
        else if (key == "hash" && isString) f.hash = text;
        i = skipSpace(s, end);
        if (i >= s.size() || s[i] != ',') return f;
        ++i;
    }
}

struct ClientPool::Loop {
    lws_protocols protocols[2]{};
    lws_sorted_usec_list_t tick{};
};

ClientPool::ClientPool(int port, std::string fingerprint, std::string markerPrefix)
    : m_port(port), m_fingerprint(std::move(fingerprint)), m_markerPrefix(std::move(markerPrefix)),
      m_loop(std::make_unique<Loop>()) {
    lws_set_log_level(LLL_ERR, nullptr);
    m_loop->protocols[0].name = kProtocolName;
    m_loop->protocols[0].callback = &poolCallback;
    m_loop->protocols[0].rx_buffer_size = kRxBufferBytes;
    lws_context_creation_info ci{};
    ci.port = CONTEXT_PORT_NO_LISTEN;
    ci.protocols = m_loop->protocols;
    // The server is pinned by fingerprint below, so the system CA store is never needed.
    ci.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT | LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS;
    ci.user = this;
    ci.uid = -1;
    ci.gid = -1;
    ci.timeout_secs = 30;
    ci.pt_serv_buf_size = kRxBufferBytes;
    m_context = lws_create_context(&ci);
    if (m_context == nullptr) m_error = "libwebsockets: cannot create the client context";
}

ClientPool::~ClientPool() {
    if (m_context != nullptr) {
        lws_sul_cancel(&m_loop->tick);
        lws_context_destroy(m_context);
    }
}

int ClientPool::add(std::string participant, std::string pin) {
    auto t = std::make_unique<Tablet>();
    t->index = size();
    t->participant = std::move(participant);
    t->pin = std::move(pin);
    m_tablets.push_back(std::move(t));
    return size() - 1;
}

std::string ClientPool::loginFrame(int i) const {
    const Tablet& t = *m_tablets.at(static_cast<std::size_t>(i));
    return nlohmann::json{{"v", 1}, {"type", "login"}, {"participant", t.participant}, {"pin", t.pin}}.dump();
}

std::string ClientPool::helloFrame(int i) const {
    const Tablet& t = *m_tablets.at(static_cast<std::size_t>(i));
    return nlohmann::json{{"v", 1}, {"type", "hello"}, {"session", t.session}, {"last_seq", t.lastSeq}}.dump();
}

void ClientPool::connect(int i, std::string onOpen) {
    Tablet& t = tablet(i);
    t.link = LinkState::Connecting;
    t.wsi = nullptr;
    t.rx.clear();
    t.out.clear();
    t.onOpen = std::move(onOpen);
    t.closeRequested = false;
    t.welcomed = false;
    t.synced = false;
    t.caughtUp = false;
    t.connectStarted = Clock::now();

    lws_client_connect_info ci{};
    ci.context = m_context;
    ci.address = "127.0.0.1";
    ci.port = m_port;
    // Chain and host name are not checked: the certificate is pinned when the socket is up,
    // before anything of ours is sent.
    ci.ssl_connection = LCCSCF_USE_SSL | LCCSCF_ALLOW_SELFSIGNED | LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK |
                        LCCSCF_ALLOW_EXPIRED | LCCSCF_ALLOW_INSECURE;
    ci.path = "/ws";
    ci.host = "127.0.0.1";
    ci.origin = "127.0.0.1";
    ci.local_protocol_name = kProtocolName;
    ci.alpn = "http/1.1";
    ci.opaque_user_data = &t;
    ci.pwsi = &t.wsi;
    if (lws_client_connect_via_info(&ci) == nullptr && t.link == LinkState::Connecting) {
        t.link = LinkState::Failed;
        t.lastProblem = "lws_client_connect_via_info failed";
    }
}

void ClientPool::send(int i, std::string frame) {
    Tablet& t = tablet(i);
    if (t.link != LinkState::Open || t.wsi == nullptr) return;
    t.out.push_back(std::move(frame));
    lws_callback_on_writable(t.wsi);
}

void ClientPool::drop(int i) {
    Tablet& t = tablet(i);
    if (t.wsi == nullptr || (t.link != LinkState::Open && t.link != LinkState::Connecting)) return;
    t.closeRequested = true;
    t.out.clear();
    lws_callback_on_writable(t.wsi);
}

bool ClientPool::runUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (true) {
        if (done()) return true;
        if (Clock::now() >= deadline || m_context == nullptr) return false;
        lws_sul_schedule(m_context, 0, &m_loop->tick, noopTick, kTickUs);
        if (lws_service(m_context, 0) < 0) return done();
    }
}

void ClientPool::runFor(std::chrono::milliseconds duration) {
    runUntil([] { return false; }, duration);
}

int ClientPool::count(LinkState state) const {
    return static_cast<int>(std::count_if(m_tablets.begin(), m_tablets.end(),
                                          [state](const auto& t) { return t->link == state; }));
}

bool ClientPool::peerMatchesPin(lws* wsi) const {
    SSL* ssl = lws_get_ssl(wsi);
    if (ssl == nullptr) return false;
    X509* cert = SSL_get1_peer_certificate(ssl);
    if (cert == nullptr) return false;
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert, &der);
    X509_free(cert);
    if (length <= 0) return false;
    const std::string presented =
        testing::sha256Fingerprint(std::string_view(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
    OPENSSL_free(der);
    return testing::fingerprintsEqual(presented, m_fingerprint);
}

int ClientPool::onEvent(lws* wsi, int reasonCode, void* in, std::size_t len) {
    auto& t = *static_cast<Tablet*>(lws_get_opaque_user_data(wsi));
    switch (static_cast<lws_callback_reasons>(reasonCode)) {
    case LWS_CALLBACK_CLIENT_ESTABLISHED:
        t.wsi = wsi;
        if (!peerMatchesPin(wsi)) {
            // Nothing (not even the PIN) goes to a server whose certificate is not the pinned one.
            t.link = LinkState::Failed;
            t.lastProblem = "certificate fingerprint mismatch";
            return -1;
        }
        t.link = LinkState::Open;
        if (!t.onOpen.empty()) {
            t.out.push_back(t.onOpen);
            lws_callback_on_writable(wsi);
        }
        return 0;
    case LWS_CALLBACK_CLIENT_RECEIVE:
        t.rx.append(static_cast<const char*>(in), len);
        if (lws_is_final_fragment(wsi) != 0) {
            onMessage(t, t.rx);
            // A snapshot can be hundreds of kilobytes; thousands of tablets must not each keep one.
            if (t.rx.capacity() > kRxBufferBytes) std::string().swap(t.rx);
            else t.rx.clear();
        }
        return 0;
    case LWS_CALLBACK_CLIENT_WRITEABLE: {
        if (t.closeRequested) return -1;
        if (t.out.empty()) return 0;
        const std::string& frame = t.out.front();
        if (m_txBuf.size() < LWS_PRE + frame.size()) m_txBuf.resize(LWS_PRE + frame.size());
        std::memcpy(m_txBuf.data() + LWS_PRE, frame.data(), frame.size());
        const int n = lws_write(wsi, m_txBuf.data() + LWS_PRE, frame.size(), LWS_WRITE_TEXT);
        if (n < static_cast<int>(frame.size())) {
            t.lastProblem = "write failed";
            return -1;
        }
        t.lastWriteAt = Clock::now();
        t.out.pop_front();
        if (!t.out.empty()) lws_callback_on_writable(wsi);
        return 0;
    }
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
        t.link = LinkState::Failed;
        t.wsi = nullptr;
        t.lastProblem = in != nullptr ? std::string(static_cast<const char*>(in), strnlen(static_cast<const char*>(in), len > 0 ? len : 256))
                                      : std::string("connection error");
        return 0;
    case LWS_CALLBACK_CLIENT_CLOSED:
        if (t.link != LinkState::Failed) t.link = LinkState::Closed;
        t.wsi = nullptr;
        return 0;
    default:
        return lws_callback_http_dummy(wsi, static_cast<lws_callback_reasons>(reasonCode), nullptr, in, len);
    }
}

void ClientPool::onMessage(Tablet& t, std::string_view frame) {
    const auto now = Clock::now();
    ++t.frames;
    const FrameSummary f = summarizeFrame(frame);
    if (f.type == "welcome") {
        t.session = f.session;
        t.welcomed = true;
        t.synced = false;
    } else if (f.type == "snapshot") {
        if (f.seq >= 0) {
            t.lastSeq = f.seq;
            t.headHash = f.headHash;
        }
        t.synced = t.welcomed;
    } else if (f.type == "events") {
        if (f.head >= 0) {
            t.lastSeq = f.head;
            t.headHash = f.headHash;
        }
        t.synced = t.welcomed;
        // Only small live frames carry markers; the newest one in the frame counts.
        for (std::size_t at = frame.find(m_markerPrefix); at != std::string_view::npos;
             at = frame.find(m_markerPrefix, at + 1)) {
            const std::int64_t k = readInt(frame, at + m_markerPrefix.size());
            if (k > t.lastMarker) {
                t.lastMarker = k;
                t.markerAt = now;
            }
        }
        if (!t.watched && !m_watch.empty() && frame.find(m_watch) != std::string_view::npos) {
            t.watched = true;
            t.watchedAt = now;
            if (t.keepWatched) t.watchedFrame = std::string(frame);
        }
    } else if (f.type == "accepted") {
        t.lastAcceptedId = f.id;
        t.lastAcceptedSeq = f.seq;
        t.lastAcceptedHash = f.hash;
        t.lastAcceptedAt = now;
    } else if (f.type == "rejected" || f.type == "error") {
        t.lastProblem = std::string(frame.substr(0, 300));
    }
    if (t.synced && !t.caughtUp && t.target >= 0 && t.lastSeq >= t.target) {
        if (t.targetHash.empty() || (t.lastSeq == t.target && t.headHash == t.targetHash)) {
            t.caughtUp = true;
            t.caughtUpAt = now;
        } else {
            t.lastProblem = "reached seq " + std::to_string(t.lastSeq) + " with head hash '" + t.headHash +
                            "', expected seq " + std::to_string(t.target) + " with '" + t.targetHash + "'";
        }
    }
}

} // namespace room::bench
