// nginx as the document distribution's baseline: a static TLS file server run as the current user from a temp folder.
#include "tests/bench/nginx_peer.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "tests/bench/bench_meeting.h"
#include "tests/support/server_process.h"

namespace room::bench {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

bool executable(const std::string& path) { return !path.empty() && ::access(path.c_str(), X_OK) == 0; }

/// A port on 127.0.0.1 that nobody listens on right now (nginx binds it a moment later).
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string configText(const NginxSettings& s, int port) {
    const std::string d = s.dir.string();
    std::ostringstream c;
    c << "# room-load: nginx as the baseline of the document distribution (tests/bench/README.md).\n"
      << "daemon off;\nmaster_process on;\n"
      << "worker_processes " << s.workerProcesses << ";\n"
      << "worker_rlimit_nofile " << 2 * s.connections + 64 << ";\n"
      << "pid " << d << "/nginx.pid;\n"
      << "error_log " << d << "/error.log warn;\n";
    // As root the workers would switch to nobody, who may not read the temp folder: keep the current user.
    if (::geteuid() == 0) {
        const passwd* pw = ::getpwuid(::geteuid());
        const group* gr = ::getgrgid(::getegid());
        if (pw != nullptr && gr != nullptr) c << "user " << pw->pw_name << ' ' << gr->gr_name << ";\n";
    }
    c << "events { worker_connections " << s.connections << "; }\n"
      << "http {\n"
      << "  access_log off;\n"
      << "  client_body_temp_path " << d << "/client_body;\n"
      << "  proxy_temp_path " << d << "/proxy;\n"
      << "  fastcgi_temp_path " << d << "/fastcgi;\n"
      << "  uwsgi_temp_path " << d << "/uwsgi;\n"
      << "  scgi_temp_path " << d << "/scgi;\n"
      << "  types { }\n"
      << "  default_type application/pdf;\n"
      << "  sendfile on;\n"
      << "  keepalive_timeout 30s;\n"
      << "  server {\n"
      << "    listen 127.0.0.1:" << port << " ssl;\n"
      << "    ssl_certificate " << s.cert.string() << ";\n"
      << "    ssl_certificate_key " << s.key.string() << ";\n"
      // The room server's floor: TLS 1.2 and 1.3, server cipher preference, OpenSSL's default suites.
      << "    ssl_protocols TLSv1.2 TLSv1.3;\n"
      << "    ssl_prefer_server_ciphers on;\n"
      << "    root " << s.root.string() << ";\n"
      << "    location /documents/ { add_header Cache-Control \"private, max-age=31536000, immutable\"; }\n"
      << "  }\n"
      << "}\n";
    return c.str();
}

int statusOf(int waitStatus) {
    if (WIFEXITED(waitStatus)) return WEXITSTATUS(waitStatus);
    if (WIFSIGNALED(waitStatus)) return 128 + WTERMSIG(waitStatus);
    return -1;
}

} // namespace

std::string findNginx(const std::string& requested) {
    if (!requested.empty()) return executable(requested) ? requested : std::string();
    if (const char* path = std::getenv("PATH")) {
        std::istringstream dirs(path);
        std::string dir;
        while (std::getline(dirs, dir, ':'))
            if (!dir.empty() && executable(dir + "/nginx")) return dir + "/nginx";
    }
    for (const char* p : {"/usr/sbin/nginx", "/usr/local/sbin/nginx"})
        if (executable(p)) return p;
    return {};
}

std::unique_ptr<NginxPeer> NginxPeer::start(const NginxSettings& s, std::chrono::milliseconds timeout,
                                            std::string* error) {
    std::error_code ec;
    std::filesystem::create_directories(s.dir, ec);
    std::string output;
    runProgram({s.binary, "-v"}, &output);
    std::string version = output.substr(0, output.find('\n'));
    if (const auto at = version.find("nginx/"); at != std::string::npos) version = version.substr(at);

    const std::filesystem::path conf = s.dir / "nginx.conf";
    const std::filesystem::path log = s.dir / "error.log";
    const std::string prefix = s.dir.string() + "/";
    // The port is chosen before nginx binds it; another process may take it in between, so try a few.
    for (int attempt = 1; attempt <= 3; ++attempt) {
        const int port = freePort();
        std::ofstream(conf) << configText(s, port);
        std::filesystem::remove(log, ec);
        std::vector<std::string> args{s.binary, "-p", prefix, "-c", conf.string(), "-e", log.string()};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        const std::string outPath = (s.dir / "stderr.log").string();
        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid < 0) {
            *error = std::string("fork: ") + std::strerror(errno);
            return nullptr;
        }
        if (pid == 0) {
            // Only async-signal-safe calls between fork and exec. nginx stops (and stops its
            // workers) when the load generator dies.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent) ::_exit(127);
            const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
            if (out >= 0) {
                ::dup2(out, 1);
                ::dup2(out, 2);
            }
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        auto peer = std::unique_ptr<NginxPeer>(new NginxPeer());
        peer->m_pid = pid;
        peer->m_port = port;
        peer->m_version = version;
        const auto deadline = Clock::now() + timeout;
        bool exited = false;
        while (Clock::now() < deadline) {
            if (accepts(port)) return peer;
            // Between two tries, wait for the one thing that would end them: nginx exiting.
            if (testing::waitForChild(pid, 20ms)) {
                exited = true;
                peer->m_pid = -1;
                break;
            }
        }
        const std::string why = readFile(log) + readFile(s.dir / "stderr.log");
        if (!exited) {
            peer->stop(2s);
            *error = "nginx did not accept connections within " + std::to_string(timeout.count()) + " ms: " + why;
            return nullptr;
        }
        if (why.find("Address already in use") == std::string::npos || attempt == 3) {
            *error = "nginx exited at once: " + why;
            return nullptr;
        }
    }
    return nullptr;
}

NginxPeer::~NginxPeer() {
    if (m_pid > 0) stop();
}

std::vector<pid_t> NginxPeer::processes() const {
    std::vector<pid_t> all;
    if (m_pid <= 0) return all;
    all.push_back(m_pid);
    std::ifstream children("/proc/" + std::to_string(m_pid) + "/task/" + std::to_string(m_pid) + "/children");
    pid_t child = 0;
    while (children >> child) all.push_back(child);
    return all;
}

int NginxPeer::stop(std::chrono::milliseconds timeout) {
    if (m_pid <= 0) return m_exitStatus;
    ::kill(m_pid, SIGTERM);
    auto reaped = testing::waitForChild(m_pid, timeout);
    if (!reaped) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        reaped = status;
    }
    const int status = *reaped;
    m_exitStatus = status == -1 ? -1 : statusOf(status);
    m_pid = -1;
    return m_exitStatus;
}

} // namespace room::bench
