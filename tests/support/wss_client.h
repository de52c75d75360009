// Blocking WebSocket-over-TLS test client with certificate pinning; every call has a deadline.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace room::testing {

/// One WebSocket connection to the room server's "/ws" endpoint.
///
/// All I/O happens inside the calls below (the client owns a private io_context and runs it only
/// while a call is in progress), so control frames such as pings are answered only while the test
/// is calling into the client. Incoming frames are read continuously and queued; a receive that
/// times out leaves the connection intact.
class WssClient {
public:
    /// Time limit for send(), sendText(), sendBinary() and close() unless changed with setIoTimeout().
    static constexpr std::chrono::milliseconds kDefaultIoTimeout{5000};

    WssClient();
    ~WssClient();
    WssClient(const WssClient&) = delete;
    WssClient& operator=(const WssClient&) = delete;
    WssClient(WssClient&&) noexcept;
    WssClient& operator=(WssClient&&) noexcept;

    /// Connects with TLS ≥ 1.2, checks the server certificate's SHA-256 fingerprint against
    /// `pinnedFingerprint` ("AB:CD:…"; empty = accept any certificate) and upgrades to "/ws".
    /// Returns false, with a reason in `error` and lastError(), on failure or after `timeout`.
    bool connect(const std::string& host, int port, const std::string& pinnedFingerprint,
                 std::chrono::milliseconds timeout, std::string* error = nullptr);

    /// Sends `message` serialized as one text frame.
    bool send(const nlohmann::json& message);
    /// Sends `text` verbatim as one text frame (it need not be valid JSON).
    bool sendText(std::string_view text);
    /// Sends `bytes` as one binary frame.
    bool sendBinary(std::string_view bytes);

    /// The next text frame, parsed as JSON (text that is not JSON comes back as a JSON string).
    /// Binary frames are skipped. nullopt on timeout or when the connection has ended.
    std::optional<nlohmann::json> receive(std::chrono::milliseconds timeout);

    /// Reads frames until one satisfies `pred` and returns it; nullopt on timeout or close.
    /// Frames that do not match stay visible in received().
    std::optional<nlohmann::json> waitFor(const std::function<bool(const nlohmann::json&)>& pred,
                                          std::chrono::milliseconds timeout);

    /// Every text frame read so far, in arrival order (whether returned, matched or skipped).
    const std::vector<nlohmann::json>& received() const;
    /// Forgets the received() history.
    void clearReceived();

    /// True while the WebSocket is connected and neither side has closed it. Processes any
    /// events that have already arrived, without waiting.
    bool isOpen();

    /// Performs the WebSocket closing handshake (code 1000), then closes the connection.
    void close();

    /// Resets the TCP connection without a WebSocket close frame or TLS close_notify, as when a
    /// device drops off the network.
    void dropAbruptly();

    /// The status code of the close frame received from the server; nullopt if none arrived.
    std::optional<int> closeCode() const;
    /// The close reason text received from the server (empty if none).
    std::string closeReason() const;

    /// The most recent failure description.
    std::string lastError() const;

    /// Changes the time limit used by the sending calls and close().
    void setIoTimeout(std::chrono::milliseconds timeout);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace room::testing
