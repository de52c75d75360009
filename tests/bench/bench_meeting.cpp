// The benchmark's meeting: a chair and N delegates with known PINs, written as a package and imported.
#include "tests/bench/bench_meeting.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

extern char** environ;

namespace room::bench {

using Json = nlohmann::json;

namespace {

std::string pad(int n, int width) {
    std::string s = std::to_string(n);
    return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(s.size()))), '0') + s;
}

} // namespace

BenchMeeting makeBenchMeeting(int delegates) {
    BenchMeeting m;
    m.chair = Seat{"chair", "900000"};
    m.secretary = Seat{"secretary", "800000"};
    m.display = Seat{"display", "700000"};
    for (int i = 1; i <= delegates; ++i) m.delegates.push_back(Seat{"d" + pad(i, 4), "1" + pad(i, 5)});
    return m;
}

Json packageJson(const BenchMeeting& m) {
    Json participants = Json::array();
    participants.push_back(Json{{"id", m.chair.participant}, {"full_name", "Nguyễn Văn Chủ Tọa"}, {"role", "chair"},
                                {"seat", "A001"}, {"pin", m.chair.pin}});
    participants.push_back(Json{{"id", m.secretary.participant}, {"full_name", "Trần Thị Thư Ký"}, {"role", "secretary"},
                                {"seat", "A002"}, {"pin", m.secretary.pin}});
    participants.push_back(Json{{"id", m.display.participant}, {"full_name", "Màn hình hội trường"}, {"role", "display"},
                                {"pin", m.display.pin}});
    int row = 0;
    for (const auto& d : m.delegates) {
        ++row;
        participants.push_back(Json{{"id", d.participant},
                                    {"full_name", "Đại biểu số " + std::to_string(row)},
                                    {"role", "delegate"},
                                    {"position", "Đại biểu Hội đồng nhân dân"},
                                    {"organization", "Tổ đại biểu số " + std::to_string(1 + (row - 1) / 25)},
                                    {"seat", "B" + pad(row, 4)},
                                    {"pin", d.pin}});
    }
    Json agenda = Json::array({
        {{"id", "1"}, {"title", "Khai mạc kỳ họp"}, {"planned_minutes", 15}},
        {{"id", "2"}, {"title", "Báo cáo tình hình kinh tế - xã hội"}, {"planned_minutes", 60}},
        {{"id", "3"}, {"title", "Bế mạc"}, {"planned_minutes", 10}},
    });
    Json meeting{{"id", "bench-" + std::to_string(m.delegates.size())},
                 {"title", "Kỳ họp đo hiệu năng với " + std::to_string(m.delegates.size()) + " đại biểu"},
                 {"organization", "Hội đồng nhân dân tỉnh"},
                 {"place", "Hội trường lớn"}};
    return Json{{"format", "phonghop.meeting/1"}, {"meeting", meeting}, {"participants", participants}, {"agenda", agenda}};
}

int runProgram(const std::vector<std::string>& argv, std::string* output) {
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    std::string out;
    if (rc == 0) {
        char buf[4096];
        ssize_t n = 0;
        while ((n = ::read(pipeFds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    } else {
        out = "cannot run " + argv[0];
    }
    ::close(pipeFds[0]);
    if (output) *output = out;
    if (rc != 0) return -1;
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool importBenchMeeting(const std::string& serverBinary, const BenchMeeting& meeting,
                        const std::filesystem::path& packageDir, const std::filesystem::path& dataDir,
                        std::string* error) {
    std::filesystem::create_directories(packageDir);
    {
        std::ofstream out(packageDir / "meeting.json");
        out << packageJson(meeting).dump(1);
        if (!out) {
            if (error) *error = "cannot write " + (packageDir / "meeting.json").string();
            return false;
        }
    }
    std::string output;
    const int rc = runProgram({serverBinary, "import", packageDir.string(), "--data-dir", dataDir.string(),
                               "--pins-out", (packageDir / "pins.txt").string()},
                              &output);
    if (rc != 0) {
        if (error) *error = "room-server import failed (exit " + std::to_string(rc) + "): " + output;
        return false;
    }
    return true;
}

} // namespace room::bench
