// room-server: the meeting room's server and its administration commands.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "room-server/src/app/config.h"
#include "room-server/src/app/package.h"
#include "room-server/src/app/result_record.h"
#include "room-server/src/core/log.h"
#include "room-server/src/core/room_service.h"
#include "room-server/src/docstore/document_store.h"
#include "room-server/src/storage/database.h"
#include "room-server/src/storage/verify_log.h"
#include "shared/crypto/hash.h"
#include "shared/crypto/pin_hash.h"
#include "shared/crypto/tls_identity.h"
#include "shared/protocol/protocol.h"

#ifndef ROOM_SERVER_VERSION
#define ROOM_SERVER_VERSION "0.0.0"
#endif

namespace {

using namespace room;

TimeMs nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// Start-up failures end the process with a message; main() catches once.
struct Fatal : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <class T>
T need(Result<T> r) {
    if (!r) throw Fatal(r.error().message);
    return std::move(r).value();
}
void need(Status s) {
    if (!s) throw Fatal(s.error().message);
}

/// One writer per data directory: the server and the commands that write hold this lock.
class DataDirLock {
public:
    explicit DataDirLock(const std::filesystem::path& dataDir) {
        std::error_code ec;
        std::filesystem::create_directories(dataDir, ec);
        if (ec) throw Fatal("data_dir: cannot create " + dataDir.string() + ": " + ec.message());
        const auto file = dataDir / "room.lock";
        m_fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0) throw Fatal("data_dir: cannot open " + file.string());
        if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0)
            throw Fatal("data_dir: " + dataDir.string() + " is in use by a running room-server (stop it first, or use the HTTPS API)");
    }
    ~DataDirLock() { ::close(m_fd); }
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;

private:
    int m_fd = -1;
};

std::filesystem::path dbFile(const std::filesystem::path& dataDir) { return dataDir / "room.sqlite"; }
std::filesystem::path docDir(const std::filesystem::path& dataDir) { return dataDir / "documents"; }

int serve(app::ServerConfig cfg) {
    need(app::finalizeConfig(cfg));
    log::Level level = log::Level::Info;
    log::parseLevel(cfg.logLevel, level);
    log::setLevel(level);
    DataDirLock lock(cfg.dataDir);

    std::vector<std::string> sans = cfg.subjectAltNames;
    sans.insert(sans.end(), {"localhost", "127.0.0.1"});
    if (cfg.host != "0.0.0.0" && cfg.host != "::" && cfg.host != "localhost" && cfg.host != "127.0.0.1") sans.push_back(cfg.host);
    std::filesystem::create_directories(cfg.certFile.parent_path());
    need(crypto::ensureSelfSignedCertificate(cfg.certFile, cfg.keyFile, cfg.serverName, sans));
    const auto fingerprint = need(crypto::certificateFingerprintSha256(cfg.certFile));

    auto db = need(storage::Database::open(dbFile(cfg.dataDir)));
    auto docs = need(storage::DocumentStore::open(docDir(cfg.dataDir)));
    const auto uploads = cfg.dataDir / "uploads";
    std::filesystem::create_directories(uploads);
    for (const auto& stale : std::filesystem::directory_iterator(uploads)) std::filesystem::remove(stale.path());

    // Signals are taken by sigwait() below; every thread started from here on inherits the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    transport::Transport net;
    core::ServiceOptions opt;
    opt.serverVersion = ROOM_SERVER_VERSION;
    opt.sessionTtlMs = static_cast<std::int64_t>(cfg.sessionHours) * 3600 * 1000;
    opt.loginTimeoutMs = static_cast<std::int64_t>(cfg.loginTimeoutSeconds) * 1000;
    opt.tlsCert = cfg.certFile;
    opt.tlsKey = cfg.keyFile;
    core::RoomService service(opt, *db, docs, net);
    need(service.start());

    transport::TransportConfig tc;
    tc.host = cfg.host;
    tc.port = cfg.port;
    tc.certFile = cfg.certFile;
    tc.keyFile = cfg.keyFile;
    tc.uploadDir = uploads;
    tc.maxFrameBytes = cfg.maxFrameBytes;
    tc.maxUploadBytes = cfg.maxUploadMb * 1024 * 1024;
    tc.maxMessagesPerSecond = cfg.messagesPerSecond;
    tc.maxConnections = cfg.maxConnections;
    if (auto st = net.start(tc, service); !st) {
        service.stop();
        throw Fatal("listen: " + st.error().message);
    }
    std::cout << "fingerprint SHA256 " << fingerprint << '\n'
              << "listening " << cfg.host << ':' << net.port() << '\n'
              << std::flush;
    log::info("started", {{"version", ROOM_SERVER_VERSION}, {"listen", cfg.host + ":" + std::to_string(net.port())},
                          {"data_dir", cfg.dataDir.string()}, {"fingerprint", fingerprint}});

    int sig = 0;
    sigwait(&signals, &sig);
    log::info("stopping", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
    service.drain();  // queued commands are committed and answered before connections close
    net.stop();
    service.stop();
    log::info("stopped");
    return 0;
}

int verifyLog(const std::filesystem::path& dataDir) {
    const auto file = dbFile(dataDir);
    if (!std::filesystem::exists(file)) throw Fatal("data_dir: no log at " + file.string());
    auto report = need(storage::verifyLog(file));
    if (report.ok) {
        std::cout << "ok: " << report.events << " events, chain intact, head " << report.headHash << '\n';
        return 0;
    }
    std::cout << "BROKEN at event " << report.firstBroken << ": " << report.reason << '\n';
    return 1;
}

struct Offline {
    std::unique_ptr<storage::Database> db;
    storage::DocumentStore docs;
    core::Engine engine;
    Offline(std::unique_ptr<storage::Database> d, storage::DocumentStore s)
        : db(std::move(d)), docs(std::move(s)), engine(*db, nowMs) {}
};

std::unique_ptr<Offline> openOffline(const std::filesystem::path& dataDir) {
    auto o = std::make_unique<Offline>(need(storage::Database::open(dbFile(dataDir))),
                                       need(storage::DocumentStore::open(docDir(dataDir))));
    need(o->engine.load());
    return o;
}

int importCommand(const std::filesystem::path& dataDir, const std::filesystem::path& package, std::filesystem::path pinsOut) {
    DataDirLock lock(dataDir);
    auto o = openOffline(dataDir);
    auto report = need(app::importPackage(package, o->engine, *o->db, o->docs));
    std::cout << "imported \"" << o->engine.state().meeting.title << "\": " << report.participants << " participants, "
              << report.items << " agenda items, " << report.documentsAdded << " documents added ("
              << report.documentsAlreadyPresent << " already present), " << report.pins.size() << " PINs issued\n";
    if (!report.pins.empty()) {
        if (pinsOut.empty()) pinsOut = dataDir / "pins.txt";
        need(app::writePinSlips(pinsOut, o->engine.state().meeting.title, report.pins));
        std::cout << "PIN slips written to " << pinsOut.string() << '\n';
    }
    return 0;
}

int verifyResultCommand(const std::filesystem::path& file, const std::string& fingerprint,
                        const std::filesystem::path& dataDir, bool withLog) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Fatal("cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    Json record = Json::parse(text.str(), nullptr, false);
    if (record.is_discarded()) throw Fatal(file.string() + " is not JSON");
    std::unique_ptr<storage::Database> db;
    if (withLog) {
        if (!std::filesystem::exists(dbFile(dataDir))) throw Fatal("data_dir: no log at " + dbFile(dataDir).string());
        db = need(storage::Database::openReadOnly(dbFile(dataDir)));
    }
    // "SHA256 AB:CD:…" as the server prints it, or just the hex pairs, in either case.
    std::string expected = fingerprint;
    if (expected.rfind("SHA256 ", 0) == 0 || expected.rfind("sha256 ", 0) == 0) expected = expected.substr(7);
    for (auto& ch : expected) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    auto report = app::verifyResultRecord(record, expected.empty() ? std::nullopt : std::optional<std::string>(expected),
                                          db.get());
    if (report.ok()) {
        std::cout << "valid: " << report.summary << '\n' << "signed by certificate SHA256 " << report.fingerprint << '\n';
        if (withLog) std::cout << "log: the closing event and " << report.ballotsCheckedAgainstLog << " ballots match the log\n";
        return 0;
    }
    std::cout << "INVALID\n";
    for (const auto& p : report.problems) std::cout << "  - " << p << '\n';
    return 1;
}

int resultCommand(const app::ServerConfig& cfg, const std::string& poll, const std::filesystem::path& out) {
    auto o = openOffline(cfg.dataDir);
    auto record = need(app::resultRecord(o->engine.state(), poll, *o->db, cfg.keyFile, cfg.certFile, nowMs()));
    const std::string text = record.dump(2) + "\n";
    if (out.empty()) {
        std::cout << text;
    } else {
        std::ofstream f(out, std::ios::binary | std::ios::trunc);
        f << text;
        if (!f.flush()) throw Fatal("cannot write " + out.string());
        std::cout << "wrote " << out.string() << '\n';
    }
    return 0;
}

int exportCommand(const std::filesystem::path& dataDir, const std::filesystem::path& out) {
    auto o = openOffline(dataDir);
    need(app::exportPackage(out, o->engine.state(), o->docs));
    std::cout << "exported to " << out.string() << '\n';
    return 0;
}

int setPinCommand(const std::filesystem::path& dataDir, const std::string& participant, std::string pin) {
    DataDirLock lock(dataDir);
    auto o = openOffline(dataDir);
    if (!o->engine.state().participant(participant)) throw Fatal("participant '" + participant + "' is not in the meeting");
    if (pin.empty()) pin = crypto::generatePin(6);
    if (!crypto::isValidPinFormat(pin)) throw Fatal("pin: must be 4-12 digits");
    need(o->db->setPinHash(participant, crypto::hashPin(pin)));
    need(o->db->resetLoginFailures(participant));
    need(o->db->deleteSessionsOf(participant)); // a new PIN ends the sessions made with the old one
    std::cout << participant << '\t' << pin << '\n';
    return 0;
}

int loginTokenCommand(const std::filesystem::path& dataDir, const std::string& participant, int minutes) {
    DataDirLock lock(dataDir);
    auto o = openOffline(dataDir);
    if (!o->engine.state().participant(participant)) throw Fatal("participant '" + participant + "' is not in the meeting");
    const auto token = crypto::randomHex(24);
    need(o->db->createLoginToken(crypto::sha256Hex(token), participant, nowMs() + static_cast<TimeMs>(minutes) * 60'000));
    std::cout << token << '\n';
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"room-server — the paperless meeting room's server (máy chủ phòng họp không giấy)"};
    cli.set_version_flag("--version", std::string(ROOM_SERVER_VERSION) + " (protocol " +
                                          std::to_string(protocol::kProtocolVersion) + ")");
    std::string configFile, listen, dataDir;
    cli.add_option("--config", configFile, "JSON configuration file")->check(CLI::ExistingFile);
    cli.add_option("--listen", listen, "HOST:PORT to serve on (overrides the config)");
    cli.add_option("--data-dir", dataDir, "data directory (overrides the config)");

    auto* verify = cli.add_subcommand("verify-log", "check the hash chain of the event log");
    auto* import = cli.add_subcommand("import", "import a meeting package (meeting.json + PDFs)");
    std::string package, pinsOut;
    import->add_option("package", package, "package folder")->required()->check(CLI::ExistingDirectory);
    import->add_option("--pins-out", pinsOut, "where to write the PIN slips (default <data-dir>/pins.txt)");
    auto* exportCmd = cli.add_subcommand("export", "export the meeting as a package");
    std::string exportDir;
    exportCmd->add_option("folder", exportDir, "new folder for the package")->required();
    auto* setPin = cli.add_subcommand("set-pin", "set (or generate) a participant's PIN and clear a lock-out");
    std::string participant, pin;
    setPin->add_option("participant", participant, "participant id")->required();
    setPin->add_option("--pin", pin, "the new PIN (default: a random 6-digit PIN)");
    auto* loginToken = cli.add_subcommand("login-token", "issue a one-time login code (for a QR code)");
    int minutes = 15;
    loginToken->add_option("participant", participant, "participant id")->required();
    loginToken->add_option("--minutes", minutes, "validity in minutes")->check(CLI::Range(1, 24 * 60));
    auto* verifyResult = cli.add_subcommand("verify-result", "check a signed poll result record");
    std::string resultFile, expectFingerprint;
    verifyResult->add_option("file", resultFile, "the record (JSON)")->required()->check(CLI::ExistingFile);
    verifyResult->add_option("--fingerprint", expectFingerprint, "require this server certificate (AB:CD:… as printed at start-up, with or without \"SHA256 \")");
    bool withLog = false;
    verifyResult->add_flag("--log", withLog, "also check every ballot against the event log in --data-dir");
    auto* resultCmd = cli.add_subcommand("result", "write the signed result record of a closed poll");
    std::string pollId, resultOut;
    resultCmd->add_option("poll", pollId, "poll id")->required();
    resultCmd->add_option("--out", resultOut, "file to write (default: standard output)");
    for (auto* sub : {verify, import, exportCmd, setPin, loginToken, verifyResult, resultCmd})
        sub->add_option("--data-dir", dataDir, "data directory");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }

    try {
        app::ServerConfig cfg;
        if (!configFile.empty()) cfg = need(app::loadConfig(configFile));
        if (!listen.empty()) {
            auto hp = need(app::parseListen(listen));
            cfg.host = hp.first;
            cfg.port = hp.second;
        }
        if (!dataDir.empty()) cfg.dataDir = dataDir;

        if (*verify) return verifyLog(cfg.dataDir);
        if (*import) return importCommand(cfg.dataDir, package, pinsOut);
        if (*exportCmd) return exportCommand(cfg.dataDir, exportDir);
        if (*setPin) return setPinCommand(cfg.dataDir, participant, pin);
        if (*loginToken) return loginTokenCommand(cfg.dataDir, participant, minutes);
        if (*verifyResult) return verifyResultCommand(resultFile, expectFingerprint, cfg.dataDir, withLog);
        if (*resultCmd) {
            need(app::finalizeConfig(cfg));
            return resultCommand(cfg, pollId, resultOut);
        }
        return serve(cfg);
    } catch (const Fatal& e) {
        std::cerr << "room-server: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "room-server: internal error: " << e.what() << '\n';
        return 3;
    }
}
