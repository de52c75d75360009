// A bare WebSocket-over-TLS client for transport tests: exact control of the wire (hand-made
// upgrade requests, fragmented and binary messages) and the raw answers (status lines, close codes).
#pragma once

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace room::testing {

/// Blocking client on 127.0.0.1; every read has a deadline. Accepts any server certificate.
class RawWssClient {
public:
    struct Frame {
        int opcode = 0;
        bool fin = false;
        std::string payload;
    };

    RawWssClient() = default;
    ~RawWssClient() { disconnect(); }
    RawWssClient(const RawWssClient&) = delete;
    RawWssClient& operator=(const RawWssClient&) = delete;

    /// Connects, sends an upgrade request for `path` (with Sec-WebSocket-Protocol when
    /// `protocol` is not empty) and returns the server's response head, or "" on failure.
    std::string upgrade(int port, const std::string& path, const std::string& protocol = {}) {
        if (!connectTls(port))
            return {};
        std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                              "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
        if (!protocol.empty())
            request += "Sec-WebSocket-Protocol: " + protocol + "\r\n";
        request += "\r\n";
        if (!writeAll(request))
            return {};
        const auto deadline = Clock::now() + std::chrono::seconds(5);
        std::size_t end;
        while ((end = m_in.find("\r\n\r\n")) == std::string::npos) {
            if (!readMore(deadline))
                return {};
        }
        std::string head = m_in.substr(0, end + 4);
        m_in.erase(0, end + 4);
        return head;
    }

    /// Upgrades on "/ws"; true when the server switched protocols.
    bool open(int port) { return upgrade(port, "/ws").rfind("HTTP/1.1 101", 0) == 0; }

    bool sendText(std::string_view text) { return sendFrame(0x1, true, text); }
    bool sendBinary(std::string_view bytes) { return sendFrame(0x2, true, bytes); }

    /// The next text message (unfragmented, as the server sends them). On a close frame or the
    /// end of the stream returns nullopt and remembers the close code and reason.
    std::optional<std::string> receiveText(std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            auto frame = readFrame(std::max(left, std::chrono::milliseconds(0)));
            if (!frame)
                return std::nullopt;
            if (frame->opcode == 0x1)
                return std::move(frame->payload);
            if (frame->opcode == 0x8) {
                if (frame->payload.size() >= 2) {
                    m_closeCode = (static_cast<unsigned char>(frame->payload[0]) << 8) |
                                  static_cast<unsigned char>(frame->payload[1]);
                    m_closeReason = frame->payload.substr(2);
                }
                // Answer the close and hang up, as a browser does, so the server can finish.
                sendFrame(0x8, true, frame->payload.substr(0, 2));
                disconnect();
                m_closed = true;
                return std::nullopt;
            }
            if (frame->opcode == 0x9)
                sendFrame(0xA, true, frame->payload);
        }
    }

    /// Sends a close frame (1000) and waits for the server's answer.
    void close() {
        sendFrame(0x8, true, std::string("\x03\xe8", 2));
        while (!m_closed && receiveText(std::chrono::seconds(2))) {
        }
        disconnect();
    }

    /// True until a close frame or the end of the stream has been seen.
    bool isOpen() const { return m_ssl != nullptr && !m_closed; }
    std::optional<int> closeCode() const { return m_closeCode; }
    const std::string& closeReason() const { return m_closeReason; }

    /// Sends one masked frame, as a browser would.
    bool sendFrame(int opcode, bool fin, std::string_view payload) {
        if (!m_ssl)
            return false;
        std::string frame;
        frame += static_cast<char>((fin ? 0x80 : 0x00) | (opcode & 0x0f));
        const std::uint64_t len = payload.size();
        if (len < 126) {
            frame += static_cast<char>(0x80 | len);
        } else if (len <= 0xffff) {
            frame += static_cast<char>(0x80 | 126);
            frame += static_cast<char>((len >> 8) & 0xff);
            frame += static_cast<char>(len & 0xff);
        } else {
            frame += static_cast<char>(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8)
                frame += static_cast<char>((len >> shift) & 0xff);
        }
        unsigned char mask[4];
        RAND_bytes(mask, sizeof mask);
        frame.append(reinterpret_cast<const char*>(mask), sizeof mask);
        for (std::size_t i = 0; i < payload.size(); ++i)
            frame += static_cast<char>(payload[i] ^ static_cast<char>(mask[i % 4]));
        return writeAll(frame);
    }

    /// The next frame from the server, or nullopt on timeout / end of stream.
    std::optional<Frame> readFrame(std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        for (;;) {
            if (auto frame = parseFrame())
                return frame;
            if (!readMore(deadline))
                return std::nullopt;
        }
    }

    void disconnect() {
        if (m_ssl) {
            SSL_free(m_ssl);
            m_ssl = nullptr;
        }
        if (m_ctx) {
            SSL_CTX_free(m_ctx);
            m_ctx = nullptr;
        }
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
        m_in.clear();
    }

private:
    using Clock = std::chrono::steady_clock;

    bool connectTls(int port) {
        disconnect();
        m_closed = false;
        m_closeCode.reset();
        m_closeReason.clear();
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return false;
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0)
            return false;
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        // A misbehaving server must fail the test, not hang it.
        timeval tv{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        m_ctx = SSL_CTX_new(TLS_client_method());
        if (!m_ctx)
            return false;
        SSL_CTX_set_min_proto_version(m_ctx, TLS1_2_VERSION);
        m_ssl = SSL_new(m_ctx);
        SSL_set_fd(m_ssl, m_fd);
        return SSL_connect(m_ssl) == 1;
    }

    bool writeAll(std::string_view data) {
        while (!data.empty()) {
            const int n = SSL_write(m_ssl, data.data(), static_cast<int>(data.size()));
            if (n <= 0)
                return false;
            data.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    bool readMore(Clock::time_point deadline) {
        if (!m_ssl)
            return false;
        if (SSL_pending(m_ssl) == 0) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0)
                return false;
            pollfd pfd{m_fd, POLLIN, 0};
            if (::poll(&pfd, 1, static_cast<int>(left)) <= 0)
                return false;
        }
        char buf[16384];
        const int n = SSL_read(m_ssl, buf, sizeof buf);
        if (n <= 0) {
            m_closed = true;
            return false;
        }
        m_in.append(buf, static_cast<std::size_t>(n));
        return true;
    }

    std::optional<Frame> parseFrame() {
        if (m_in.size() < 2)
            return std::nullopt;
        const auto b0 = static_cast<unsigned char>(m_in[0]);
        const auto b1 = static_cast<unsigned char>(m_in[1]);
        std::size_t pos = 2;
        std::uint64_t len = b1 & 0x7f;
        if (len == 126 || len == 127) {
            const std::size_t bytes = len == 126 ? 2 : 8;
            if (m_in.size() < pos + bytes)
                return std::nullopt;
            len = 0;
            for (std::size_t i = 0; i < bytes; ++i)
                len = (len << 8) | static_cast<unsigned char>(m_in[pos + i]);
            pos += bytes;
        }
        if (m_in.size() < pos + len)
            return std::nullopt;
        Frame frame;
        frame.fin = (b0 & 0x80) != 0;
        frame.opcode = b0 & 0x0f;
        frame.payload = m_in.substr(pos, static_cast<std::size_t>(len));
        m_in.erase(0, pos + static_cast<std::size_t>(len));
        return frame;
    }

    int m_fd = -1;
    bool m_closed = false;
    std::optional<int> m_closeCode;
    std::string m_closeReason;
    SSL_CTX* m_ctx = nullptr;
    SSL* m_ssl = nullptr;
    std::string m_in;
};

} // namespace room::testing
