// Transport on loopback: HTTPS through curl, WebSocket through a raw client, limits and shutdown.
#include "room-server/src/transport/transport.h"
#include "room-server/src/transport/token_bucket.h"

#include "tests/unit/transport/raw_wss_client.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace room::transport;
using room::testing::RawWssClient;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("room-transport-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

struct CommandResult {
    int exitCode = -1;
    std::string out;
};

CommandResult run(const std::string& command) {
    CommandResult r;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0)
        r.out.append(buf, n);
    const int status = ::pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string readFile(const fs::path& p) {
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    if (ec)
        return {};
    std::string data(static_cast<std::size_t>(size), '\0');
    std::ifstream in(p, std::ios::binary);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<std::size_t>(in.gcount()));
    return data;
}

void writeFile(const fs::path& p, const std::string& data) {
    std::ofstream out(p, std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 engine(seed);
    std::string s(n, '\0');
    for (auto& c : s)
        c = static_cast<char>(engine() & 0xff);
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// One self-signed P-256 certificate for the whole test program.
struct TestCertificate {
    TempDir dir;
    fs::path cert = dir.path / "c";
    fs::path key = dir.path / "k";
    TestCertificate() {
        const auto r = run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 "
                           "-subj /CN=localhost -keyout '" + key.string() + "' -out '" + cert.string() + "' 2>&1");
        REQUIRE_MESSAGE(r.exitCode == 0, r.out);
    }
};

const TestCertificate& certificate() {
    static TestCertificate cert;
    return cert;
}

/// A transport with a small in-test core: echoes text messages, answers HTTP by path.
class Harness : public TransportHandler {
public:
    TempDir dir;
    fs::path uploads = dir.path / "uploads";
    fs::path work = dir.path / "work";
    fs::path sliceSource = dir.path / "document.bin";
    std::string sliceData = randomBytes(5000, 7);
    TransportConfig config;
    Transport transport;

    // Everything below is written on the transport thread and read by the test under m_mutex.
    std::vector<ConnId> opened;
    std::vector<std::string> openedPeers;
    std::vector<ConnId> closed;
    std::vector<std::pair<ConnId, std::string>> messages;
    std::vector<std::pair<ConnId, room::Error>> rejections;
    std::vector<std::pair<RequestId, HttpRequest>> requests;

    Harness() {
        fs::create_directories(uploads);
        fs::create_directories(work);
        writeFile(sliceSource, sliceData);
        config.host = "127.0.0.1";
        config.port = 0;
        config.certFile = certificate().cert;
        config.keyFile = certificate().key;
        config.uploadDir = uploads;
        config.maxUploadBytes = 4 * 1024 * 1024;
    }
    ~Harness() override { transport.stop(); }

    void start() {
        const auto st = transport.start(config, *this);
        REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().message));
        REQUIRE(transport.port() > 0);
    }

    std::string url(const std::string& path) const {
        return "https://127.0.0.1:" + std::to_string(transport.port()) + path;
    }

    /// Waits (without sleeping) until pred holds under the lock, or the deadline passes.
    bool waitFor(const std::function<bool()>& pred, std::chrono::milliseconds timeout = 5s) {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, pred);
    }
    template <class F>
    auto locked(F&& f) {
        std::lock_guard lock(m_mutex);
        return f();
    }

    struct Curl {
        int exitCode = -1;
        int status = 0;
        std::string headers; // lowercased
        std::string body;
        std::string writeOut;
    };
    Curl curl(const std::string& args, const std::string& writeOut = "%{http_code}") const {
        const fs::path body = work / "body";
        const fs::path headers = work / "headers";
        std::error_code ec;
        fs::remove(body, ec);
        fs::remove(headers, ec);
        const auto r = run("curl -sS -k --max-time 10 -o '" + body.string() + "' -D '" + headers.string() +
                           "' -w '" + writeOut + "' " + args + " 2>/dev/null");
        Curl c;
        c.exitCode = r.exitCode;
        c.writeOut = r.out;
        c.status = std::atoi(r.out.c_str());
        c.headers = lower(readFile(headers));
        c.body = readFile(body);
        return c;
    }

    ConnId connect(RawWssClient& client) {
        const std::size_t before = locked([&] { return opened.size(); });
        REQUIRE(client.open(transport.port()));
        REQUIRE(waitFor([&] { return opened.size() > before; }));
        return locked([&] { return opened.back(); });
    }

    // ---- TransportHandler (transport thread) ----
    void onOpen(ConnId conn, const std::string& peer) override {
        std::lock_guard lock(m_mutex);
        opened.push_back(conn);
        openedPeers.push_back(peer);
        m_changed.notify_all();
    }
    void onClose(ConnId conn) override {
        std::lock_guard lock(m_mutex);
        closed.push_back(conn);
        m_changed.notify_all();
    }
    void onMessage(ConnId conn, std::string text) override {
        transport.send(conn, std::make_shared<const std::string>("echo:" + text.substr(0, 64)));
        std::lock_guard lock(m_mutex);
        messages.emplace_back(conn, std::move(text));
        m_changed.notify_all();
    }
    void onRejectedMessage(ConnId conn, room::Error why) override {
        std::lock_guard lock(m_mutex);
        rejections.emplace_back(conn, std::move(why));
        m_changed.notify_all();
    }
    void onHttp(RequestId req, HttpRequest request) override {
        HttpResponse r;
        if (request.path == "/hello") {
            r.headers["content-type"] = "text/plain";
            r.body = "hello";
            r.headOnly = request.method == "HEAD";
        } else if (request.path == "/file") {
            r.status = 206;
            r.headers["content-type"] = "application/octet-stream";
            r.headers["content-range"] = "bytes 100-1099/5000";
            r.headers["cache-control"] = "private, max-age=60";
            r.file = sliceSource;
            r.fileOffset = 100;
            r.fileLength = 1000;
        } else if (request.path == "/upload") {
            r.status = 201;
            r.body = std::to_string(request.bodyBytes);
        } else if (request.path == "/silent") {
            r.status = 0; // the test answers later, or never
        } else {
            r.status = 404;
            r.body = "nope";
        }
        if (r.status != 0)
            transport.respond(req, std::move(r));
        std::lock_guard lock(m_mutex);
        requests.emplace_back(req, std::move(request));
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
};

} // namespace

// ------------------------------------------------------------------------------------------------

TEST_CASE("token bucket allows a burst of twice the rate, then the rate") {
    const auto t0 = TokenBucket::Clock::now();
    TokenBucket bucket(10, 20, t0);
    int granted = 0;
    for (int i = 0; i < 50; ++i)
        granted += bucket.tryTake(t0) ? 1 : 0;
    CHECK(granted == 20);
    CHECK_FALSE(bucket.tryTake(t0 + 50ms));
    CHECK(bucket.tryTake(t0 + 100ms));
    CHECK_FALSE(bucket.tryTake(t0 + 100ms));

    FloodCounter flood(3);
    CHECK_FALSE(flood.addAndCheck(t0));
    CHECK_FALSE(flood.addAndCheck(t0));
    CHECK_FALSE(flood.addAndCheck(t0));
    CHECK(flood.addAndCheck(t0));
    CHECK_FALSE(flood.addAndCheck(t0 + 1s));
}

TEST_CASE("start reports bad configuration by name") {
    Harness h;
    h.config.certFile = h.dir.path / "missing.pem";
    auto st = h.transport.start(h.config, h);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message.find("certFile") != std::string::npos);

    h.config.certFile = certificate().cert;
    h.config.uploadDir = h.dir.path / "nope";
    st = h.transport.start(h.config, h);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message.find("uploadDir") != std::string::npos);

    h.config.uploadDir = h.uploads;
    h.start();
    Harness other;
    other.config.port = h.transport.port();
    st = other.transport.start(other.config, other);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message.find("cannot listen") != std::string::npos);
}

TEST_CASE("HTTP GET, HEAD, file slice, keep-alive and request details") {
    Harness h;
    h.start();

    SUBCASE("GET passes method, path, decoded query, headers and peer; adds safe defaults") {
        const auto c = h.curl("-H 'Authorization: Bearer tok' -H 'Range: bytes=0-1' -H 'X-Title: Báo cáo' "
                              "-H 'X-Listed: 1' -H 'If-None-Match: \"abc\"' '" + h.url("/hello?a=1&b=x+y&c=%41") + "'",
                              "%{http_code} %{http_version}");
        CHECK(c.exitCode == 0);
        CHECK(c.writeOut == "200 1.1");
        CHECK(c.body == "hello");
        CHECK(c.headers.find("content-length: 5\r\n") != std::string::npos);
        CHECK(c.headers.find("cache-control: no-store\r\n") != std::string::npos);
        CHECK(c.headers.find("x-content-type-options: nosniff\r\n") != std::string::npos);
        REQUIRE(h.waitFor([&] { return h.requests.size() == 1; }));
        const HttpRequest r = h.locked([&] { return h.requests[0].second; });
        CHECK(r.method == "GET");
        CHECK(r.path == "/hello");
        CHECK(r.query == "a=1&b=x y&c=A");
        CHECK(r.headers.at("authorization") == "Bearer tok");
        CHECK(r.headers.at("range") == "bytes=0-1");
        CHECK(r.headers.at("if-none-match") == "\"abc\"");
        CHECK(r.headers.at("x-title") == "Báo cáo");
        CHECK(r.headers.at("x-listed") == "1");
        CHECK(r.peer == "127.0.0.1");
        CHECK(r.bodyFile.empty());
        CHECK(h.transport.stats().httpRequests.load() == 1);
    }

    SUBCASE("a file slice with the handler's status and headers") {
        const auto c = h.curl("'" + h.url("/file") + "'");
        CHECK(c.status == 206);
        CHECK(c.body == h.sliceData.substr(100, 1000));
        CHECK(c.headers.find("content-range: bytes 100-1099/5000\r\n") != std::string::npos);
        CHECK(c.headers.find("content-length: 1000\r\n") != std::string::npos);
        CHECK(c.headers.find("cache-control: private, max-age=60\r\n") != std::string::npos);
        CHECK(c.headers.find("no-store") == std::string::npos);
    }

    SUBCASE("HEAD sends the GET length and no body") {
        const auto c = h.curl("-I '" + h.url("/hello") + "'");
        CHECK(c.status == 200);
        CHECK(c.headers.find("content-length: 5\r\n") != std::string::npos);
        REQUIRE(h.waitFor([&] { return h.requests.size() == 1; }));
        CHECK(h.locked([&] { return h.requests[0].second.method; }) == "HEAD");
    }

    SUBCASE("sequential requests share one keep-alive connection") {
        const auto c = h.curl("'" + h.url("/hello") + "' -o /dev/null '" + h.url("/file") + "' -o /dev/null '" +
                                  h.url("/hello") + "'",
                              "%{http_code}:%{num_connects} ");
        CHECK(c.writeOut == "200:1 206:0 200:0 ");
    }

    SUBCASE("a plain GET on /ws and unknown paths belong to the handler") {
        CHECK(h.curl("'" + h.url("/ws") + "'").status == 404);
        CHECK(h.curl("'" + h.url("/elsewhere") + "'").status == 404);
        CHECK(h.locked([&] { return h.requests.size(); }) == 2);
    }

    SUBCASE("methods other than GET, HEAD, POST get 405") {
        auto c = h.curl("-X DELETE '" + h.url("/hello") + "'");
        CHECK(c.status == 405);
        CHECK(c.headers.find("allow: get, head, post\r\n") != std::string::npos);
        CHECK(h.curl("-X PUT --data-binary x '" + h.url("/hello") + "'").status == 405);
        CHECK(h.curl("-X OPTIONS '" + h.url("/hello") + "'").status == 405);
        CHECK(h.locked([&] { return h.requests.size(); }) == 0);
    }

    SUBCASE("a response for a client that has gone is dropped") {
        const auto c = h.curl("--max-time 0.3 '" + h.url("/silent") + "'");
        CHECK(c.exitCode != 0);
        REQUIRE(h.waitFor([&] { return h.requests.size() == 1; }));
        HttpResponse late;
        late.body = "too late";
        h.transport.respond(h.locked([&] { return h.requests[0].first; }), late);
        CHECK(h.curl("'" + h.url("/hello") + "'").status == 200); // still serving
    }
}

TEST_CASE("HTTP POST spools the body to a private file") {
    Harness h;
    h.start();

    SUBCASE("a 3 MB upload arrives complete") {
        const std::string data = randomBytes(3 * 1024 * 1024, 11);
        const fs::path source = h.work / "upload.bin";
        writeFile(source, data);
        const auto c = h.curl("-H 'Expect:' -H 'Content-Type: application/pdf' -H 'X-Document-Title: Tờ trình' "
                              "--data-binary '@" + source.string() + "' '" + h.url("/upload") + "'");
        CHECK(c.status == 201);
        CHECK(c.body == std::to_string(data.size()));
        REQUIRE(h.waitFor([&] { return h.requests.size() == 1; }));
        const HttpRequest r = h.locked([&] { return h.requests[0].second; });
        CHECK(r.method == "POST");
        CHECK(r.bodyBytes == static_cast<std::int64_t>(data.size()));
        CHECK(r.headers.at("content-type") == "application/pdf");
        CHECK(r.headers.at("x-document-title") == "Tờ trình");
        REQUIRE(fs::exists(r.bodyFile));
        CHECK(r.bodyFile.parent_path() == h.uploads);
        struct stat st{};
        REQUIRE(::stat(r.bodyFile.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(readFile(r.bodyFile) == data);
        // The handler owns the file: closing the connection must not delete it.
        h.transport.stop();
        CHECK(fs::exists(r.bodyFile));
    }

    SUBCASE("an upload over the limit gets 413 and leaves nothing behind") {
        const fs::path source = h.work / "big.bin";
        writeFile(source, randomBytes(5 * 1024 * 1024, 13));
        // Once as curl does by default (Expect: 100-continue, so the body is never sent) …
        CHECK(h.curl("--data-binary '@" + source.string() + "' '" + h.url("/upload") + "'").status == 413);
        // … and once with the whole body on the wire.
        const auto sent = h.curl("-H 'Expect:' --data-binary '@" + source.string() + "' '" + h.url("/upload") + "'");
        CHECK(sent.status == 413);
        CHECK(sent.body.find(R"("code":"too_large")") != std::string::npos);
        CHECK(fs::is_empty(h.uploads));
        CHECK(h.locked([&] { return h.requests.size(); }) == 0);
        CHECK(h.curl("'" + h.url("/hello") + "'").status == 200);
    }

    SUBCASE("a POST without content-length gets 411") {
        CHECK(h.curl("-H 'Transfer-Encoding: chunked' --data-binary x '" + h.url("/upload") + "'").status == 411);
        CHECK(fs::is_empty(h.uploads));
    }
}

// CTest runs this with legacy_tls_openssl.cnf, which lets OpenSSL itself speak TLS 1.0/1.1:
// the refusal must come from the transport's settings.
TEST_CASE("TLS 1.2 is the minimum") {
    Harness h;
    h.start();
    const auto old = h.curl("--tlsv1.1 --tls-max 1.1 --ciphers DEFAULT@SECLEVEL=0 '" + h.url("/hello") + "'");
    CHECK(old.exitCode != 0);
    CHECK(old.status == 0);
    CHECK(h.curl("--tlsv1.2 --tls-max 1.2 '" + h.url("/hello") + "'").status == 200);
    CHECK(h.curl("--tlsv1.3 '" + h.url("/hello") + "'").status == 200);
}

TEST_CASE("WebSocket messages") {
    Harness h;
    h.config.maxFrameBytes = 64 * 1024;
    h.config.maxMessagesPerSecond = 20;
    h.start();
    RawWssClient client;
    const ConnId conn = h.connect(client);
    CHECK(h.locked([&] { return h.openedPeers.back(); }) == "127.0.0.1");

    SUBCASE("echo round trip") {
        REQUIRE(client.sendText("hi"));
        const auto reply = client.receiveText(5s);
        REQUIRE(reply);
        CHECK(*reply == "echo:hi");
        CHECK(h.locked([&] { return h.messages.at(0); }) == std::make_pair(conn, std::string("hi")));
        client.close();
        REQUIRE(h.waitFor([&] { return h.closed.size() == 1; }));
        CHECK(h.locked([&] { return h.closed[0]; }) == conn);
        CHECK(h.transport.stats().connections.load() == 0);
        CHECK(h.transport.stats().connectionsTotal.load() == 1);
    }

    SUBCASE("a large message arrives whole") {
        const std::string big(60 * 1024, 'x');
        REQUIRE(client.sendText(big));
        REQUIRE(client.receiveText(5s));
        CHECK(h.locked([&] { return h.messages.at(0).second; }) == big);
    }

    SUBCASE("a message over maxFrameBytes closes with 1009 and is not delivered") {
        (void)client.sendText(std::string(64 * 1024 + 1, 'x')); // may fail: the server stops reading
        CHECK_FALSE(client.receiveText(5s));
        CHECK(client.closeCode() == 1009);
        REQUIRE(h.waitFor([&] { return h.closed.size() == 1; }));
        CHECK(h.locked([&] { return h.messages.size(); }) == 0);
    }

    SUBCASE("binary frames are rejected but the connection stays") {
        REQUIRE(client.sendBinary("\x01\x02"));
        REQUIRE(h.waitFor([&] { return h.rejections.size() == 1; }));
        CHECK(h.locked([&] { return h.rejections[0].second.code; }) == room::ErrorCode::Malformed);
        REQUIRE(client.sendText("still here"));
        const auto reply = client.receiveText(5s);
        REQUIRE(reply);
        CHECK(*reply == "echo:still here");
        CHECK(h.transport.stats().rejectedMessages.load() == 1);
    }

    SUBCASE("a burst beyond the rate is rejected, not delivered") {
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < 100; ++i)
            REQUIRE(client.sendText(std::to_string(i)));
        REQUIRE(h.waitFor([&] { return h.messages.size() + h.rejections.size() == 100; }));
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - t0;
        const auto [delivered, limited] = h.locked([&] {
            const auto n = std::count_if(h.rejections.begin(), h.rejections.end(),
                                         [](const auto& r) { return r.second.code == room::ErrorCode::RateLimited; });
            return std::make_pair(h.messages.size(), static_cast<std::size_t>(n));
        });
        CHECK(delivered >= 40);                                                   // the burst …
        CHECK(static_cast<double>(delivered) <= 41 + 20 * elapsed.count()); // … plus the refill
        CHECK(limited == 100 - delivered);
        CHECK(limited > 0);
        CHECK(client.isOpen());
        CHECK(h.transport.stats().messagesIn.load() == 100);
    }

    SUBCASE("200 queued frames arrive in order") {
        for (int i = 0; i < 200; ++i)
            h.transport.send(conn, std::make_shared<const std::string>(std::to_string(i)));
        for (int i = 0; i < 200; ++i) {
            const auto frame = client.receiveText(5s);
            REQUIRE(frame);
            REQUIRE(*frame == std::to_string(i));
        }
        // The counter moves on the transport thread just after the write, so wait for it.
        const auto deadline = std::chrono::steady_clock::now() + 5s;
        while (h.transport.stats().framesOut.load() < 200 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::yield();
        CHECK(h.transport.stats().framesOut.load() == 200);
    }

    SUBCASE("close sends the queued frames first") {
        for (int i = 0; i < 5; ++i)
            h.transport.send(conn, std::make_shared<const std::string>(std::to_string(i)));
        h.transport.close(conn, 4001, "bye");
        h.transport.send(conn, std::make_shared<const std::string>("after close"));
        for (int i = 0; i < 5; ++i) {
            const auto frame = client.receiveText(5s);
            REQUIRE(frame);
            CHECK(*frame == std::to_string(i));
        }
        CHECK_FALSE(client.receiveText(5s));
        CHECK(client.closeCode() == 4001);
        CHECK(client.closeReason() == "bye");
        REQUIRE(h.waitFor([&] { return h.closed.size() == 1; }));
    }

    SUBCASE("frames to a connection that has gone are dropped") {
        client.close();
        REQUIRE(h.waitFor([&] { return h.closed.size() == 1; }));
        h.transport.send(conn, std::make_shared<const std::string>("nobody"));
        h.transport.close(conn, 1000, "");
        RawWssClient second;
        const ConnId next = h.connect(second);
        CHECK(next != conn);
        REQUIRE(second.sendText("x"));
        CHECK(second.receiveText(5s));
    }
}

TEST_CASE("WebSocket flood and slow consumer limits") {
    Harness h;

    SUBCASE("flooding at more than ten times the rate closes with 1008") {
        h.config.maxMessagesPerSecond = 3; // 30 in one second is a flood
        h.start();
        RawWssClient client;
        h.connect(client);
        for (int i = 0; i < 40 && client.isOpen(); ++i)
            (void)client.sendText("spam");
        while (client.receiveText(2s)) {
        }
        CHECK(client.closeCode() == 1008);
        REQUIRE(h.waitFor([&] { return h.closed.size() == 1; }));
    }

    SUBCASE("a client that does not read is disconnected") {
        h.config.maxQueuedBytesPerConn = 256 * 1024;
        h.start();
        RawWssClient client;
        const ConnId conn = h.connect(client);
        const auto frame = std::make_shared<const std::string>(64 * 1024, 'z');
        // 64 MiB: far more than the kernel's socket buffers on loopback can absorb, so the
        // transport's own queue must pass its limit whatever the machine's TCP tuning.
        for (int i = 0; i < 1024 && h.locked([&] { return h.closed.empty(); }); ++i)
            h.transport.send(conn, frame);
        REQUIRE(h.waitFor([&] { return h.closed.size() == 1; }, 20s));
        CHECK(h.locked([&] { return h.closed[0]; }) == conn);
    }
}

TEST_CASE("WebSocket upgrade rules") {
    Harness h;
    h.config.maxConnections = 2;
    h.start();

    SUBCASE("the room.v1 subprotocol, fragmented messages") {
        RawWssClient raw;
        const std::string head = raw.upgrade(h.transport.port(), "/ws", "room.v1");
        REQUIRE(head.rfind("HTTP/1.1 101", 0) == 0);
        CHECK(lower(head).find("sec-websocket-protocol: room.v1") != std::string::npos);
        REQUIRE(raw.sendFrame(0x1, false, "frag"));
        REQUIRE(raw.sendFrame(0x0, false, "men"));
        REQUIRE(raw.sendFrame(0x0, true, "ted"));
        const auto reply = raw.readFrame(5s);
        REQUIRE(reply);
        CHECK(reply->opcode == 0x1);
        CHECK(reply->payload == "echo:fragmented");
        CHECK(h.locked([&] { return h.messages.at(0).second; }) == "fragmented");
    }

    SUBCASE("fragments adding up to more than maxFrameBytes close with 1009") {
        h.transport.stop();
        Harness small;
        small.config.maxFrameBytes = 1000;
        small.start();
        RawWssClient raw;
        REQUIRE(raw.upgrade(small.transport.port(), "/ws").rfind("HTTP/1.1 101", 0) == 0);
        REQUIRE(raw.sendFrame(0x1, false, std::string(600, 'a')));
        REQUIRE(raw.sendFrame(0x0, true, std::string(600, 'b')));
        const auto frame = raw.readFrame(5s);
        REQUIRE(frame);
        CHECK(frame->opcode == 0x8);
        REQUIRE(frame->payload.size() >= 2);
        CHECK(((static_cast<unsigned char>(frame->payload[0]) << 8) | static_cast<unsigned char>(frame->payload[1])) == 1009);
        CHECK(small.locked([&] { return small.messages.size(); }) == 0);
    }

    SUBCASE("text that is not UTF-8 closes with 1007") {
        RawWssClient raw;
        REQUIRE(raw.open(h.transport.port()));
        REQUIRE(raw.sendText("\xff\xfe"));
        CHECK_FALSE(raw.receiveText(5s));
        CHECK(raw.closeCode() == 1007);
        CHECK(h.locked([&] { return h.messages.size(); }) == 0);
    }

    SUBCASE("only /ws upgrades") {
        RawWssClient raw;
        CHECK(raw.upgrade(h.transport.port(), "/other").rfind("HTTP/1.1 404", 0) == 0);
        CHECK(h.locked([&] { return h.opened.size() + h.requests.size(); }) == 0);
    }

    SUBCASE("connections beyond maxConnections get 503") {
        RawWssClient a, b;
        h.connect(a);
        h.connect(b);
        RawWssClient third;
        CHECK(third.upgrade(h.transport.port(), "/ws").rfind("HTTP/1.1 503", 0) == 0);
        a.close();
        REQUIRE(h.waitFor([&] { return h.closed.size() == 1; }));
        RawWssClient fourth;
        CHECK(fourth.upgrade(h.transport.port(), "/ws").rfind("HTTP/1.1 101", 0) == 0);
    }
}

TEST_CASE("stop with open connections is prompt and says going away") {
    Harness h;
    h.start();
    RawWssClient clients[3];
    for (auto& c : clients)
        h.connect(c);
    const auto t0 = std::chrono::steady_clock::now();
    h.transport.stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 2s);
    CHECK(h.locked([&] { return h.closed.size(); }) == 3);
    for (auto& c : clients) {
        CHECK_FALSE(c.receiveText(2s));
        CHECK(c.closeCode() == 1001);
    }
    h.transport.send(1, std::make_shared<const std::string>("after stop")); // ignored, no crash
    h.transport.stop();                                                     // idempotent
}
