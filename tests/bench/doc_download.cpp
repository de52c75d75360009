// Document distribution: a deterministic large PDF, and many pinned HTTPS downloads of it at once on one thread.
#include "tests/bench/doc_download.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>

#include "tests/support/tls_pinning.h"

namespace room::bench {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kImageWidth = 1000;               // pixels per row; a row is 3,000 bytes of RGB
constexpr std::size_t kReadBufferBytes = 64 * 1024;
constexpr std::size_t kMaxHeadBytes = 16 * 1024;

std::string hex(const unsigned char* p, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s(2 * n, '0');
    for (std::size_t i = 0; i < n; ++i) {
        s[2 * i] = kDigits[p[i] >> 4];
        s[2 * i + 1] = kDigits[p[i] & 15];
    }
    return s;
}

std::string openSslError(const char* what) {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) return std::string(what) + (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string());
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return std::string(what) + ": " + text;
}

/// One download connection and where it is.
struct Conn {
    enum class Phase { Connecting, Handshaking, Ready, Sending, Receiving, Done, Failed };
    Phase phase = Phase::Connecting;
    int fd = -1;
    SSL* ssl = nullptr;
    EVP_MD_CTX* sha = nullptr;
    std::uint32_t interest = 0; ///< epoll events registered for fd
    std::string request;
    std::string head;           ///< response bytes up to the end of the header block
    bool headDone = false;
    Download* out = nullptr;

    ~Conn() {
        if (ssl != nullptr) SSL_free(ssl);
        if (fd >= 0) ::close(fd);
        if (sha != nullptr) EVP_MD_CTX_free(sha);
    }
};

/// The HTTP status and Content-Length of a response header block; false when it cannot be read.
bool parseHead(std::string_view head, Download& d, std::string* problem) {
    if (head.substr(0, 9) != "HTTP/1.1 " && head.substr(0, 9) != "HTTP/1.0 ") {
        *problem = "not an HTTP/1.x answer: " + std::string(head.substr(0, 40));
        return false;
    }
    d.status = std::atoi(std::string(head.substr(9, 3)).c_str());
    std::size_t at = head.find("\r\n");
    while (at != std::string_view::npos && at + 2 < head.size()) {
        const std::size_t end = head.find("\r\n", at + 2);
        const std::string_view line = head.substr(at + 2, (end == std::string_view::npos ? head.size() : end) - at - 2);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos) {
            std::string name(line.substr(0, colon));
            std::transform(name.begin(), name.end(), name.begin(), [](char c) {
                return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            });
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
            if (name == "content-length") d.contentLength = std::atoll(std::string(value).c_str());
            else if (name == "transfer-encoding" && value != "identity") {
                *problem = "chunked answers are not read by the benchmark";
                return false;
            }
        }
        at = end;
    }
    if (d.contentLength < 0) {
        *problem = "the answer has no Content-Length";
        return false;
    }
    return true;
}

class Downloader {
public:
    Downloader(int port, std::string fingerprint) : m_port(port), m_fingerprint(std::move(fingerprint)) {}
    ~Downloader() {
        m_conns.clear();
        if (m_epoll >= 0) ::close(m_epoll);
        if (m_ctx != nullptr) SSL_CTX_free(m_ctx);
    }
    Downloader(const Downloader&) = delete;
    Downloader& operator=(const Downloader&) = delete;

    bool init(std::string* error) {
        m_ctx = SSL_CTX_new(TLS_client_method());
        if (m_ctx == nullptr) {
            *error = openSslError("SSL_CTX_new");
            return false;
        }
        SSL_CTX_set_min_proto_version(m_ctx, TLS1_2_VERSION);
        // No CA validation: the certificate is pinned by its fingerprint, as the tablets do (§1).
        SSL_CTX_set_verify(m_ctx, SSL_VERIFY_NONE, nullptr);
        static const unsigned char kAlpn[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
        SSL_CTX_set_alpn_protos(m_ctx, kAlpn, sizeof kAlpn);
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        if (m_epoll < 0) {
            *error = std::string("epoll_create1: ") + std::strerror(errno);
            return false;
        }
        return true;
    }

    void add(Download& d, std::string request) {
        auto c = std::make_unique<Conn>();
        c->out = &d;
        c->request = std::move(request);
        m_conns.push_back(std::move(c));
    }

    /// Connects everything and completes the handshakes.
    void connectAll(Clock::time_point deadline) {
        for (auto& c : m_conns) open(*c);
        run([](const Conn& c) { return c.phase == Conn::Phase::Connecting || c.phase == Conn::Phase::Handshaking; },
            deadline);
        for (auto& c : m_conns)
            if (c->phase == Conn::Phase::Connecting || c->phase == Conn::Phase::Handshaking)
                fail(*c, "no TLS connection before the deadline");
    }

    /// Writes every request at once, then reads every answer.
    void requestAll(Clock::time_point deadline) {
        for (auto& c : m_conns) {
            if (c->phase != Conn::Phase::Ready) continue;
            c->phase = Conn::Phase::Sending;
            step(*c);
        }
        run([](const Conn& c) { return c.phase == Conn::Phase::Sending || c.phase == Conn::Phase::Receiving; },
            deadline);
        for (auto& c : m_conns)
            if (c->phase == Conn::Phase::Sending || c->phase == Conn::Phase::Receiving)
                fail(*c, "incomplete after the deadline: " + std::to_string(c->out->bytes) + " of " +
                             std::to_string(c->out->contentLength) + " bytes");
    }

    std::string tls() const {
        for (const auto& c : m_conns)
            if (c->ssl != nullptr && SSL_is_init_finished(c->ssl) == 1)
                return std::string(SSL_get_version(c->ssl)) + " " + SSL_get_cipher_name(c->ssl);
        return {};
    }

private:
    void open(Conn& c) {
        c.out->connectAt = Clock::now();
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c.fd < 0) {
            fail(c, std::string("socket: ") + std::strerror(errno));
            return;
        }
        const int one = 1;
        ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(m_port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(c.fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 && errno != EINPROGRESS) {
            fail(c, std::string("connect: ") + std::strerror(errno));
            return;
        }
        epoll_event ev{};
        ev.events = EPOLLOUT;
        ev.data.ptr = &c;
        if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev) != 0) {
            fail(c, std::string("epoll_ctl: ") + std::strerror(errno));
            return;
        }
        c.interest = EPOLLOUT;
    }

    void want(Conn& c, std::uint32_t events) {
        if (c.interest == events || c.fd < 0) return;
        epoll_event ev{};
        ev.events = events;
        ev.data.ptr = &c;
        ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
        c.interest = events;
    }

    void fail(Conn& c, std::string problem) {
        if (c.phase == Conn::Phase::Done || c.phase == Conn::Phase::Failed) return;
        c.phase = Conn::Phase::Failed;
        c.out->problem = std::move(problem);
        release(c);
    }

    void release(Conn& c) {
        if (c.fd >= 0) ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        if (c.ssl != nullptr) {
            SSL_free(c.ssl);
            c.ssl = nullptr;
        }
        if (c.fd >= 0) {
            ::close(c.fd);
            c.fd = -1;
        }
    }

    /// An SSL call returned `rc`: waits for what it needs, or fails the connection.
    bool retry(Conn& c, int rc, const char* what) {
        const int e = SSL_get_error(c.ssl, rc);
        if (e == SSL_ERROR_WANT_READ) {
            want(c, EPOLLIN);
            return true;
        }
        if (e == SSL_ERROR_WANT_WRITE) {
            want(c, EPOLLOUT);
            return true;
        }
        if (e == SSL_ERROR_ZERO_RETURN || (e == SSL_ERROR_SYSCALL && ERR_peek_error() == 0)) {
            fail(c, std::string(what) + ": the server closed the connection" +
                        (c.phase == Conn::Phase::Receiving ? " after " + std::to_string(c.out->bytes) + " body bytes"
                                                           : std::string()));
            return false;
        }
        fail(c, openSslError(what));
        return false;
    }

    bool peerMatchesPin(Conn& c) const {
        X509* cert = SSL_get1_peer_certificate(c.ssl);
        if (cert == nullptr) return false;
        unsigned char* der = nullptr;
        const int length = i2d_X509(cert, &der);
        X509_free(cert);
        if (length <= 0) return false;
        const std::string presented = testing::sha256Fingerprint(
            std::string_view(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
        OPENSSL_free(der);
        return testing::fingerprintsEqual(presented, m_fingerprint);
    }

    void step(Conn& c) {
        switch (c.phase) {
        case Conn::Phase::Connecting: {
            int err = 0;
            socklen_t len = sizeof err;
            if (::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err != 0) {
                fail(c, std::string("connect: ") + std::strerror(err));
                return;
            }
            c.ssl = SSL_new(m_ctx);
            if (c.ssl == nullptr || SSL_set_fd(c.ssl, c.fd) != 1) {
                fail(c, openSslError("SSL_new"));
                return;
            }
            SSL_set_connect_state(c.ssl);
            c.phase = Conn::Phase::Handshaking;
            [[fallthrough]];
        }
        case Conn::Phase::Handshaking: {
            const int rc = SSL_do_handshake(c.ssl);
            if (rc != 1) {
                retry(c, rc, "TLS handshake");
                return;
            }
            if (!peerMatchesPin(c)) {
                // Nothing (not even the session token) goes to a server whose certificate is not the pinned one.
                fail(c, "certificate fingerprint mismatch");
                return;
            }
            c.out->readyAt = Clock::now();
            c.phase = Conn::Phase::Ready;
            // Nothing to do until every client is ready; what the server sends meanwhile (TLS 1.3
            // session tickets) waits in the socket.
            want(c, 0);
            return;
        }
        case Conn::Phase::Ready:
            return;
        case Conn::Phase::Sending: {
            const int rc = SSL_write(c.ssl, c.request.data(), static_cast<int>(c.request.size()));
            if (rc <= 0) {
                retry(c, rc, "sending the request");
                return;
            }
            c.out->requestAt = Clock::now();
            c.phase = Conn::Phase::Receiving;
            c.sha = EVP_MD_CTX_new();
            if (c.sha == nullptr || EVP_DigestInit_ex(c.sha, EVP_sha256(), nullptr) != 1) {
                fail(c, openSslError("EVP_DigestInit_ex"));
                return;
            }
            want(c, EPOLLIN);
            [[fallthrough]];
        }
        case Conn::Phase::Receiving:
            receive(c);
            return;
        case Conn::Phase::Done:
        case Conn::Phase::Failed:
            return;
        }
    }

    void receive(Conn& c) {
        // Level-triggered: read until TLS has nothing more, so no record stays buffered inside OpenSSL.
        while (c.phase == Conn::Phase::Receiving) {
            const int rc = SSL_read(c.ssl, m_buf.data(), static_cast<int>(m_buf.size()));
            if (rc <= 0) {
                retry(c, rc, "reading the answer");
                return;
            }
            const auto now = Clock::now();
            Download& d = *c.out;
            if (d.firstByteAt == Clock::time_point{}) d.firstByteAt = now;
            std::string_view data(m_buf.data(), static_cast<std::size_t>(rc));
            if (!c.headDone) {
                const std::size_t before = c.head.size();
                c.head.append(data);
                const std::size_t end = c.head.find("\r\n\r\n");
                if (end == std::string::npos) {
                    if (c.head.size() > kMaxHeadBytes) fail(c, "the answer's header block is too long");
                    continue;
                }
                c.headDone = true;
                c.head.resize(end + 4);
                data.remove_prefix(end + 4 - before);
                std::string problem;
                if (!parseHead(c.head, d, &problem)) {
                    fail(c, problem);
                    return;
                }
            }
            if (!data.empty()) {
                EVP_DigestUpdate(c.sha, data.data(), data.size());
                d.bytes += static_cast<std::int64_t>(data.size());
            }
            if (d.bytes >= d.contentLength) {
                d.lastByteAt = now;
                unsigned char digest[EVP_MAX_MD_SIZE];
                unsigned int n = 0;
                EVP_DigestFinal_ex(c.sha, digest, &n);
                d.sha256 = hex(digest, n);
                if (d.bytes > d.contentLength) d.problem = "more body bytes than Content-Length";
                else if (d.status != 200) d.problem = "HTTP " + std::to_string(d.status) + ": " + c.head.substr(0, 200);
                c.phase = d.problem.empty() ? Conn::Phase::Done : Conn::Phase::Failed;
                SSL_shutdown(c.ssl);
                release(c);
                return;
            }
        }
    }

    void run(const std::function<bool(const Conn&)>& busy, Clock::time_point deadline) {
        std::vector<epoll_event> events(256);
        while (std::any_of(m_conns.begin(), m_conns.end(), [&](const auto& c) { return busy(*c); })) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0) return;
            const int n = ::epoll_wait(m_epoll, events.data(), static_cast<int>(events.size()),
                                       static_cast<int>(std::min<long long>(left, 100)));
            if (n < 0 && errno != EINTR) return;
            for (int k = 0; k < n; ++k) {
                Conn& c = *static_cast<Conn*>(events[static_cast<std::size_t>(k)].data.ptr);
                const bool broken = (events[static_cast<std::size_t>(k)].events & (EPOLLERR | EPOLLHUP)) != 0;
                if (broken && c.phase == Conn::Phase::Connecting) {
                    int err = 0;
                    socklen_t len = sizeof err;
                    ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
                    fail(c, std::string("connect: ") + std::strerror(err != 0 ? err : ECONNREFUSED));
                    continue;
                }
                // A ready connection waits with no events registered; hang-ups are reported anyway.
                if (broken && c.phase == Conn::Phase::Ready) {
                    fail(c, "the server closed the connection before the request");
                    continue;
                }
                step(c);
            }
        }
    }

    int m_port;
    std::string m_fingerprint;
    SSL_CTX* m_ctx = nullptr;
    int m_epoll = -1;
    std::vector<std::unique_ptr<Conn>> m_conns;
    std::vector<char> m_buf = std::vector<char>(kReadBufferBytes);
};

} // namespace

std::string sha256Hex(const std::string& data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(data.data(), data.size(), digest, &n, EVP_sha256(), nullptr);
    return hex(digest, n);
}

std::string makeBenchPdf(std::int64_t bytes) {
    constexpr std::int64_t kRowBytes = 3 * kImageWidth;
    // Everything but the pixels takes under 1 KB; the image gets the rest in whole rows, and comment
    // lines before the cross-reference table make up the difference to exactly `bytes`.
    const std::int64_t rows = std::max<std::int64_t>(1, (bytes - 2000) / kRowBytes);
    // The image fills the width of an A4 page (or its height, for a tall one), keeping its aspect.
    const double scale = std::min(595.0 / kImageWidth, 842.0 / static_cast<double>(rows));
    char content[160];
    const double w = kImageWidth * scale, h = static_cast<double>(rows) * scale;
    const int contentLength =
        std::snprintf(content, sizeof content, "q %.3f 0 0 %.3f %.3f %.3f cm /Im0 Do Q", w, h, (595.0 - w) / 2, (842.0 - h) / 2);

    std::string pdf;
    pdf.reserve(static_cast<std::size_t>(rows * kRowBytes + 2048));
    std::vector<std::size_t> offsets;
    const auto object = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    pdf += "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> "
           "/Contents 4 0 R >>");
    object("<< /Length " + std::to_string(contentLength) + " >>\nstream\n" +
           std::string(content, static_cast<std::size_t>(contentLength)) + "\nendstream");
    offsets.push_back(pdf.size());
    pdf += "5 0 obj\n<< /Type /XObject /Subtype /Image /Width " + std::to_string(kImageWidth) + " /Height " +
           std::to_string(rows) + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length " +
           std::to_string(rows * kRowBytes) + " >>\nstream\n";
    // xorshift64*: the same pixels on every run, and nothing a compressor could shrink.
    std::uint64_t x = 0x9E3779B97F4A7C15ull;
    const std::size_t start = pdf.size();
    pdf.resize(start + static_cast<std::size_t>(rows * kRowBytes));
    for (std::size_t i = start; i < pdf.size(); i += 8) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        const std::uint64_t v = x * 0x2545F4914F6CDD1Dull;
        std::memcpy(pdf.data() + i, &v, std::min<std::size_t>(8, pdf.size() - i));
    }
    pdf += "\nendstream\nendobj\n";
    object("<< /Title (Bench document " + std::to_string(bytes) + " bytes) /Producer (room-load) >>");
    std::string tail = "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t at : offsets) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", at);
        tail += line;
    }
    tail += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R /Info 6 0 R >>\nstartxref\n";
    const auto sizeWith = [&](std::size_t padding) {
        return pdf.size() + padding + tail.size() + std::to_string(pdf.size() + padding).size() + 7; // "\n%%EOF\n"
    };
    std::size_t padding = 0;
    const auto wanted = static_cast<std::size_t>(std::max<std::int64_t>(bytes, 0));
    while (sizeWith(padding) < wanted) ++padding;
    if (sizeWith(padding) != wanted && padding > 0) --padding; // the offset gained a digit: one byte less
    while (padding > 0) {
        const std::size_t line = std::min<std::size_t>(padding, 80);
        pdf += line == 1 ? std::string("\n") : "%" + std::string(line - 2, '.') + "\n";
        padding -= line;
    }
    const std::size_t xref = pdf.size();
    pdf += tail + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

DownloadBatch downloadAll(int port, const std::string& fingerprint, const std::string& path,
                          const std::vector<std::string>& tokens, std::chrono::milliseconds timeout) {
    DownloadBatch batch;
    batch.clients.resize(tokens.size());
    Downloader d(port, fingerprint);
    if (!d.init(&batch.error)) return batch;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        d.add(batch.clients[i], "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                    "\r\nAuthorization: Bearer " + tokens[i] +
                                    "\r\nUser-Agent: room-load\r\nAccept: application/pdf\r\n\r\n");
    const auto deadline = Clock::now() + timeout;
    d.connectAll(deadline);
    batch.tls = d.tls();
    d.requestAll(deadline);
    return batch;
}

} // namespace room::bench
