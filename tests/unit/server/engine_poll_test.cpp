// The engine with a real SQLite file: secret ballots in the ballot box, the clean-up at the close,
// receipts, the signed result record, and what each viewer's replica holds.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "room-server/src/app/result_record.h"
#include "room-server/src/core/engine.h"
#include "room-server/src/core/projection.h"
#include "room-server/src/storage/database.h"
#include "shared/crypto/hash.h"
#include "shared/crypto/signature.h"
#include "shared/crypto/tls_identity.h"

using namespace room;
using namespace room::core;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
    TempDir() : m_path(fs::temp_directory_path() / ("room-engine-" + crypto::randomHex(8))) { fs::create_directories(m_path); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    fs::path operator/(const std::string& n) const { return m_path / n; }

private:
    fs::path m_path;
};

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

/// The raw bytes of the database file and its WAL, as anyone with the disk would read them.
std::string rawFiles(const fs::path& db) {
    std::string all = slurp(db);
    if (fs::exists(db.string() + "-wal")) all += slurp(db.string() + "-wal");
    return all;
}

Json meeting(int members) {
    Json participants = Json::array();
    for (int i = 1; i <= members; ++i)
        participants.push_back(Json{{"id", "m" + std::to_string(i)}, {"full_name", "Thành viên " + std::to_string(i)},
                                    {"role", i == 1 ? "chair" : "delegate"}});
    participants.push_back(Json{{"id", "tk"}, {"full_name", "Thư ký"}, {"role", "secretary"}});
    participants.push_back(Json{{"id", "mh"}, {"full_name", "Màn hình"}, {"role", "display"}});
    return Json{{"meeting", Json{{"id", "hop"}, {"title", "Phiên họp"}}}, {"participants", participants}};
}

Actor member(int i) { return Actor{"m" + std::to_string(i), i == 1 ? Role::Chair : Role::Delegate}; }
const Actor kSystem{"system", Role::Admin};
const Actor kSecretary{"tk", Role::Secretary};

struct Room {
    TempDir dir;
    fs::path file = dir / "room.sqlite";
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<Engine> engine;
    TimeMs clock = 1'767'571'200'000;
    int ids = 0;

    Room() { reopen(); }
    void reopen() {
        engine.reset();
        db.reset();
        auto d = storage::Database::open(file);
        REQUIRE(d.ok());
        db = std::move(d).value();
        engine = std::make_unique<Engine>(*db, [this] { return clock; });
        REQUIRE(engine->load().ok());
        REQUIRE(engine->sweepBallotBox().ok());
    }
    /// Runs commands as one batch; returns their outcomes.
    std::vector<CommandOutcome> batch(std::vector<std::pair<Actor, Command>> cmds, std::vector<std::string> idsIn = {}) {
        std::vector<CommandOutcome> out(cmds.size());
        std::vector<Submission> subs;
        for (std::size_t i = 0; i < cmds.size(); ++i)
            subs.push_back(Submission{cmds[i].first, i < idsIn.size() ? idsIn[i] : "c" + std::to_string(++ids),
                                      cmds[i].second, [&out, i](const CommandOutcome& o) { out[i] = o; }});
        engine->runBatch(subs);
        clock += 1000;
        return out;
    }
    CommandOutcome run(const Actor& a, const std::string& type, Json args = Json::object()) {
        auto o = batch({{a, Command{type, std::move(args)}}});
        INFO(type, " by ", a.id, ": ", o[0].error.message);
        REQUIRE(o[0].ok);
        return o[0];
    }
    const Poll& poll(const std::string& id) {
        const Poll* p = engine->state().poll(id);
        REQUIRE(p != nullptr);
        return *p;
    }
};

/// A room with `members` members, all checked in, and an open poll "p".
void seatAndOpen(Room& r, int members, Json pollArgs) {
    r.run(kSystem, "meeting.define", meeting(members));
    r.run(member(1), "meeting.open");
    for (int i = 1; i <= members; ++i) r.run(member(i), "attendance.check_in");
    pollArgs["id"] = "p";
    if (!pollArgs.contains("question")) pollArgs["question"] = "Thông qua Nghị quyết";
    r.run(kSecretary, "poll.create", pollArgs);
    r.run(member(1), "poll.open", Json{{"poll", "p"}});
}

Json cast(std::vector<int> choices) { return Json{{"poll", "p"}, {"choices", choices}}; }

} // namespace

TEST_SUITE("engine polls") {

TEST_CASE("a secret poll: the box is durable while open, and leaves no trace on disk after the close") {
    Room r;
    seatAndOpen(r, 7, Json{{"secret", true}, {"kind", "one_of"}, {"options", {"Phương án A", "Phương án B", "Phương án C"}},
                           {"rule", Json{{"base", "cast"}, {"num", 0}, {"den", 1}, {"strict", true}}}});
    const std::vector<std::vector<int>> choices{{0}, {2}, {1}, {2}, {}, {2}};
    std::vector<std::string> intermediate; // the tally after each ballot, as stored
    Tally t;
    t.options.resize(3);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        auto o = r.run(member(static_cast<int>(i) + 1), "poll.cast", cast(choices[i]));
        CHECK(o.hash.size() == 64);
        addToTally(t, choices[i], 1);
        intermediate.push_back(toJson(t).dump());
        auto rows = r.db->ballotBoxes();
        REQUIRE(rows.ok());
        REQUIRE(rows->size() == 1);
        CHECK(rows->front().second == intermediate.back());
    }
    // While the poll is open the current tally is on disk (the test below could fail) …
    CHECK(rawFiles(r.file).find(intermediate.back()) != std::string::npos);

    // … and survives a crash: a new engine on the same file has the same box.
    r.reopen();
    CHECK(toJson(r.engine->ballotBox().tallyOf(r.poll("p"))).dump() == intermediate.back());
    CHECK(r.poll("p").voted() == 6);
    // Nothing the log or the state holds says who chose what.
    for (const auto& [voter, b] : r.poll("p").ballots) CHECK_FALSE(b.choices.has_value());
    auto events = r.db->eventsAfter(0, 1000);
    REQUIRE(events.ok());
    for (const auto& e : *events) {
        INFO(e.type, " ", e.payload.dump());
        CHECK_FALSE(e.payload.contains("choices"));
    }

    r.run(member(1), "poll.close", Json{{"poll", "p"}});
    const auto& p = r.poll("p");
    REQUIRE(p.count);
    CHECK(toJson(p.count->tally).dump() == intermediate.back());
    CHECK(p.count->result.at("winners") == Json::array({2}));
    auto rows = r.db->ballotBoxes();
    REQUIRE(rows.ok());
    CHECK(rows->empty());
    CHECK(r.engine->ballotBox().tallies.empty());
    // The WAL was truncated after the close and no version of the running tally is left: only
    // the final count, which the poll.closed event carries, can be found.
    CHECK((!fs::exists(r.file.string() + "-wal") || fs::file_size(r.file.string() + "-wal") == 0));
    const std::string raw = rawFiles(r.file);
    for (std::size_t i = 0; i + 1 < intermediate.size(); ++i) {
        INFO("tally after ballot ", i + 1, ": ", intermediate[i]);
        CHECK(raw.find(intermediate[i]) == std::string::npos);
    }
    r.reopen();
    CHECK(r.engine->ballotBox().tallies.empty());
}

TEST_CASE("a cancelled secret poll drops its tally from the box and the disk") {
    Room r;
    seatAndOpen(r, 3, Json{{"secret", true}});
    r.run(member(2), "poll.cast", cast({0}));
    r.run(member(3), "poll.cast", cast({1}));
    const std::string tally = toJson(r.engine->ballotBox().tallyOf(r.poll("p"))).dump();
    r.run(member(1), "poll.cancel", Json{{"poll", "p"}, {"reason", "Nhầm nội dung"}});
    auto rows = r.db->ballotBoxes();
    REQUIRE(rows.ok());
    CHECK(rows->empty());
    CHECK((!fs::exists(r.file.string() + "-wal") || fs::file_size(r.file.string() + "-wal") == 0));
    // The only row of the table: SQLite does not zero the last cell of a page on its own.
    CHECK(rawFiles(r.file).find(tally) == std::string::npos);
}

TEST_CASE("a ballot is answered with its receipt; a retry gets the same receipt and changes nothing") {
    Room r;
    seatAndOpen(r, 3, Json::object());
    auto first = r.batch({{member(2), Command{"poll.cast", cast({0})}}}, {"ballot-1"});
    REQUIRE(first[0].ok);
    auto hash = r.db->eventHash(first[0].seq);
    REQUIRE(hash.ok());
    REQUIRE(hash->has_value());
    CHECK(first[0].hash == **hash);
    const Seq head = r.engine->head();
    auto again = r.batch({{member(2), Command{"poll.cast", cast({1})}}}, {"ballot-1"});
    REQUIRE(again[0].ok);
    CHECK(again[0].duplicate);
    CHECK(again[0].seq == first[0].seq);
    CHECK(again[0].hash == first[0].hash);
    CHECK(r.engine->head() == head);
    CHECK(r.poll("p").ballots.at("m2").choices == std::vector<int>{0});
}

TEST_CASE("ballots in one batch: each is decided against the ballots before it") {
    Room r;
    seatAndOpen(r, 4, Json{{"secret", true}});
    auto o = r.batch({{member(2), Command{"poll.cast", cast({0})}},
                      {member(2), Command{"poll.cast", cast({1})}},
                      {member(3), Command{"poll.cast", cast({1})}},
                      {member(4), Command{"poll.cast", cast({0, 1})}}});
    CHECK(o[0].ok);
    CHECK_FALSE(o[1].ok);
    CHECK(o[1].error.code == ErrorCode::Duplicate);
    CHECK(o[2].ok);
    CHECK_FALSE(o[3].ok);
    const Tally t = r.engine->ballotBox().tallyOf(r.poll("p"));
    CHECK(t.ballots.count == 2);
    CHECK(t.options[0].count == 1);
    CHECK(t.options[1].count == 1);
}

TEST_CASE("the signed result record verifies, against the log too, and every tampering is caught") {
    Room r;
    TempDir keys;
    REQUIRE(crypto::ensureSelfSignedCertificate(keys / "server.crt", keys / "server.key", "room", {"127.0.0.1"}).ok());
    seatAndOpen(r, 5, Json{{"allow_change", true}});
    r.run(member(1), "poll.cast", cast({0}));
    r.run(member(2), "poll.cast", cast({0}));
    r.run(member(3), "poll.cast", cast({1}));
    r.run(member(3), "poll.cast", cast({0})); // changed: the last ballot counts
    r.run(member(4), "poll.cast", cast({}));

    auto early = app::resultRecord(r.engine->state(), "p", *r.db, keys / "server.key", keys / "server.crt", r.clock);
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == ErrorCode::InvalidState);

    r.run(member(1), "poll.close", Json{{"poll", "p"}});
    auto record = app::resultRecord(r.engine->state(), "p", *r.db, keys / "server.key", keys / "server.crt", r.clock);
    REQUIRE(record.ok());
    const Json& rec = *record;
    CHECK(rec.at("format") == "phonghop.vote-result/1");
    CHECK(rec.at("result").at("outcome") == "passed"); // 3 of 5 members
    CHECK(rec.at("ballots").size() == 4);
    CHECK(rec.at("log").at("seq") == r.poll("p").closedSeq);
    auto fp = crypto::certificateFingerprintSha256(keys / "server.crt");
    REQUIRE(fp.ok());

    auto ok = app::verifyResultRecord(rec, *fp, r.db.get());
    const std::string firstProblem = ok.problems.empty() ? std::string() : ok.problems.front();
    INFO(firstProblem);
    CHECK(ok.ok());
    CHECK(ok.fingerprint == *fp);
    CHECK(ok.ballotsCheckedAgainstLog == 4);
    CHECK(ok.summary.find("Thông qua Nghị quyết") != std::string::npos);

    auto problems = [&](const Json& j, const std::optional<std::string>& f = std::nullopt) {
        return app::verifyResultRecord(j, f, r.db.get()).problems;
    };
    SUBCASE("a count changed") {
        Json t = rec;
        t["tally"]["options"][0]["count"] = 4;
        CHECK_FALSE(problems(t).empty());
    }
    SUBCASE("a count changed and re-signed with another key") {
        Json t = rec;
        t["result"]["outcome"] = "not_passed";
        TempDir other;
        REQUIRE(crypto::ensureSelfSignedCertificate(other / "c.crt", other / "c.key", "x", {}).ok());
        auto sig = crypto::signWithPrivateKeyPem(other / "c.key", app::signedBytes(t));
        REQUIRE(sig.ok());
        t["signature"]["value"] = sig->valueBase64;
        CHECK_FALSE(problems(t).empty()); // the record's certificate does not match the new signature
        auto cert = crypto::readCertificatePem(other / "c.crt");
        REQUIRE(cert.ok());
        t["signature"]["certificate"] = *cert;
        auto otherFp = crypto::certificateFingerprintSha256(other / "c.crt");
        REQUIRE(otherFp.ok());
        t["signature"]["fingerprint"] = *otherFp;
        // Consistently re-signed by someone else: the signature holds, but not the expected
        // server, and the outcome no longer follows from the counts.
        const auto ps = problems(t, *fp);
        CHECK(ps.size() >= 2);
    }
    SUBCASE("a ballot's choice changed (and the tally with it, so the arithmetic holds)") {
        Json t = rec;
        for (auto& b : t["ballots"])
            if (b["voter"] == "m3") b["choices"] = Json::array({1});
        t["tally"]["options"][0]["count"] = 2;
        t["tally"]["options"][0]["weighted"] = 2;
        t["tally"]["options"][1]["count"] = 1;
        t["tally"]["options"][1]["weighted"] = 1;
        CHECK_FALSE(problems(t).empty());
    }
    SUBCASE("a ballot dropped") {
        Json t = rec;
        t["ballots"].erase(0);
        CHECK_FALSE(problems(t).empty());
    }
    SUBCASE("not a record") {
        CHECK_FALSE(problems(Json::array()).empty());
        CHECK_FALSE(problems(Json{{"format", "something/1"}}).empty());
        Json t = rec;
        t.erase("tally");
        CHECK_FALSE(problems(t).empty());
    }
}

TEST_CASE("each viewer's replica, folded from the events as they receive them, equals their projected state") {
    Room r;
    const std::vector<Viewer> viewers{{"m1", Role::Chair}, {"m2", Role::Delegate}, {"m3", Role::Delegate}, {"m5", Role::Delegate},
                                      {"tk", Role::Secretary}, {"mh", Role::Display}};
    seatAndOpen(r, 5, Json{{"publish_on_close", false}});
    r.run(member(2), "poll.cast", cast({0}));
    r.run(member(3), "poll.cast", cast({1}));
    r.run(member(4), "poll.cast", cast({}));
    auto check = [&](const char* when) {
        auto events = r.db->eventsAfter(0, 10000);
        REQUIRE(events.ok());
        for (const auto& v : viewers) {
            State replica;
            for (const auto& e : *events) {
                switch (viewOf(e, v)) {
                case View::Hidden: break;
                case View::Full: apply(replica, e); break;
                case View::Redacted: apply(replica, redacted(e)); break;
                }
            }
            INFO(when, ": viewer ", v.id);
            CHECK(toJson(replica) == projectState(r.engine->state(), v));
        }
    };
    check("open");
    // While open: delegates — the voter too — see that m3 voted, not how; the chair sees how.
    for (const char* id : {"m5", "m3"}) {
        const Json view = projectState(r.engine->state(), Viewer{id, Role::Delegate});
        CHECK(view.at("polls").at(0).at("ballots").at(1).at("voter") == "m3");
        CHECK_FALSE(view.at("polls").at(0).at("ballots").at(1).contains("choices"));
    }
    const Json forChair = projectState(r.engine->state(), Viewer{"m1", Role::Chair});
    CHECK(forChair.at("polls").at(0).at("ballots").at(1).at("choices") == Json::array({1}));
    r.run(member(1), "poll.close", Json{{"poll", "p"}});
    check("closed, not published");
    CHECK(projectState(r.engine->state(), Viewer{"mh", Role::Display}).at("polls").at(0).at("count").is_null());
    CHECK_FALSE(projectState(r.engine->state(), Viewer{"tk", Role::Secretary}).at("polls").at(0).at("count").is_null());
    r.run(member(1), "poll.publish", Json{{"poll", "p"}});
    check("published");
    CHECK(projectState(r.engine->state(), Viewer{"mh", Role::Display}).at("polls").at(0).at("ballots").at(1).at("choices") ==
          Json::array({1}));
}

} // TEST_SUITE
