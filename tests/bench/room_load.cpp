// room-load: N simulated tablets against the room server and against a bare libwebsockets baseline; writes the report.
//
// Usage: room-load --server-bin PATH [--baseline-bin PATH] [--clients N] [--repeats R] [--storms S]
//                  [--storm-events M] [--vote-rounds 1|2] [--doc-clients K] [--doc-mb MB]
//                  [--nginx-bin PATH] [--require-nginx 0|1] [--out DIR]
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
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tests/bench/bench_meeting.h"
#include "tests/bench/bench_report.h"
#include "tests/bench/client_pool.h"
#include "tests/bench/doc_download.h"
#include "tests/bench/nginx_peer.h"
#include "tests/support/https_client.h"
#include "tests/support/server_process.h"
#include "tests/support/tls_pinning.h"

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
    int voteRounds = 2; ///< 1: a secret poll; 2: a secret and then a named one
    int docClients = 200; ///< simultaneous downloads of the document (at most N)
    int docMb = 20;       ///< the document's size in MB (10^6 bytes)
    std::string nginxBin; ///< empty: nginx on PATH or /usr/sbin/nginx
    bool requireNginx = true; ///< a missing nginx is a problem (else the baseline is only reported missing)
    std::filesystem::path out = "bench";
};

/// One target's simultaneous downloads of the document.
struct DocRun {
    int clients = 0;                    ///< downloads started
    int verified = 0;                   ///< complete, HTTP 200, SHA-256 equal to the id
    std::int64_t bytes = 0;             ///< body bytes of the verified downloads
    std::optional<double> allMs;        ///< first request written → last byte of the last client (all verified)
    std::optional<double> wallMs;       ///< the same over the downloads that completed
    std::optional<double> handshakesMs; ///< first connect → every TLS handshake done (before any request)
    std::vector<double> perClient;      ///< each client: request written → last body byte
    std::vector<double> firstByte;      ///< each client: request written → first byte of the answer
    std::optional<double> serverCpuMs;  ///< CPU of the server's processes over handshakes and downloads
    std::optional<double> loadCpuMs;    ///< CPU of the load generator over the same span
    std::string tls;                    ///< negotiated protocol and cipher
};

/// The document distribution: one PDF uploaded by the secretary, then downloaded by K tablets at
/// once from the room server and, as the baseline, from nginx.
struct DocScenario {
    std::string pdf;                    ///< the document's bytes
    std::string id;                     ///< their SHA-256
    int clientsAsked = 0;
    std::optional<double> uploadMs;     ///< POST /api/documents written → answered (MuPDF validation, storage, commit)
    int pages = 0;
    std::vector<std::string> tokens;    ///< the downloading tablets' session tokens (sent to nginx too)
    std::optional<DocRun> room;
    std::optional<DocRun> nginx;
    std::string nginxMissing;           ///< why nginx did not run
    std::string nginxVersion;
    int nginxWorkers = 1;
    int nginxExitStatus = -1;
    std::vector<std::string> problems;  ///< nginx side (the room side's go to the room server's problems)
};

/// One poll of the vote burst: every tablet casts a ballot at once, then the chair closes it.
struct VoteRound {
    std::string poll;
    bool secret = true;
    int sent = 0;                          ///< ballots written
    int acknowledged = 0;                  ///< ballots answered with `accepted`
    int yes = 0, no = 0, abstain = 0;      ///< what the tablets chose
    std::optional<double> allAcknowledgedMs; ///< first ballot written → last `accepted`
    double writeSpreadMs = 0;              ///< first ballot written → last ballot written (the load generator's share)
    std::vector<double> perBallot;         ///< each ballot: written → its `accepted`
    std::optional<double> allSeenMs;       ///< first ballot written → every tablet has every ballot's event
    int eventFrames = 0;                   ///< events frames that brought the ballots to the display: one per group commit
    std::optional<double> serverCpuMs;     ///< CPU the server used from the first ballot until every tablet had them all
    std::optional<double> loadCpuMs;       ///< CPU the load generator used in the same span
    std::int64_t serverRssKb = -1;         ///< the server's RSS before the ballots
    std::int64_t serverPeakKb = -1;        ///< the server's peak RSS from the ballots until the result (VmHWM)
    std::optional<double> closeAcceptedMs;  ///< poll.close written → its accepted (durable, frames queued)
    std::optional<double> closeToDisplayMs; ///< poll.close written → the display has poll.published
    std::vector<double> closeToTablets;    ///< poll.close written → each tablet has poll.published
    std::optional<Json> published;        ///< what the display was shown (ballots, yes, no, abstentions, outcome)
    std::optional<bool> verified;          ///< the published count matches the ballots cast
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
    int voters = 0;                        ///< tablets that took part in the vote burst
    std::optional<double> checkInAllMs;    ///< first check-in written → last `accepted` (room server only)
    std::vector<double> checkInPerClient;
    std::vector<VoteRound> rounds;
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
            else if (flag == "--vote-rounds") o.voteRounds = std::stoi(value);
            else if (flag == "--doc-clients") o.docClients = std::stoi(value);
            else if (flag == "--doc-mb") o.docMb = std::stoi(value);
            else if (flag == "--nginx-bin") o.nginxBin = value;
            else if (flag == "--require-nginx") o.requireNginx = std::stoi(value) != 0;
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
    if (o.serverBin.empty() || o.clients < 1 || o.repeats < 1 || o.storms < 1 || o.stormEvents < 1 || o.voteRounds < 1 ||
        o.voteRounds > 2 || o.docClients < 1 || o.docMb < 1 || o.docMb > 190) {
        std::cerr << "usage: room-load --server-bin PATH [--baseline-bin PATH] [--clients N>=1] [--repeats R>=1]\n"
                     "                 [--storms S>=1] [--storm-events M>=1] [--vote-rounds 1|2] [--doc-clients K>=1]\n"
                     "                 [--doc-mb 1..190] [--nginx-bin PATH] [--require-nginx 0|1] [--out DIR]\n";
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

std::string commandFrame(const std::string& id, const std::string& command, const Json& args) {
    return Json{{"v", 1}, {"type", "command"}, {"id", id}, {"command", command}, {"args", args}}.dump();
}

std::string commandFrame(const std::string& id, const std::string& text) {
    return commandFrame(id, "announcement.make", Json{{"text", text}});
}

/// Sends one chair command and waits for its acceptance; false (with a problem noted) otherwise.
bool chairCommand(ClientPool& pool, int chair, const std::string& id, const std::string& command, const Json& args,
                  TargetResult& r) {
    Tablet& c = pool.tablet(chair);
    c.lastProblem.clear();
    pool.send(chair, commandFrame(id, command, args));
    const bool answered = pool.runUntil([&] { return c.lastAcceptedId == id || !c.lastProblem.empty(); }, 10s);
    if (!answered || c.lastAcceptedId != id) {
        r.problems.push_back("chair command " + id + " (" + command + ") was not accepted: " +
                             (c.lastProblem.empty() ? std::string("no answer within 10 s") : c.lastProblem));
        return false;
    }
    return true;
}

bool chairCommand(ClientPool& pool, int chair, const std::string& id, const std::string& text, TargetResult& r) {
    return chairCommand(pool, chair, id, "announcement.make", Json{{"text", text}}, r);
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
        // Each tablet has resynchronised when it holds the last of them with the same chain hash
        // as the chair's receipt for it: the same log up to the same event.
        const std::int64_t target = pool.tablet(chair).lastAcceptedSeq;
        const std::string targetHash = pool.tablet(chair).lastAcceptedHash;
        if (targetHash.size() != 64) {
            r.problems.push_back("storm " + std::to_string(s) + ": the chair's accepted carried no chain hash");
            return;
        }
        for (int i : active) {
            pool.tablet(i).target = target;
            pool.tablet(i).targetHash = targetHash;
        }
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
        for (int i : active) pool.tablet(i).targetHash.clear();
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

/// What one burst measured: every tablet sent one command at the same instant.
struct Burst {
    std::optional<double> allMs;  ///< first frame written → last `accepted`; only when all were accepted
    std::vector<double> perClient; ///< each command: written → its `accepted`
    int written = 0;
    int accepted = 0;
    Clock::time_point firstWrite{};
    Clock::time_point lastWrite{};
};

/// Queues `frames[k]` (a command with id `ids[k]`) on `tablets[k]` for all k at once, then waits until
/// each has its `accepted`, a rejection or a lost connection. Problems go to `r` under `what`.
Burst burst(ClientPool& pool, const std::vector<int>& tablets, const std::vector<std::string>& ids,
            std::vector<std::string> frames, Ms timeout, const std::string& what, TargetResult& r) {
    Burst b;
    for (int i : tablets) {
        Tablet& t = pool.tablet(i);
        t.lastProblem.clear();
        t.lastWriteAt = {};
    }
    for (std::size_t k = 0; k < tablets.size(); ++k) pool.send(tablets[k], std::move(frames[k]));
    const auto answered = [&](std::size_t k) {
        const Tablet& t = pool.tablet(tablets[k]);
        return t.lastAcceptedId == ids[k] || !t.lastProblem.empty() || t.link != LinkState::Open;
    };
    std::size_t done = 0; // answers are final, so the scan resumes where it stopped
    pool.runUntil(
        [&] {
            while (done < tablets.size() && answered(done)) ++done;
            return done == tablets.size();
        },
        timeout);
    Clock::time_point last{};
    for (std::size_t k = 0; k < tablets.size(); ++k) {
        const Tablet& t = pool.tablet(tablets[k]);
        if (t.lastWriteAt == Clock::time_point{}) continue;
        ++b.written;
        if (b.firstWrite == Clock::time_point{} || t.lastWriteAt < b.firstWrite) b.firstWrite = t.lastWriteAt;
        b.lastWrite = std::max(b.lastWrite, t.lastWriteAt);
        if (t.lastAcceptedId != ids[k]) continue;
        ++b.accepted;
        b.perClient.push_back(msBetween(t.lastWriteAt, t.lastAcceptedAt));
        last = std::max(last, t.lastAcceptedAt);
    }
    if (b.accepted == static_cast<int>(tablets.size())) {
        b.allMs = msBetween(b.firstWrite, last);
    } else {
        std::string first;
        for (std::size_t k = 0; k < tablets.size() && first.empty(); ++k) {
            const Tablet& t = pool.tablet(tablets[k]);
            if (t.lastAcceptedId != ids[k])
                first = t.participant + ": " + (t.lastProblem.empty() ? std::string("no answer") : t.lastProblem);
        }
        r.problems.push_back(what + ": " + std::to_string(tablets.size() - static_cast<std::size_t>(b.accepted)) + " of " +
                             std::to_string(tablets.size()) + " commands were not accepted within " +
                             std::to_string(timeout.count() / 1000) + " s (" + std::to_string(b.written) +
                             " written; first: " + first + ")");
    }
    return b;
}

/// The ballot of the k-th voter: 60 % yes, 20 % no, 20 % abstain (yes/no poll: 0 = yes, 1 = no, [] = abstain).
std::vector<int> choiceOf(std::size_t k) {
    switch (k % 5) {
    case 3: return {1};
    case 4: return {};
    default: return {0};
    }
}

/// Checks the poll.published event the display received against the ballots that were accepted;
/// fills v.published and v.verified, and notes a problem when they differ.
void verifyPublished(const std::string& frame, const std::vector<int>& voters, const std::vector<bool>& accepted,
                     ClientPool& pool, VoteRound& v, TargetResult& r) {
    const std::string where = "vote burst (" + v.poll + "): ";
    const Json f = Json::parse(frame, nullptr, false);
    const Json* payload = nullptr;
    if (f.is_object() && f.contains("events") && f["events"].is_array())
        for (const auto& e : f["events"])
            if (e.is_object() && e.value("type", "") == "poll.published" && e.contains("payload") &&
                e["payload"].is_object() && e["payload"].value("poll", "") == v.poll)
                payload = &e["payload"];
    if (payload == nullptr) {
        v.verified = false;
        r.problems.push_back(where + "the display's frame has no poll.published event for the poll");
        return;
    }
    try {
        const Json& count = payload->at("count");
        const Json& tally = count.at("tally");
        const auto votes = [](const Json& j) { return j.at("count").get<std::int64_t>(); };
        const std::int64_t ballots = votes(tally.at("ballots"));
        const std::int64_t yes = votes(tally.at("options").at(0));
        const std::int64_t no = votes(tally.at("options").at(1));
        const std::int64_t abstentions = votes(tally.at("abstentions"));
        const std::string outcome = count.at("result").at("outcome").get<std::string>();
        v.published = Json{{"ballots", ballots}, {"yes", yes}, {"no", no}, {"abstentions", abstentions}, {"outcome", outcome}};
        bool ok = ballots == v.acknowledged && yes == v.yes && no == v.no && abstentions == v.abstain;
        if (!ok)
            r.problems.push_back(where + "published " + std::to_string(ballots) + " ballots, " + std::to_string(yes) +
                                 " yes, " + std::to_string(no) + " no, " + std::to_string(abstentions) + " abstentions; cast " +
                                 std::to_string(v.acknowledged) + ", " + std::to_string(v.yes) + ", " + std::to_string(v.no) +
                                 ", " + std::to_string(v.abstain));
        if (!v.secret) {
            // A named poll publishes every ballot: each must be the one its tablet cast.
            std::map<std::string, std::vector<int>> shown;
            for (const auto& b : payload->at("ballots")) shown[b.at("voter").get<std::string>()] = b.at("choices").get<std::vector<int>>();
            int wrong = 0;
            std::string first;
            for (std::size_t k = 0; k < voters.size(); ++k) {
                if (!accepted[k]) continue;
                const std::string& who = pool.tablet(voters[k]).participant;
                auto it = shown.find(who);
                if (it == shown.end() || it->second != choiceOf(k)) {
                    if (wrong++ == 0) first = who;
                }
            }
            if (shown.size() != static_cast<std::size_t>(v.acknowledged) || wrong > 0) {
                ok = false;
                r.problems.push_back(where + "the published ballots differ from those cast: " + std::to_string(shown.size()) +
                                     " published, " + std::to_string(wrong) + " missing or different (first: " + first + ")");
            }
        }
        v.verified = ok;
    } catch (const nlohmann::json::exception& e) {
        v.verified = false;
        r.problems.push_back(where + "cannot read the published count: " + e.what());
    }
}

/// One round of the vote burst. Against the room server the chair creates and opens the poll, every
/// tablet casts its ballot at once, and the chair closes it; the baseline has no polls and only
/// answers the ballots. Returns false when the scenario cannot go on.
bool voteRound(ClientPool& pool, int chair, int display, const std::vector<int>& voters, bool secret,
               const std::string& nonce, pid_t server, bool roomServer, TargetResult& r) {
    VoteRound& v = r.rounds.emplace_back();
    v.secret = secret;
    v.poll = secret ? "bench-secret" : "bench-named";
    const std::string tag = "vote burst (" + v.poll + ")";
    const Ms timeout(30000 + 20 * static_cast<long>(voters.size()));
    if (roomServer) {
        if (!chairCommand(pool, chair, "vote-" + nonce + "-create-" + v.poll, "poll.create",
                          Json{{"id", v.poll},
                               {"question", std::string("Thông qua nghị quyết (đo hiệu năng, phiếu ") +
                                                (secret ? "kín" : "công khai") + ")"},
                               {"secret", secret}},
                          r) ||
            !chairCommand(pool, chair, "vote-" + nonce + "-open-" + v.poll, "poll.open", Json{{"poll", v.poll}}, r))
            return false;
    }
    // Every ballot is one event: the tablets (and the display) have them all at this head.
    const std::int64_t head = pool.tablet(chair).lastAcceptedSeq + static_cast<std::int64_t>(voters.size());
    Tablet& shown = pool.tablet(display);
    std::vector<int> watchers = voters;
    watchers.push_back(display);
    if (roomServer)
        for (int i : watchers) {
            pool.tablet(i).target = head;
            pool.tablet(i).caughtUp = false;
        }
    const int framesBefore = shown.frames;
    v.serverRssKb = residentKb(server);
    const bool peakReset = resetPeakResident(server);
    const double serverCpu0 = cpuMs(server), loadCpu0 = cpuMs(::getpid());
    const auto cpuSpan = [&] {
        const double serverCpu1 = cpuMs(server), loadCpu1 = cpuMs(::getpid());
        if (serverCpu0 >= 0 && serverCpu1 >= 0) v.serverCpuMs = serverCpu1 - serverCpu0;
        if (loadCpu0 >= 0 && loadCpu1 >= 0) v.loadCpuMs = loadCpu1 - loadCpu0;
    };
    const auto peak = [&] {
        if (peakReset) v.serverPeakKb = peakResidentKb(server);
    };

    std::vector<std::string> ids, frames;
    for (std::size_t k = 0; k < voters.size(); ++k) {
        ids.push_back("ballot-" + nonce + "-" + v.poll + "-" + std::to_string(k + 1));
        frames.push_back(commandFrame(ids.back(), "poll.cast", Json{{"poll", v.poll}, {"choices", choiceOf(k)}}));
    }
    Burst b = burst(pool, voters, ids, std::move(frames), timeout, tag, r);
    v.sent = b.written;
    v.acknowledged = b.accepted;
    v.allAcknowledgedMs = b.allMs;
    if (b.written > 0) v.writeSpreadMs = msBetween(b.firstWrite, b.lastWrite);
    v.perBallot = std::move(b.perClient);
    std::vector<bool> accepted(voters.size());
    std::int64_t maxSeq = -1;
    for (std::size_t k = 0; k < voters.size(); ++k) {
        const Tablet& t = pool.tablet(voters[k]);
        accepted[k] = t.lastAcceptedId == ids[k];
        if (!accepted[k]) continue;
        maxSeq = std::max(maxSeq, t.lastAcceptedSeq);
        const auto c = choiceOf(k);
        if (c.empty()) ++v.abstain;
        else if (c[0] == 0) ++v.yes;
        else ++v.no;
    }
    if (!roomServer) {
        cpuSpan();
        peak();
        return true;
    }
    if (!b.allMs) return false;

    // Every tablet sees each ballot as an event (poll.voted or poll.ballot_cast); the close is timed
    // once they all have them, so that it does not queue behind the ballots' fan-out.
    if (maxSeq != head) {
        r.problems.push_back(tag + ": the last ballot has seq " + std::to_string(maxSeq) + ", expected " + std::to_string(head));
    } else {
        const bool seen = pool.runUntil(
            [&] { return std::all_of(watchers.begin(), watchers.end(), [&](int i) { return pool.tablet(i).caughtUp; }); },
            timeout);
        if (seen) {
            Clock::time_point last{};
            for (int i : voters) last = std::max(last, pool.tablet(i).caughtUpAt);
            v.allSeenMs = msBetween(b.firstWrite, last);
            // The server sends each group commit's events to each client as one frame.
            v.eventFrames = shown.frames - framesBefore;
            cpuSpan();
        } else {
            r.problems.push_back(tag + ": not every tablet had every ballot's event within " +
                                 std::to_string(timeout.count() / 1000) + " s");
        }
    }
    pool.runFor(200ms);

    for (int i : voters) pool.tablet(i).watched = false;
    shown.watched = false;
    shown.watchedFrame.clear();
    pool.setWatch("\"poll.published\"");
    const std::string closeId = "vote-" + nonce + "-close-" + v.poll;
    Tablet& c = pool.tablet(chair);
    c.lastProblem.clear();
    pool.send(chair, commandFrame(closeId, "poll.close", Json{{"poll", v.poll}}));
    pool.runUntil(
        [&] {
            return (c.lastAcceptedId == closeId || !c.lastProblem.empty()) && shown.watched &&
                   std::all_of(voters.begin(), voters.end(), [&](int i) { return pool.tablet(i).watched; });
        },
        timeout);
    pool.setWatch("");
    if (c.lastAcceptedId != closeId) {
        r.problems.push_back(tag + ": the chair's poll.close was not accepted: " +
                             (c.lastProblem.empty() ? std::string("no answer") : c.lastProblem));
        return false;
    }
    const auto t0 = c.lastWriteAt;
    v.closeAcceptedMs = msBetween(t0, c.lastAcceptedAt);
    peak();
    if (shown.watched) {
        v.closeToDisplayMs = msBetween(t0, shown.watchedAt);
        verifyPublished(shown.watchedFrame, voters, accepted, pool, v, r);
    } else {
        r.problems.push_back(tag + ": the wall display did not receive poll.published within " +
                             std::to_string(timeout.count() / 1000) + " s");
    }
    int missed = 0;
    for (int i : voters) {
        if (pool.tablet(i).watched) v.closeToTablets.push_back(msBetween(t0, pool.tablet(i).watchedAt));
        else ++missed;
    }
    if (missed > 0)
        r.problems.push_back(tag + ": " + std::to_string(missed) + " tablets did not receive poll.published");
    pool.runFor(200ms);
    return true;
}

/// The vote burst: every tablet checks in, then casts a ballot in a secret poll (and in a named one)
/// at the same instant; the chair closes each poll and the result reaches the wall display.
void voteBurst(ClientPool& pool, int chair, int display, const std::vector<int>& active, const Options& o,
               const std::string& nonce, pid_t server, bool roomServer, TargetResult& r) {
    std::vector<int> voters;
    for (int i : active)
        if (pool.tablet(i).link == LinkState::Open && pool.tablet(i).synced) voters.push_back(i);
    r.voters = static_cast<int>(voters.size());
    if (voters.size() != active.size())
        r.problems.push_back("vote burst: " + std::to_string(active.size() - voters.size()) + " of " +
                             std::to_string(active.size()) + " tablets were not connected at its start");
    if (voters.empty()) return;

    Tablet& shown = pool.tablet(display);
    if (shown.link != LinkState::Open || !shown.synced) {
        r.problems.push_back("vote burst: the wall display is not connected: " + shown.lastProblem);
        return;
    }
    shown.keepWatched = true;

    if (roomServer) {
        // The meeting is imported as scheduled; ballots need it open and their voters checked in.
        if (!chairCommand(pool, chair, "vote-" + nonce + "-meeting-open", "meeting.open", Json::object(), r)) return;
        std::vector<std::string> ids, frames;
        for (int i : voters) {
            ids.push_back("check-in-" + nonce + "-" + pool.tablet(i).participant);
            frames.push_back(commandFrame(ids.back(), "attendance.check_in", Json::object()));
        }
        Burst b = burst(pool, voters, ids, std::move(frames), Ms(30000 + 20 * static_cast<long>(voters.size())),
                        "vote burst: check-in", r);
        r.checkInAllMs = b.allMs;
        r.checkInPerClient = std::move(b.perClient);
        if (!b.allMs) return;
        // The tablets' fan-out of the check-ins settles before the ballots.
        pool.runFor(500ms);
    }
    for (int round = 1; round <= o.voteRounds; ++round)
        if (!voteRound(pool, chair, display, voters, round == 1, nonce, server, roomServer, r)) return;
}

/// The CPU time of processes together in ms, or -1 if one cannot be read.
double cpuMsOf(const std::vector<pid_t>& pids) {
    double sum = 0;
    for (const pid_t pid : pids) {
        const double ms = cpuMs(pid);
        if (ms < 0) return -1;
        sum += ms;
    }
    return sum;
}

/// Downloads the document once per token, all at the same time, from 127.0.0.1:`port` and checks
/// every body against the id. `serverPids` are the processes whose CPU time is counted.
DocRun measureDownloads(int port, const std::string& fingerprint, const DocScenario& docs,
                        const std::vector<pid_t>& serverPids, std::vector<std::string>& problems) {
    DocRun run;
    run.clients = static_cast<int>(docs.tokens.size());
    const std::int64_t total = static_cast<std::int64_t>(docs.pdf.size()) * run.clients;
    const Ms timeout(60000 + total / 10000); // a minute plus 10 MB/s
    const double server0 = cpuMsOf(serverPids), load0 = cpuMs(::getpid());
    const DownloadBatch batch = downloadAll(port, fingerprint, "/documents/" + docs.id, docs.tokens, timeout);
    const double server1 = cpuMsOf(serverPids), load1 = cpuMs(::getpid());
    if (server0 >= 0 && server1 >= 0) run.serverCpuMs = server1 - server0;
    if (load0 >= 0 && load1 >= 0) run.loadCpuMs = load1 - load0;
    run.tls = batch.tls;
    if (!batch.error.empty()) {
        problems.push_back("document distribution: " + batch.error);
        return run;
    }
    const Clock::time_point none{};
    Clock::time_point firstConnect{}, lastReady{}, firstRequest{}, lastByte{};
    int failed = 0, wrong = 0, ready = 0;
    std::string firstFailure;
    for (const Download& d : batch.clients) {
        if (firstConnect == none || d.connectAt < firstConnect) firstConnect = d.connectAt;
        if (d.readyAt != none) {
            ++ready;
            lastReady = std::max(lastReady, d.readyAt);
        }
        if (d.requestAt != none && (firstRequest == none || d.requestAt < firstRequest)) firstRequest = d.requestAt;
        if (!d.problem.empty()) {
            if (failed++ == 0) firstFailure = d.problem;
            continue;
        }
        if (d.sha256 != docs.id || d.bytes != static_cast<std::int64_t>(docs.pdf.size())) {
            ++wrong;
            continue;
        }
        ++run.verified;
        run.bytes += d.bytes;
        lastByte = std::max(lastByte, d.lastByteAt);
        run.perClient.push_back(msBetween(d.requestAt, d.lastByteAt));
        run.firstByte.push_back(msBetween(d.requestAt, d.firstByteAt));
    }
    if (ready == run.clients && run.clients > 0) run.handshakesMs = msBetween(firstConnect, lastReady);
    if (run.verified > 0) {
        run.wallMs = msBetween(firstRequest, lastByte);
        if (run.verified == run.clients) run.allMs = run.wallMs;
    }
    if (failed > 0)
        problems.push_back("document distribution: " + std::to_string(failed) + " of " + std::to_string(run.clients) +
                           " downloads failed (first: " + firstFailure + ")");
    if (wrong > 0)
        problems.push_back("document distribution: " + std::to_string(wrong) + " of " + std::to_string(run.clients) +
                           " downloads were not the document (SHA-256 or size differs from the id " + docs.id + ")");
    return run;
}

/// The document distribution against the room server: the secretary uploads the PDF, every tablet
/// receives its document.added, then K tablets download it at the same time with their sessions.
void documentDistribution(ClientPool& pool, int secretary, const std::vector<int>& active,
                          testing::ServerProcess& server, const Options& o, DocScenario& docs, TargetResult& r) {
    const std::string tag = "document distribution: ";
    Tablet& sec = pool.tablet(secretary);
    pool.connect(secretary, pool.loginFrame(secretary));
    if (!pool.runUntil([&] { return sec.synced || sec.link == LinkState::Failed; }, 30s) || !sec.synced) {
        r.problems.push_back(tag + "the secretary could not log in: " + sec.lastProblem);
        return;
    }
    std::string error;
    const auto t0 = Clock::now();
    const auto up = testing::httpsRequest(
        "127.0.0.1", server.port(), server.fingerprint(), "POST", "/api/documents",
        {{"authorization", "Bearer " + sec.session},
         {"content-type", "application/pdf"},
         // "Tài liệu đo hiệu năng (phân phối tài liệu)", percent-encoded as §16 asks
         {"x-title", "T%C3%A0i%20li%E1%BB%87u%20%C4%91o%20hi%E1%BB%87u%20n%C4%83ng%20%28ph%C3%A2n%20ph%E1%BB%91i%20t%C3%A0i%20li%E1%BB%87u%29"},
         {"x-audience", "meeting"}},
        docs.pdf, 120s, &error);
    const double uploadMs = msBetween(t0, Clock::now());
    if (!up || (up->status != 201 && up->status != 200)) {
        r.problems.push_back(tag + "the upload failed: " +
                             (up ? "HTTP " + std::to_string(up->status) + " " + up->body.substr(0, 300) : error));
        return;
    }
    const Json answer = Json::parse(up->body, nullptr, false);
    const std::string id = answer.is_object() ? answer.value("id", "") : "";
    if (id != docs.id) {
        r.problems.push_back(tag + "the server stored the upload as \"" + id + "\", not as its SHA-256 " + docs.id);
        return;
    }
    docs.uploadMs = uploadMs;
    docs.pages = answer.value("pages", 0);
    // The tablets learn of the document from its document.added event, then fetch it.
    const std::int64_t seq = answer.value("seq", std::int64_t{-1});
    if (seq >= 0 && !pool.runUntil(
                        [&] {
                            return std::all_of(active.begin(), active.end(),
                                               [&](int i) { return pool.tablet(i).lastSeq >= seq; });
                        },
                        Ms(30000 + 20 * static_cast<long>(active.size()))))
        r.problems.push_back(tag + "not every tablet received document.added");
    for (int i : active) {
        if (static_cast<int>(docs.tokens.size()) == o.docClients) break;
        if (!pool.tablet(i).session.empty()) docs.tokens.push_back(pool.tablet(i).session);
    }
    std::cerr << "[room-server] document distribution: " << docs.tokens.size() << " downloads of "
              << docs.pdf.size() / 1000000.0 << " MB at once…\n";
    docs.room = measureDownloads(server.port(), server.fingerprint(), docs, {server.pid()}, r.problems);
    pool.runFor(200ms);
}

/// The same downloads from nginx serving the same file with the same certificate and key.
void nginxDistribution(const Options& o, const std::filesystem::path& work, const std::filesystem::path& tlsDir,
                       DocScenario& docs) {
    const std::string tag = "document distribution (nginx): ";
    const std::string binary = findNginx(o.nginxBin);
    if (binary.empty()) {
        docs.nginxMissing = o.nginxBin.empty() ? "nginx is not installed (not on PATH, not /usr/sbin/nginx)"
                                               : o.nginxBin + " is not an executable";
        if (o.requireNginx) docs.problems.push_back(tag + "the baseline is missing: " + docs.nginxMissing);
        return;
    }
    // nginx ignores the sessions; when the room server gave none, the requests still carry a token's bytes.
    if (docs.tokens.empty())
        docs.tokens.assign(static_cast<std::size_t>(std::min(o.docClients, o.clients)), std::string(64, '0'));
    const auto root = work / "nginx" / "www";
    std::filesystem::create_directories(root / "documents");
    {
        std::ofstream file(root / "documents" / docs.id, std::ios::binary);
        file.write(docs.pdf.data(), static_cast<std::streamsize>(docs.pdf.size()));
        if (!file) {
            docs.nginxMissing = "cannot write the document for nginx";
            docs.problems.push_back(tag + docs.nginxMissing);
            return;
        }
    }
    const auto cert = tlsDir / "server.crt";
    const auto fingerprint = testing::pemFileFingerprint(cert);
    NginxSettings settings;
    settings.binary = binary;
    settings.dir = work / "nginx";
    settings.root = root;
    settings.cert = cert;
    settings.key = tlsDir / "server.key";
    settings.workerProcesses = docs.nginxWorkers;
    settings.connections = std::max(1024, 2 * static_cast<int>(docs.tokens.size()) + 64);
    std::string error;
    auto peer = fingerprint ? NginxPeer::start(settings, 10s, &error) : nullptr;
    if (!peer) {
        docs.nginxMissing = fingerprint ? "nginx did not start: " + error : "cannot read " + cert.string();
        docs.problems.push_back(tag + docs.nginxMissing);
        return;
    }
    docs.nginxVersion = peer->version();
    std::cerr << "[nginx] document distribution: " << docs.tokens.size() << " downloads at once…\n";
    docs.nginx = measureDownloads(peer->port(), *fingerprint, docs, peer->processes(), docs.problems);
    docs.nginxExitStatus = peer->stop();
    if (docs.nginxExitStatus != 0) docs.problems.push_back(tag + "nginx exited with " + std::to_string(docs.nginxExitStatus));
}

/// Runs login, memory, fan-out, reconnect storm and vote burst against one running server.
/// With `docs` (the room server only), the document distribution follows.
TargetResult runTarget(const std::string& name, testing::ServerProcess& server, const BenchMeeting& meeting,
                       const Options& o, bool roomServer, DocScenario* docs) {
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
    const int display = pool.add(meeting.display.participant, meeting.display.pin);
    const int secretary = pool.add(meeting.secretary.participant, meeting.secretary.pin);

    // The wall display is up before the delegates arrive, as in a room: its connection is the
    // oldest, so it is not the last one served in each turn of either event loop (the tablets that
    // are served last are what "close → result on each tablet, max" shows).
    std::cerr << "[" << name << "] the wall display logs in…\n";
    pool.connect(display, pool.loginFrame(display));
    const Tablet& shown = pool.tablet(display);
    if (!pool.runUntil([&] { return shown.synced || shown.link == LinkState::Failed; }, 30s) || !shown.synced)
        r.problems.push_back("the wall display could not log in: " + shown.lastProblem);

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
    // Last: it opens the meeting and checks everyone in, which the other scenarios do not expect.
    std::cerr << "[" << name << "] vote burst, " << o.voteRounds << (o.voteRounds == 1 ? " poll" : " polls") << "…\n";
    voteBurst(pool, chair, display, active, o, nonce, server.pid(), roomServer, r);
    if (docs != nullptr) documentDistribution(pool, secretary, active, server, o, *docs, r);

    for (int i = 0; i < pool.size(); ++i) pool.drop(i);
    pool.runUntil([&] { return pool.count(LinkState::Open) == 0 && pool.count(LinkState::Connecting) == 0; }, 5s);
    return r;
}

Json optionalNumber(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

Json roundJson(const VoteRound& v) {
    return Json{
        {"poll", v.poll},
        {"secret", v.secret},
        {"ballots", v.sent},
        {"acknowledged", v.acknowledged},
        {"choices", {{"yes", v.yes}, {"no", v.no}, {"abstain", v.abstain}}},
        {"all_acknowledged_ms", optionalNumber(v.allAcknowledgedMs)},
        {"ballots_per_second",
         v.allAcknowledgedMs && *v.allAcknowledgedMs > 0 ? Json(v.acknowledged * 1000.0 / *v.allAcknowledgedMs) : Json(nullptr)},
        {"per_ballot", toJson(distribution(v.perBallot))},
        {"write_spread_ms", v.writeSpreadMs},
        {"all_seen_ms", optionalNumber(v.allSeenMs)},
        {"event_frames_at_display", v.eventFrames},
        {"server_cpu_ms", optionalNumber(v.serverCpuMs)},
        {"load_generator_cpu_ms", optionalNumber(v.loadCpuMs)},
        {"server_rss_kb", v.serverRssKb >= 0 ? Json(v.serverRssKb) : Json(nullptr)},
        {"server_peak_rss_kb", v.serverPeakKb >= 0 ? Json(v.serverPeakKb) : Json(nullptr)},
        {"close_accepted_ms", optionalNumber(v.closeAcceptedMs)},
        {"close_to_display_ms", optionalNumber(v.closeToDisplayMs)},
        {"close_to_tablets", toJson(distribution(v.closeToTablets))},
        {"published", v.published ? *v.published : Json(nullptr)},
        {"verified", v.verified ? Json(*v.verified) : Json(nullptr)},
    };
}

Json voteJson(const TargetResult& r) {
    Json j{{"tablets", r.voters},
           {"check_in", {{"all_ms", optionalNumber(r.checkInAllMs)}, {"per_client", toJson(distribution(r.checkInPerClient))}}},
           {"secret", nullptr},
           {"named", nullptr}};
    for (const auto& v : r.rounds) j[v.secret ? "secret" : "named"] = roundJson(v);
    return j;
}

/// room / baseline of a number in both vote burst results, or null when either is missing.
Json voteRatio(const Json& a, const Json& b, const char* round, const char* field, const char* q = nullptr) {
    const auto get = [&](const Json& j) -> Json {
        if (!j.contains(round) || !j[round].is_object() || !j[round].contains(field)) return nullptr;
        const Json& x = j[round][field];
        if (q == nullptr) return x;
        return x.is_object() && x.value("count", 0) > 0 ? x[q] : Json(nullptr);
    };
    const Json x = get(a), y = get(b);
    return x.is_number() && y.is_number() ? ratio(x.get<double>(), y.get<double>()) : Json(nullptr);
}

Json docRunJson(const DocRun& d) {
    return Json{
        {"clients", d.clients},
        {"verified", d.verified},
        {"bytes", d.bytes},
        {"all_ms", optionalNumber(d.allMs)},
        {"wall_ms", optionalNumber(d.wallMs)},
        {"mb_per_second", d.wallMs && *d.wallMs > 0 ? Json(static_cast<double>(d.bytes) / 1e6 / (*d.wallMs / 1000))
                                                     : Json(nullptr)},
        {"per_client", toJson(distribution(d.perClient))},
        {"first_byte", toJson(distribution(d.firstByte))},
        {"handshakes_ms", optionalNumber(d.handshakesMs)},
        {"server_cpu_ms", optionalNumber(d.serverCpuMs)},
        {"load_generator_cpu_ms", optionalNumber(d.loadCpuMs)},
        {"tls", d.tls},
    };
}

Json docJson(const DocScenario& d) {
    const Json room = d.room ? docRunJson(*d.room) : Json(nullptr);
    const Json nginx = d.nginx ? docRunJson(*d.nginx) : Json(nullptr);
    const auto both = [&](const char* field, const char* q = nullptr) -> Json {
        if (!room.is_object() || !nginx.is_object()) return nullptr;
        const Json& a = q ? room[field][q] : room[field];
        const Json& b = q ? nginx[field][q] : nginx[field];
        return a.is_number() && b.is_number() ? ratio(a.get<double>(), b.get<double>()) : Json(nullptr);
    };
    return Json{
        {"unit", "ms"},
        {"measures",
         "the secretary uploads the document (POST /api/documents, audience meeting); once every tablet has its "
         "document.added, K tablets open a TLS connection each (pinned, handshakes not timed as part of the download) "
         "and send GET /documents/<id> with their session at the same instant. all_ms: first request written → last "
         "byte of the last client; mb_per_second: bytes of all verified downloads (MB = 10^6 bytes) / wall_ms; "
         "per_client: request written → last byte; first_byte: request written → first byte of the answer; every "
         "body's SHA-256 is checked against the id. CPU: the server's processes and the load generator over handshakes "
         "and downloads. The baseline is nginx serving the same file with the same certificate and key"},
        {"document",
         {{"id", d.id}, {"bytes", d.pdf.size()}, {"pages", d.pages}, {"upload_ms", optionalNumber(d.uploadMs)}}},
        {"clients_asked", d.clientsAsked},
        {"room", room},
        {"nginx", nginx},
        {"nginx_missing", d.nginxMissing.empty() ? Json(nullptr) : Json(d.nginxMissing)},
        {"nginx_version", d.nginxVersion},
        {"nginx_worker_processes", d.nginxWorkers},
        {"nginx_exit_status", d.nginxExitStatus},
        {"ratio_mb_per_second", both("mb_per_second")},
        {"ratio_all_ms", both("all_ms")},
        {"ratio_per_client_p50", both("per_client", "p50")},
        {"target", "room-server MB/s ≥ 0.8 × nginx"},
    };
}

Json targetJson(const TargetResult& r) {
    const double withFixed = r.tablets > 0 && r.idleKb >= 0 && r.loadedKb >= 0
                                 ? static_cast<double>(r.loadedKb - r.idleKb) / (r.tablets + 2)
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
        {"reconnect_storm",
         {{"all_clients", toJson(distribution(r.stormAll))},
          {"per_client", toJson(distribution(r.stormPerClient))}}},
        {"login", {{"seconds", r.loginSeconds}, {"per_second", r.loginSeconds > 0 ? r.tablets / r.loginSeconds : 0.0}}},
        {"vote_burst", voteJson(r)},
        {"exit_status", r.exitStatus},
    };
}

Json resultsJson(const MachineInfo& machine, const Options& o, int requested, const std::string& limitedBecause, const TargetResult& room,
                 const TargetResult& base, const DocScenario& docs) {
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
          {"storm_events", o.stormEvents}, {"vote_rounds", o.voteRounds}, {"doc_clients", o.docClients},
          {"doc_mb", o.docMb}}},
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
                         "the growth from half to all per added tablet, kb_per_connection_with_fixed (all − idle) / (N + 2), the chair and the display included"},
            {"room", a["memory"]},
            {"baseline", b["memory"]},
            {"ratio", ratio(a["memory"]["kb_per_connection"].get<double>(), b["memory"]["kb_per_connection"].get<double>())}}},
          {"reconnect_storm",
           {{"unit", "ms"},
            {"measures", "all N reconnect at once with hello + last_seq → each holds the server's head with the same "
                         "state hash"},
            {"state_hash",
             "checked: a tablet has resynchronised when its last frame's head is the seq of the chair's last accepted "
             "command and its head_hash equals that accepted's chain hash, so per_client has one sample per tablet and "
             "storm only if every one did (the baseline names its head with 64 hex digits without hashing)"},
            {"room", a["reconnect_storm"]},
            {"baseline", b["reconnect_storm"]},
            {"ratio_max", ratio(p(a, "reconnect_storm", "all_clients", "max"), p(b, "reconnect_storm", "all_clients", "max"))},
            {"ratio_p50", ratio(p(a, "reconnect_storm", "all_clients", "p50"), p(b, "reconnect_storm", "all_clients", "p50"))},
            {"ratio_per_client_p50",
             ratio(p(a, "reconnect_storm", "per_client", "p50"), p(b, "reconnect_storm", "per_client", "p50"))}}},
          {"vote_burst",
           {{"unit", "ms"},
            {"measures",
             "every tablet checks in, then casts a ballot at the same instant: first ballot written → last accepted "
             "(durable), each ballot written → its accepted, first ballot written → every tablet has every ballot's "
             "event (write_spread_ms: first to last ballot written, the load generator's share; event_frames_at_display: the frames that "
             "brought the ballots' events to the display, one per group commit; server_cpu_ms and load_generator_cpu_ms: CPU "
             "each used from the first ballot until every tablet had every ballot (until the last accepted for the baseline); "
             "server_rss_kb before the ballots and server_peak_rss_kb, the server's VmHWM reset then and read once the result "
             "is out); poll.close written → "
             "poll.published at the wall display and at each tablet. The baseline answers "
             "poll.cast with accepted alone (no event, no broadcast) and has no polls: no check-in, close or result"},
            {"room", a["vote_burst"]},
            {"baseline", b["vote_burst"]},
            {"ratio_secret_all_acknowledged", voteRatio(a["vote_burst"], b["vote_burst"], "secret", "all_acknowledged_ms")},
            {"ratio_secret_per_ballot_p50", voteRatio(a["vote_burst"], b["vote_burst"], "secret", "per_ballot", "p50")},
            {"ratio_named_all_acknowledged", voteRatio(a["vote_burst"], b["vote_burst"], "named", "all_acknowledged_ms")},
            {"ratio_named_per_ballot_p50", voteRatio(a["vote_burst"], b["vote_burst"], "named", "per_ballot", "p50")}}},
          {"document_distribution", docJson(docs)},
          {"login", {{"unit", "logins/s"}, {"room", a["login"]}, {"baseline", b["login"]}}}}},
        {"servers", {{"room", {{"exit_status", room.exitStatus}}}, {"baseline", {{"exit_status", base.exitStatus}}}}},
        {"problems", Json::array()},
    };
    if (!limitedBecause.empty()) r["config"]["limited_because"] = limitedBecause;
    for (const auto& q : room.problems) r["problems"].push_back("room-server: " + q);
    for (const auto& q : base.problems) r["problems"].push_back("baseline: " + q);
    for (const auto& q : docs.problems) r["problems"].push_back(q);
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
    DocScenario docs;
    docs.pdf = makeBenchPdf(static_cast<std::int64_t>(o.docMb) * 1000000);
    docs.id = sha256Hex(docs.pdf);
    docs.clientsAsked = o.docClients;
    // The room server serves HTTP on its one libwebsockets service thread: one nginx worker is the
    // like-for-like comparison (README, "Document distribution").
    docs.nginxWorkers = 1;
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
            room = runTarget("room-server", *server, meeting, o, true, &docs);
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
            base = runTarget("baseline", *server, meeting, o, false, nullptr);
            base.exitStatus = server->terminate();
            if (base.exitStatus != 0) base.problems.push_back("the baseline exited with " + std::to_string(base.exitStatus));
        }
    }
    nginxDistribution(o, work, dataDir / "tls", docs);
    std::filesystem::remove_all(work);

    const Json results = resultsJson(machine, o, requested, limitedBecause, room, base, docs);
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
