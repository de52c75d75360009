#include "tests/support/https_client.h"

#include "tests/support/tls_detail.h"

#include <boost/beast/http.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>

namespace room::testing {

namespace {

namespace http = boost::beast::http;
using TlsStream = detail::beast::ssl_stream<detail::beast::tcp_stream>;

constexpr std::chrono::milliseconds kShutdownLimit{500};

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

class HttpsExchange {
public:
    HttpsExchange(const std::string& pinnedFingerprint, std::chrono::milliseconds timeout)
        : m_pin(std::make_shared<detail::PinState>()),
          m_tls(detail::makeClientContext(pinnedFingerprint, m_pin)),
          m_stream(std::make_unique<TlsStream>(m_ioc, *m_tls)),
          m_deadline(detail::Clock::now() + timeout) {}

    ~HttpsExchange() {
        detail::ErrorCode ignored;
        detail::beast::get_lowest_layer(*m_stream).socket().close(ignored);
        detail::drain(m_ioc);
    }

    HttpsExchange(const HttpsExchange&) = delete;
    HttpsExchange& operator=(const HttpsExchange&) = delete;

    std::optional<HttpResponse> run(const std::string& host, int port, const std::string& method,
                                    const std::string& target, const std::map<std::string, std::string>& headers,
                                    std::string body) {
        detail::setServerName(m_stream->native_handle(), host);
        const std::string service = std::to_string(port);

        struct Resolved : detail::StepState {
            detail::net::ip::tcp::resolver::results_type endpoints;
        };
        detail::net::ip::tcp::resolver resolver(m_ioc);
        auto resolved = std::make_shared<Resolved>();
        resolver.async_resolve(
            host, service,
            [resolved](const detail::ErrorCode& ec, detail::net::ip::tcp::resolver::results_type results) {
                resolved->done = true;
                resolved->ec = ec;
                resolved->endpoints = std::move(results);
            });
        if (!detail::runUntil(m_ioc, [&] { return resolved->done; }, m_deadline)) {
            resolver.cancel();
            return fail("resolve: timed out");
        }
        if (resolved->ec) {
            return fail("resolve " + host + ": " + resolved->ec.message());
        }

        auto& tcp = detail::beast::get_lowest_layer(*m_stream);
        if (!step("connect", [&](auto handler) { tcp.async_connect(resolved->endpoints, std::move(handler)); })) {
            return std::nullopt;
        }
        tcp.socket().set_option(detail::net::ip::tcp::no_delay(true));
        if (!step("TLS handshake", [&](auto handler) {
                m_stream->async_handshake(detail::net::ssl::stream_base::client, std::move(handler));
            })) {
            return std::nullopt;
        }
        if (!detail::peerMatchesPin(m_stream->native_handle(), *m_pin)) {
            return fail("certificate fingerprint mismatch: expected " + m_pin->expected);
        }

        http::request<http::string_body> request;
        const http::verb verb = http::string_to_verb(method);
        if (verb == http::verb::unknown) {
            request.method_string(method);
        } else {
            request.method(verb);
        }
        request.target(target);
        request.version(11);
        request.set(http::field::host, host + ":" + service);
        request.set(http::field::user_agent, "room-test-client");
        request.set(http::field::connection, "close");
        for (const auto& [name, value] : headers) {
            request.set(name, value);
        }
        const bool hasBody = !body.empty() || (verb != http::verb::get && verb != http::verb::head &&
                                               verb != http::verb::delete_ && verb != http::verb::options);
        request.body() = std::move(body);
        if (hasBody && headers.end() == std::find_if(headers.begin(), headers.end(), [](const auto& entry) {
                return lowercase(entry.first) == "content-length" || lowercase(entry.first) == "transfer-encoding";
            })) {
            request.prepare_payload();
        }
        if (!step("write request", [&](auto handler) { http::async_write(*m_stream, request, std::move(handler)); })) {
            return std::nullopt;
        }

        detail::beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        // Not boost::none: Beast 1.74 compares Content-Length against the optional and rejects every body.
        parser.body_limit(std::numeric_limits<std::uint64_t>::max());
        parser.header_limit(1024U * 1024U);
        if (method == "HEAD") {
            parser.skip(true);
        }
        if (!step("read response",
                  [&](auto handler) { http::async_read(*m_stream, buffer, parser, std::move(handler)); })) {
            return std::nullopt;
        }

        auto message = parser.release();
        HttpResponse response;
        response.status = static_cast<int>(message.result_int());
        for (const auto& field : message) {
            const auto rawName = field.name_string();
            std::string name = lowercase(std::string_view(rawName.data(), rawName.size()));
            auto [it, inserted] = response.headers.emplace(name, std::string(field.value()));
            if (!inserted) {
                it->second += ", ";
                it->second += std::string(field.value());
            }
        }
        response.body = std::move(message.body());

        auto closeState = std::make_shared<detail::StepState>();
        m_stream->async_shutdown([closeState](const detail::ErrorCode& ec) {
            closeState->done = true;
            closeState->ec = ec;
        });
        detail::runUntil(m_ioc, [&] { return closeState->done; },
                         std::min(m_deadline, detail::Clock::now() + kShutdownLimit));
        return response;
    }

    const std::string& lastError() const { return m_error; }

private:
    std::nullopt_t fail(std::string message) {
        m_error = std::move(message);
        detail::ErrorCode ignored;
        detail::beast::get_lowest_layer(*m_stream).socket().close(ignored);
        return std::nullopt;
    }

    template <class Start>
    bool step(const char* what, Start&& start) {
        auto state = std::make_shared<detail::StepState>();
        start([state](const detail::ErrorCode& ec, auto&&...) {
            state->done = true;
            state->ec = ec;
        });
        if (!detail::runUntil(m_ioc, [&] { return state->done; }, m_deadline)) {
            fail(std::string(what) + ": timed out");
            detail::drain(m_ioc);
            return false;
        }
        if (state->ec) {
            fail(detail::describeFailure(what, state->ec, *m_pin));
            return false;
        }
        return true;
    }

    detail::net::io_context m_ioc;
    std::shared_ptr<detail::PinState> m_pin;
    std::unique_ptr<detail::net::ssl::context> m_tls;
    std::unique_ptr<TlsStream> m_stream;
    detail::Clock::time_point m_deadline;
    std::string m_error;
};

}  // namespace

std::optional<HttpResponse> httpsRequest(const std::string& host, int port, const std::string& pinnedFingerprint,
                                         const std::string& method, const std::string& target,
                                         const std::map<std::string, std::string>& headers, std::string body,
                                         std::chrono::milliseconds timeout, std::string* error) {
    HttpsExchange exchange(pinnedFingerprint, timeout);
    auto response = exchange.run(host, port, method, target, headers, std::move(body));
    if (!response && error != nullptr) {
        *error = exchange.lastError();
    }
    return response;
}

std::optional<HttpResponse> httpsGet(const std::string& host, int port, const std::string& pinnedFingerprint,
                                     const std::string& target, std::chrono::milliseconds timeout,
                                     std::string* error) {
    return httpsRequest(host, port, pinnedFingerprint, "GET", target, {}, {}, timeout, error);
}

}  // namespace room::testing
