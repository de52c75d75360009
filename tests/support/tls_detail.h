// Internal to room_test_support: Asio/Beast/OpenSSL helpers shared by the TLS clients (.cpp only).
#pragma once

#include <utility>

// GCC 12 reports a "potential null pointer dereference" inside Asio's scheduler once it is inlined.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#pragma GCC diagnostic pop

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "tests/support/tls_pinning.h"

#include <chrono>
#include <memory>
#include <string>

namespace room::testing::detail {

namespace net = boost::asio;
namespace beast = boost::beast;
using Clock = std::chrono::steady_clock;
using ErrorCode = boost::system::error_code;

/// Outcome of one asynchronous step; shared with its handler so an abandoned step never dangles.
struct StepState {
    bool done = false;
    ErrorCode ec;
};

/// What the pinning verifier saw, for error messages.
struct PinState {
    std::string expected;
    std::string presented;
    bool mismatch = false;
};

/// Runs `ioc` until `done()` holds, the deadline passes or the context runs out of work.
template <class Done>
bool runUntil(net::io_context& ioc, Done&& done, Clock::time_point deadline) {
    while (!done()) {
        const auto now = Clock::now();
        if (now >= deadline) {
            return false;
        }
        if (ioc.stopped()) {
            ioc.restart();
        }
        if (ioc.run_one_for(deadline - now) == 0 && ioc.stopped()) {
            return done();
        }
    }
    return true;
}

/// Runs handlers that are already due (cancelled operations, closed sockets) without waiting.
inline void drain(net::io_context& ioc, std::chrono::milliseconds limit = std::chrono::milliseconds(1000)) {
    ioc.restart();
    ioc.run_for(limit);
}

inline std::string certificateFingerprint(X509* cert) {
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert, &der);
    if (length <= 0) {
        return {};
    }
    std::string result = sha256Fingerprint(
        std::string_view(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
    OPENSSL_free(der);
    return result;
}

/// A TLS ≥ 1.2 client context; with a non-empty pin the peer's leaf certificate must match it.
inline std::unique_ptr<net::ssl::context> makeClientContext(const std::string& pinnedFingerprint,
                                                           const std::shared_ptr<PinState>& pin) {
    auto context = std::make_unique<net::ssl::context>(net::ssl::context::tls_client);
    SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
    pin->expected = pinnedFingerprint;
    if (pinnedFingerprint.empty()) {
        context->set_verify_mode(net::ssl::verify_none);
        return context;
    }
    context->set_verify_mode(net::ssl::verify_peer);
    context->set_verify_callback([pin](bool /*preverified*/, net::ssl::verify_context& ctx) {
        X509_STORE_CTX* store = ctx.native_handle();
        if (X509_STORE_CTX_get_error_depth(store) != 0) {
            return true;  // Only the leaf is pinned; chain certificates carry no trust of their own.
        }
        X509* cert = X509_STORE_CTX_get_current_cert(store);
        pin->presented = cert != nullptr ? certificateFingerprint(cert) : std::string();
        const bool ok = fingerprintsEqual(pin->presented, pin->expected);
        pin->mismatch = !ok;
        return ok;
    });
    return context;
}

/// Re-checks the pin on an established session (the verify callback may not run on resumption).
inline bool peerMatchesPin(SSL* ssl, const PinState& pin) {
    if (pin.expected.empty()) {
        return true;
    }
    X509* cert = SSL_get1_peer_certificate(ssl);
    if (cert == nullptr) {
        return false;
    }
    const bool ok = fingerprintsEqual(certificateFingerprint(cert), pin.expected);
    X509_free(cert);
    return ok;
}

inline std::string describeFailure(const char* step, const ErrorCode& ec, const PinState& pin) {
    if (pin.mismatch) {
        return std::string("certificate fingerprint mismatch: expected ") + pin.expected + ", server presented " +
               pin.presented;
    }
    return std::string(step) + ": " + ec.message();
}

/// Sets SNI for host names (not for literal addresses), as RFC 6066 asks.
inline void setServerName(SSL* ssl, const std::string& host) {
    ErrorCode ec;
    net::ip::make_address(host, ec);
    if (ec) {
        SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, const_cast<char*>(host.c_str()));
    }
}

}  // namespace room::testing::detail
