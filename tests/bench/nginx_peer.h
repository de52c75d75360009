// nginx as the document distribution's baseline: a static TLS file server run as the current user from a temp folder.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace room::bench {

/// The nginx program: `requested` if not empty, else `nginx` on PATH, else /usr/sbin/nginx; empty
/// when none of them is an executable file.
std::string findNginx(const std::string& requested);

/// What nginx is told to do.
struct NginxSettings {
    std::string binary;
    std::filesystem::path dir;   ///< prefix: config, pid, logs, temp paths; created if missing
    std::filesystem::path root;  ///< document root (files under root/documents/)
    std::filesystem::path cert;  ///< PEM certificate and key: the room server's own
    std::filesystem::path key;
    int workerProcesses = 1;
    int connections = 1024;      ///< worker_connections (and the descriptor limit nginx asks for)
};

/// A running nginx (master in the foreground, `daemon off;`) serving HTTPS on 127.0.0.1.
class NginxPeer {
public:
    /// Writes the configuration, starts nginx on a free port of 127.0.0.1 and waits until it accepts
    /// connections. Returns nullptr with the reason (and nginx's error log) in `error`.
    static std::unique_ptr<NginxPeer> start(const NginxSettings& settings, std::chrono::milliseconds timeout,
                                            std::string* error);
    ~NginxPeer();
    NginxPeer(const NginxPeer&) = delete;
    NginxPeer& operator=(const NginxPeer&) = delete;

    int port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    /// The master and its workers (from /proc/PID/task/PID/children).
    std::vector<pid_t> processes() const;
    /// `nginx/1.22.1`, from `nginx -v`.
    const std::string& version() const { return m_version; }
    /// SIGTERM (fast shutdown), then SIGKILL after `timeout`; the exit status (128 + signal when killed).
    int stop(std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));

private:
    NginxPeer() = default;
    pid_t m_pid = -1;
    int m_port = 0;
    std::string m_version;
    int m_exitStatus = -1;
};

} // namespace room::bench
