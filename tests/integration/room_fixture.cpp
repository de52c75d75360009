#include "tests/integration/room_fixture.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <mutex>
#include <sstream>

#include "shared/pdf/pdf_compose.h"

namespace room::itest {

namespace {

std::string binary() {
    const char* b = std::getenv("ROOM_SERVER_BIN");
    REQUIRE_MESSAGE(b != nullptr, "ROOM_SERVER_BIN is not set");
    return b;
}

Json participant(const char* id, const char* name, const char* role, const char* seat, bool member) {
    return Json{{"id", id}, {"full_name", name}, {"role", role}, {"seat", seat}, {"member", member},
                {"position", "Thành viên"}, {"pin", kPins.at(id)}};
}

Json testMeeting() {
    Json participants = Json::array({
        participant("chair", "Nguyễn Văn Chủ", "chair", "A01", true),
        participant("secretary", "Trần Thị Thư", "secretary", "C01", false),
        participant("d1", "Lê Văn Một", "delegate", "B01", true),
        participant("d2", "Phạm Thị Hai", "delegate", "B02", true),
        participant("d3", "Hoàng Văn Ba", "delegate", "B03", true),
        participant("d4", "Vũ Thị Bốn", "delegate", "B04", true),
        participant("d5", "Đặng Văn Năm", "delegate", "B05", true),
        participant("guest", "Khách Mời", "guest", "D01", false),
        participant("display", "Màn hình chính", "display", "", false),
        participant("admin", "Quản trị", "admin", "", false),
    });
    Json agenda = Json::array({
        {{"id", "1"}, {"title", "Khai mạc"}, {"planned_minutes", 5}},
        {{"id", "2"}, {"title", "Báo cáo kinh tế - xã hội"}, {"planned_minutes", 30}},
        {{"id", "2.1"}, {"parent", "2"}, {"title", "Thảo luận"}, {"planned_minutes", 20}},
        {{"id", "3"}, {"title", "Dự toán ngân sách"}, {"planned_minutes", 20}},
        {{"id", "4"}, {"title", "Bế mạc"}, {"planned_minutes", 5}},
    });
    Json meeting{{"id", "test-meeting"}, {"title", "Phiên họp thử nghiệm"}, {"organization", "UBND tỉnh"},
                 {"place", "Phòng họp số 1"}, {"default_speaking_seconds", 120}};
    Json documents = Json::array({
        {{"file", "bao-cao.pdf"}, {"title", "Báo cáo tình hình kinh tế - xã hội"}, {"item", "2"}},
        {{"file", "mat.pdf"}, {"title", "Tài liệu mật"}, {"audience", "confidential"}, {"listed", {"d1"}}},
    });
    return Json{{"format", "phonghop.meeting/1"}, {"meeting", meeting}, {"participants", participants},
                {"agenda", agenda}, {"documents", documents}};
}

std::filesystem::path frameLogPath() {
    const char* p = std::getenv("ROOM_FRAME_LOG");
    return p ? std::filesystem::path(p) : std::filesystem::path();
}

} // namespace

void FrameLog::record(const char* dir, const Json& frame) {
    static std::mutex mutex;
    static const auto path = frameLogPath();
    static bool started = false;
    if (path.empty()) return;
    std::lock_guard lock(mutex);
    // Each test program writes its own log, started afresh on every run.
    std::ofstream out(path, started ? std::ios::app : std::ios::trunc);
    started = true;
    out << Json{{"dir", dir}, {"frame", frame}}.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

Json demoMeeting() {
    // The source tree: ROOM_SOURCE_DIR (set by ctest), else where this file was compiled from.
    std::filesystem::path root;
    if (const char* d = std::getenv("ROOM_SOURCE_DIR")) root = d;
    else root = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
    const auto file = root / "assets" / "demo" / "meeting.json";
    std::ifstream in(file);
    REQUIRE_MESSAGE(in.good(), "cannot read " << file.string());
    Json meeting = Json::parse(in);
    for (auto& p : meeting.at("participants")) p["pin"] = demoPin(p.at("id").get<std::string>());
    meeting.erase("documents");
    return meeting;
}

std::string demoPin(const std::string& participant) {
    std::uint32_t h = 2166136261u; // FNV-1a: the same PIN for the same id, every run
    for (unsigned char ch : participant) h = (h ^ ch) * 16777619u;
    return "8" + std::to_string(10000 + h % 90000);
}

std::vector<std::string> votingMembers(const Json& meeting) {
    std::vector<std::string> out;
    const Json& participants = meeting.at("participants");
    for (std::size_t i = 0; i < participants.size(); ++i) {
        const Json& p = participants.at(i);
        const std::string role = p.at("role");
        const bool member = p.contains("member") ? p.at("member").get<bool>() : (role == "chair" || role == "delegate");
        if (member) out.push_back(p.at("id"));
    }
    return out;
}

std::string makePdf(const std::string& title, int pages, const std::string& password) {
    pdf::ComposeOptions opt;
    opt.title = title;
    opt.userPassword = password;
    opt.resourceDir = "/usr/share/fonts/truetype/dejavu";
    opt.css = "@font-face { font-family: 'DejaVu Serif'; src: url('DejaVuSerif.ttf'); } "
              "body, p, h1 { font-family: 'DejaVu Serif'; }";
    std::vector<pdf::Block> blocks;
    for (int i = 1; i <= pages; ++i) {
        if (i > 1) blocks.push_back(pdf::PageBreak{});
        blocks.push_back(pdf::Html{"<h1>" + title + "</h1><p>Trang " + std::to_string(i) +
                                   ": nội dung tài liệu họp, có đủ dấu tiếng Việt — ệ ữ ằ ố.</p>"});
    }
    auto bytes = pdf::composePdf(blocks, opt);
    REQUIRE_MESSAGE(bytes.ok(), (bytes.ok() ? "" : bytes.error().message));
    return *bytes;
}

// ---- Client -------------------------------------------------------------------------------------

Client::Client(int port, std::string fingerprint) : m_port(port), m_fingerprint(std::move(fingerprint)) {}

bool Client::connect() {
    std::string err;
    const bool ok = m_ws.connect("127.0.0.1", m_port, m_fingerprint, 5s, &err);
    if (!ok) MESSAGE("connect failed: " << err);
    return ok;
}

std::optional<Json> Client::next(std::chrono::milliseconds timeout) {
    auto f = m_ws.receive(timeout);
    if (f) FrameLog::record("out", *f);
    return f;
}

bool Client::fold(const Json& f) {
    const auto type = f.value("type", "");
    if (type == "snapshot") {
        m_replica = stateFromJson(f.at("state"));
        m_lastSeq = f.at("seq").get<Seq>();
        m_headHash = f.value("head_hash", "");
        m_replica.seq = m_lastSeq;
        return true;
    }
    if (type == "events") {
        for (const auto& ej : f.at("events")) {
            Event e = eventFromJson(ej);
            CHECK_MESSAGE(e.seq > m_lastSeq, "events arrive in order without repeats");
            apply(m_replica, e);
            m_events.push_back(e);
        }
        m_lastSeq = f.at("head").get<Seq>();
        m_headHash = f.value("head_hash", "");
        m_replica.seq = m_lastSeq;
        return true;
    }
    if (type == "welcome") m_session = f.at("session").get<std::string>();
    return false;
}

std::optional<Json> Client::login(const std::string& participant, std::optional<std::string> pin, std::optional<Seq> lastSeq) {
    // (Not pin.value_or(kPins.at(…)): that would look the PIN up even when one is given.)
    Json msg{{"v", 1}, {"type", "login"}, {"participant", participant}, {"pin", pin ? *pin : kPins.at(participant)}};
    if (lastSeq) msg["last_seq"] = *lastSeq;
    m_ws.send(msg);
    auto welcome = next(10s);
    if (!welcome || welcome->value("type", "") != "welcome") return std::nullopt;
    fold(*welcome);
    auto state = next(5s);
    if (!state || !fold(*state)) return std::nullopt;
    return welcome;
}

Json Client::loginRaw(const std::string& participant, const std::string& pin) {
    Json msg{{"v", 1}, {"type", "login"}, {"participant", participant}, {"pin", pin}};
    m_ws.send(msg);
    auto f = next(10s);
    return f ? *f : Json();
}

Json Client::hello(const std::string& session, Seq lastSeq) {
    Json msg{{"v", 1}, {"type", "hello"}, {"session", session}, {"last_seq", lastSeq}};
    m_ws.send(msg);
    auto f = next(5s);
    if (!f) return Json();
    if (f->value("type", "") == "welcome") {
        fold(*f);
        if (auto s = next(5s)) fold(*s);
    }
    return *f;
}

Json Client::command(const std::string& type, Json args, std::string id) {
    if (id.empty()) id = m_idPrefix + "c" + std::to_string(++m_nextId) + "-" + type;
    Json msg{{"v", 1}, {"type", "command"}, {"id", id}, {"command", type}, {"args", args}};
    if (!m_ws.send(msg)) return Json();
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
        auto f = next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
        if (!f) break;
        if (fold(*f)) continue;
        const auto t = f->value("type", "");
        if ((t == "accepted" || t == "rejected") && f->value("id", "") == id) {
            // Events are fanned out before the answer, so the replica already holds the effect.
            return *f;
        }
    }
    return Json();
}

std::string Client::sendCommand(const std::string& type, Json args, std::string id) {
    if (id.empty()) id = m_idPrefix + "c" + std::to_string(++m_nextId) + "-" + type;
    m_ws.send(Json{{"v", 1}, {"type", "command"}, {"id", id}, {"command", type}, {"args", std::move(args)}});
    return id;
}

Json Client::awaitAnswer(const std::string& id, std::chrono::milliseconds timeout) {
    if (auto it = m_answers.find(id); it != m_answers.end()) {
        Json a = std::move(it->second);
        m_answers.erase(it);
        return a;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto f = next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
        if (!f) break;
        if (fold(*f)) continue;
        const auto type = f->find("type");
        if (type == f->end() || (*type != "accepted" && *type != "rejected")) continue;
        const auto idIt = f->find("id");
        if (idIt == f->end() || !idIt->is_string()) continue;
        if (*idIt == id) return *f;
        m_answers[idIt->get<std::string>()] = *f;
    }
    return Json();
}

std::optional<Json> Client::sendRaw(std::string_view text, std::chrono::milliseconds timeout) {
    if (!m_ws.sendText(text)) return std::nullopt;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto f = next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
        if (!f) return std::nullopt;
        if (!fold(*f)) return f;
    }
    return std::nullopt;
}

bool Client::waitForSeq(Seq seq, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_lastSeq < seq && std::chrono::steady_clock::now() < deadline) {
        auto f = next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
        if (!f) break;
        fold(*f);
    }
    return m_lastSeq >= seq;
}

void Client::pump(std::chrono::milliseconds timeout) {
    while (auto f = next(timeout)) fold(*f);
}

// ---- TestRoom -----------------------------------------------------------------------------------

std::string TestRoom::readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int runShell(const std::string& cmd, std::string* output) {
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int status = pclose(p);
    if (output) *output = out;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int TestRoom::runCli(const std::vector<std::string>& args, std::string* output) {
    std::string cmd = binary();
    for (const auto& a : args) cmd += " '" + a + "'";
    return runShell(cmd, output);
}

std::unique_ptr<TestRoom> TestRoom::createWith(const std::string& name, const Json& meeting,
                                               std::vector<std::string> extraArgs) {
    auto room = std::make_unique<TestRoom>();
    room->m_extraArgs = std::move(extraArgs);
    room->m_dir = testing::makeTempDir("room-itest-" + name);
    std::filesystem::create_directories(room->packageDir());
    std::ofstream(room->packageDir() / "meeting.json") << meeting.dump(2);
    std::string out;
    const int rc = runCli({"import", room->packageDir().string(), "--data-dir", room->dataDir().string()}, &out);
    REQUIRE_MESSAGE(rc == 0, out);
    room->start();
    return room;
}

std::unique_ptr<TestRoom> TestRoom::create(const std::string& name, std::vector<std::string> extraArgs) {
    auto room = std::make_unique<TestRoom>();
    room->m_extraArgs = std::move(extraArgs);
    room->m_dir = testing::makeTempDir("room-itest-" + name);
    std::filesystem::create_directories(room->packageDir());
    {
        std::ofstream(room->packageDir() / "meeting.json") << testMeeting().dump(2);
        std::ofstream(room->packageDir() / "bao-cao.pdf", std::ios::binary) << makePdf("Báo cáo tình hình kinh tế - xã hội", 6);
        std::ofstream(room->packageDir() / "mat.pdf", std::ios::binary) << makePdf("Tài liệu mật", 2);
    }
    std::string out;
    const int rc = runCli({"import", room->packageDir().string(), "--data-dir", room->dataDir().string()}, &out);
    REQUIRE_MESSAGE(rc == 0, out);
    room->start();
    return room;
}

TestRoom::~TestRoom() {
    if (m_server) m_server->terminate(10s);
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
}

void TestRoom::start() {
    std::string err;
    std::vector<std::string> args{"--data-dir", dataDir().string(), "--listen", "127.0.0.1:0"};
    args.insert(args.end(), m_extraArgs.begin(), m_extraArgs.end());
    m_server = testing::ServerProcess::start(binary(), args, 20s, &err);
    REQUIRE_MESSAGE(m_server != nullptr, err);
    m_fingerprint = m_server->fingerprint();
}

int TestRoom::terminate() {
    const int rc = m_server->terminate(20s);
    m_server.reset();
    return rc;
}

void TestRoom::kill9() {
    m_server->kill9();
    m_server.reset();
}

std::unique_ptr<Client> TestRoom::client() {
    auto c = std::make_unique<Client>(port(), m_fingerprint);
    REQUIRE(c->connect());
    return c;
}

std::unique_ptr<Client> TestRoom::loggedIn(const std::string& participant) {
    auto c = client();
    REQUIRE_MESSAGE(c->login(participant).has_value(), "login of " << participant);
    return c;
}

std::unique_ptr<Client> TestRoom::loggedIn(const std::string& participant, const std::string& pin) {
    auto c = client();
    REQUIRE_MESSAGE(c->login(participant, pin).has_value(), "login of " << participant);
    return c;
}

std::unique_ptr<Client> TestRoom::resumed(const std::string& session) {
    auto c = client();
    static int resumes = 0;
    c->setIdPrefix("r" + std::to_string(++resumes) + "-"); // its session's earlier connections used "c1-…"
    const Json welcome = c->hello(session, 0);
    REQUIRE_MESSAGE((welcome.is_object() && welcome.contains("session")), "resuming a session: " << welcome.dump());
    return c;
}

std::optional<testing::HttpResponse> TestRoom::http(const std::string& method, const std::string& target,
                                                    std::map<std::string, std::string> headers, std::string body) {
    std::string err;
    auto r = testing::httpsRequest("127.0.0.1", port(), m_fingerprint, method, target, std::move(headers), std::move(body), 30s, &err);
    if (!r) MESSAGE("http failed: " << err);
    return r;
}

Seq TestRoom::head() {
    auto r = http("GET", "/healthz");
    REQUIRE(r.has_value());
    REQUIRE(r->status == 200);
    return Json::parse(r->body).at("seq").get<Seq>();
}

} // namespace room::itest
