// Crash test: a writer killed with SIGKILL at an arbitrary moment loses no acknowledged event and
// leaves a contiguous, verifiable chain that the next writer continues.
#include "room-server/src/storage/database.h"
#include "room-server/src/storage/verify_log.h"

#include "tests/unit/storage/storage_test_support.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

using namespace room;
using namespace room::storage;
using room::storage::test::TempDir;

namespace {

constexpr Seq kAcksPerRun = 2000;
constexpr auto kRunDeadline = std::chrono::seconds(20);

/// The writer process with its stdout on a pipe; killed and reaped at scope exit at the latest.
class Writer {
public:
    Writer(const std::string& program, const std::filesystem::path& db, unsigned seed) {
        int fds[2];
        REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
        const std::string file = db.string();
        const std::string seedArg = std::to_string(seed);
        std::vector<char*> argv{const_cast<char*>(program.c_str()), const_cast<char*>(file.c_str()),
                                const_cast<char*>(seedArg.c_str()), nullptr};
        m_pid = fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            // Only async-signal-safe calls between fork and exec.
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            dup2(fds[1], STDOUT_FILENO);
            execv(program.c_str(), argv.data());
            _exit(127);
        }
        close(fds[1]);
        m_out = fds[0];
    }
    ~Writer() {
        if (m_pid > 0) kill9();
        if (m_out >= 0) close(m_out);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    int out() const { return m_out; }

    /// SIGKILL and reap; returns the wait status.
    int kill9() {
        int status = 0;
        kill(m_pid, SIGKILL);
        waitpid(m_pid, &status, 0);
        m_pid = -1;
        return status;
    }

private:
    pid_t m_pid = -1;
    int m_out = -1;
};

/// Reads acknowledged seqs until the last one reaches `target`, EOF, or the deadline.
std::vector<Seq> readAcks(int fd, Seq target) {
    std::vector<Seq> acks;
    std::string pending;
    const auto deadline = std::chrono::steady_clock::now() + kRunDeadline;
    while (acks.empty() || acks.back() < target) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fd, POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        REQUIRE(ready >= 0);
        if (ready == 0) break;
        char buf[4096];
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        REQUIRE(n >= 0);
        if (n == 0) break; // the writer died on its own
        pending.append(buf, static_cast<std::size_t>(n));
        std::size_t nl;
        while ((nl = pending.find('\n')) != std::string::npos) {
            acks.push_back(std::stoll(pending.substr(0, nl)));
            pending.erase(0, nl + 1);
        }
    }
    return acks;
}

} // namespace

TEST_CASE("acknowledged events survive SIGKILL of the writer, three times over") {
    const char* program = std::getenv("STORAGE_CRASH_WRITER");
    REQUIRE_MESSAGE(program, "STORAGE_CRASH_WRITER is not set (run the test through ctest)");
    TempDir dir;
    const auto file = dir / "crash.db";

    Seq head = 0;
    for (unsigned round = 1; round <= 3; ++round) {
        CAPTURE(round);
        const Seq start = head;
        std::vector<Seq> acks;
        {
            Writer writer(program, file, round);
            acks = readAcks(writer.out(), start + kAcksPerRun);
            const int status = writer.kill9();
            // Killed by us, not exited on an error of its own.
            CHECK(WIFSIGNALED(status));
            CHECK(WTERMSIG(status) == SIGKILL);
        }
        REQUIRE_FALSE(acks.empty());
        REQUIRE(acks.back() >= start + kAcksPerRun);
        // Acknowledgements continue the previous run's chain and only ever grow.
        CHECK(acks.front() > start);
        CHECK(acks.front() <= start + 20);
        bool increasing = true;
        for (std::size_t i = 1; i < acks.size(); ++i) increasing = increasing && acks[i] > acks[i - 1];
        CHECK(increasing);

        {
            auto db = Database::open(file);
            REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
            head = (*db)->headSeq();
            // A commit may be durable without its line having been printed, never the reverse.
            CHECK(head >= acks.back());
            Seq expected = 1;
            bool intact = true;
            for (;;) {
                auto page = (*db)->eventsAfter(expected - 1, 5000);
                REQUIRE(page.ok());
                if (page->empty()) break;
                for (const auto& e : *page) {
                    intact = intact && e.seq == expected && e.payload.value("seq", Seq{-1}) == e.seq;
                    ++expected;
                }
            }
            CHECK(intact);
            CHECK(expected - 1 == head);
        }
        auto report = verifyLog(file);
        REQUIRE(report.ok());
        CHECK(report->ok);
        CHECK(report->events == head);
        CHECK(report->reason == "");
    }
    CHECK(head >= 3 * kAcksPerRun);
}
