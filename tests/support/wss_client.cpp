#include "tests/support/wss_client.h"

#include "tests/support/tls_detail.h"

#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <algorithm>
#include <deque>

namespace room::testing {

namespace {

namespace websocket = boost::beast::websocket;
using WsStream = websocket::stream<detail::beast::ssl_stream<detail::beast::tcp_stream>>;

constexpr std::size_t kMaxMessageBytes = 256U * 1024U * 1024U;
constexpr std::chrono::milliseconds kDestructorCloseLimit{1000};

}  // namespace

struct WssClient::Impl {
    struct Frame {
        bool binary = false;
        std::string data;
    };

    detail::net::io_context ioc;
    std::unique_ptr<detail::net::ssl::context> tls;
    std::unique_ptr<WsStream> ws;
    std::shared_ptr<detail::PinState> pin;
    detail::beast::flat_buffer readBuffer;
    std::deque<Frame> inbox;
    std::vector<nlohmann::json> history;
    std::optional<int> closeCode;
    std::string closeReason;
    std::string lastError;
    std::chrono::milliseconds ioTimeout = kDefaultIoTimeout;
    bool open = false;
    bool readPending = false;

    ~Impl() { closeGracefully(std::min(ioTimeout, kDestructorCloseLimit)); }

    bool fail(std::string message, std::string* error) {
        lastError = std::move(message);
        if (error != nullptr) {
            *error = lastError;
        }
        return false;
    }

    /// Closes the socket (if any), lets every outstanding handler finish and releases the stream.
    void teardown() {
        open = false;
        if (ws) {
            detail::ErrorCode ignored;
            detail::beast::get_lowest_layer(*ws).socket().close(ignored);
            detail::drain(ioc);
        }
        ws.reset();
        tls.reset();
        readPending = false;
        readBuffer.clear();
    }

    void noteCloseFrame() {
        if (ws && ws->reason().code != websocket::close_code::none) {
            closeCode = static_cast<int>(ws->reason().code);
            closeReason = std::string(ws->reason().reason.c_str());
        }
    }

    /// Closing handshake bounded by `limit`; the continuous read observes the server's reply.
    void closeGracefully(std::chrono::milliseconds limit) {
        if (!ws) {
            return;
        }
        if (open) {
            auto state = std::make_shared<detail::StepState>();
            ws->async_close(websocket::close_code::normal, [state](const detail::ErrorCode& ec) {
                state->done = true;
                state->ec = ec;
            });
            detail::runUntil(ioc, [&] { return state->done && !readPending; }, detail::Clock::now() + limit);
            noteCloseFrame();
            if (state->ec && state->ec != detail::net::error::operation_aborted) {
                lastError = "close: " + state->ec.message();
            }
        }
        teardown();
    }

    void startRead() {
        if (readPending || !open || !ws) {
            return;
        }
        readPending = true;
        ws->async_read(readBuffer, [this](const detail::ErrorCode& ec, std::size_t) {
            readPending = false;
            if (ec) {
                open = false;
                noteCloseFrame();
                if (ec != websocket::error::closed && ec != detail::net::error::operation_aborted) {
                    lastError = "read: " + ec.message();
                }
                return;
            }
            inbox.push_back(Frame{ws->got_binary(), detail::beast::buffers_to_string(readBuffer.data())});
            readBuffer.consume(readBuffer.size());
            startRead();
        });
    }

    template <class Start>
    bool step(const char* what, Start&& start, detail::Clock::time_point deadline, std::string* error) {
        auto state = std::make_shared<detail::StepState>();
        start([state](const detail::ErrorCode& ec, auto&&...) {
            state->done = true;
            state->ec = ec;
        });
        if (!detail::runUntil(ioc, [&] { return state->done; }, deadline)) {
            teardown();
            return fail(std::string(what) + ": timed out", error);
        }
        if (state->ec) {
            const std::string message = detail::describeFailure(what, state->ec, *pin);
            teardown();
            return fail(message, error);
        }
        return true;
    }

    bool write(bool binary, std::string payload) {
        if (!open || !ws) {
            return fail("send: connection is not open", nullptr);
        }
        auto state = std::make_shared<detail::StepState>();
        auto buffer = std::make_shared<std::string>(std::move(payload));
        ws->binary(binary);
        ws->async_write(detail::net::buffer(*buffer), [state, buffer](const detail::ErrorCode& ec, std::size_t) {
            state->done = true;
            state->ec = ec;
        });
        startRead();
        const auto deadline = detail::Clock::now() + ioTimeout;
        if (!detail::runUntil(ioc, [&] { return state->done; }, deadline)) {
            teardown();
            return fail("send: timed out", nullptr);
        }
        if (state->ec) {
            open = false;
            return fail("send: " + state->ec.message(), nullptr);
        }
        return true;
    }

    std::optional<nlohmann::json> popText() {
        while (!inbox.empty()) {
            Frame frame = std::move(inbox.front());
            inbox.pop_front();
            if (frame.binary) {
                continue;
            }
            nlohmann::json parsed = nlohmann::json::parse(frame.data, nullptr, false);
            if (parsed.is_discarded()) {
                parsed = nlohmann::json(std::move(frame.data));
            }
            history.push_back(parsed);
            return parsed;
        }
        return std::nullopt;
    }
};

WssClient::WssClient() : m_impl(std::make_unique<Impl>()) {}
WssClient::~WssClient() = default;
WssClient::WssClient(WssClient&&) noexcept = default;
WssClient& WssClient::operator=(WssClient&&) noexcept = default;

bool WssClient::connect(const std::string& host, int port, const std::string& pinnedFingerprint,
                        std::chrono::milliseconds timeout, std::string* error) {
    Impl& d = *m_impl;
    d.teardown();
    d.inbox.clear();
    d.closeCode.reset();
    d.closeReason.clear();
    d.lastError.clear();
    const auto deadline = detail::Clock::now() + timeout;

    d.pin = std::make_shared<detail::PinState>();
    d.tls = detail::makeClientContext(pinnedFingerprint, d.pin);
    d.ws = std::make_unique<WsStream>(d.ioc, *d.tls);
    d.ws->read_message_max(kMaxMessageBytes);
    d.ws->set_option(websocket::stream_base::decorator([](websocket::request_type& request) {
        request.set(boost::beast::http::field::user_agent, "room-test-client");
    }));
    detail::setServerName(d.ws->next_layer().native_handle(), host);

    struct Resolved : detail::StepState {
        detail::net::ip::tcp::resolver::results_type endpoints;
    };
    detail::net::ip::tcp::resolver resolver(d.ioc);
    const std::string service = std::to_string(port);
    auto resolved = std::make_shared<Resolved>();
    resolver.async_resolve(
        host, service,
        [resolved](const detail::ErrorCode& ec, detail::net::ip::tcp::resolver::results_type results) {
            resolved->done = true;
            resolved->ec = ec;
            resolved->endpoints = std::move(results);
        });
    if (!detail::runUntil(d.ioc, [&] { return resolved->done; }, deadline)) {
        resolver.cancel();
        d.teardown();
        return d.fail("resolve: timed out", error);
    }
    if (resolved->ec) {
        d.teardown();
        return d.fail("resolve " + host + ": " + resolved->ec.message(), error);
    }

    auto& tcp = detail::beast::get_lowest_layer(*d.ws);
    if (!d.step("connect", [&](auto handler) { tcp.async_connect(resolved->endpoints, std::move(handler)); }, deadline,
                error)) {
        return false;
    }
    tcp.socket().set_option(detail::net::ip::tcp::no_delay(true));
    if (!d.step("TLS handshake",
                [&](auto handler) {
                    d.ws->next_layer().async_handshake(detail::net::ssl::stream_base::client, std::move(handler));
                },
                deadline, error)) {
        return false;
    }
    if (!detail::peerMatchesPin(d.ws->next_layer().native_handle(), *d.pin)) {
        d.teardown();
        return d.fail("certificate fingerprint mismatch: expected " + pinnedFingerprint, error);
    }
    const std::string hostHeader = host + ":" + service;
    if (!d.step("WebSocket upgrade",
                [&](auto handler) { d.ws->async_handshake(hostHeader, "/ws", std::move(handler)); }, deadline,
                error)) {
        return false;
    }
    d.open = true;
    d.startRead();
    return true;
}

bool WssClient::send(const nlohmann::json& message) {
    return m_impl->write(false, message.dump());
}

bool WssClient::sendText(std::string_view text) {
    return m_impl->write(false, std::string(text));
}

bool WssClient::sendBinary(std::string_view bytes) {
    return m_impl->write(true, std::string(bytes));
}

std::optional<nlohmann::json> WssClient::receive(std::chrono::milliseconds timeout) {
    Impl& d = *m_impl;
    const auto deadline = detail::Clock::now() + timeout;
    for (;;) {
        if (auto frame = d.popText()) {
            return frame;
        }
        if (!d.open) {
            return std::nullopt;
        }
        d.startRead();
        if (!detail::runUntil(d.ioc, [&] { return !d.inbox.empty() || !d.open; }, deadline) && d.inbox.empty()) {
            return std::nullopt;
        }
    }
}

std::optional<nlohmann::json> WssClient::waitFor(const std::function<bool(const nlohmann::json&)>& pred,
                                                 std::chrono::milliseconds timeout) {
    const auto deadline = detail::Clock::now() + timeout;
    for (;;) {
        const auto remaining =
            std::max(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - detail::Clock::now()),
                     std::chrono::milliseconds(0));
        auto frame = receive(remaining);
        if (!frame) {
            return std::nullopt;
        }
        if (pred(*frame)) {
            return frame;
        }
    }
}

const std::vector<nlohmann::json>& WssClient::received() const {
    return m_impl->history;
}

void WssClient::clearReceived() {
    m_impl->history.clear();
}

bool WssClient::isOpen() {
    Impl& d = *m_impl;
    if (d.open && d.ws) {
        d.startRead();
        d.ioc.restart();
        d.ioc.poll();
    }
    return d.open;
}

void WssClient::close() {
    m_impl->closeGracefully(m_impl->ioTimeout);
}

void WssClient::dropAbruptly() {
    Impl& d = *m_impl;
    if (d.ws) {
        detail::ErrorCode ignored;
        auto& socket = detail::beast::get_lowest_layer(*d.ws).socket();
        socket.set_option(detail::net::socket_base::linger(true, 0), ignored);
    }
    d.teardown();
}

std::optional<int> WssClient::closeCode() const {
    return m_impl->closeCode;
}

std::string WssClient::closeReason() const {
    return m_impl->closeReason;
}

std::string WssClient::lastError() const {
    return m_impl->lastError;
}

void WssClient::setIoTimeout(std::chrono::milliseconds timeout) {
    m_impl->ioTimeout = timeout;
}

}  // namespace room::testing
