// Starts the room server as a child process for integration tests and reads back its port and fingerprint.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace room::testing {

/// Waits up to `timeout` for the child process `pid` to end, woken by its exit (a pidfd) rather
/// than by polling. Returns its raw waitpid() status once it has been reaped, -1 when it is not
/// (or no longer) a child of this process, nullopt while it still runs.
std::optional<int> waitForChild(pid_t pid, std::chrono::milliseconds timeout);

/// A running `room-server` child process.
///
/// Its stdout is read continuously on a helper thread (so the server never blocks on a full pipe);
/// its stderr goes to a temporary file that is removed with this object unless the environment
/// variable ROOM_KEEP_SERVER_LOGS is set. The child is killed if the test process dies.
class ServerProcess {
public:
    /// Time terminate() allows for a clean exit before sending SIGKILL, when not told otherwise.
    static constexpr std::chrono::milliseconds kDefaultStopTimeout{10000};

    /// Runs `binary` with `args` and waits until it has printed both
    /// `fingerprint SHA256 <fingerprint>` and `listening <host>:<port>` on stdout. Returns nullptr,
    /// with a reason (including the server's stderr) in `error`, if it exits first, the program
    /// cannot be run, or `timeout` expires; the child is killed in that case.
    static std::unique_ptr<ServerProcess> start(const std::string& binary, std::vector<std::string> args,
                                                std::chrono::milliseconds timeout, std::string* error = nullptr);

    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// The port from the `listening` line.
    int port() const;
    /// The host from the `listening` line (brackets removed for IPv6).
    std::string host() const;
    /// The certificate fingerprint from the `fingerprint SHA256` line ("AB:CD:…").
    std::string fingerprint() const;
    /// The child's process id.
    pid_t pid() const;

    /// Sends SIGTERM and waits up to `timeout` for the exit; sends SIGKILL if it does not come.
    /// Returns the exit status: the exit code, or 128 + signal number if a signal ended the process.
    int terminate(std::chrono::milliseconds timeout = kDefaultStopTimeout);
    /// Sends SIGKILL and reaps the process.
    void kill9();
    /// Waits up to `timeout` for the process to end by itself; its exit status (as terminate()), or nullopt.
    std::optional<int> waitForExit(std::chrono::milliseconds timeout);
    /// True until the process has been seen to exit.
    bool isRunning();

    /// Everything the server has written to stderr so far.
    std::string stderrText() const;
    /// Everything the server has written to stdout so far.
    std::string stdoutText() const;
    /// The file that collects the server's stderr.
    const std::filesystem::path& stderrPath() const;

private:
    ServerProcess() = default;
    void readStdout();
    void recordStatus(int waitStatus);

    pid_t m_pid = -1;
    int m_stdoutFd = -1;
    int m_wakeRead = -1;
    int m_wakeWrite = -1;
    std::optional<int> m_exitStatus;
    std::filesystem::path m_stderrPath;
    std::thread m_reader;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::string m_stdout;
    std::string m_host;
    std::string m_fingerprint;
    int m_port = 0;
    bool m_stdoutClosed = false;
};

/// Creates a new, empty directory under the system temporary directory whose name starts with `prefix`.
std::filesystem::path makeTempDir(const std::string& prefix);

/// The server program to test: the value of the ROOM_SERVER_BIN environment variable, or empty.
std::string serverBinary();

}  // namespace room::testing
