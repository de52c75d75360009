// Operating the server: health, metrics, SIGTERM, kill -9, configuration, log verification, packages.
#include <doctest/doctest.h>

#include <set>

#include "tests/integration/room_fixture.h"

using namespace room;
using namespace room::itest;


TEST_CASE("healthz and metrics answer over TLS; SIGTERM exits cleanly and the data stays") {
    auto room = TestRoom::create("health");
    auto h = room->http("GET", "/healthz");
    REQUIRE(h.has_value());
    CHECK(h->status == 200);
    auto health = Json::parse(h->body);
    CHECK(health.at("status") == "ok");
    CHECK(health.at("protocol_version") == 1);
    CHECK_FALSE(health.at("version").get<std::string>().empty());

    auto chair = room->loggedIn("chair");
    REQUIRE(accepted(chair->command("attendance.check_in")));
    auto m = room->http("GET", "/metrics");
    REQUIRE(m.has_value());
    CHECK(m->status == 200);
    for (const char* name : {"room_connections 1", "room_events ", "room_commit_seconds_bucket", "room_command_queue_depth"})
        CHECK_MESSAGE(m->body.find(name) != std::string::npos, name);
    CHECK(room->http("GET", "/no/such/thing")->status == 404);

    const Seq head = room->head();
    CHECK(room->terminate() == 0);
    room->start();
    CHECK(room->head() == head);
    // Sessions survive a restart: the chair resumes without logging in again.
    Client again(room->port(), room->fingerprint());
    REQUIRE(again.connect());
    CHECK(again.hello(chair->session(), chair->lastSeq()).value("type", "") == "welcome");
    CHECK(again.seenEvents().empty()); // nothing happened while the server was down
    CHECK(again.lastSeq() == head);
}

TEST_CASE("kill -9 during a burst: every acknowledged command is in the log, exactly once") {
    auto room = TestRoom::create("crash");
    auto chair = room->loggedIn("chair");
    auto secretary = room->loggedIn("secretary");
    std::map<std::string, Seq> acked; // command id → seq
    int sent = 0;
    bool killed = false;
    // Two clients pipeline announcements; after 150 acknowledgements the server is killed while
    // more are in flight. Whatever was acknowledged must survive.
    for (int round = 0; round < 400 && !killed; ++round) {
        for (auto* c : {chair.get(), secretary.get()}) {
            for (int k = 0; k < 5; ++k) {
                const std::string id = "burst-" + std::to_string(sent++);
                c->ws().send(Json{{"v", 1}, {"type", "command"}, {"id", id}, {"command", "announcement.make"},
                                  {"args", {{"text", "Thông báo số " + id}}}});
            }
        }
        for (auto* c : {chair.get(), secretary.get()}) {
            while (auto f = c->ws().receive(round % 3 == 0 ? 20ms : 0ms)) {
                if (f->value("type", "") == "accepted") acked[f->at("id").get<std::string>()] = f->at("seq").get<Seq>();
            }
        }
        if (acked.size() >= 150) {
            // One more volley, and the kill lands while it is being decided and committed.
            for (auto* c : {chair.get(), secretary.get()})
                for (int k = 0; k < 10; ++k) {
                    const std::string id = "burst-" + std::to_string(sent++);
                    c->ws().send(Json{{"v", 1}, {"type", "command"}, {"id", id}, {"command", "announcement.make"},
                                      {"args", {{"text", "Thông báo số " + id}}}});
                }
            room->kill9();
            killed = true;
        }
    }
    REQUIRE(killed);
    // Answers already on the wire before the kill count too.
    for (auto* c : {chair.get(), secretary.get()})
        while (auto f = c->ws().receive(200ms))
            if (f->value("type", "") == "accepted") acked[f->at("id").get<std::string>()] = f->at("seq").get<Seq>();
    MESSAGE("acknowledged " << acked.size() << " of " << sent << " commands before SIGKILL");

    std::string out;
    CHECK(TestRoom::runCli({"verify-log", "--data-dir", room->dataDir().string()}, &out) == 0);
    CHECK(out.find("ok") != std::string::npos);
    room->start();
    Client reader(room->port(), room->fingerprint());
    REQUIRE(reader.connect());
    REQUIRE(reader.login("display", std::nullopt, Seq{0}).has_value());
    std::map<Seq, std::string> texts;
    for (const auto& e : reader.seenEvents())
        if (e.type == "announcement.made") texts[e.seq] = e.payload.at("text").get<std::string>();
    std::set<std::string> seen;
    for (const auto& [seq, text] : texts) CHECK_MESSAGE(seen.insert(text).second, "applied twice: " << text);
    for (const auto& [id, seq] : acked) {
        INFO(id);
        REQUIRE(texts.count(seq) == 1);
        CHECK(texts[seq] == "Thông báo số " + id);
    }
}

TEST_CASE("a bad configuration stops start-up with a message naming the key") {
    const auto dir = testing::makeTempDir("room-config");
    auto write = [&](const std::string& text) {
        std::ofstream(dir / "config.json") << text;
        return (dir / "config.json").string();
    };
    struct Case {
        std::string config;
        std::string mustMention;
    };
    const std::vector<Case> cases = {
        {R"({"listen": "127.0.0.1:99999"})", "listen"},
        {R"({"lisen": "127.0.0.1:9443"})", "lisen"},
        {R"({"limits": {"max_frame_bytes": "big"}})", "limits.max_frame_bytes"},
        {R"({"limits": {"frames": 1}})", "limits.frames"},
        {R"({"tls": {"cert": "/nonexistent/cert.pem"}})", "tls"},
        {R"({"log_level": "chatty"})", "log_level"},
        {R"({"login_timeout_seconds": 1})", "login_timeout_seconds"},
        {R"({not json)", "JSON"},
    };
    for (const auto& c : cases) {
        std::string out;
        const int rc = TestRoom::runCli({"--config", write(c.config), "--data-dir", (dir / "data").string()}, &out);
        INFO(c.config << " → " << out);
        CHECK(rc == 2);
        CHECK(out.find(c.mustMention) != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(dir / "data" / "room.sqlite"));
    }
    std::string out;
    CHECK(TestRoom::runCli({"--listen", "nonsense", "--data-dir", (dir / "data").string()}, &out) == 2);
    CHECK(out.find("listen") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("verify-log names the first broken link; export and import carry a meeting elsewhere") {
    auto room = TestRoom::create("verify");
    auto chair = room->loggedIn("chair");
    REQUIRE(accepted(chair->command("attendance.check_in")));
    REQUIRE(accepted(chair->command("meeting.open")));
    REQUIRE(room->terminate() == 0);

    std::string out;
    REQUIRE(TestRoom::runCli({"verify-log", "--data-dir", room->dataDir().string()}, &out) == 0);

    // Export → import into a fresh data directory gives the same meeting and documents.
    const auto exported = room->dir() / "exported";
    REQUIRE(TestRoom::runCli({"export", exported.string(), "--data-dir", room->dataDir().string()}, &out) == 0);
    const auto other = room->dir() / "other-data";
    REQUIRE_MESSAGE(TestRoom::runCli({"import", exported.string(), "--data-dir", other.string()}, &out) == 0, out);
    CHECK(out.find("2 documents added") != std::string::npos);

    // A package with a corrupt PDF is refused, naming the file, and nothing is stored.
    const auto bad = room->dir() / "bad-package";
    std::filesystem::create_directories(bad);
    std::filesystem::copy_file(room->packageDir() / "meeting.json", bad / "meeting.json");
    std::ofstream(bad / "bao-cao.pdf") << "%PDF-1.7 garbage";
    std::filesystem::copy_file(room->packageDir() / "mat.pdf", bad / "mat.pdf");
    const auto badData = room->dir() / "bad-data";
    CHECK(TestRoom::runCli({"import", bad.string(), "--data-dir", badData.string()}, &out) == 2);
    CHECK(out.find("bao-cao.pdf") != std::string::npos);
    std::string verifyOut;
    TestRoom::runCli({"verify-log", "--data-dir", badData.string()}, &verifyOut);
    CHECK(verifyOut.find("ok: 0 events") != std::string::npos);

    // Tamper with one stored event: verify-log reports exactly that link.
    const auto db = room->dataDir() / "room.sqlite";
    const std::string sql = "sqlite3 '" + db.string() + "' \"UPDATE events SET payload = replace(payload, 'chair', 'd1') WHERE seq = 4\"";
    REQUIRE(std::system(sql.c_str()) == 0);
    CHECK(TestRoom::runCli({"verify-log", "--data-dir", room->dataDir().string()}, &out) == 1);
    CHECK(out.find("event 4") != std::string::npos);

    // The data directory has one writer: a second server on it refuses to start.
    room->start();
    CHECK(TestRoom::runCli({"--data-dir", room->dataDir().string(), "--listen", "127.0.0.1:0"}, &out) == 2);
    CHECK(out.find("in use") != std::string::npos);
}

TEST_CASE("an expired session is refused for reconnects and downloads") {
    auto room = TestRoom::create("expired");
    auto d1 = room->loggedIn("d1");
    const std::string session = d1->session();
    const auto doc = d1->replica().documents.begin()->first;
    CHECK(room->http("GET", "/documents/" + doc, {{"authorization", "Bearer " + session}})->status == 200);
    d1.reset();
    REQUIRE(room->terminate() == 0);
    // Age the session in the database as the clock would, then bring the server back.
    const auto db = room->dataDir() / "room.sqlite";
    const std::string sql = "sqlite3 '" + db.string() + "' \"UPDATE sessions SET expires_at = 1 WHERE participant = 'd1'\"";
    REQUIRE(std::system(sql.c_str()) == 0);
    room->start();
    Client again(room->port(), room->fingerprint());
    REQUIRE(again.connect());
    auto refused = again.hello(session, 0);
    CHECK(refused.value("type", "") == "error");
    CHECK(refused.value("code", "") == "unauthenticated");
    CHECK(room->http("GET", "/documents/" + doc, {{"authorization", "Bearer " + session}})->status == 401);
    CHECK(again.login("d1").has_value()); // logging in again works
}

TEST_CASE("a connection that does not log in in time is closed; logged-in ones stay") {
    const auto configDir = testing::makeTempDir("room-login-timeout");
    std::ofstream(configDir / "config.json") << R"({"login_timeout_seconds": 2})";
    auto room = TestRoom::create("login-timeout", {"--config", (configDir / "config.json").string()});
    auto idle = room->client();
    auto d1 = room->loggedIn("d1");
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    std::optional<Json> notice;
    while (idle->ws().isOpen() && std::chrono::steady_clock::now() < deadline)
        if (auto f = idle->ws().receive(200ms)) notice = f;
    CHECK_FALSE(idle->ws().isOpen());
    CHECK(idle->ws().closeCode() == 1008);
    REQUIRE(notice.has_value());
    CHECK(notice->value("code", "") == "unauthenticated");
    // The logged-in connection is still served.
    CHECK(d1->sendRaw(R"({"v":1,"type":"ping"})")->value("type", "") == "pong");
    std::filesystem::remove_all(configDir);
}
