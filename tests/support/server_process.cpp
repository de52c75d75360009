#include "tests/support/server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace room::testing {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kStderrTailBytes = 4000;
constexpr std::chrono::milliseconds kKillWait{5000};
constexpr std::chrono::milliseconds kExitGrace{1000};  // Between closing stdout and exiting.
constexpr std::chrono::milliseconds kWaitPollInterval{5};

void closeFd(int& fd) {
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

int millisecondsUntil(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 60'000));
}

int openPidFd(pid_t pid) {
#ifdef SYS_pidfd_open
    const long fd = ::syscall(SYS_pidfd_open, pid, 0);
    return fd < 0 ? -1 : static_cast<int>(fd);
#else
    (void)pid;
    return -1;
#endif
}

std::string errnoText(const char* what) {
    return std::string(what) + ": " + std::strerror(errno);
}

std::string tail(const std::string& text) {
    return text.size() <= kStderrTailBytes ? text : "…" + text.substr(text.size() - kStderrTailBytes);
}

}  // namespace

std::unique_ptr<ServerProcess> ServerProcess::start(const std::string& binary, std::vector<std::string> args,
                                                    std::chrono::milliseconds timeout, std::string* error) {
    const auto deadline = Clock::now() + timeout;
    auto fail = [error](std::string message) -> std::unique_ptr<ServerProcess> {
        if (error != nullptr) {
            *error = std::move(message);
        }
        return nullptr;
    };

    std::unique_ptr<ServerProcess> process(new ServerProcess());

    std::string stderrTemplate = (std::filesystem::temp_directory_path() / "room-server-stderr-XXXXXX.log").string();
    const int stderrFd = ::mkostemps(stderrTemplate.data(), 4, O_CLOEXEC);
    if (stderrFd < 0) {
        return fail(errnoText("cannot create stderr file"));
    }
    process->m_stderrPath = stderrTemplate;

    std::array<int, 2> out{-1, -1};
    std::array<int, 2> execError{-1, -1};
    std::array<int, 2> wake{-1, -1};
    if (::pipe2(out.data(), O_CLOEXEC) != 0 || ::pipe2(execError.data(), O_CLOEXEC) != 0 ||
        ::pipe2(wake.data(), O_CLOEXEC) != 0) {
        const std::string message = errnoText("pipe");
        for (int fd : {out[0], out[1], execError[0], execError[1], wake[0], wake[1], stderrFd}) {
            closeFd(fd);
        }
        return fail(message);
    }
    process->m_stdoutFd = out[0];
    process->m_wakeRead = wake[0];
    process->m_wakeWrite = wake[1];

    // Everything the child needs is prepared before fork(): after it only async-signal-safe calls.
    std::vector<std::string> argvStrings;
    argvStrings.reserve(args.size() + 1);
    argvStrings.push_back(binary);
    for (auto& arg : args) {
        argvStrings.push_back(std::move(arg));
    }
    std::vector<char*> argv;
    for (auto& arg : argvStrings) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();

    const pid_t pid = ::fork();
    if (pid < 0) {
        const std::string message = errnoText("fork");
        ::close(out[1]);
        ::close(execError[0]);
        ::close(execError[1]);
        ::close(stderrFd);
        return fail(message);
    }
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) {
            ::_exit(127);
        }
        sigset_t all;
        ::sigemptyset(&all);
        ::sigprocmask(SIG_SETMASK, &all, nullptr);
        for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD}) {
            ::signal(sig, SIG_DFL);
        }
        const int devNull = ::open("/dev/null", O_RDONLY);
        if (devNull < 0 || ::dup2(devNull, STDIN_FILENO) < 0 || ::dup2(out[1], STDOUT_FILENO) < 0 ||
            ::dup2(stderrFd, STDERR_FILENO) < 0) {
            const int code = errno;
            [[maybe_unused]] const auto written = ::write(execError[1], &code, sizeof code);
            ::_exit(127);
        }
        ::execvp(argv[0], argv.data());
        const int code = errno;
        [[maybe_unused]] const auto written = ::write(execError[1], &code, sizeof code);
        ::_exit(127);
    }

    process->m_pid = pid;
    ::close(out[1]);
    ::close(execError[1]);
    ::close(stderrFd);

    int execErrno = 0;
    ssize_t got = 0;
    do {
        got = ::read(execError[0], &execErrno, sizeof execErrno);
    } while (got < 0 && errno == EINTR);
    ::close(execError[0]);
    if (got == static_cast<ssize_t>(sizeof execErrno)) {
        process->kill9();
        return fail("cannot run " + binary + ": " + std::strerror(execErrno));
    }

    process->m_reader = std::thread([raw = process.get()] { raw->readStdout(); });

    std::unique_lock lock(process->m_mutex);
    const bool ready = process->m_changed.wait_until(lock, deadline, [&] {
        return (process->m_port != 0 && !process->m_fingerprint.empty()) || process->m_stdoutClosed;
    });
    const bool started = process->m_port != 0 && !process->m_fingerprint.empty();
    lock.unlock();
    if (!started) {
        std::string reason = ready ? "server closed stdout before announcing its port and fingerprint"
                                   : "server did not announce its port and fingerprint in time";
        if (auto status = process->waitForExit(ready ? kExitGrace : std::chrono::milliseconds(0))) {
            reason += " (exit status " + std::to_string(*status) + ")";
        }
        process->kill9();
        return fail(reason + "; stdout:\n" + tail(process->stdoutText()) + "\nstderr:\n" +
                    tail(process->stderrText()));
    }
    return process;
}

void ServerProcess::readStdout() {
    std::string pending;
    std::array<char, 4096> chunk{};
    for (;;) {
        std::array<pollfd, 2> fds{pollfd{m_stdoutFd, POLLIN, 0}, pollfd{m_wakeRead, POLLIN, 0}};
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (fds[1].revents != 0) {
            break;
        }
        const ssize_t got = ::read(m_stdoutFd, chunk.data(), chunk.size());
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            break;
        }
        std::lock_guard guard(m_mutex);
        m_stdout.append(chunk.data(), static_cast<std::size_t>(got));
        pending.append(chunk.data(), static_cast<std::size_t>(got));
        std::size_t newline = 0;
        while ((newline = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, newline);
            pending.erase(0, newline + 1);
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            std::istringstream words(line);
            std::string keyword;
            words >> keyword;
            if (keyword == "fingerprint") {
                std::string algorithm;
                std::string value;
                words >> algorithm >> value;
                if (algorithm == "SHA256" && !value.empty()) {
                    m_fingerprint = value;
                }
            } else if (keyword == "listening") {
                std::string address;
                words >> address;
                const auto colon = address.rfind(':');
                if (colon != std::string::npos && colon + 1 < address.size()) {
                    std::string hostPart = address.substr(0, colon);
                    if (hostPart.size() >= 2 && hostPart.front() == '[' && hostPart.back() == ']') {
                        hostPart = hostPart.substr(1, hostPart.size() - 2);
                    }
                    const int parsedPort = std::atoi(address.c_str() + colon + 1);
                    if (parsedPort > 0 && parsedPort < 65536) {
                        m_host = hostPart;
                        m_port = parsedPort;
                    }
                }
            }
        }
        m_changed.notify_all();
    }
    std::lock_guard guard(m_mutex);
    m_stdoutClosed = true;
    m_changed.notify_all();
}

ServerProcess::~ServerProcess() {
    if (m_pid > 0 && !m_exitStatus) {
        kill9();
    }
    if (m_reader.joinable()) {
        const char byte = 0;
        [[maybe_unused]] const auto written = ::write(m_wakeWrite, &byte, 1);
        m_reader.join();
    }
    closeFd(m_stdoutFd);
    closeFd(m_wakeRead);
    closeFd(m_wakeWrite);
    if (!m_stderrPath.empty() && std::getenv("ROOM_KEEP_SERVER_LOGS") == nullptr) {
        std::error_code ignored;
        std::filesystem::remove(m_stderrPath, ignored);
    }
}

int ServerProcess::port() const {
    std::lock_guard guard(m_mutex);
    return m_port;
}

std::string ServerProcess::host() const {
    std::lock_guard guard(m_mutex);
    return m_host;
}

std::string ServerProcess::fingerprint() const {
    std::lock_guard guard(m_mutex);
    return m_fingerprint;
}

pid_t ServerProcess::pid() const {
    return m_pid;
}

void ServerProcess::recordStatus(int waitStatus) {
    if (WIFEXITED(waitStatus)) {
        m_exitStatus = WEXITSTATUS(waitStatus);
    } else if (WIFSIGNALED(waitStatus)) {
        m_exitStatus = 128 + WTERMSIG(waitStatus);
    } else {
        m_exitStatus = -1;
    }
}

std::optional<int> waitForChild(pid_t pid, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    int pidFd = -1;
    std::optional<int> result;
    for (;;) {
        int status = 0;
        const pid_t reaped = ::waitpid(pid, &status, WNOHANG);
        if (reaped == pid) {
            result = status;
            break;
        }
        if (reaped < 0 && errno != EINTR) {
            result = -1;  // Not our child (any more).
            break;
        }
        if (Clock::now() >= deadline) {
            break;
        }
        if (pidFd < 0) {
            pidFd = openPidFd(pid);
        }
        if (pidFd >= 0) {
            pollfd fd{pidFd, POLLIN, 0};
            ::poll(&fd, 1, millisecondsUntil(deadline));
        } else {
            std::this_thread::sleep_for(std::min<Clock::duration>(kWaitPollInterval, deadline - Clock::now()));
        }
    }
    closeFd(pidFd);
    return result;
}

std::optional<int> ServerProcess::waitForExit(std::chrono::milliseconds timeout) {
    if (m_exitStatus || m_pid <= 0) {
        return m_exitStatus;
    }
    const auto status = waitForChild(m_pid, timeout);
    if (!status) {
        return std::nullopt;
    }
    if (*status == -1) {
        m_exitStatus = -1;  // Not our child any more (reaped elsewhere).
    } else {
        recordStatus(*status);
    }
    return m_exitStatus;
}

bool ServerProcess::isRunning() {
    return !waitForExit(std::chrono::milliseconds(0)).has_value();
}

int ServerProcess::terminate(std::chrono::milliseconds timeout) {
    if (!isRunning()) {
        return *m_exitStatus;
    }
    ::kill(m_pid, SIGTERM);
    if (auto status = waitForExit(timeout)) {
        return *status;
    }
    kill9();
    return m_exitStatus.value_or(-1);
}

void ServerProcess::kill9() {
    if (!isRunning()) {
        return;
    }
    ::kill(m_pid, SIGKILL);
    waitForExit(kKillWait);
}

std::string ServerProcess::stderrText() const {
    std::ifstream in(m_stderrPath, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string ServerProcess::stdoutText() const {
    std::lock_guard guard(m_mutex);
    return m_stdout;
}

const std::filesystem::path& ServerProcess::stderrPath() const {
    return m_stderrPath;
}

std::filesystem::path makeTempDir(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    return pattern;
}

std::string serverBinary() {
    const char* value = std::getenv("ROOM_SERVER_BIN");
    return value != nullptr ? std::string(value) : std::string();
}

}  // namespace room::testing
