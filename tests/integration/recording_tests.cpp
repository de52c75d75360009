// Recordings of the room's audio over HTTPS: the wall display hands in a file per agenda item,
// the server reads it, keeps it and logs recording.added for the staff only; bad uploads change
// nothing; an acknowledged recording survives a kill -9.
#include <doctest/doctest.h>

#include <cstdlib>

#include "shared/crypto/hash.h"
#include "tests/integration/room_fixture.h"

using namespace room;
using namespace room::itest;

namespace {

std::string opusFile() {
    const char* dir = std::getenv("ROOM_TEST_DATA");
    REQUIRE(dir != nullptr);
    return TestRoom::readFile(std::filesystem::path(dir) / "audio/room-short.opus.ogg");
}

testing::HttpResponse upload(TestRoom& room, const Client& who, const std::string& body,
                             std::map<std::string, std::string> headers = {{"x-item", "1"}}) {
    headers["authorization"] = "Bearer " + who.session();
    headers["content-type"] = "audio/ogg";
    auto r = room.http("POST", "/api/recordings", headers, body);
    REQUIRE(r.has_value());
    return *r;
}

} // namespace

TEST_CASE("a recording reaches the staff, not the delegates, and survives a kill -9") {
    auto room = TestRoom::create("recordings");
    auto chair = room->loggedIn("chair");
    auto display = room->loggedIn("display");
    auto d1 = room->loggedIn("d1");
    REQUIRE(accepted(chair->command("meeting.open")));
    const std::string bytes = opusFile();
    const std::string id = crypto::sha256Hex(bytes);

    auto r = upload(*room, *display, bytes, {{"x-item", "1"}, {"x-started-at", "1767229150000"}});
    INFO(r.body);
    REQUIRE(r.status == 201);
    const Json answer = Json::parse(r.body);
    CHECK(answer.at("recording").at("id") == id);
    CHECK(answer.at("recording").at("format") == "ogg-opus");
    CHECK(answer.at("recording").at("by") == "display");
    CHECK(answer.at("recording").at("started_at") == 1767229150000LL);
    CHECK(answer.at("recording").at("duration_ms").get<std::int64_t>() > 0);
    const Seq seq = answer.at("seq").get<Seq>();

    // The chair's replica has it; the delegate receives no such event.
    REQUIRE(chair->waitForSeq(seq));
    REQUIRE(chair->replica().recordings.count(id) == 1);
    CHECK(chair->replica().recordings.at(id).item == "1");
    REQUIRE(d1->waitForSeq(seq));
    CHECK(d1->replica().recordings.empty());
    for (const auto& e : d1->seenEvents()) CHECK(e.type != "recording.added");
    // Snapshots follow the same rule.
    CHECK(room->loggedIn("d2")->replica().recordings.empty());
    CHECK(room->loggedIn("secretary")->replica().recordings.count(id) == 1);

    // Downloads: the staff get the very bytes, with ranges; a delegate gets the same 404 as for nothing.
    auto got = room->http("GET", "/recordings/" + id, {{"authorization", "Bearer " + chair->session()}});
    REQUIRE(got);
    CHECK(got->status == 200);
    CHECK(got->body == bytes);
    CHECK(got->headers["content-type"] == "audio/ogg");
    CHECK(got->headers["etag"] == "\"" + id + "\"");
    auto part = room->http("GET", "/recordings/" + id, {{"authorization", "Bearer " + chair->session()}, {"range", "bytes=0-3"}});
    REQUIRE(part);
    CHECK(part->status == 206);
    CHECK(part->body == "OggS");
    auto head = room->http("HEAD", "/recordings/" + id, {{"authorization", "Bearer " + display->session()}});
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    auto refused = room->http("GET", "/recordings/" + id, {{"authorization", "Bearer " + d1->session()}});
    REQUIRE(refused);
    CHECK(refused->status == 404);
    auto unknown = room->http("GET", "/recordings/" + std::string(64, 'a'), {{"authorization", "Bearer " + chair->session()}});
    REQUIRE(unknown);
    CHECK(unknown->status == 404);

    // The same file again: acknowledged, nothing new in the log.
    const Seq head1 = room->head();
    auto again = upload(*room, *display, bytes);
    CHECK(again.status == 200);
    CHECK(Json::parse(again.body).value("duplicate", false));
    CHECK(room->head() == head1);

    // Acknowledged means durable.
    room->kill9();
    room->start();
    auto secretary = room->loggedIn("secretary");
    REQUIRE(secretary->replica().recordings.count(id) == 1);
    auto after = room->http("GET", "/recordings/" + id, {{"authorization", "Bearer " + secretary->session()}});
    REQUIRE(after);
    CHECK(after->status == 200);
    CHECK(after->body == bytes);
}

TEST_CASE("bad recordings and wrong uploaders get a clear error and change nothing") {
    auto room = TestRoom::create("recordings-bad");
    auto chair = room->loggedIn("chair");
    auto display = room->loggedIn("display");
    auto d1 = room->loggedIn("d1");
    REQUIRE(accepted(chair->command("meeting.open")));
    const std::string bytes = opusFile();
    const auto store = room->dataDir() / "documents";
    const std::size_t filesBefore = filesUnder(store);
    const Seq before = room->head();

    struct Case {
        const char* what;
        const Client* who;
        std::string body;
        std::map<std::string, std::string> headers;
        int status;
        const char* code;
    };
    const std::vector<Case> cases = {
        {"a delegate", d1.get(), bytes, {{"x-item", "1"}}, 403, "forbidden"},
        {"no agenda item", display.get(), bytes, {}, 400, "missing_field"},
        {"an unknown agenda item", display.get(), bytes, {{"x-item", "9"}}, 404, "not_found"},
        {"a start time that is no number", display.get(), bytes, {{"x-item", "1"}, {"x-started-at", "abc"}}, 400, "invalid_argument"},
        {"a cut-off file", display.get(), bytes.substr(0, bytes.size() / 2), {{"x-item", "1"}}, 422, "bad_document"},
        {"a PDF", display.get(), makePdf("Không phải ghi âm", 1), {{"x-item", "1"}}, 422, "bad_document"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto r = upload(*room, *c.who, c.body, c.headers);
        CHECK(r.status == c.status);
        const Json err = Json::parse(r.body, nullptr, false);
        REQUIRE(err.is_object());
        CHECK(err.value("code", "") == c.code);
        CHECK_FALSE(err.value("message_vi", "").empty());
        CHECK(room->head() == before);
        CHECK(filesUnder(store) == filesBefore);
    }
    auto noToken = room->http("POST", "/api/recordings", {{"x-item", "1"}}, bytes);
    REQUIRE(noToken);
    CHECK(noToken->status == 401);

    // Over the WebSocket the command is never taken, whoever sends it.
    for (auto* who : {display.get(), chair.get()}) {
        const Json answer = who->command("recording.add", {{"id", crypto::sha256Hex(bytes)}, {"item", "1"}, {"format", "ogg-opus"},
                                                           {"bytes", 10}, {"duration_ms", 10}, {"started_at", 0}});
        CHECK(code(answer) == "forbidden");
    }
    auto secretary = room->loggedIn("secretary");
    const Json viaSocket = secretary->command("recording.add", {{"id", crypto::sha256Hex(bytes)}, {"item", "1"}, {"format", "ogg-opus"},
                                                                {"bytes", 10}, {"duration_ms", 10}, {"started_at", 0}});
    CHECK(code(viaSocket) == "forbidden");
    CHECK(room->head() == before);
    CHECK(secretary->replica().recordings.empty());
}
