// room-bench-baseline: the bare transport — a minimal libwebsockets TLS broadcast server with no domain and no storage.
//
// It speaks just enough of the room protocol for the load generator's tablets: `login` and `hello`
// are answered at once with `welcome` and an empty `events` frame, and any `command` becomes one
// `announcement.made` event that is serialized once and sent to every connection, followed by
// `accepted` to the sender. What it costs is the floor for the room server's fan-out. A `poll.cast`
// is only answered with `accepted` (no event, no broadcast): the request/response floor for the
// vote burst.
//
// Usage: room-bench-baseline --cert FILE --key FILE [--listen 127.0.0.1:0]
// Prints `fingerprint SHA256 …` and `listening HOST:PORT` like room-server, and stops on SIGTERM.

#include <libwebsockets.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "tests/support/tls_pinning.h"

namespace room::bench {
namespace {

using Json = nlohmann::json;
using Frame = std::shared_ptr<const std::string>;

std::atomic<bool> g_stop{false};

void onSignal(int) { g_stop = true; }
void noopTick(lws_sorted_usec_list_t*) {}

/// One connected client: the frames waiting for its writeable callback.
struct Conn {
    std::string rx;
    std::deque<Frame> out;
};

/// The whole server: connections and the event counter, touched only on the service thread.
class Broadcaster {
public:
    int onEvent(lws* wsi, lws_callback_reasons reason, void* in, std::size_t len) {
        switch (reason) {
        case LWS_CALLBACK_ESTABLISHED:
            m_conns[wsi] = std::make_unique<Conn>();
            return 0;
        case LWS_CALLBACK_CLOSED:
            m_conns.erase(wsi);
            return 0;
        case LWS_CALLBACK_RECEIVE: {
            auto it = m_conns.find(wsi);
            if (it == m_conns.end()) return -1;
            it->second->rx.append(static_cast<const char*>(in), len);
            if (lws_is_final_fragment(wsi) == 0) return 0;
            std::string text = std::move(it->second->rx);
            it->second->rx.clear();
            try {
                handle(wsi, *it->second, text);
            } catch (const nlohmann::json::exception&) {
                // A field of an unexpected type: the message is ignored, as any malformed one is.
            }
            return 0;
        }
        case LWS_CALLBACK_SERVER_WRITEABLE: {
            auto it = m_conns.find(wsi);
            if (it == m_conns.end() || it->second->out.empty()) return 0;
            const Frame frame = it->second->out.front();
            it->second->out.pop_front();
            if (m_tx.size() < LWS_PRE + frame->size()) m_tx.resize(LWS_PRE + frame->size());
            std::memcpy(m_tx.data() + LWS_PRE, frame->data(), frame->size());
            if (lws_write(wsi, m_tx.data() + LWS_PRE, frame->size(), LWS_WRITE_TEXT) < static_cast<int>(frame->size()))
                return -1;
            if (!it->second->out.empty()) lws_callback_on_writable(wsi);
            return 0;
        }
        default:
            return 0;
        }
    }

private:
    static std::int64_t nowMs() {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

    void queue(lws* wsi, Conn& c, Frame f) {
        c.out.push_back(std::move(f));
        lws_callback_on_writable(wsi);
    }

    void handle(lws* wsi, Conn& c, const std::string& text) {
        const Json m = Json::parse(text, nullptr, false);
        if (!m.is_object()) return;
        const std::string type = m.value("type", "");
        if (type == "login" || type == "hello") {
            queue(wsi, c, std::make_shared<const std::string>(Json{{"v", 1}, {"type", "welcome"}, {"session", "baseline"},
                                                                   {"head", m_head}, {"head_hash", headHash()}}
                                                                  .dump()));
            queue(wsi, c, std::make_shared<const std::string>(Json{{"v", 1}, {"type", "events"}, {"head", m_head},
                                                                   {"head_hash", headHash()}, {"events", Json::array()}}
                                                                  .dump()));
        } else if (type == "command" && m.value("command", "") == "poll.cast") {
            // The room server's answer carries the event's chain hash (64 hex digits); so does this one,
            // so both put the same bytes on the wire.
            queue(wsi, c, std::make_shared<const std::string>(
                              Json{{"v", 1}, {"type", "accepted"}, {"id", m.value("id", "")}, {"seq", m_head},
                                   {"duplicate", false}, {"hash", headHash()}}.dump()));
        } else if (type == "command") {
            ++m_head;
            const Json args = m.value("args", Json::object());
            const Json event{{"seq", m_head},
                             {"time", nowMs()},
                             {"actor", "chair"},
                             {"type", "announcement.made"},
                             {"payload", {{"text", args.is_object() ? args.value("text", "") : ""}}}};
            // One serialization shared by every connection, as the room server does.
            const Frame frame = std::make_shared<const std::string>(
                Json{{"v", 1}, {"type", "events"}, {"head", m_head}, {"head_hash", headHash()}, {"events", Json::array({event})}}
                    .dump());
            for (auto& [peer, conn] : m_conns) queue(peer, *conn, frame);
            queue(wsi, c, std::make_shared<const std::string>(
                              Json{{"v", 1}, {"type", "accepted"}, {"id", m.value("id", "")}, {"seq", m_head},
                                   {"duplicate", false}, {"hash", headHash()}}.dump()));
        }
    }

    /// Names the head with 64 hex digits, as the room server's chain hash does, without hashing:
    /// the baseline puts the same bytes on the wire and does none of the work.
    std::string headHash() const {
        char text[65];
        std::snprintf(text, sizeof text, "%064llx", static_cast<unsigned long long>(m_head));
        return text;
    }

    std::unordered_map<lws*, std::unique_ptr<Conn>> m_conns;
    std::vector<unsigned char> m_tx;
    std::int64_t m_head = 0;
};

int callback(lws* wsi, lws_callback_reasons reason, void* user, void* in, std::size_t len) {
    lws_context* ctx = wsi != nullptr ? lws_get_context(wsi) : nullptr;
    auto* b = ctx != nullptr ? static_cast<Broadcaster*>(lws_context_user(ctx)) : nullptr;
    if (b == nullptr) return lws_callback_http_dummy(wsi, reason, user, in, len);
    switch (reason) {
    case LWS_CALLBACK_ESTABLISHED:
    case LWS_CALLBACK_CLOSED:
    case LWS_CALLBACK_RECEIVE:
    case LWS_CALLBACK_SERVER_WRITEABLE:
        return b->onEvent(wsi, reason, in, len);
    default:
        return lws_callback_http_dummy(wsi, reason, user, in, len);
    }
}

int run(int argc, char** argv) {
    std::string cert, key, listen = "127.0.0.1:0";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--cert") cert = argv[i + 1];
        else if (flag == "--key") key = argv[i + 1];
        else if (flag == "--listen") listen = argv[i + 1];
        else {
            std::cerr << "unknown option " << flag << '\n';
            return 2;
        }
    }
    const auto colon = listen.rfind(':');
    if (cert.empty() || key.empty() || colon == std::string::npos) {
        std::cerr << "usage: room-bench-baseline --cert FILE --key FILE [--listen HOST:PORT]\n";
        return 2;
    }
    const std::string host = listen.substr(0, colon);
    const int port = std::stoi(listen.substr(colon + 1));
    const auto fingerprint = testing::pemFileFingerprint(cert);
    if (!fingerprint) {
        std::cerr << "cannot read the certificate " << cert << '\n';
        return 1;
    }

    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    lws_set_log_level(LLL_ERR, nullptr);

    Broadcaster broadcaster;
    lws_protocols protocols[2]{};
    protocols[0].name = "room-bench-baseline";
    protocols[0].callback = &callback;
    protocols[0].rx_buffer_size = 64 * 1024;

    lws_context_creation_info ci{};
    ci.port = port;
    ci.iface = host.c_str();
    ci.protocols = protocols;
    ci.user = &broadcaster;
    ci.uid = -1;
    ci.gid = -1;
    ci.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT | LWS_SERVER_OPTION_VALIDATE_UTF8 | LWS_SERVER_OPTION_DISABLE_IPV6 |
                 LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS | LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND;
    ci.ssl_cert_filepath = cert.c_str();
    ci.ssl_private_key_filepath = key.c_str();
    // The same TLS floor and ALPN as the room server, so both pay for the same handshakes.
    ci.ssl_options_set = static_cast<long>(SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 |
                                           SSL_OP_CIPHER_SERVER_PREFERENCE);
    ci.alpn = "http/1.1";
    lws_context* context = lws_create_context(&ci);
    if (context == nullptr) {
        std::cerr << "cannot create the libwebsockets context (listen " << listen << ")\n";
        return 1;
    }
    lws_vhost* vhost = lws_get_vhost_by_name(context, "default");
    const int actualPort = vhost != nullptr ? lws_get_vhost_listen_port(vhost) : port;
    std::cout << "fingerprint SHA256 " << *fingerprint << '\n'
              << "listening " << host << ':' << actualPort << '\n'
              << std::flush;

    lws_sorted_usec_list_t tick{};
    while (!g_stop) {
        // The tick bounds each wait so a SIGTERM is noticed promptly.
        lws_sul_schedule(context, 0, &tick, noopTick, 100 * LWS_US_PER_MS);
        if (lws_service(context, 0) < 0) break;
    }
    lws_sul_cancel(&tick);
    lws_context_destroy(context);
    return 0;
}

} // namespace
} // namespace room::bench

int main(int argc, char** argv) { return room::bench::run(argc, argv); }
