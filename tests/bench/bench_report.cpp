// Numbers for the benchmark report: percentiles, the machine, process memory, and the markdown table.
#include "tests/bench/bench_report.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

namespace room::bench {

using Json = nlohmann::json;

namespace {

double nearestRank(const std::vector<double>& sorted, double q) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

/// The value of a "Key: value" line in a /proc file, or "".
std::string procField(const std::string& file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) {
            const auto colon = line.find(':');
            if (colon == std::string::npos) continue;
            const auto start = line.find_first_not_of(" \t", colon + 1);
            return start == std::string::npos ? std::string() : line.substr(start);
        }
    }
    return {};
}

std::string fixed(const Json& v, int decimals = 1) {
    if (!v.is_number()) return "–";
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(decimals);
    s << v.get<double>();
    return s.str();
}

std::string triple(const Json& d) {
    if (!d.is_object() || d.value("count", 0) == 0) return "–";
    return fixed(d["p50"]) + " / " + fixed(d["p99"]) + " / " + fixed(d["max"]);
}

std::string ratioText(const Json& r) { return r.is_number() ? fixed(r, 2) + "×" : "–"; }

/// j[key], or null when j is not an object or has no such key (const operator[] would not check).
const Json& field(const Json& j, const std::string& key) {
    static const Json none;
    if (!j.is_object()) return none;
    auto it = j.find(key);
    return it == j.end() ? none : *it;
}

/// The vote burst's rows: check-in, then per poll the ballots and the result at the display.
void voteRows(std::ostringstream& o, const Json& v) {
    const Json& room = field(v, "room");
    const Json& base = field(v, "baseline");
    o << "| vote burst: N check-ins at once, until all accepted | ms | "
      << fixed(field(field(room, "check_in"), "all_ms")) << " | – | | |\n";
    for (const std::string kind : {"secret", "named"}) {
        const Json& a = field(room, kind);
        const Json& b = field(base, kind);
        if (a.is_null() && b.is_null()) continue;
        const std::string label = "vote burst, " + kind + " poll";
        o << "| " << label << ": N ballots at once, until all acknowledged (durable) | ms | "
          << fixed(field(a, "all_acknowledged_ms")) << " | " << fixed(field(b, "all_acknowledged_ms")) << " | "
          << ratioText(field(v, "ratio_" + kind + "_all_acknowledged")) << " | |\n";
        o << "| " << label << ": ballots durable per second (N / the above) | ballots/s | "
          << fixed(field(a, "ballots_per_second")) << " | " << fixed(field(b, "ballots_per_second")) << " | | |\n";
        o << "| " << label << ": per ballot, sent → accepted | p50 / p99 / max ms | " << triple(field(a, "per_ballot"))
          << " | " << triple(field(b, "per_ballot")) << " | p50 " << ratioText(field(v, "ratio_" + kind + "_per_ballot_p50"))
          << " | |\n";
        o << "| " << label << ": until every tablet has every ballot's event | ms | " << fixed(field(a, "all_seen_ms"))
          << " | – | | |\n";
        o << "| " << label << ": frames that brought the ballots to the display (one per group commit) | frames | "
          << fixed(field(a, "event_frames_at_display"), 0) << " | – | | |\n";
        o << "| " << label << ": CPU used by server / load generator, ballots until all seen | ms | "
          << fixed(field(a, "server_cpu_ms"), 0) << " / " << fixed(field(a, "load_generator_cpu_ms"), 0) << " | "
          << fixed(field(b, "server_cpu_ms"), 0) << " / " << fixed(field(b, "load_generator_cpu_ms"), 0) << " | | |\n";
        const auto mb = [](const Json& kb) { return kb.is_number() ? Json(kb.get<double>() / 1024) : Json(nullptr); };
        o << "| " << label << ": server RSS before the ballots → peak until the result | MB | "
          << fixed(mb(field(a, "server_rss_kb"))) << " → " << fixed(mb(field(a, "server_peak_rss_kb"))) << " | "
          << fixed(mb(field(b, "server_rss_kb"))) << " → " << fixed(mb(field(b, "server_peak_rss_kb"))) << " | | |\n";
        o << "| " << label << ": close → the chair's accepted (the close durable, its frames queued) | ms | "
          << fixed(field(a, "close_accepted_ms")) << " | – | | |\n";
        o << "| " << label << ": close → result at the wall display | ms | " << fixed(field(a, "close_to_display_ms"))
          << " | – | | |\n";
        o << "| " << label << ": close → result on each tablet | p50 / p99 / max ms | "
          << triple(field(a, "close_to_tablets")) << " | – | | |\n";
    }
}

/// What the display was shown, checked against the ballots cast.
void voteNotes(std::ostringstream& o, const Json& v) {
    o << "\nVote burst: the baseline answers `poll.cast` with `accepted` alone (no event, no broadcast), the "
         "transport's request/response floor; the room server also decides each ballot, commits it (group commit, "
         "fsync) and sends its event to every tablet. Check-in and close → result have no baseline counterpart: the "
         "baseline has no polls, and the fan-out rows are the floor of a result reaching the room.\n";
    for (const std::string kind : {"secret", "named"}) {
        const Json& a = field(field(v, "room"), kind);
        const Json& p = field(a, "published");
        if (!p.is_object()) continue;
        const Json& verified = field(a, "verified");
        o << "Published at the display (" << kind << " poll): " << p.value("ballots", 0) << " ballots, "
          << p.value("yes", 0) << " yes, " << p.value("no", 0) << " no, " << p.value("abstentions", 0)
          << " abstentions, outcome `" << p.value("outcome", "?") << "` — "
          << (verified.is_boolean() && verified.get<bool>() ? "as cast" : "NOT as cast") << ".\n";
    }
}

std::string text(const Json& v) { return v.is_string() && !v.get<std::string>().empty() ? v.get<std::string>() : "–"; }

/// The document distribution's rows: the room server beside nginx serving the same file.
void docRows(std::ostringstream& o, const Json& d) {
    const Json& room = field(d, "room");
    const Json& nginx = field(d, "nginx");
    const Json& doc = field(d, "document");
    const Json& clients = field(room, "clients").is_number() ? field(room, "clients") : field(nginx, "clients");
    const Json& bytes = field(doc, "bytes");
    const std::string label = "document distribution (" + fixed(clients, 0) + " × " +
                              fixed(bytes.is_number() ? Json(bytes.get<double>() / 1e6) : Json(nullptr)) + " MB PDF, baseline nginx)";
    o << "| " << label << ": all download at once, first request → last byte | ms | " << fixed(field(room, "all_ms"))
      << " | " << fixed(field(nginx, "all_ms")) << " | " << ratioText(field(d, "ratio_all_ms")) << " | |\n";
    o << "| " << label << ": aggregate throughput (all bytes / that time) | MB/s | " << fixed(field(room, "mb_per_second"))
      << " | " << fixed(field(nginx, "mb_per_second")) << " | " << ratioText(field(d, "ratio_mb_per_second"))
      << " | ≥ 0.8× nginx |\n";
    o << "| " << label << ": per client, request → last byte | p50 / p99 / max ms | " << triple(field(room, "per_client"))
      << " | " << triple(field(nginx, "per_client")) << " | p50 " << ratioText(field(d, "ratio_per_client_p50")) << " | |\n";
    o << "| " << label << ": per client, request → first byte | p50 / p99 / max ms | " << triple(field(room, "first_byte"))
      << " | " << triple(field(nginx, "first_byte")) << " | | |\n";
    o << "| " << label << ": TLS handshakes of all clients, before the requests | ms | "
      << fixed(field(room, "handshakes_ms")) << " | " << fixed(field(nginx, "handshakes_ms")) << " | | |\n";
    o << "| " << label << ": CPU used by server / load generator | ms | " << fixed(field(room, "server_cpu_ms"), 0) << " / "
      << fixed(field(room, "load_generator_cpu_ms"), 0) << " | " << fixed(field(nginx, "server_cpu_ms"), 0) << " / "
      << fixed(field(nginx, "load_generator_cpu_ms"), 0) << " | | |\n";
}

/// The document, the checks of every download and the nginx set-up.
void docNotes(std::ostringstream& o, const Json& d) {
    const Json& doc = field(d, "document");
    if (!doc.is_object()) return;
    const auto verified = [](const Json& run) {
        if (!run.is_object()) return std::string("did not run");
        return std::to_string(run.value("verified", 0)) + " of " + std::to_string(run.value("clients", 0)) + " verified";
    };
    o << "\nDocument distribution: a " << doc.value("bytes", 0) << "-byte PDF (" << doc.value("pages", 0)
      << " page, id `" << doc.value("id", "") << "`) uploaded by the secretary in " << fixed(field(doc, "upload_ms"))
      << " ms; every download's SHA-256 checked against the id: room-server " << verified(field(d, "room"))
      << ", nginx " << verified(field(d, "nginx")) << ". TLS: room-server " << text(field(field(d, "room"), "tls"))
      << ", nginx " << text(field(field(d, "nginx"), "tls")) << ".";
    if (field(d, "nginx_missing").is_string())
        o << " The nginx baseline is missing: " << field(d, "nginx_missing").get<std::string>() << ".";
    else
        o << " Baseline: " << d.value("nginx_version", "nginx") << ", worker_processes "
          << d.value("nginx_worker_processes", 1) << ", sendfile on, the room server's certificate and key.";
    o << "\n";
}

} // namespace

Distribution distribution(std::vector<double> samples) {
    Distribution d;
    if (samples.empty()) return d;
    std::sort(samples.begin(), samples.end());
    d.count = samples.size();
    d.p50 = nearestRank(samples, 0.50);
    d.p99 = nearestRank(samples, 0.99);
    d.max = samples.back();
    d.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
    return d;
}

Json toJson(const Distribution& d) {
    return Json{{"count", d.count}, {"p50", d.p50}, {"p99", d.p99}, {"max", d.max}, {"mean", d.mean}};
}

MachineInfo machineInfo() {
    MachineInfo m;
    m.cpuModel = procField("/proc/cpuinfo", "model name");
    m.cores = static_cast<int>(::sysconf(_SC_NPROCESSORS_ONLN));
    const std::string mem = procField("/proc/meminfo", "MemTotal");
    m.memoryKb = mem.empty() ? 0 : std::stoll(mem);
    utsname u{};
    if (::uname(&u) == 0) m.kernel = std::string(u.sysname) + " " + u.release + " " + u.machine;
    std::ifstream load("/proc/loadavg");
    std::string one, five, fifteen;
    if (load >> one >> five >> fifteen) m.loadAverage = one + " " + five + " " + fifteen;
    return m;
}

Json toJson(const MachineInfo& m) {
    return Json{{"cpu", m.cpuModel}, {"cores", m.cores}, {"memory_kb", m.memoryKb}, {"kernel", m.kernel}, {"load_average_at_start", m.loadAverage}};
}

std::int64_t residentKb(pid_t pid) {
    const std::string rss = procField("/proc/" + std::to_string(pid) + "/status", "VmRSS");
    return rss.empty() ? -1 : std::stoll(rss);
}

std::int64_t peakResidentKb(pid_t pid) {
    const std::string hwm = procField("/proc/" + std::to_string(pid) + "/status", "VmHWM");
    return hwm.empty() ? -1 : std::stoll(hwm);
}

bool resetPeakResident(pid_t pid) {
    std::ofstream out("/proc/" + std::to_string(pid) + "/clear_refs");
    out << "5\n";
    out.flush();
    return static_cast<bool>(out);
}

double cpuMs(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    if (!std::getline(in, stat)) return -1;
    // Fields after the command name (which may hold spaces) start after the last ')'; utime and
    // stime are the 14th and 15th fields of the line, the 12th and 13th after it.
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(stat.substr(close + 1));
    std::string field;
    double ticks = 0;
    for (int i = 1; i <= 13 && rest >> field; ++i)
        if (i >= 12) ticks += std::stod(field);
    if (!rest) return -1;
    return ticks * 1000.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

Json ratio(double a, double b) { return b > 0 ? Json(a / b) : Json(nullptr); }

std::string markdownReport(const Json& r) {
    const Json& m = r["machine"];
    const Json& c = r["config"];
    const Json& s = r["scenarios"];
    std::ostringstream o;
    o << "## room-server benchmark\n\n"
      << "Machine: " << m.value("cpu", "?") << ", " << m.value("cores", 0) << " cores, "
      << m.value("memory_kb", 0) / 1024 << " MiB memory, " << m.value("kernel", "?") << "; load average at start "
      << m.value("load_average_at_start", "?") << ". Server and load generator share the machine.\n\n"
      << "N = " << c.value("clients", 0) << " tablets (asked for " << c.value("requested_clients", 0) << "), "
      << c.value("repeats", 0) << " fan-out repeats, " << c.value("storms", 0) << " reconnect storms, "
      << c.value("vote_rounds", 0) << (c.value("vote_rounds", 0) == 1 ? " poll" : " polls") << " in the vote burst; "
      << r.value("generated_at", "") << ".\n\n";
    if (c.contains("limited_because")) o << "N was lowered: " << c["limited_because"].get<std::string>() << "\n\n";
    o << "| scenario | measure | room-server | baseline | ratio | target |\n"
      << "|---|---|--:|--:|--:|---|\n";
    const Json& f = s["fanout"];
    o << "| fan-out: chair action until all N have it | p50 / p99 / max ms | " << triple(f["room"]["all_clients"])
      << " | " << triple(f["baseline"]["all_clients"]) << " | p99 " << ratioText(f["ratio_p99"])
      << " | p99 ≤ 1.5× baseline and < 50 ms |\n";
    o << "| fan-out: per tablet | p50 / p99 / max ms | " << triple(f["room"]["per_client"]) << " | "
      << triple(f["baseline"]["per_client"]) << " | p50 " << ratioText(f["ratio_per_client_p50"]) << " | |\n";
    const Json& mem = s["memory"];
    o << "| memory: server RSS idle → with N logged in | MB | " << fixed(mem["room"]["idle_kb"].get<double>() / 1024)
      << " → " << fixed(mem["room"]["loaded_kb"].get<double>() / 1024) << " | "
      << fixed(mem["baseline"]["idle_kb"].get<double>() / 1024) << " → "
      << fixed(mem["baseline"]["loaded_kb"].get<double>() / 1024) << " | | |\n";
    o << "| memory: per connection (growth from N/2 to N) | KB | " << fixed(mem["room"]["kb_per_connection"]) << " | "
      << fixed(mem["baseline"]["kb_per_connection"]) << " | " << ratioText(mem["ratio"]) << " | ≤ 64 KB |\n";
    o << "| memory: per connection incl. fixed costs ((all − idle) / (N + 2)) | KB | "
      << fixed(mem["room"]["kb_per_connection_with_fixed"]) << " | " << fixed(mem["baseline"]["kb_per_connection_with_fixed"])
      << " | | |\n";
    const Json& st = s["reconnect_storm"];
    o << "| reconnect storm: all N drop, until all hold the head's state hash | p50 / p99 / max ms per storm | "
      << triple(st["room"]["all_clients"]) << " | " << triple(st["baseline"]["all_clients"]) << " | max "
      << ratioText(st["ratio_max"]) << " | < 5000 ms |\n";
    o << "| reconnect storm: per tablet | p50 / p99 / max ms | " << triple(st["room"]["per_client"]) << " | "
      << triple(st["baseline"]["per_client"]) << " | p50 " << ratioText(st["ratio_per_client_p50"]) << " | |\n";
    if (s.contains("vote_burst")) voteRows(o, s["vote_burst"]);
    if (s.contains("document_distribution")) docRows(o, s["document_distribution"]);
    const Json& l = s["login"];
    o << "| login of N tablets (PIN, scrypt on the server) | logins/s | " << fixed(l["room"]["per_second"]) << " | "
      << fixed(l["baseline"]["per_second"]) << " | | (not a target) |\n";
    if (s.contains("vote_burst")) voteNotes(o, s["vote_burst"]);
    if (s.contains("document_distribution")) docNotes(o, s["document_distribution"]);
    if (r.contains("problems") && !r["problems"].empty()) {
        o << "\nProblems during the run:\n\n";
        for (const auto& p : r["problems"]) o << "- " << p.get<std::string>() << '\n';
    }
    return o.str();
}

} // namespace room::bench
