// The room server's configuration: a JSON file, overridden by command-line flags.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/result.h"

namespace room::app {

struct ServerConfig {
    std::string host = "0.0.0.0";
    int port = 9443;
    std::filesystem::path dataDir = "/var/lib/room-server";
    std::filesystem::path certFile;   ///< default: <data-dir>/tls/server.crt (created on first start)
    std::filesystem::path keyFile;    ///< default: <data-dir>/tls/server.key
    std::string serverName = "room-server"; ///< certificate common name
    std::vector<std::string> subjectAltNames; ///< extra names/addresses for the certificate
    int sessionHours = 24;
    int loginTimeoutSeconds = 60; ///< a connection must log in within this time
    std::size_t maxFrameBytes = 64 * 1024;
    std::int64_t maxUploadMb = 200;
    int messagesPerSecond = 50;
    int maxConnections = 4000;
    std::string logLevel = "info";
};

/// Parses "HOST:PORT" (IPv6 as "[::1]:PORT"). Port 0 lets the system choose.
Result<std::pair<std::string, int>> parseListen(std::string_view s);

/// Reads a config file. Unknown keys, wrong types and bad values are errors naming the key.
Result<ServerConfig> loadConfig(const std::filesystem::path& file, ServerConfig base = {});

/// Checks values that flags may have changed; fills in defaults that depend on the data dir.
Status finalizeConfig(ServerConfig& c);

} // namespace room::app
