// A private PulseAudio server for the display's audio tests: a null source as a silent microphone
// ("room_mic"), a null sink as the room's loudspeakers ("room_speakers") and a microphone that
// hears those loudspeakers ("room_hall", the sink's monitor offered as an ordinary input).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/server_process.h"

namespace room::qtest {

class SoundServer {
public:
    /// Starts the server and points this process at it (PULSE_SERVER); call before the
    /// QGuiApplication exists. Returns false (and says why) when it does not come up.
    bool start(std::string* why) {
        m_dir = std::filesystem::temp_directory_path() / ("phonghop-pulse-" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
        const std::string socket = (m_dir / "native").string();
        const std::string runtime = "XDG_RUNTIME_DIR=" + m_dir.string();
        const std::string home = "HOME=" + m_dir.string();
        const std::string protocol = "module-native-protocol-unix socket=" + socket + " auth-anonymous=1";
        std::vector<std::string> args = {"pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                                         "--use-pid-file=no", "--disable-shm=yes", "--log-target=stderr",
                                         "-L", protocol,
                                         "-L", "module-null-source source_name=room_mic",
                                         "-L", "module-null-sink sink_name=room_speakers",
                                         "-L", "module-remap-source master=room_speakers.monitor source_name=room_hall",
                                         "-L", "module-always-sink"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<std::string> envStrings = {runtime, home, "PATH=" + std::string(std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin")};
        std::vector<char*> envp;
        for (auto& e : envStrings) envp.push_back(e.data());
        envp.push_back(nullptr);
        const std::string log = (m_dir / "pulse.log").string();
        // A child that dies with this process (PR_SET_PDEATHSIG), so a crashed test leaves no
        // sound server behind. Started before the application's threads exist.
        m_pid = ::fork();
        if (m_pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            const int out = ::open("/dev/null", O_WRONLY);
            if (err >= 0) ::dup2(err, 2);
            if (out >= 0) ::dup2(out, 1);
            ::execvpe("pulseaudio", argv.data(), envp.data());
            ::_exit(127);
        }
        if (m_pid < 0) {
            *why = "cannot start pulseaudio (fork failed)";
            m_pid = 0;
            return false;
        }
        ::setenv("PULSE_SERVER", ("unix:" + socket).c_str(), 1);
        // Ready when its socket accepts a client.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        while (std::chrono::steady_clock::now() < deadline) {
            const std::string cmd = "PULSE_SERVER=unix:" + socket + " pactl info >/dev/null 2>&1";
            if (std::system(cmd.c_str()) == 0) return true;
            // Between two tries, wait for the one thing that would end them: the server exiting.
            if (const auto exited = testing::waitForChild(m_pid, std::chrono::milliseconds(50))) {
                const int status = *exited;
                m_pid = 0;
                *why = WIFEXITED(status) && WEXITSTATUS(status) == 127
                           ? "cannot start pulseaudio (install pulseaudio, see packaging/debian-build-deps.txt)"
                           : "pulseaudio exited at start; see " + log;
                return false;
            }
        }
        *why = "pulseaudio did not answer within 15 s; see " + log;
        return false;
    }

    ~SoundServer() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (!m_dir.empty()) std::filesystem::remove_all(m_dir);
    }

private:
    pid_t m_pid = 0;
    std::filesystem::path m_dir;
};

} // namespace room::qtest
