// A real room server on loopback with a test meeting, and protocol clients that keep a replica.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/event.h"
#include "tests/support/https_client.h"
#include "tests/support/server_process.h"
#include "tests/support/wss_client.h"

namespace room::itest {

using namespace std::chrono_literals;
using Json = nlohmann::json;

/// PINs of the test meeting (participants defined in room_fixture.cpp).
inline const std::map<std::string, std::string> kPins = {
    {"chair", "111111"}, {"secretary", "222222"}, {"d1", "300001"}, {"d2", "300002"}, {"d3", "300003"},
    {"d4", "300004"},    {"d5", "300005"},        {"guest", "400000"}, {"display", "500000"}, {"admin", "600000"}};

/// The answer to a command: accepted, or rejected with an error code.
inline bool accepted(const Json& answer) { return answer.value("type", "") == "accepted"; }
inline std::string code(const Json& answer) { return answer.value("code", ""); }

/// Writes every frame the server sends to test clients, for validation against the JSON Schemas.
/// (Client frames are validated by the sample corpus; tests here also send invalid ones on purpose.)
class FrameLog {
public:
    static void record(const char* dir, const Json& frame);
};

/// A logged-in (or not yet) protocol client: answers commands by id and folds the events it
/// receives into its own replica of the state, exactly as a tablet does.
class Client {
public:
    Client(int port, std::string fingerprint);

    bool connect();
    /// Logs in with the participant's PIN; returns the welcome (nullopt on any error frame).
    std::optional<Json> login(const std::string& participant, std::optional<std::string> pin = std::nullopt,
                              std::optional<Seq> lastSeq = std::nullopt);
    /// Sends a raw login and returns the first answer frame (welcome or error).
    Json loginRaw(const std::string& participant, const std::string& pin);
    /// Resumes with hello(session, last_seq); returns the welcome or the error frame.
    Json hello(const std::string& session, Seq lastSeq);
    /// Sends a command and returns its answer (accepted / rejected); frames before it are folded.
    Json command(const std::string& type, Json args = Json::object(), std::string id = {});
    /// Sends a command without waiting for its answer and returns its id, so that several clients
    /// (or several commands) can be in flight at once; collect the answer with awaitAnswer().
    std::string sendCommand(const std::string& type, Json args = Json::object(), std::string id = {});
    /// Folds frames until the answer (accepted / rejected) to command `id` arrives; answers to other
    /// commands that arrive meanwhile are kept for their own awaitAnswer(). Json() on timeout or when
    /// the connection has ended.
    Json awaitAnswer(const std::string& id, std::chrono::milliseconds timeout = 10s);
    /// Sends a raw frame and returns the next frame that is not an events frame.
    std::optional<Json> sendRaw(std::string_view text, std::chrono::milliseconds timeout = 5s);
    /// Folds frames until the replica has reached `seq` (or the deadline passes).
    bool waitForSeq(Seq seq, std::chrono::milliseconds timeout = 5s);
    /// Folds whatever has arrived within `timeout`.
    void pump(std::chrono::milliseconds timeout);

    /// Put before the ids command() and sendCommand() make up, e.g. so that a new connection of a
    /// session that already sent commands does not reuse their ids (the server would take a reused
    /// id for a retry and answer it as a duplicate).
    void setIdPrefix(std::string prefix) { m_idPrefix = std::move(prefix); }

    const State& replica() const { return m_replica; }
    Seq lastSeq() const { return m_lastSeq; }
    /// `head_hash` of the last snapshot or events frame folded: the chain hash of event lastSeq().
    const std::string& headHash() const { return m_headHash; }
    const std::string& session() const { return m_session; }
    std::vector<Event>& seenEvents() { return m_events; }
    testing::WssClient& ws() { return m_ws; }

private:
    /// Applies an events or snapshot frame to the replica; returns true if it was one.
    bool fold(const Json& frame);
    std::optional<Json> next(std::chrono::milliseconds timeout);

    int m_port;
    std::string m_fingerprint;
    testing::WssClient m_ws;
    State m_replica;
    Seq m_lastSeq = 0;
    std::string m_headHash;
    std::string m_session;
    std::vector<Event> m_events;
    std::map<std::string, Json> m_answers; ///< answers that arrived while awaiting another one
    int m_nextId = 0;
    std::string m_idPrefix;
};

/// A data directory with the test meeting imported, and the room server running on it.
class TestRoom {
public:
    /// Creates the data dir, generates the PDFs, imports the package and starts the server.
    static std::unique_ptr<TestRoom> create(const std::string& name, std::vector<std::string> extraArgs = {});
    /// As create(), with another meeting (a package of meeting.json only: its documents, if any,
    /// must be listed without files that are not there — use demoMeeting() for the demo meeting).
    static std::unique_ptr<TestRoom> createWith(const std::string& name, const Json& meeting,
                                                std::vector<std::string> extraArgs = {});
    ~TestRoom();

    void start();
    int terminate();  ///< SIGTERM; returns the exit status
    void kill9();
    std::unique_ptr<Client> client(); ///< connected, not logged in
    std::unique_ptr<Client> loggedIn(const std::string& participant);
    std::unique_ptr<Client> loggedIn(const std::string& participant, const std::string& pin);
    /// A new connection resuming `session` (hello with last_seq 0: its replica is rebuilt from the
    /// whole log, or from a snapshot), e.g. after the server was restarted.
    std::unique_ptr<Client> resumed(const std::string& session);
    std::optional<testing::HttpResponse> http(const std::string& method, const std::string& target,
                                              std::map<std::string, std::string> headers = {}, std::string body = {});
    Seq head(); ///< from /healthz
    /// Runs the room-server binary with arguments; returns exit status and captures output.
    static int runCli(const std::vector<std::string>& args, std::string* output = nullptr);

    const std::filesystem::path& dir() const { return m_dir; }
    std::filesystem::path dataDir() const { return m_dir / "data"; }
    std::filesystem::path packageDir() const { return m_dir / "package"; }
    int port() const { return m_server->port(); }
    const std::string& fingerprint() const { return m_fingerprint; }
    testing::ServerProcess& server() { return *m_server; }
    /// Bytes of the generated test PDFs, by file name.
    static std::string readFile(const std::filesystem::path& p);

private:
    std::filesystem::path m_dir;
    std::unique_ptr<testing::ServerProcess> m_server;
    std::string m_fingerprint;
    std::vector<std::string> m_extraArgs; ///< more server arguments, e.g. --config
};

/// The demo meeting (assets/demo/meeting.json: 27 participants, chair `ct`, secretary `tk`, display
/// `display-main`, admin `admin`) with a PIN for everyone (demoPin) and without its documents, so
/// that no PDFs have to be made.
Json demoMeeting();
/// The PIN demoMeeting() gives a participant.
std::string demoPin(const std::string& participant);
/// The voting members of a meeting package, in its order (chair and delegates unless `member` says
/// otherwise, as the import reads it).
std::vector<std::string> votingMembers(const Json& meeting);

/// Regular files under `dir` (0 when it does not exist): what an upload left in a store.
inline std::size_t filesUnder(const std::filesystem::path& dir) {
    std::size_t n = 0;
    if (!std::filesystem::exists(dir)) return 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file()) ++n;
    return n;
}

/// Runs a shell command; returns its exit status (-1 if it did not exit) and, in `output`, its
/// standard output and error.
int runShell(const std::string& cmd, std::string* output = nullptr);

/// A multi-page PDF with Vietnamese text, made with our MuPDF composer.
std::string makePdf(const std::string& title, int pages, const std::string& password = {});

} // namespace room::itest
