// Many simulated tablets on one libwebsockets client context: TLS WebSocket sessions driven from one thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct lws;
struct lws_context;

namespace room::bench {

using Clock = std::chrono::steady_clock;

/// Where one simulated tablet is in its life.
enum class LinkState { Idle, Connecting, Open, Closed, Failed };

/// The top-level fields of a server frame the load generator cares about. Frames are scanned,
/// not parsed: a snapshot of a 1,500-seat meeting is hundreds of kilobytes and thousands of
/// tablets receive one each.
struct FrameSummary {
    std::string type;
    std::string session;
    std::string id;
    std::int64_t head = -1;
    std::int64_t seq = -1;
    std::string headHash; ///< `head_hash` of welcome, events and snapshot frames
    std::string hash;     ///< `hash` of an accepted frame: the chain hash of its seq
};

/// Reads `type`, `session`, `id`, `head`, `seq`, `head_hash` and `hash` at the top level of a JSON object without
/// building a document (nested objects and strings are skipped).
FrameSummary summarizeFrame(std::string_view frame);

/// One simulated tablet (or the chair's console): its connection and what it has seen.
struct Tablet {
    int index = 0;
    std::string participant;
    std::string pin;

    LinkState link = LinkState::Idle;
    lws* wsi = nullptr;
    std::string rx;                  ///< the message being assembled from fragments
    std::deque<std::string> out;     ///< frames waiting for a writeable callback
    std::string onOpen;              ///< frame sent as soon as the WebSocket is up (login or hello)
    bool closeRequested = false;

    std::string session;             ///< token from the last welcome
    bool welcomed = false;
    bool synced = false;             ///< a snapshot or events frame followed the welcome
    std::int64_t lastSeq = 0;        ///< head of the last frame applied
    std::string headHash;            ///< head_hash of that frame: the chain hash of event lastSeq

    std::int64_t target = -1;        ///< caughtUpAt is stamped when lastSeq first reaches this
    std::string targetHash;          ///< … with this head hash, if not empty (else lastProblem says so)
    Clock::time_point connectStarted{};
    Clock::time_point caughtUpAt{};
    bool caughtUp = false;

    std::int64_t lastMarker = -1;    ///< number in the newest "<prefix><n>" text seen in an events frame
    Clock::time_point markerAt{};

    std::string lastAcceptedId;
    std::int64_t lastAcceptedSeq = -1;
    std::string lastAcceptedHash;
    Clock::time_point lastAcceptedAt{};
    Clock::time_point lastWriteAt{}; ///< when the newest frame left through lws_write
    std::string lastProblem;         ///< last error/rejected frame or connection error, for reports
    int frames = 0;

    bool watched = false;            ///< an events frame carrying the pool's watch text arrived (since reset)
    Clock::time_point watchedAt{};
    bool keepWatched = false;        ///< keep that frame in watchedFrame (for the one tablet that checks it)
    std::string watchedFrame;
};

/// Many TLS WebSocket clients of one server, serviced on the calling thread.
///
/// Every method must be called from the same thread; runUntil() turns the libwebsockets loop
/// until a condition holds or a deadline passes, and all callbacks (arrival timestamps included)
/// run inside it.
class ClientPool {
public:
    /// Clients of wss://127.0.0.1:`port`/ws whose certificate must have SHA-256 `fingerprint`
    /// ("AB:CD:…"). Events frames carrying "<markerPrefix><number>" stamp the tablet's markerAt.
    ClientPool(int port, std::string fingerprint, std::string markerPrefix);
    ~ClientPool();
    ClientPool(const ClientPool&) = delete;
    ClientPool& operator=(const ClientPool&) = delete;

    /// False (with a reason in error()) if the libwebsockets context could not be created.
    bool ok() const { return m_context != nullptr; }
    const std::string& error() const { return m_error; }

    /// Adds a tablet (not yet connected); returns its index.
    int add(std::string participant, std::string pin);
    Tablet& tablet(int i) { return *m_tablets.at(static_cast<std::size_t>(i)); }
    int size() const { return static_cast<int>(m_tablets.size()); }

    /// Starts a connection; `onOpen` is sent once the WebSocket is up and the pin checked.
    void connect(int i, std::string onOpen);
    /// Queues a text frame (sent when the socket is writeable).
    void send(int i, std::string frame);
    /// Closes the connection as a tablet leaving the network would (no more frames are sent).
    void drop(int i);

    /// Services the loop until `done()` holds (true) or `timeout` passes (false).
    bool runUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout);
    /// Services the loop for `duration`.
    void runFor(std::chrono::milliseconds duration);

    /// From now on, the first events frame containing `text` stamps a tablet's watchedAt (until
    /// its `watched` is cleared again); empty = watch nothing.
    void setWatch(std::string text) { m_watch = std::move(text); }

    /// Tablets in each state, for progress and failure reports.
    int count(LinkState state) const;

    /// A login frame for the tablet's participant and PIN.
    std::string loginFrame(int i) const;
    /// A hello frame resuming the tablet's session from its lastSeq.
    std::string helloFrame(int i) const;

    /// Handles one libwebsockets callback for a tablet (called from inside the loop only).
    int onEvent(lws* wsi, int reason, void* in, std::size_t len);

private:
    void onMessage(Tablet& t, std::string_view frame);
    bool peerMatchesPin(lws* wsi) const;

    int m_port;
    std::string m_fingerprint;
    std::string m_markerPrefix;
    std::string m_watch;
    std::string m_error;
    lws_context* m_context = nullptr;
    std::vector<std::unique_ptr<Tablet>> m_tablets;
    std::vector<unsigned char> m_txBuf;
    struct Loop;
    std::unique_ptr<Loop> m_loop;
};

} // namespace room::bench
