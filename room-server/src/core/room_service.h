// The room server's core: connects the transport to the engine, sessions, documents and metrics.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "room-server/src/core/engine.h"
#include "room-server/src/transport/transport.h"

namespace room::storage {
class Database;
class DocumentStore;
} // namespace room::storage

namespace room::core {

struct ServiceOptions {
    std::string serverVersion;
    std::int64_t sessionTtlMs = 24LL * 3600 * 1000;
    std::size_t maxCatchUpEvents = 2000;  ///< further behind than this → a snapshot instead
    int lockoutAfterFailures = 5;         ///< consecutive wrong PINs before a lock-out
    std::int64_t lockoutBaseMs = 60'000;  ///< first lock-out; doubles each further failure, max 1 h
    int maxLoginAttemptsPerConnection = 10;
    std::int64_t loginTimeoutMs = 60'000; ///< a connection that has not logged in by then is closed
    std::size_t maxPendingCommands = 20'000; ///< beyond this, commands are refused (unavailable)
    std::filesystem::path tlsCert; ///< the server's certificate and key: they sign result records
    std::filesystem::path tlsKey;
};

/// Owns the domain thread (a single-threaded Boost.Asio io_context: state, database, sessions)
/// and a small worker pool (PIN hashing, PDF validation). TransportHandler methods are called on
/// the transport thread and only post work to the domain thread.
class RoomService : public transport::TransportHandler {
public:
    RoomService(ServiceOptions options, storage::Database& db, storage::DocumentStore& docs,
                transport::Transport& transport);
    ~RoomService() override;

    /// Loads the log and starts the domain thread and the workers.
    Status start();
    /// Refuses new commands, commits what is queued, flushes answers. Blocks until done.
    void drain();
    /// Stops the threads (after drain() and after the transport has stopped).
    void stop();

    void onOpen(transport::ConnId conn, const std::string& peer) override;
    void onClose(transport::ConnId conn) override;
    void onMessage(transport::ConnId conn, std::string text) override;
    void onRejectedMessage(transport::ConnId conn, Error why) override;
    void onHttp(transport::RequestId req, transport::HttpRequest request) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace room::core
