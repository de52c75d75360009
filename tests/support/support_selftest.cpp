#include <utility>

// GCC 12 reports a "potential null pointer dereference" inside Asio's scheduler once it is inlined.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#pragma GCC diagnostic pop

#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <sys/socket.h>

#include "tests/support/https_client.h"
#include "tests/support/server_process.h"
#include "tests/support/tls_pinning.h"
#include "tests/support/wss_client.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using json = nlohmann::json;
using namespace std::chrono_literals;
using room::testing::WssClient;

constexpr std::size_t kMaxBody = 64U * 1024U * 1024U;

template <class T, void (*Free)(T*)>
struct OpenSslDeleter {
    void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;

/// A self-signed P-256 certificate for "localhost", valid for one day.
struct SelfSigned {
    KeyPtr key;
    CertPtr cert;
    std::string fingerprint;  // From X509_digest, independently of the library under test.
    std::string der;
};

SelfSigned makeSelfSigned() {
    SelfSigned result;
    result.key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    REQUIRE(result.key);
    result.cert.reset(X509_new());
    X509* cert = result.cert.get();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), 24L * 3600L);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1,
                               0);
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, result.key.get());
    REQUIRE(X509_sign(cert, result.key.get(), EVP_sha256()) > 0);

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    REQUIRE(X509_digest(cert, EVP_sha256(), digest, &length) == 1);
    char hex[4];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(hex, sizeof hex, i == 0 ? "%02X" : ":%02X", digest[i]);
        result.fingerprint += hex;
    }
    unsigned char* der = nullptr;
    const int derLength = i2d_X509(cert, &der);
    REQUIRE(derLength > 0);
    result.der.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(derLength));
    OPENSSL_free(der);
    return result;
}

/// TLS server on 127.0.0.1 speaking WebSocket on "/ws" (JSON echo with a few commands) and HTTPS
/// (GET /healthz, GET /bytes?n=N, POST /echo). One thread per connection.
class EchoServer {
public:
    EchoServer() : m_identity(makeSelfSigned()), m_tls(net::ssl::context::tls_server), m_acceptor(m_ioc) {
        SSL_CTX_use_certificate(m_tls.native_handle(), m_identity.cert.get());
        SSL_CTX_use_PrivateKey(m_tls.native_handle(), m_identity.key.get());
        const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), 0);
        m_acceptor.open(endpoint.protocol());
        m_acceptor.set_option(tcp::acceptor::reuse_address(true));
        m_acceptor.bind(endpoint);
        m_acceptor.listen();
        m_port = m_acceptor.local_endpoint().port();
        m_acceptThread = std::thread([this] { acceptLoop(); });
    }

    ~EchoServer() {
        m_stopping = true;
        ::shutdown(m_acceptor.native_handle(), SHUT_RDWR);
        m_acceptThread.join();
        {
            std::lock_guard guard(m_mutex);
            for (const int fd : m_connections) {
                ::shutdown(fd, SHUT_RDWR);
            }
        }
        for (auto& session : m_sessions) {
            session.join();
        }
    }

    EchoServer(const EchoServer&) = delete;
    EchoServer& operator=(const EchoServer&) = delete;

    int port() const { return m_port; }
    const std::string& fingerprint() const { return m_identity.fingerprint; }
    const std::string& der() const { return m_identity.der; }
    int cleanCloses() const { return m_cleanCloses; }
    int abruptDrops() const { return m_abruptDrops; }
    int failedHandshakes() const { return m_failedHandshakes; }

private:
    void acceptLoop() {
        for (;;) {
            tcp::socket socket(m_ioc);
            beast::error_code ec;
            m_acceptor.accept(socket, ec);
            if (ec || m_stopping) {
                return;
            }
            {
                std::lock_guard guard(m_mutex);
                m_connections.insert(socket.native_handle());
            }
            m_sessions.emplace_back([this, s = std::move(socket)]() mutable { serve(std::move(s)); });
        }
    }

    void serve(tcp::socket socket) {
        const int fd = socket.native_handle();
        {
            beast::ssl_stream<tcp::socket> stream(std::move(socket), m_tls);
            beast::error_code ec;
            stream.handshake(net::ssl::stream_base::server, ec);
            if (ec) {
                ++m_failedHandshakes;
            } else {
                serveTls(stream);
            }
            std::lock_guard guard(m_mutex);
            m_connections.erase(fd);
        }
    }

    void serveTls(beast::ssl_stream<tcp::socket>& stream) {
        beast::flat_buffer buffer;
        for (;;) {
            beast::error_code ec;
            http::request_parser<http::string_body> parser;
            parser.body_limit(kMaxBody);
            http::read(stream, buffer, parser, ec);
            if (ec) {
                return;
            }
            http::request<http::string_body> request = parser.release();
            if (websocket::is_upgrade(request) && request.target() == "/ws") {
                serveWebSocket(stream, request);
                return;
            }
            http::response<http::string_body> response;
            response.version(11);
            response.keep_alive(request.keep_alive());
            const std::string target(request.target());
            if (request.method() == http::verb::get && target == "/healthz") {
                response.result(http::status::ok);
                response.body() = "ok";
            } else if (request.method() == http::verb::get && target.rfind("/bytes?n=", 0) == 0) {
                const std::size_t n = std::stoul(target.substr(9));
                response.result(http::status::ok);
                response.set(http::field::content_type, "application/octet-stream");
                response.set("X-Custom", "A");
                response.insert("X-Custom", "B");
                response.body().resize(n);
                for (std::size_t i = 0; i < n; ++i) {
                    response.body()[i] = static_cast<char>('a' + i % 26);
                }
            } else if (request.method() == http::verb::post && target == "/echo") {
                response.result(http::status::ok);
                response.set("X-Request-Token", request["X-Token"]);
                response.body() = std::move(request.body());
            } else {
                response.result(http::status::not_found);
            }
            response.prepare_payload();
            http::write(stream, response, ec);
            if (ec || !request.keep_alive()) {
                stream.shutdown(ec);
                return;
            }
        }
    }

    void serveWebSocket(beast::ssl_stream<tcp::socket>& stream, const http::request<http::string_body>& request) {
        websocket::stream<beast::ssl_stream<tcp::socket>&> ws(stream);
        beast::error_code ec;
        ws.accept(request, ec);
        if (ec) {
            return;
        }
        auto sendJson = [&](const json& message) {
            ws.text(true);
            ws.write(net::buffer(message.dump()), ec);
        };
        for (;;) {
            beast::flat_buffer buffer;
            ws.read(buffer, ec);
            if (ec == websocket::error::closed) {
                ++m_cleanCloses;
                return;
            }
            if (ec) {
                ++m_abruptDrops;
                return;
            }
            if (ws.got_binary()) {
                sendJson({{"binaryBytes", buffer.size()}});
                continue;
            }
            const json message = json::parse(beast::buffers_to_string(buffer.data()), nullptr, false);
            if (message.is_discarded()) {
                sendJson({{"error", "malformed"}});
            } else if (message.contains("burst")) {
                for (int i = 0; i < message["burst"].get<int>(); ++i) {
                    sendJson({{"seq", i}});
                }
            } else if (message.value("cmd", "") == "close") {
                ws.close(websocket::close_reason(static_cast<websocket::close_code>(message.value("code", 1000)), "bye"), ec);
            } else if (message.value("cmd", "") == "raw") {
                ws.text(true);
                ws.write(net::buffer(std::string("not json")), ec);
            } else {
                sendJson({{"echo", message}});
            }
        }
    }

    SelfSigned m_identity;
    net::io_context m_ioc;
    net::ssl::context m_tls;
    tcp::acceptor m_acceptor;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptThread;
    std::vector<std::thread> m_sessions;
    std::mutex m_mutex;
    std::set<int> m_connections;
    std::atomic<int> m_cleanCloses{0};
    std::atomic<int> m_abruptDrops{0};
    std::atomic<int> m_failedHandshakes{0};
};

template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds limit = 3s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

std::string wrongFingerprint(const std::string& fingerprint) {
    std::string wrong = fingerprint;
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    return wrong;
}

template <class F>
std::chrono::milliseconds elapsed(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

}  // namespace

TEST_CASE("fingerprints are formatted and compared like the server prints them") {
    const SelfSigned identity = makeSelfSigned();
    CHECK(room::testing::sha256Fingerprint(identity.der) == identity.fingerprint);
    CHECK(identity.fingerprint.size() == 32 * 3 - 1);
    std::string lower = identity.fingerprint;
    for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    CHECK(room::testing::fingerprintsEqual(lower, identity.fingerprint));
    CHECK_FALSE(room::testing::fingerprintsEqual(wrongFingerprint(identity.fingerprint), identity.fingerprint));
    CHECK_FALSE(room::testing::fingerprintsEqual("", ""));
}

TEST_CASE("WssClient against a TLS WebSocket echo server") {
    EchoServer server;

    SUBCASE("the pinned fingerprint is accepted and JSON round-trips") {
        WssClient client;
        std::string error;
        REQUIRE_MESSAGE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s, &error), error);
        CHECK(client.isOpen());
        CHECK(client.send({{"type", "hello"}, {"n", 1}}));
        const auto reply = client.receive(2s);
        REQUIRE(reply);
        CHECK((*reply)["echo"]["type"] == "hello");
        CHECK(client.received().size() == 1);
    }

    SUBCASE("a lowercase pin and the empty pin both connect") {
        std::string lower = server.fingerprint();
        for (char& c : lower) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        WssClient pinned;
        CHECK(pinned.connect("localhost", server.port(), lower, 3s));
        WssClient unpinned;
        CHECK(unpinned.connect("127.0.0.1", server.port(), "", 3s));
    }

    SUBCASE("a wrong fingerprint fails the handshake") {
        WssClient client;
        std::string error;
        CHECK_FALSE(client.connect("127.0.0.1", server.port(), wrongFingerprint(server.fingerprint()), 3s, &error));
        CHECK(error.find("fingerprint mismatch") != std::string::npos);
        CHECK(error.find(server.fingerprint()) != std::string::npos);
        CHECK_FALSE(client.isOpen());
        CHECK_FALSE(client.send({{"type", "hello"}}));
        CHECK(eventually([&] { return server.failedHandshakes() == 1; }));
    }

    SUBCASE("connecting to a closed port fails without waiting for the timeout") {
        net::io_context ioc;
        tcp::acceptor probe(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
        const int closedPort = probe.local_endpoint().port();
        probe.close();
        WssClient client;
        std::string error;
        const auto took = elapsed([&] { CHECK_FALSE(client.connect("127.0.0.1", closedPort, "", 5s, &error)); });
        CHECK(took < 2s);
        CHECK(error.find("connect") != std::string::npos);
    }

    SUBCASE("receive times out promptly and the connection survives") {
        WssClient client;
        REQUIRE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s));
        std::optional<json> nothing;
        const auto took = elapsed([&] { nothing = client.receive(150ms); });
        CHECK_FALSE(nothing);
        CHECK(took >= 140ms);
        CHECK(took < 1s);
        CHECK(client.isOpen());
        CHECK(client.send({{"after", "timeout"}}));
        const auto reply = client.receive(2s);
        REQUIRE(reply);
        CHECK((*reply)["echo"]["after"] == "timeout");
    }

    SUBCASE("waitFor skips non-matching frames and keeps them in the history") {
        WssClient client;
        REQUIRE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s));
        CHECK(client.send({{"burst", 5}}));
        const auto match = client.waitFor([](const json& m) { return m.value("seq", -1) == 3; }, 2s);
        REQUIRE(match);
        CHECK((*match)["seq"] == 3);
        REQUIRE(client.received().size() == 4);
        CHECK(client.received()[0]["seq"] == 0);
        const auto last = client.receive(2s);
        REQUIRE(last);
        CHECK((*last)["seq"] == 4);
        const auto never = client.waitFor([](const json& m) { return m.contains("nope"); }, 100ms);
        CHECK_FALSE(never);
        client.clearReceived();
        CHECK(client.received().empty());
    }

    SUBCASE("raw text, malformed input and binary frames") {
        WssClient client;
        REQUIRE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s));
        CHECK(client.sendText("{not json"));
        auto reply = client.receive(2s);
        REQUIRE(reply);
        CHECK((*reply)["error"] == "malformed");
        CHECK(client.sendBinary(std::string(1000, '\x01')));
        reply = client.receive(2s);
        REQUIRE(reply);
        CHECK((*reply)["binaryBytes"] == 1000);
        CHECK(client.send({{"cmd", "raw"}}));
        reply = client.receive(2s);
        REQUIRE(reply);
        CHECK(*reply == json("not json"));
    }

    SUBCASE("a large message both ways") {
        WssClient client;
        REQUIRE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s));
        const std::string big(3 * 1024 * 1024, 'x');
        CHECK(client.send({{"blob", big}}));
        const auto reply = client.receive(5s);
        REQUIRE(reply);
        CHECK((*reply)["echo"]["blob"].get<std::string>().size() == big.size());
    }

    SUBCASE("the server's close code is reported") {
        WssClient client;
        REQUIRE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s));
        CHECK_FALSE(client.closeCode());
        CHECK(client.send({{"cmd", "close"}, {"code", 4001}}));
        CHECK_FALSE(client.receive(2s));
        CHECK_FALSE(client.isOpen());
        REQUIRE(client.closeCode());
        CHECK(*client.closeCode() == 4001);
        CHECK(client.closeReason() == "bye");
        CHECK_FALSE(client.send({{"late", true}}));
    }

    SUBCASE("close performs the closing handshake") {
        WssClient client;
        REQUIRE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s));
        client.close();
        CHECK_FALSE(client.isOpen());
        CHECK(client.closeCode() == 1000);
        CHECK(eventually([&] { return server.cleanCloses() == 1; }));
        CHECK(server.abruptDrops() == 0);
    }

    SUBCASE("dropAbruptly ends the connection without a close frame") {
        WssClient client;
        REQUIRE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s));
        CHECK(client.send({{"ping", 1}}));
        REQUIRE(client.receive(2s));
        client.dropAbruptly();
        CHECK_FALSE(client.isOpen());
        CHECK_FALSE(client.closeCode());
        CHECK_FALSE(client.send({{"ping", 2}}));
        CHECK_FALSE(client.receive(50ms));
        CHECK(eventually([&] { return server.abruptDrops() == 1; }));
        CHECK(server.cleanCloses() == 0);

        std::string error;
        CHECK_MESSAGE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s, &error), error);
        CHECK(client.send({{"again", true}}));
        CHECK(client.receive(2s));
    }

    SUBCASE("the destructor closes cleanly") {
        {
            WssClient client;
            REQUIRE(client.connect("127.0.0.1", server.port(), server.fingerprint(), 3s));
        }
        CHECK(eventually([&] { return server.cleanCloses() == 1; }));
    }
}

TEST_CASE("httpsRequest against the echo server") {
    EchoServer server;
    const std::string host = "127.0.0.1";

    SUBCASE("GET with a 5 MB response body") {
        std::string error;
        const auto response =
            room::testing::httpsGet(host, server.port(), server.fingerprint(), "/bytes?n=5000000", 5s, &error);
        REQUIRE_MESSAGE(response, error);
        CHECK(response->status == 200);
        REQUIRE(response->body.size() == 5'000'000);
        CHECK(response->body[27] == 'b');
        CHECK(response->headers.at("content-type") == "application/octet-stream");
        CHECK(response->headers.at("content-length") == "5000000");
        CHECK(response->headers.at("x-custom") == "A, B");
    }

    SUBCASE("POST of a 20 MB body with custom headers") {
        std::string body(20 * 1024 * 1024, 'z');
        body[12345] = 'q';
        std::string error;
        const auto response = room::testing::httpsRequest(host, server.port(), server.fingerprint(), "POST", "/echo",
                                                          {{"X-Token", "t0k"}}, body, 10s, &error);
        REQUIRE_MESSAGE(response, error);
        CHECK(response->status == 200);
        CHECK(response->headers.at("x-request-token") == "t0k");
        CHECK(response->body == body);
    }

    SUBCASE("error statuses are responses") {
        const auto response = room::testing::httpsGet(host, server.port(), server.fingerprint(), "/missing", 3s);
        REQUIRE(response);
        CHECK(response->status == 404);
    }

    SUBCASE("a wrong fingerprint fails") {
        std::string error;
        const auto response =
            room::testing::httpsGet(host, server.port(), wrongFingerprint(server.fingerprint()), "/healthz", 3s, &error);
        CHECK_FALSE(response);
        CHECK(error.find("fingerprint mismatch") != std::string::npos);
    }

    SUBCASE("a silent peer hits the deadline") {
        net::io_context ioc;
        tcp::acceptor silent(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
        std::string error;
        const auto took = elapsed([&] {
            CHECK_FALSE(room::testing::httpsGet(host, silent.local_endpoint().port(), "", "/healthz", 300ms, &error));
        });
        CHECK(took < 1500ms);
        CHECK(error.find("timed out") != std::string::npos);
    }
}

TEST_CASE("ServerProcess") {
    using room::testing::ServerProcess;
    const std::string shell = "/bin/sh";

    SUBCASE("reads the announced port and fingerprint, captures stderr, stops with SIGTERM") {
        std::string error;
        auto process = ServerProcess::start(
            shell,
            {"-c",
             "trap 'echo stopping >&2; kill $! 2>/dev/null; exit 0' TERM; echo 'starting up' >&2;"
             " echo 'fingerprint SHA256 AB:CD:EF'; echo 'listening 127.0.0.1:45678'; sleep 30 >/dev/null 2>&1 & wait"},
            3s, &error);
        REQUIRE_MESSAGE(process, error);
        CHECK(process->port() == 45678);
        CHECK(process->host() == "127.0.0.1");
        CHECK(process->fingerprint() == "AB:CD:EF");
        CHECK(process->pid() > 0);
        CHECK(process->isRunning());
        CHECK(process->stderrText().find("starting up") != std::string::npos);
        int status = -1;
        const auto took = elapsed([&] { status = process->terminate(3s); });
        CHECK(status == 0);
        CHECK(took < 2s);
        CHECK_FALSE(process->isRunning());
        CHECK(process->stderrText().find("stopping") != std::string::npos);
        CHECK(process->terminate() == 0);
    }

    SUBCASE("terminate escalates to SIGKILL") {
        auto process = ServerProcess::start(
            shell, {"-c", "trap '' TERM; echo 'fingerprint SHA256 AA'; echo 'listening [::1]:1234'; exec sleep 30"},
            3s);
        REQUIRE(process);
        CHECK(process->host() == "::1");
        CHECK(process->terminate(200ms) == 128 + 9);
    }

    SUBCASE("kill9 and waitForExit") {
        auto process =
            ServerProcess::start(shell, {"-c", "echo 'fingerprint SHA256 AA'; echo 'listening 127.0.0.1:1'; exec sleep 30"}, 3s);
        REQUIRE(process);
        CHECK_FALSE(process->waitForExit(20ms));
        process->kill9();
        CHECK(process->waitForExit(0ms) == 137);
    }

    SUBCASE("a server that exits before announcing itself is reported with its stderr") {
        std::string error;
        auto process = ServerProcess::start(shell, {"-c", "echo 'bad config' >&2; exit 3"}, 3s, &error);
        CHECK_FALSE(process);
        CHECK(error.find("bad config") != std::string::npos);
        CHECK(error.find("exit status 3") != std::string::npos);
    }

    SUBCASE("a silent server hits the deadline") {
        std::string error;
        std::unique_ptr<ServerProcess> process;
        const auto took = elapsed([&] { process = ServerProcess::start(shell, {"-c", "exec sleep 30"}, 200ms, &error); });
        CHECK_FALSE(process);
        CHECK(took < 1500ms);
        CHECK(error.find("in time") != std::string::npos);
    }

    SUBCASE("a missing program is reported") {
        std::string error;
        CHECK_FALSE(ServerProcess::start("/nonexistent/room-server", {}, 1s, &error));
        CHECK(error.find("cannot run") != std::string::npos);
    }

    SUBCASE("makeTempDir and serverBinary") {
        const auto dir = room::testing::makeTempDir("room-support-");
        CHECK(std::filesystem::is_directory(dir));
        CHECK(std::filesystem::is_empty(dir));
        CHECK(dir.filename().string().rfind("room-support-", 0) == 0);
        CHECK(room::testing::makeTempDir("room-support-") != dir);
        std::filesystem::remove(dir);
        ::setenv("ROOM_SERVER_BIN", "/opt/room-server", 1);
        CHECK(room::testing::serverBinary() == "/opt/room-server");
        ::unsetenv("ROOM_SERVER_BIN");
        CHECK(room::testing::serverBinary().empty());
    }
}
