// Voting (biểu quyết) over real TLS WebSockets: a roomful of tablets voting at once, the secrecy of
// a secret ballot on the wire and on disk, kill -9 in the middle of a vote, countdowns, bad input.
#include <doctest/doctest.h>

#include <cstdio>
#include <set>
#include <thread>

#include "shared/domain/poll.h"
#include "tests/integration/room_fixture.h"

using namespace room;
using namespace room::itest;

namespace {

using Clock = std::chrono::steady_clock;

TimeMs wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool isHex64(const Json& v) {
    if (!v.is_string()) return false;
    const auto s = v.get<std::string>();
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

/// One query through the sqlite3 shell (a WAL reader: fine while the server runs). No double quotes.
std::string sqlite(const std::filesystem::path& db, const std::string& query) {
    std::string out;
    const int rc = runShell("sqlite3 -batch -noheader '" + db.string() + "' \"" + query + "\"", &out);
    REQUIRE_MESSAGE(rc == 0, query << " → " << out);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

/// The raw bytes of the database file and its write-ahead log (when there is one).
std::string rawDatabaseBytes(const std::filesystem::path& dataDir) {
    std::string bytes = TestRoom::readFile(dataDir / "room.sqlite");
    if (std::filesystem::exists(dataDir / "room.sqlite-wal")) bytes += TestRoom::readFile(dataDir / "room.sqlite-wal");
    return bytes;
}

/// What a voter's tablet keeps of an acknowledged ballot: the receipt (seq, hash) and what it sent.
struct Receipt {
    Seq seq = 0;
    std::string hash;
    std::vector<int> choices;
};

/// The demo meeting (21 voting members) with every member, the chair, the secretary, a guest and the
/// wall display logged in on their own connections; the members checked in and the meeting open.
struct VotingRoom {
    Json meeting;
    std::unique_ptr<TestRoom> room;
    std::vector<std::string> voters; ///< the voting members, the chair `ct` among them
    std::map<std::string, std::unique_ptr<Client>> clients;

    static constexpr const char* kChair = "ct";
    static constexpr const char* kSecretary = "tk";
    static constexpr const char* kGuest = "k-hdnd";
    static constexpr const char* kDisplay = "display-main";

    Client& of(const std::string& id) { return *clients.at(id); }
    Client& chair() { return of(kChair); }
    Client& display() { return of(kDisplay); }
    /// A delegate who is not the chair.
    std::string delegate() const { return voters.at(1); }

    /// Everyone who has a connection: the voters, then the staff, the guest and the display.
    std::vector<std::string> everyone() const {
        std::vector<std::string> all = voters;
        all.insert(all.end(), {kSecretary, kGuest, kDisplay});
        return all;
    }

    /// After a restart: every participant resumes their session on a new connection.
    void reconnectAll() {
        for (const auto& id : everyone()) {
            const std::string session = of(id).session();
            clients[id] = room->resumed(session);
        }
    }

    /// Every connection has folded every event up to the head.
    void catchUpAll() {
        const Seq head = room->head();
        for (const auto& id : everyone()) REQUIRE_MESSAGE(of(id).waitForSeq(head), id << " reaches " << head);
    }
};

VotingRoom demoRoom(const std::string& name, std::vector<std::string> extraArgs = {}) {
    VotingRoom v;
    v.meeting = demoMeeting();
    v.voters = votingMembers(v.meeting);
    REQUIRE(v.voters.size() == 21);
    REQUIRE(v.voters.front() == VotingRoom::kChair);
    v.room = TestRoom::createWith(name, v.meeting, std::move(extraArgs));
    for (const auto& id : v.everyone()) v.clients[id] = v.room->loggedIn(id, demoPin(id));
    // The whole room checks in at once.
    std::map<std::string, std::string> ids;
    for (const auto& id : v.voters) ids[id] = v.of(id).sendCommand("attendance.check_in");
    for (const auto& [id, cmd] : ids) REQUIRE_MESSAGE(accepted(v.of(id).awaitAnswer(cmd)), id << " checks in");
    REQUIRE(accepted(v.chair().command("meeting.open")));
    return v;
}

/// A replica built from the events a participant received equals the snapshot a fresh login gets.
void checkReplicaMatchesSnapshot(TestRoom& room, Client& c, const std::string& participant) {
    REQUIRE(c.waitForSeq(room.head()));
    auto fresh = room.loggedIn(participant, demoPin(participant));
    const Json mine = toJson(c.replica()), snapshot = toJson(fresh->replica());
    CHECK_MESSAGE(mine == snapshot, participant << ": replica differs from the snapshot: " << Json::diff(mine, snapshot).dump());
}

/// The tally the server would count from these ballots (weight 1 each).
Tally tallyOf(const BallotForm& form, const std::map<std::string, std::vector<int>>& ballots) {
    Tally t = emptyTally(form);
    for (const auto& [voter, choices] : ballots) addToTally(t, choices, 1);
    return t;
}

const Poll& pollIn(const Client& c, const std::string& id) {
    const Poll* p = c.replica().poll(id);
    REQUIRE_MESSAGE(p != nullptr, "poll " << id << " is in the replica");
    return *p;
}

/// GET /api/polls/<id>/result with a session; the parsed record, or the status when not 200.
Json fetchRecord(TestRoom& room, const std::string& poll, const std::string& session, int* status = nullptr) {
    auto r = room.http("GET", "/api/polls/" + poll + "/result", {{"authorization", "Bearer " + session}});
    REQUIRE(r.has_value());
    if (status) *status = r->status;
    if (r->status != 200) return Json();
    return Json::parse(r->body);
}

std::filesystem::path save(const TestRoom& room, const std::string& name, const Json& record) {
    const auto file = room.dir() / name;
    std::ofstream(file, std::ios::binary) << record.dump(2);
    return file;
}

/// The events of one poll that a client received, in order.
std::vector<Event> pollEvents(Client& c, const std::string& poll, const std::string& type = {}) {
    std::vector<Event> out;
    for (const auto& e : c.seenEvents()) {
        auto it = e.payload.find("poll"); // an id, or the definition (poll.created)
        if (it == e.payload.end()) continue;
        const Json& id = it->is_object() ? it->at("id") : *it;
        if (id == poll && (type.empty() || e.type == type)) out.push_back(e);
    }
    return out;
}

/// Folds frames until `pred` holds for the client's replica or the deadline passes.
template <class Pred>
bool waitUntil(Client& c, Pred pred, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!pred(c.replica())) {
        if (Clock::now() >= deadline) return false;
        c.pump(100ms);
    }
    return true;
}

} // namespace

TEST_SUITE("voting") {

TEST_CASE("a roomful of tablets votes at once: receipts, redaction, the signed record and verify-result") {
    auto v = demoRoom("vote-many");
    auto& room = *v.room;
    const std::string poll = "p-ngan-sach";
    REQUIRE(accepted(v.chair().command("poll.create", {{"id", poll}, {"question", "Thông qua dự toán ngân sách năm 2027"}})));
    REQUIRE(accepted(v.chair().command("poll.open", {{"poll", poll}})));

    // Everyone sends their ballot before anyone's answer is read: yes, no and abstentions.
    std::map<std::string, std::vector<int>> sent;
    for (std::size_t i = 0; i < v.voters.size(); ++i)
        sent[v.voters[i]] = i % 5 < 3 ? std::vector<int>{0} : i % 5 == 3 ? std::vector<int>{1} : std::vector<int>{};
    std::map<std::string, std::string> cmd;
    for (const auto& [voter, choices] : sent)
        cmd[voter] = v.of(voter).sendCommand("poll.cast", {{"poll", poll}, {"choices", choices}}, "ballot-" + voter);
    std::map<std::string, Receipt> receipts;
    std::set<Seq> seqs;
    for (const auto& [voter, id] : cmd) {
        INFO(voter);
        const Json a = v.of(voter).awaitAnswer(id);
        REQUIRE(accepted(a));
        CHECK(a.at("duplicate") == false);
        REQUIRE(a.at("seq").is_number_integer());
        CHECK(isHex64(a.value("hash", Json())));
        receipts[voter] = Receipt{a.at("seq").get<Seq>(), a.value("hash", ""), sent[voter]};
        CHECK(seqs.insert(receipts[voter].seq).second);
    }
    REQUIRE(receipts.size() == v.voters.size());

    // While the poll is open: staff see every choice; delegates (the voter too) and the display none.
    v.catchUpAll();
    const std::string d = v.delegate();
    const auto delegateSaw = pollEvents(v.of(d), poll, "poll.ballot_cast");
    CHECK(delegateSaw.size() == v.voters.size());
    for (const auto& e : delegateSaw)
        CHECK_MESSAGE(!e.payload.contains("choices"), "the delegate and the ballot of " << e.payload.at("voter"));
    for (const auto& e : pollEvents(v.display(), poll, "poll.ballot_cast")) CHECK_FALSE(e.payload.contains("choices"));
    const auto chairSaw = pollEvents(v.chair(), poll, "poll.ballot_cast");
    CHECK(chairSaw.size() == v.voters.size());
    for (const auto& e : chairSaw) {
        const auto voter = e.payload.at("voter").get<std::string>();
        REQUIRE(e.payload.contains("choices"));
        CHECK(e.payload.at("choices").get<std::vector<int>>() == sent[voter]);
        CHECK(e.seq == receipts[voter].seq);
    }
    CHECK(pollIn(v.display(), poll).voted() == static_cast<std::int64_t>(v.voters.size()));
    CHECK_FALSE(pollIn(v.of(d), poll).count.has_value());
    checkReplicaMatchesSnapshot(room, v.of(d), d);
    checkReplicaMatchesSnapshot(room, v.display(), VotingRoom::kDisplay);
    // No result before the close; for delegates none before it is published.
    int status = 0;
    fetchRecord(room, poll, v.of(d).session(), &status);
    CHECK(status == 409);

    REQUIRE(accepted(v.chair().command("poll.close", {{"poll", poll}})));
    v.catchUpAll();
    const Tally expected = tallyOf(BallotForm{}, sent);
    CHECK(expected.options[0].count == 13); // of 21 members: passed
    CHECK(expected.abstentions.count == 4);
    const Poll& shown = pollIn(v.display(), poll);
    CHECK(shown.status == PollStatus::Closed);
    CHECK(shown.closedBy == "chair");
    CHECK(shown.published);
    REQUIRE(shown.count.has_value());
    CHECK(toJson(shown.count->tally) == toJson(expected));
    CHECK(shown.count->result.value("outcome", "") == "passed");
    for (const auto& [voter, b] : shown.ballots) {
        INFO(voter);
        REQUIRE(b.choices.has_value()); // published: every named ballot is shown
        CHECK(*b.choices == sent[voter]);
        CHECK(b.seq == receipts[voter].seq);
    }
    // The display learnt the count only from poll.published; the chair from poll.closed already.
    const auto displayClosed = pollEvents(v.display(), poll, "poll.closed");
    REQUIRE(displayClosed.size() == 1);
    CHECK_FALSE(displayClosed[0].payload.contains("count"));
    const auto chairClosed = pollEvents(v.chair(), poll, "poll.closed");
    REQUIRE(chairClosed.size() == 1);
    CHECK(chairClosed[0].payload.at("count").at("tally") == toJson(expected));
    for (const auto& who : {std::string(VotingRoom::kChair), d, std::string(VotingRoom::kDisplay)})
        checkReplicaMatchesSnapshot(room, v.of(who), who);

    // The signed record over HTTPS carries every receipt with its choice.
    const Json record = fetchRecord(room, poll, v.chair().session(), &status);
    REQUIRE(status == 200);
    CHECK(record.at("tally") == toJson(expected));
    CHECK(record.at("log").at("seq") == chairClosed[0].seq);
    REQUIRE(record.at("ballots").size() == receipts.size());
    for (const auto& b : record.at("ballots")) {
        const auto voter = b.at("voter").get<std::string>();
        INFO(voter);
        REQUIRE(receipts.count(voter) == 1);
        CHECK(b.at("seq") == receipts[voter].seq);
        CHECK(b.at("hash") == receipts[voter].hash);
        CHECK(b.at("choices").get<std::vector<int>>() == receipts[voter].choices);
    }
    CHECK(fetchRecord(room, poll, v.of(d).session(), &status).at("tally") == toJson(expected)); // published: anyone
    const auto file = save(room, "result.json", record);

    std::string out;
    CHECK_MESSAGE(TestRoom::runCli({"verify-result", file.string()}, &out) == 0, out);
    CHECK(out.find("valid: ") != std::string::npos);
    CHECK_MESSAGE(TestRoom::runCli({"verify-result", file.string(), "--fingerprint", room.fingerprint()}, &out) == 0, out);
    CHECK(TestRoom::runCli({"verify-result", file.string(), "--fingerprint", "AB:CD:EF"}, &out) == 1);
    // Any change to the record is detected: one count, or one voter's choice.
    Json oneMore = record;
    oneMore["tally"]["options"][0]["count"] = oneMore["tally"]["options"][0]["count"].get<int>() + 1;
    CHECK(TestRoom::runCli({"verify-result", save(room, "count-changed.json", oneMore).string()}, &out) == 1);
    CHECK(out.find("INVALID") != std::string::npos);
    Json flipped = record;
    for (auto& b : flipped["ballots"])
        if (b["choices"] == Json::array({0})) {
            b["choices"] = Json::array({1});
            break;
        }
    CHECK(TestRoom::runCli({"verify-result", save(room, "choice-changed.json", flipped).string()}, &out) == 1);
    CHECK(out.find("INVALID") != std::string::npos);

    // Against the hash-chained log, with the server stopped.
    REQUIRE(room.terminate() == 0);
    CHECK_MESSAGE(TestRoom::runCli({"verify-result", file.string(), "--fingerprint", room.fingerprint(), "--log",
                                    "--data-dir", room.dataDir().string()}, &out) == 0, out);
    CHECK(out.find(std::to_string(v.voters.size()) + " ballots match the log") != std::string::npos);
    // The offline record says the same.
    const auto offline = room.dir() / "offline.json";
    REQUIRE(TestRoom::runCli({"result", poll, "--data-dir", room.dataDir().string(), "--out", offline.string()}, &out) == 0);
    const Json fromDisk = Json::parse(TestRoom::readFile(offline));
    CHECK(fromDisk.at("tally") == record.at("tally"));
    CHECK(fromDisk.at("ballots") == record.at("ballots"));
    CHECK(TestRoom::runCli({"verify-result", offline.string(), "--log", "--data-dir", room.dataDir().string()}, &out) == 0);
}

TEST_CASE("a secret ballot: no frame, table, file or log line links a voter to a choice") {
    // Debug logging: whatever the server can say about a command, it says.
    const auto configDir = testing::makeTempDir("room-vote-secret-config");
    std::ofstream(configDir / "config.json") << R"({"log_level": "debug"})";
    auto v = demoRoom("vote-secret", {"--config", (configDir / "config.json").string()});
    auto& room = *v.room;
    const std::string poll = "p-kin";
    const std::vector<std::string> labels = {"Phương án KIMSON", "Phương án MOCCHAU", "Phương án THUYNGUYEN"};
    const std::string abstain = "Phiếu trắng BLANKVOTE";
    REQUIRE(accepted(v.chair().command("poll.create", {{"id", poll}, {"question", "Bầu chọn phương án sắp xếp đơn vị hành chính"},
                                                       {"kind", "one_of"}, {"options", labels}, {"abstain_label", abstain},
                                                       {"secret", true}})));
    REQUIRE(accepted(v.chair().command("poll.open", {{"poll", poll}})));
    const BallotForm form = pollIn(v.chair(), poll).form;

    // Ballots one at a time, so that every running tally is committed on its own.
    const std::vector<std::vector<int>> pattern = {{0}, {1}, {0}, {2}, {}, {1}, {0}};
    std::map<std::string, std::vector<int>> sent;
    std::vector<std::string> tallies; ///< the ballot box's text after ballot 1, 2, … n
    Tally running = emptyTally(form);
    for (std::size_t i = 0; i < v.voters.size(); ++i) {
        const auto& voter = v.voters[i];
        sent[voter] = pattern[i % pattern.size()];
        const Json a = v.of(voter).command("poll.cast", {{"poll", poll}, {"choices", sent[voter]}});
        REQUIRE_MESSAGE(accepted(a), voter);
        // The voter's own answer is a receipt and nothing more.
        std::set<std::string> keys;
        for (const auto& [k, val] : a.items()) keys.insert(k);
        CHECK(keys == std::set<std::string>{"v", "type", "id", "seq", "duplicate", "hash"});
        addToTally(running, sent[voter], 1);
        tallies.push_back(toJson(running).dump());
    }
    const std::size_t n = tallies.size();
    // The test can see a tally: while the poll is open, the current one is on disk (db or WAL).
    {
        const std::string bytes = rawDatabaseBytes(room.dataDir());
        CHECK_MESSAGE(bytes.find(tallies.back()) != std::string::npos, "the open ballot box holds " << tallies.back());
        std::size_t earlier = 0;
        for (std::size_t k = 0; k + 1 < n; ++k) earlier += bytes.find(tallies[k]) != std::string::npos;
        MESSAGE(earlier << " of " << n - 1 << " earlier tallies are on disk while the poll is open");
    }
    REQUIRE(accepted(v.chair().command("poll.close", {{"poll", poll}})));

    // (c) The close leaves no running tally in the database file or its WAL.
    {
        const std::string bytes = rawDatabaseBytes(room.dataDir());
        for (std::size_t k = 0; k + 1 < n; ++k) CHECK_MESSAGE(bytes.find(tallies[k]) == std::string::npos, "tally after ballot " << k + 1);
    }
    v.catchUpAll();

    // The published counts are the known totals.
    const Tally expected = tallyOf(form, sent);
    CHECK(toJson(expected).dump() == tallies.back());
    const Poll& shown = pollIn(v.display(), poll);
    CHECK(shown.published);
    REQUIRE(shown.count.has_value());
    CHECK(toJson(shown.count->tally) == toJson(expected));
    CHECK(shown.voted() == static_cast<std::int64_t>(n));
    for (const auto& [voter, b] : shown.ballots) CHECK_FALSE(b.choices.has_value());

    // (a) Every frame every client received: nothing about this poll carries a choice; a
    // poll.voted says who voted and nothing else.
    std::size_t framesAboutPoll = 0, votedSeen = 0;
    for (const auto& id : v.everyone()) {
        INFO(id);
        for (const auto& f : v.of(id).ws().received()) {
            const std::string text = f.dump();
            if (text.find(poll) == std::string::npos) continue;
            ++framesAboutPoll;
            CHECK_MESSAGE(text.find("\"choices\"") == std::string::npos, text);
            if (f.value("type", "") != "events") continue;
            for (const auto& e : f.at("events")) {
                if (e.value("type", "") != "poll.voted") continue;
                ++votedSeen;
                std::set<std::string> keys;
                for (const auto& [k, val] : e.at("payload").items()) keys.insert(k);
                CHECK(keys == std::set<std::string>{"poll", "voter", "by", "weight"});
            }
        }
    }
    CHECK(votedSeen >= n * v.everyone().size()); // everyone saw every poll.voted
    MESSAGE(framesAboutPoll << " frames about the secret poll checked");

    // The signed record lists who voted, never what.
    int status = 0;
    const Json record = fetchRecord(room, poll, v.of(VotingRoom::kSecretary).session(), &status);
    REQUIRE(status == 200);
    CHECK(record.at("tally") == toJson(expected));
    CHECK(record.at("ballots").size() == n);
    for (const auto& b : record.at("ballots")) CHECK_FALSE(b.contains("choices"));

    // (b) The tables, read while the server runs.
    const auto db = room.dataDir() / "room.sqlite";
    CHECK(sqlite(db, "SELECT count(*) FROM ballot_box") == "0");
    CHECK(sqlite(db, "SELECT count(*) FROM events WHERE json_extract(payload, '$.poll') = '" + poll + "' AND type = 'poll.voted'") ==
          std::to_string(n));
    // (The definition's "max_choices" is no choice: look for the key "choices" itself.)
    CHECK(sqlite(db, "SELECT count(*) FROM events WHERE instr(payload, '" + poll + "') > 0 AND "
                     "instr(payload, char(34) || 'choices' || char(34)) > 0") == "0");
    CHECK(sqlite(db, "SELECT count(*) FROM events WHERE instr(payload, char(34) || 'choices' || char(34)) > 0") == "0");
    CHECK(sqlite(db, "SELECT count(*) FROM events WHERE type = 'poll.voted' AND json_type(payload, '$.choices') IS NOT NULL") == "0");
    const std::string commands = sqlite(db, "SELECT * FROM commands");
    CHECK(commands.find("choices") == std::string::npos);
    CHECK(commands.find("[") == std::string::npos);
    CHECK(sqlite(db, "SELECT group_concat(name) FROM pragma_table_info('commands')") == "actor,command_id,first_seq,last_seq,time");
    // Nothing in a text dump of the whole database either.
    std::string dump;
    REQUIRE(runShell("sqlite3 '" + db.string() + "' .dump", &dump) == 0);
    for (std::size_t k = 0; k + 1 < n; ++k) CHECK(dump.find(tallies[k]) == std::string::npos);

    // (d) The server's own output names no choice.
    const std::string logs = room.server().stderrText() + room.server().stdoutText();
    CHECK(logs.find("\"login\"") != std::string::npos); // the log is there and is read
    CHECK(logs.find("choices") == std::string::npos);
    for (const char* word : {"KIMSON", "MOCCHAU", "THUYNGUYEN", "BLANKVOTE"}) CHECK_MESSAGE(logs.find(word) == std::string::npos, word);

    // And after the server has stopped, the files still hold no running tally.
    REQUIRE(room.terminate() == 0);
    const std::string bytes = rawDatabaseBytes(room.dataDir());
    for (std::size_t k = 0; k + 1 < n; ++k) CHECK(bytes.find(tallies[k]) == std::string::npos);
    const auto file = save(room, "secret-result.json", record);
    std::string out;
    CHECK_MESSAGE(TestRoom::runCli({"verify-result", file.string(), "--log", "--data-dir", room.dataDir().string()}, &out) == 0, out);
    std::filesystem::remove_all(configDir);
}

TEST_CASE("kill -9 during a burst of ballots: every acknowledged ballot counts exactly once") {
    auto v = demoRoom("vote-crash");
    auto& room = *v.room;
    const std::size_t n = v.voters.size();
    for (const bool secret : {false, true}) {
        const std::string poll = secret ? "p-crash-kin" : "p-crash-ten";
        CAPTURE(poll);
        const Json created = v.chair().command("poll.create", {{"id", poll}, {"question", "Biểu quyết trong sự cố"}, {"secret", secret}});
        REQUIRE(accepted(created));
        REQUIRE(created.at("duplicate") == false);
        REQUIRE(accepted(v.chair().command("poll.open", {{"poll", poll}})));
        REQUIRE(pollIn(v.chair(), poll).status == PollStatus::Open);
        v.catchUpAll();

        std::map<std::string, std::vector<int>> sent;
        std::map<std::string, std::string> cmd;
        for (std::size_t i = 0; i < n; ++i)
            sent[v.voters[i]] = i % 3 == 0 ? std::vector<int>{0} : i % 3 == 1 ? std::vector<int>{1} : std::vector<int>{};
        std::map<std::string, Receipt> acked;
        auto take = [&](const std::string& voter, const Json& a) {
            if (a.is_null()) return; // no answer: the connection went with the server
            if (accepted(a)) acked[voter] = Receipt{a.at("seq").get<Seq>(), a.value("hash", ""), sent[voter]};
            else FAIL_CHECK(voter << " refused: " << a.dump());
        };
        // Half the room votes and a few answers come back; the other half votes and the server
        // is killed while those are being decided and committed.
        for (std::size_t i = 0; i < n; ++i) {
            const auto& voter = v.voters[i];
            cmd[voter] = v.of(voter).sendCommand("poll.cast", {{"poll", poll}, {"choices", sent[voter]}}, "crash-" + poll + "-" + voter);
            if (i == n / 2)
                for (std::size_t k = 0; k < 3; ++k) take(v.voters[k], v.of(v.voters[k]).awaitAnswer(cmd[v.voters[k]]));
        }
        room.kill9();
        // Answers already on the wire before the kill count too.
        for (const auto& voter : v.voters)
            if (!acked.count(voter)) take(voter, v.of(voter).awaitAnswer(cmd[voter], 300ms));
        MESSAGE(acked.size() << " of " << n << " ballots acknowledged before SIGKILL");
        REQUIRE(acked.size() >= 3);

        std::string out;
        CHECK_MESSAGE(TestRoom::runCli({"verify-log", "--data-dir", room.dataDir().string()}, &out) == 0, out);
        room.start();
        v.reconnectAll();
        v.catchUpAll();

        // Every acknowledged ballot is there once, as sent; nothing else but ballots that were sent.
        const Poll& after = pollIn(v.chair(), poll);
        CHECK(after.status == PollStatus::Open);
        CHECK(after.voted() >= static_cast<std::int64_t>(acked.size()));
        CHECK(after.voted() <= static_cast<std::int64_t>(n));
        CHECK(pollEvents(v.chair(), poll, secret ? "poll.voted" : "poll.ballot_cast").size() == after.ballots.size());
        for (const auto& [voter, r] : acked) {
            INFO(voter);
            auto it = after.ballots.find(voter);
            REQUIRE(it != after.ballots.end());
            CHECK(it->second.seq == r.seq);
            if (secret) CHECK_FALSE(it->second.choices.has_value());
            else CHECK(it->second.choices == std::optional<std::vector<int>>(r.choices));
        }
        for (const auto& [voter, b] : after.ballots) {
            INFO(voter);
            CHECK(sent.count(voter) == 1);
            if (!secret) CHECK(b.choices == std::optional<std::vector<int>>(sent[voter]));
        }
        std::set<std::string> through; ///< whose ballot is in, acknowledged or not
        for (const auto& [voter, b] : after.ballots) through.insert(voter);

        // A retry of an acknowledged ballot (same command id) is answered from the log; a new
        // ballot from the same member is refused. Neither changes anything.
        const auto& [first, receipt] = *acked.begin();
        Seq head = room.head();
        const Json again = v.of(first).command("poll.cast", {{"poll", poll}, {"choices", sent[first]}}, cmd[first]);
        REQUIRE(accepted(again));
        CHECK(again.at("duplicate") == true);
        CHECK(again.at("seq") == receipt.seq);
        CHECK(again.value("hash", "") == receipt.hash);
        CHECK(room.head() == head);
        const Json second = v.of(first).command("poll.cast", {{"poll", poll}, {"choices", Json::array({1})}});
        CHECK(code(second) == "duplicate");
        CHECK(room.head() == head);

        std::map<std::string, std::vector<int>> counted; ///< the ballots the count must hold
        if (!secret) {
            // A tablet that got no answer sends the same command again: a ballot that got through
            // is not cast twice, one that did not is cast now.
            for (const auto& voter : v.voters) {
                if (acked.count(voter)) continue;
                INFO(voter);
                const Json a = v.of(voter).command("poll.cast", {{"poll", poll}, {"choices", sent[voter]}}, cmd[voter]);
                REQUIRE(accepted(a));
                CHECK(a.at("duplicate") == (through.count(voter) == 1));
                if (through.count(voter)) CHECK(a.at("seq") == after.ballots.at(voter).seq);
                acked[voter] = Receipt{a.at("seq").get<Seq>(), a.value("hash", ""), sent[voter]};
            }
            CHECK(room.head() == head + (n - through.size()));
            counted = sent;
        } else {
            // The ballot box survived the crash: the count is exactly the ballots that got through.
            for (const auto& voter : through) counted[voter] = sent[voter];
        }
        head = room.head();
        REQUIRE(accepted(v.chair().command("poll.close", {{"poll", poll}})));
        v.catchUpAll();
        const Tally expected = tallyOf(BallotForm{}, counted);
        const Poll& closed = pollIn(v.display(), poll);
        REQUIRE(closed.count.has_value());
        CHECK(toJson(closed.count->tally) == toJson(expected));
        CHECK(closed.count->tally.ballots.count == static_cast<std::int64_t>(counted.size()));

        // The result matches the receipts the tablets hold.
        int status = 0;
        const Json record = fetchRecord(room, poll, v.chair().session(), &status);
        REQUIRE(status == 200);
        CHECK(record.at("tally") == toJson(expected));
        std::map<std::string, Json> inRecord;
        for (const auto& b : record.at("ballots")) inRecord[b.at("voter").get<std::string>()] = b;
        CHECK(inRecord.size() == counted.size());
        for (const auto& [voter, r] : acked) {
            INFO(voter);
            REQUIRE(inRecord.count(voter) == 1);
            CHECK(inRecord[voter].at("seq") == r.seq);
            CHECK(inRecord[voter].at("hash") == r.hash);
            if (!secret) CHECK(inRecord[voter].at("choices").get<std::vector<int>>() == r.choices);
        }
        CHECK_MESSAGE(TestRoom::runCli({"verify-result", save(room, poll + ".json", record).string()}, &out) == 0, out);
    }
}

TEST_CASE("a countdown closes the poll on the server, also across a kill -9 and restart") {
    auto room = TestRoom::create("vote-timer");
    auto chair = room->loggedIn("chair");
    auto d1 = room->loggedIn("d1");
    auto display = room->loggedIn("display");
    REQUIRE(accepted(chair->command("attendance.check_in")));
    REQUIRE(accepted(d1->command("attendance.check_in")));
    REQUIRE(accepted(chair->command("meeting.open")));

    auto closedByTimer = [](Client& c, const std::string& poll) {
        auto closed = pollEvents(c, poll, "poll.closed");
        return closed.size() == 1 && closed[0].payload.value("by", "") == "timer" && closed[0].actor == "system";
    };

    // 1. Two seconds, and the server closes and publishes it on its own.
    REQUIRE(accepted(chair->command("poll.create", {{"id", "p-timer"}, {"question", "Biểu quyết có thời hạn"}})));
    REQUIRE(accepted(chair->command("poll.open", {{"poll", "p-timer"}, {"seconds", 2}})));
    const TimeMs closesAt = pollIn(*chair, "p-timer").closesAt;
    CHECK(closesAt > 0);
    REQUIRE(accepted(d1->command("poll.cast", {{"poll", "p-timer"}, {"choices", {0}}})));
    REQUIRE(waitUntil(*display, [](const State& s) { const Poll* p = s.poll("p-timer"); return p && p->published; }, 15s));
    CHECK(closedByTimer(*display, "p-timer"));
    const auto closedEv = pollEvents(*display, "p-timer", "poll.closed");
    REQUIRE(closedEv.size() == 1);
    CHECK(closedEv[0].time >= closesAt);
    CHECK_FALSE(closedEv[0].payload.contains("count")); // the display learns the count when published
    const Poll& p1 = pollIn(*display, "p-timer");
    CHECK(p1.closedBy == "timer");
    REQUIRE(p1.count.has_value());
    CHECK(p1.count->tally.options[0].count == 1);
    CHECK(p1.count->tally.ballots.count == 1);
    CHECK(code(d1->command("poll.cast", {{"poll", "p-timer"}, {"choices", {1}}})) == "invalid_state");

    // 2. A countdown still running when the server is killed is kept after the restart.
    REQUIRE(accepted(chair->command("poll.create", {{"id", "p-timer-2"}, {"question", "Biểu quyết qua sự cố"}})));
    REQUIRE(accepted(chair->command("poll.open", {{"poll", "p-timer-2"}, {"seconds", 4}})));
    const TimeMs closesAt2 = pollIn(*chair, "p-timer-2").closesAt;
    REQUIRE(accepted(d1->command("poll.cast", {{"poll", "p-timer-2"}, {"choices", {1}}})));
    const Seq beforeKill = room->head();
    REQUIRE(wallMs() < closesAt2 - 1000);
    room->kill9();
    room->start();
    if (wallMs() < closesAt2 - 200) CHECK(room->head() == beforeKill); // not closed yet: still counting down
    auto display2 = room->resumed(display->session());
    REQUIRE(waitUntil(*display2, [](const State& s) { const Poll* p = s.poll("p-timer-2"); return p && p->published; }, 15s));
    CHECK(closedByTimer(*display2, "p-timer-2"));
    const auto closed2 = pollEvents(*display2, "p-timer-2", "poll.closed");
    REQUIRE(closed2.size() == 1);
    CHECK(closed2[0].seq > beforeKill);
    CHECK(closed2[0].time >= closesAt2);
    const Poll& p2 = pollIn(*display2, "p-timer-2");
    REQUIRE(p2.count.has_value());
    CHECK(p2.count->tally.options[1].count == 1);
    CHECK(p2.closedBy == "timer");
}

TEST_CASE("bad input over the wire is refused and changes nothing") {
    auto room = TestRoom::create("vote-bad");
    auto chair = room->loggedIn("chair");
    auto d1 = room->loggedIn("d1");
    auto d2 = room->loggedIn("d2");
    auto guest = room->loggedIn("guest");
    auto secretary = room->loggedIn("secretary");
    for (auto* c : {chair.get(), d1.get(), guest.get(), secretary.get()}) REQUIRE(accepted(c->command("attendance.check_in")));
    REQUIRE(accepted(chair->command("poll.create", {{"id", "p-sai"}, {"question", "Biểu quyết thử"}})));
    CHECK(code(chair->command("poll.open", {{"poll", "p-sai"}})) == "invalid_state"); // the meeting is not open yet
    REQUIRE(accepted(chair->command("meeting.open")));
    REQUIRE(accepted(chair->command("poll.open", {{"poll", "p-sai"}})));

    struct Bad {
        Client* who;
        std::string command;
        Json args;
        std::string code;
    };
    const std::vector<Bad> bad = {
        {d1.get(), "poll.close", {{"poll", "p-sai"}}, "forbidden"},
        {d1.get(), "poll.cancel", {{"poll", "p-sai"}, {"reason", "không"}}, "forbidden"},
        {d1.get(), "poll.create", {{"question", "Của tôi"}}, "forbidden"},
        {secretary.get(), "poll.close", {{"poll", "p-sai"}}, "forbidden"},
        {d1.get(), "poll.cast", {{"poll", "p-sai"}, {"choices", {2}}}, "not_found"},
        {d1.get(), "poll.cast", {{"poll", "p-khong-co"}, {"choices", {0}}}, "not_found"},
        {d1.get(), "poll.cast", {{"poll", "p-sai"}, {"choices", {0, 1}}}, "invalid_argument"},
        {d1.get(), "poll.cast", {{"poll", "p-sai"}, {"choices", {-1}}}, "not_found"},
        {d1.get(), "poll.cast", {{"poll", "p-sai"}, {"choices", {0}}, {"for", "d3"}}, "forbidden"}, // holds no proxy
        {guest.get(), "poll.cast", {{"poll", "p-sai"}, {"choices", {0}}}, "forbidden"},
        {secretary.get(), "poll.cast", {{"poll", "p-sai"}, {"choices", {0}}}, "forbidden"}, // not a member
        {d2.get(), "poll.cast", {{"poll", "p-sai"}, {"choices", {0}}}, "invalid_state"},    // not checked in
    };
    Seq head = room->head();
    for (const auto& b : bad) {
        INFO(b.command << " " << b.args.dump());
        const Json a = b.who->command(b.command, b.args);
        CHECK(a.value("type", "") == "rejected");
        CHECK(code(a) == b.code);
        CHECK(room->head() == head);
    }
    int status = 0;
    fetchRecord(*room, "p-sai", d1->session(), &status);
    CHECK(status == 409);

    REQUIRE(accepted(d1->command("poll.cast", {{"poll", "p-sai"}, {"choices", {0}}})));
    CHECK(room->head() == ++head);
    CHECK(code(d1->command("poll.cast", {{"poll", "p-sai"}, {"choices", {1}}})) == "duplicate");
    CHECK(room->head() == head);
    REQUIRE(accepted(chair->command("poll.close", {{"poll", "p-sai"}})));
    head = room->head();
    // A ballot on a closed poll, from a member who has voted and from one who has not.
    for (auto* c : {d1.get(), chair.get()}) {
        CHECK(code(c->command("poll.cast", {{"poll", "p-sai"}, {"choices", {1}}})) == "invalid_state");
        CHECK(room->head() == head);
    }
    CHECK(code(chair->command("poll.close", {{"poll", "p-sai"}})) == "invalid_state");
    CHECK(code(chair->command("poll.cancel", {{"poll", "p-sai"}, {"reason", "muộn"}})) == "invalid_state");
    CHECK(room->head() == head);
    // The tally holds the one good ballot.
    REQUIRE(chair->waitForSeq(head));
    const Poll& p = pollIn(*chair, "p-sai");
    REQUIRE(p.count.has_value());
    CHECK(p.count->tally.ballots.count == 1);
    CHECK(p.count->tally.options[0].count == 1);
}

} // TEST_SUITE
