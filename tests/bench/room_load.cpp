// room-load: N simulated tablets against the room server and against a bare libwebsockets baseline; writes the report.
//
// Usage: room-load --server-bin PATH [--baseline-bin PATH] [--clients N] [--repeats R] [--storms S]
//                  [--storm-events M] [--out DIR]
// Writes DIR/results.json and DIR/results.md and prints the markdown table. Exit status 0 when every
// scenario produced numbers with every tablet taking part, 1 otherwise (the report says why), 2 for
// bad usage.

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "tests/bench/bench_meeting.h"
#include "tests/bench/bench_report.h"
#include "tests/bench/client_pool.h"
#include "tests/support/server_process.h"

namespace room::bench {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;
using Ms = std::chrono::milliseconds;

constexpr const char* kFanoutPrefix = "bench-fanout-";
// Descriptors the load generator needs besides one per tablet (context, pipes, files, the server's pipes).
constexpr int kSpareDescriptors = 128;
// The room server refuses WebSocket upgrades beyond its default limits.max_connections.
constexpr int kServerMaxConnections = 4000;

struct Options {
    std::string serverBin;
    std::string baselineBin;
    int clients = 1500;
    int repeats = 50;
    int storms = 3;
    int stormEvents = 3;
    std::filesystem::path out = "bench";
};

/// What one target (the room server or the baseline) measured.
struct TargetResult {
    int tablets = 0;
    double loginSeconds = 0;
    std::int64_t idleKb = -1;
    std::int64_t halfKb = -1;      ///< with the chair and the first half of the tablets logged in
    int halfTablets = 0;
    std::int64_t loadedKb = -1;
    std::vector<double> fanoutAll;
    std::vector<double> fanoutPerClient;
    std::vector<double> stormAll;
    std::vector<double> stormPerClient;
    int exitStatus = -1;
    std::vector<std::string> problems;
};

double msBetween(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

std::string selfDirectory() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(".") : exe.parent_path().string();
}

std::optional<Options> parseOptions(int argc, char** argv) {
    Options o;
    if (const char* env = std::getenv("ROOM_SERVER_BIN")) o.serverBin = env;
    o.baselineBin = selfDirectory() + "/room-bench-baseline";
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) {
            std::cerr << "missing value for " << flag << '\n';
            return std::nullopt;
        }
        const std::string value = argv[++i];
        try {
            if (flag == "--server-bin") o.serverBin = value;
            else if (flag == "--baseline-bin") o.baselineBin = value;
            else if (flag == "--clients") o.clients = std::stoi(value);
            else if (flag == "--repeats") o.repeats = std::stoi(value);
            else if (flag == "--storms") o.storms = std::stoi(value);
            else if (flag == "--storm-events") o.stormEvents = std::stoi(value);
            else if (flag == "--out") o.out = value;
            else {
                std::cerr << "unknown option " << flag << '\n';
                return std::nullopt;
            }
        } catch (const std::exception&) {
            std::cerr << "bad value for " << flag << ": " << value << '\n';
            return std::nullopt;
        }
    }
    if (o.serverBin.empty() || o.clients < 1 || o.repeats < 1 || o.storms < 1 || o.stormEvents < 1) {
        std::cerr << "usage: room-load --server-bin PATH [--baseline-bin PATH] [--clients N>=1] [--repeats R>=1]\n"
                     "                 [--storms S>=1] [--storm-events M>=1] [--out DIR]\n";
        return std::nullopt;
    }
    return o;
}

/// Raises the descriptor limit for `clients` tablets (the servers inherit it); returns the number
/// of tablets that fit, with the reason in `why` when that is fewer than asked.
int fitClients(int clients, std::string* why) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        const auto wanted = static_cast<rlim_t>(clients + kSpareDescriptors);
        if (limit.rlim_cur < wanted) {
            limit.rlim_cur = std::min(wanted, limit.rlim_max);
            ::setrlimit(RLIMIT_NOFILE, &limit);
            ::getrlimit(RLIMIT_NOFILE, &limit);
        }
        if (limit.rlim_cur < wanted) {
            const int fit = std::max(1, static_cast<int>(limit.rlim_cur) - kSpareDescriptors);
            *why = "the descriptor limit (ulimit -Hn) is " + std::to_string(limit.rlim_cur) + ", enough for " +
                   std::to_string(fit) + " tablets; raise it to run " + std::to_string(clients);
            clients = fit;
        }
    }
    if (clients + 1 > kServerMaxConnections) {
        *why = "the room server accepts at most " + std::to_string(kServerMaxConnections) + " WebSockets by default";
        clients = kServerMaxConnections - 1;
    }
    return clients;
}

std::string commandFrame(const std::string& id, const std::string& text) {
    return Json{{"v", 1}, {"type", "command"}, {"id", id}, {"command", "announcement.make"}, {"args", {{"text", text}}}}
        .dump();
}

/// Sends one chair command and waits for its acceptance; false (with a problem noted) otherwise.
bool chairCommand(ClientPool& pool, int chair, const std::string& id, const std::string& text, TargetResult& r) {
    Tablet& c = pool.tablet(chair);
    c.lastProblem.clear();
    pool.send(chair, commandFrame(id, text));
    const bool answered = pool.runUntil([&] { return c.lastAcceptedId == id || !c.lastProblem.empty(); }, 10s);
    if (!answered || c.lastAcceptedId != id) {
        r.problems.push_back("chair command " + id + " was not accepted: " +
                             (c.lastProblem.empty() ? std::string("no answer within 10 s") : c.lastProblem));
        return false;
    }
    return true;
}

std::string firstProblem(ClientPool& pool, const std::vector<int>& tablets, const std::function<bool(const Tablet&)>& bad) {
    for (int i : tablets) {
        const Tablet& t = pool.tablet(i);
        if (bad(t)) return t.participant + ": " + (t.lastProblem.empty() ? std::string("no problem reported") : t.lastProblem);
    }
    return {};
}

/// Connects and logs in the chair (if it is not yet) and the given tablets, a bounded number at a
/// time; returns the tablets that are logged in and have their first state.
std::vector<int> logIn(ClientPool& pool, int chair, const std::vector<int>& delegates, TargetResult& r) {
    if (!pool.tablet(chair).synced) {
        pool.connect(chair, pool.loginFrame(chair));
        if (!pool.runUntil([&] { return pool.tablet(chair).synced || pool.tablet(chair).link == LinkState::Failed; }, 30s) ||
            !pool.tablet(chair).synced) {
            r.problems.push_back("the chair could not log in: " + pool.tablet(chair).lastProblem);
            return {};
        }
    }
    // Logins cost tens of ms of scrypt each on the server's two workers; a bounded number in flight
    // keeps the TLS handshakes from piling up behind them.
    constexpr int kInFlight = 64;
    std::size_t next = 0;
    int inFlight = 0;
    const auto started = Clock::now();
    const auto busy = [](const Tablet& t) {
        return t.link == LinkState::Connecting || (t.link == LinkState::Open && !t.synced);
    };
    const auto timeout = Ms(30000 + 100 * static_cast<long>(delegates.size()));
    pool.runUntil(
        [&] {
            inFlight = 0;
            for (std::size_t k = 0; k < next; ++k) inFlight += busy(pool.tablet(delegates[k])) ? 1 : 0;
            while (next < delegates.size() && inFlight < kInFlight) {
                pool.connect(delegates[next], pool.loginFrame(delegates[next]));
                ++next;
                ++inFlight;
            }
            return next == delegates.size() && inFlight == 0;
        },
        timeout);
    r.loginSeconds += std::chrono::duration<double>(Clock::now() - started).count();
    std::vector<int> active;
    for (int i : delegates)
        if (pool.tablet(i).synced) active.push_back(i);
    if (active.size() != delegates.size())
        r.problems.push_back(std::to_string(delegates.size() - active.size()) + " of " + std::to_string(delegates.size()) +
                             " tablets could not log in (first: " +
                             firstProblem(pool, delegates, [](const Tablet& t) { return !t.synced; }) + ")");
    return active;
}

void fanout(ClientPool& pool, int chair, const std::vector<int>& active, const Options& o, const std::string& nonce,
            TargetResult& r) {
    int missed = 0;
    for (int k = 1; k <= o.repeats; ++k) {
        const std::string id = "fanout-" + nonce + "-" + std::to_string(k);
        pool.tablet(chair).lastProblem.clear();
        pool.send(chair, commandFrame(id, kFanoutPrefix + std::to_string(k)));
        const auto arrived = [&](int i) { return pool.tablet(i).lastMarker >= k; };
        const bool all = pool.runUntil(
            [&] {
                return (pool.tablet(chair).lastAcceptedId == id || !pool.tablet(chair).lastProblem.empty()) &&
                       std::all_of(active.begin(), active.end(), arrived);
            },
            15s);
        const auto t0 = pool.tablet(chair).lastWriteAt;
        if (pool.tablet(chair).lastAcceptedId != id) {
            r.problems.push_back("fan-out " + std::to_string(k) + ": the chair's command was not accepted: " +
                                 pool.tablet(chair).lastProblem);
            return;
        }
        double slowest = 0;
        for (int i : active) {
            if (!arrived(i)) continue;
            const double ms = msBetween(t0, pool.tablet(i).markerAt);
            r.fanoutPerClient.push_back(ms);
            slowest = std::max(slowest, ms);
        }
        if (all) r.fanoutAll.push_back(slowest);
        else ++missed;
        // A short pause so one repeat's tail does not overlap the next repeat's start.
        pool.runFor(20ms);
    }
    if (missed > 0)
        r.problems.push_back("fan-out: in " + std::to_string(missed) + " of " + std::to_string(o.repeats) +
                             " repeats not every tablet had the event within 15 s");
}

void reconnectStorms(ClientPool& pool, int chair, const std::vector<int>& active, const Options& o,
                     const std::string& nonce, TargetResult& r) {
    const auto stormTimeout = Ms(30000 + 20 * static_cast<long>(active.size()));
    for (int s = 1; s <= o.storms; ++s) {
        for (int i : active) pool.drop(i);
        const bool closed = pool.runUntil(
            [&] {
                return std::all_of(active.begin(), active.end(), [&](int i) {
                    const auto link = pool.tablet(i).link;
                    return link == LinkState::Closed || link == LinkState::Failed;
                });
            },
            30s);
        if (!closed) {
            r.problems.push_back("storm " + std::to_string(s) + ": not every tablet closed within 30 s");
            return;
        }
        // The meeting moves on while the tablets are away, so each has events to catch up on.
        for (int m = 1; m <= o.stormEvents; ++m)
            if (!chairCommand(pool, chair, "storm-" + nonce + "-" + std::to_string(s) + "-" + std::to_string(m),
                              "bench-storm " + std::to_string(s) + "." + std::to_string(m), r))
                return;
        const std::int64_t target = pool.tablet(chair).lastAcceptedSeq;
        for (int i : active) pool.tablet(i).target = target;
        const auto t0 = Clock::now();
        for (int i : active) pool.connect(i, pool.helloFrame(i));
        const bool all = pool.runUntil(
            [&] { return std::all_of(active.begin(), active.end(), [&](int i) { return pool.tablet(i).caughtUp; }); },
            stormTimeout);
        double slowest = 0;
        int behind = 0;
        for (int i : active) {
            const Tablet& t = pool.tablet(i);
            if (!t.caughtUp) {
                ++behind;
                continue;
            }
            const double ms = msBetween(t0, t.caughtUpAt);
            r.stormPerClient.push_back(ms);
            slowest = std::max(slowest, ms);
        }
        if (all) {
            r.stormAll.push_back(slowest);
        } else {
            r.problems.push_back("storm " + std::to_string(s) + ": " + std::to_string(behind) + " tablets had not caught up after " +
                                 std::to_string(stormTimeout.count() / 1000) + " s (first: " +
                                 firstProblem(pool, active, [](const Tablet& t) { return !t.caughtUp; }) + ")");
            return;
        }
        pool.runFor(500ms);
    }
}

/// Runs login, memory, fan-out and reconnect storm against one running server.
TargetResult runTarget(const std::string& name, testing::ServerProcess& server, const BenchMeeting& meeting,
                       const Options& o) {
    TargetResult r;
    const std::string nonce = std::to_string(::getpid()) + "-" + std::to_string(std::time(nullptr));
    r.idleKb = residentKb(server.pid());

    ClientPool pool(server.port(), server.fingerprint(), kFanoutPrefix);
    if (!pool.ok()) {
        r.problems.push_back(pool.error());
        return r;
    }
    const int chair = pool.add(meeting.chair.participant, meeting.chair.pin);
    std::vector<int> delegates;
    for (const auto& d : meeting.delegates) delegates.push_back(pool.add(d.participant, d.pin));

    // Logged in in two halves, with the server's memory read after each: the growth between the
    // two is what a connection costs, apart from fixed costs such as the scrypt buffers of the
    // PIN workers and caches warmed by the first logins.
    std::cerr << "[" << name << "] logging in " << delegates.size() << " tablets…\n";
    const auto half = static_cast<std::ptrdiff_t>(delegates.size() / 2);
    std::vector<int> active = logIn(pool, chair, {delegates.begin(), delegates.begin() + half}, r);
    pool.runFor(1000ms);
    r.halfKb = residentKb(server.pid());
    r.halfTablets = static_cast<int>(active.size());
    const std::vector<int> rest = logIn(pool, chair, {delegates.begin() + half, delegates.end()}, r);
    active.insert(active.end(), rest.begin(), rest.end());
    r.tablets = static_cast<int>(active.size());
    std::cerr << "[" << name << "] " << active.size() << " logged in in " << r.loginSeconds << " s\n";
    if (active.empty()) return r;
    pool.runFor(1000ms);
    r.loadedKb = residentKb(server.pid());

    std::cerr << "[" << name << "] fan-out, " << o.repeats << " repeats…\n";
    fanout(pool, chair, active, o, nonce, r);
    std::cerr << "[" << name << "] reconnect storms, " << o.storms << "…\n";
    reconnectStorms(pool, chair, active, o, nonce, r);

    for (int i = 0; i < pool.size(); ++i) pool.drop(i);
    pool.runUntil([&] { return pool.count(LinkState::Open) == 0 && pool.count(LinkState::Connecting) == 0; }, 5s);
    return r;
}

Json targetJson(const TargetResult& r) {
    const double withFixed = r.tablets > 0 && r.idleKb >= 0 && r.loadedKb >= 0
                                 ? static_cast<double>(r.loadedKb - r.idleKb) / (r.tablets + 1)
                                 : 0.0;
    const int added = r.tablets - r.halfTablets;
    const double perConn = added > 0 && r.halfKb >= 0 && r.loadedKb >= 0
                               ? static_cast<double>(r.loadedKb - r.halfKb) / added
                               : withFixed;
    return Json{
        {"tablets", r.tablets},
        {"fanout", {{"all_clients", toJson(distribution(r.fanoutAll))}, {"per_client", toJson(distribution(r.fanoutPerClient))}}},
        {"memory",
         {{"idle_kb", r.idleKb},
          {"half_kb", r.halfKb},
          {"half_tablets", r.halfTablets},
          {"loaded_kb", r.loadedKb},
          {"kb_per_connection", perConn},
          {"kb_per_connection_with_fixed", withFixed}}},
        {"reconnect_storm", {{"all_clients", toJson(distribution(r.stormAll))}, {"per_client", toJson(distribution(r.stormPerClient))}}},
        {"login", {{"seconds", r.loginSeconds}, {"per_second", r.loginSeconds > 0 ? r.tablets / r.loginSeconds : 0.0}}},
        {"exit_status", r.exitStatus},
    };
}

Json resultsJson(const MachineInfo& machine, const Options& o, int requested, const std::string& limitedBecause, const TargetResult& room,
                 const TargetResult& base) {
    const Json a = targetJson(room);
    const Json b = targetJson(base);
    const auto p = [](const Json& j, const char* scenario, const char* set, const char* q) {
        return j[scenario][set][q].get<double>();
    };
    char when[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    Json r{
        {"generated_at", when},
        {"machine", toJson(machine)},
        {"config",
         {{"clients", o.clients}, {"requested_clients", requested}, {"repeats", o.repeats}, {"storms", o.storms},
          {"storm_events", o.stormEvents}}},
        {"scenarios",
         {{"fanout",
           {{"unit", "ms"},
            {"measures", "chair's command written → announcement.made event received, per tablet and until all N have it"},
            {"room", a["fanout"]},
            {"baseline", b["fanout"]},
            {"ratio_p50", ratio(p(a, "fanout", "all_clients", "p50"), p(b, "fanout", "all_clients", "p50"))},
            {"ratio_p99", ratio(p(a, "fanout", "all_clients", "p99"), p(b, "fanout", "all_clients", "p99"))},
            {"ratio_per_client_p50", ratio(p(a, "fanout", "per_client", "p50"), p(b, "fanout", "per_client", "p50"))}}},
          {"memory",
           {{"unit", "KB"},
            {"measures", "server VmRSS before any client, with half and with all N tablets logged in; kb_per_connection is "
                         "the growth from half to all per added tablet, kb_per_connection_with_fixed (all − idle) / (N + 1)"},
            {"room", a["memory"]},
            {"baseline", b["memory"]},
            {"ratio", ratio(a["memory"]["kb_per_connection"].get<double>(), b["memory"]["kb_per_connection"].get<double>())}}},
          {"reconnect_storm",
           {{"unit", "ms"},
            {"measures", "all N reconnect at once with hello + last_seq → each has caught up to the server's head"},
            {"room", a["reconnect_storm"]},
            {"baseline", b["reconnect_storm"]},
            {"ratio_max", ratio(p(a, "reconnect_storm", "all_clients", "max"), p(b, "reconnect_storm", "all_clients", "max"))},
            {"ratio_p50", ratio(p(a, "reconnect_storm", "all_clients", "p50"), p(b, "reconnect_storm", "all_clients", "p50"))},
            {"ratio_per_client_p50",
             ratio(p(a, "reconnect_storm", "per_client", "p50"), p(b, "reconnect_storm", "per_client", "p50"))}}},
          {"login", {{"unit", "logins/s"}, {"room", a["login"]}, {"baseline", b["login"]}}}}},
        {"servers", {{"room", {{"exit_status", room.exitStatus}}}, {"baseline", {{"exit_status", base.exitStatus}}}}},
        {"problems", Json::array()},
    };
    if (!limitedBecause.empty()) r["config"]["limited_because"] = limitedBecause;
    for (const auto& q : room.problems) r["problems"].push_back("room-server: " + q);
    for (const auto& q : base.problems) r["problems"].push_back("baseline: " + q);
    return r;
}

int run(int argc, char** argv) {
    auto parsed = parseOptions(argc, argv);
    if (!parsed) return 2;
    Options o = *parsed;
    const MachineInfo machine = machineInfo();
    const int requested = o.clients;
    std::string limitedBecause;
    o.clients = fitClients(o.clients, &limitedBecause);
    if (!limitedBecause.empty()) std::cerr << "running with N = " << o.clients << ": " << limitedBecause << '\n';

    const auto work = testing::makeTempDir("room-bench-");
    const auto dataDir = work / "data";
    const BenchMeeting meeting = makeBenchMeeting(o.clients);
    std::cerr << "importing a meeting with " << o.clients << " delegates (one scrypt PIN hash each)…\n";
    std::string error;
    const auto importStarted = Clock::now();
    if (!importBenchMeeting(o.serverBin, meeting, work / "package", dataDir, &error)) {
        std::cerr << error << '\n';
        std::filesystem::remove_all(work);
        return 1;
    }
    std::cerr << "imported in " << std::chrono::duration<double>(Clock::now() - importStarted).count() << " s\n";

    TargetResult room;
    {
        auto server = testing::ServerProcess::start(
            o.serverBin, {"--data-dir", dataDir.string(), "--listen", "127.0.0.1:0"}, 30s, &error);
        if (!server) {
            room.problems.push_back("room-server did not start: " + error);
        } else {
            room = runTarget("room-server", *server, meeting, o);
            room.exitStatus = server->terminate();
            if (room.exitStatus != 0) room.problems.push_back("room-server exited with " + std::to_string(room.exitStatus));
        }
    }
    TargetResult base;
    {
        // The baseline serves with the room server's own certificate and key: the same TLS costs.
        auto server = testing::ServerProcess::start(
            o.baselineBin,
            {"--cert", (dataDir / "tls" / "server.crt").string(), "--key", (dataDir / "tls" / "server.key").string(),
             "--listen", "127.0.0.1:0"},
            30s, &error);
        if (!server) {
            base.problems.push_back("the baseline did not start: " + error);
        } else {
            base = runTarget("baseline", *server, meeting, o);
            base.exitStatus = server->terminate();
            if (base.exitStatus != 0) base.problems.push_back("the baseline exited with " + std::to_string(base.exitStatus));
        }
    }
    std::filesystem::remove_all(work);

    const Json results = resultsJson(machine, o, requested, limitedBecause, room, base);
    std::filesystem::create_directories(o.out);
    std::ofstream(o.out / "results.json") << results.dump(2) << '\n';
    const std::string report = markdownReport(results);
    std::ofstream(o.out / "results.md") << report;
    std::cout << report << "\nresults: " << (o.out / "results.json").string() << '\n';
    return results["problems"].empty() ? 0 : 1;
}

} // namespace
} // namespace room::bench

int main(int argc, char** argv) { return room::bench::run(argc, argv); }
