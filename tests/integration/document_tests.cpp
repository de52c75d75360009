// Documents over HTTPS: upload with validation, audiences, ETag and Range downloads.
#include <doctest/doctest.h>

#include <cstdlib>

#include "shared/crypto/hash.h"
#include "tests/integration/room_fixture.h"

using namespace room;
using namespace room::itest;

namespace {

std::map<std::string, std::string> auth(const Client& c) { return {{"authorization", "Bearer " + c.session()}}; }

} // namespace

TEST_CASE("download with ETag and Range; a broken download resumes") {
    auto room = TestRoom::create("download");
    auto d2 = room->loggedIn("d2");
    const auto original = TestRoom::readFile(room->packageDir() / "bao-cao.pdf");
    const auto id = crypto::sha256Hex(original);
    REQUIRE(d2->replica().document(id) != nullptr);
    CHECK(d2->replica().document(id)->pages == 6);
    CHECK(d2->replica().item("2")->documents == std::vector<std::string>{id});

    auto full = room->http("GET", "/documents/" + id, auth(*d2));
    REQUIRE(full.has_value());
    CHECK(full->status == 200);
    CHECK(full->body == original);
    CHECK(full->headers["etag"] == "\"" + id + "\"");
    CHECK(full->headers["content-type"] == "application/pdf");

    // Resume: first part, then the rest from where it broke off.
    const std::size_t cut = original.size() / 3;
    auto head = room->http("GET", "/documents/" + id, {{"authorization", "Bearer " + d2->session()}, {"range", "bytes=0-" + std::to_string(cut - 1)}});
    auto tail = room->http("GET", "/documents/" + id, {{"authorization", "Bearer " + d2->session()}, {"range", "bytes=" + std::to_string(cut) + "-"},
                                                        {"if-range", "\"" + id + "\""}});
    REQUIRE(head.has_value());
    REQUIRE(tail.has_value());
    CHECK(head->status == 206);
    CHECK(tail->status == 206);
    CHECK(tail->headers["content-range"] == "bytes " + std::to_string(cut) + "-" + std::to_string(original.size() - 1) + "/" + std::to_string(original.size()));
    CHECK(head->body + tail->body == original);
    auto suffix = room->http("GET", "/documents/" + id, {{"authorization", "Bearer " + d2->session()}, {"range", "bytes=-100"}});
    CHECK(suffix->status == 206);
    CHECK(suffix->body == original.substr(original.size() - 100));
    auto beyond = room->http("GET", "/documents/" + id, {{"authorization", "Bearer " + d2->session()}, {"range", "bytes=999999999-"}});
    CHECK(beyond->status == 416);
    auto cached = room->http("GET", "/documents/" + id, {{"authorization", "Bearer " + d2->session()}, {"if-none-match", "\"" + id + "\""}});
    CHECK(cached->status == 304);
    CHECK(cached->body.empty());

    // No session, a forged one, path tricks: refused without touching the disk.
    CHECK(room->http("GET", "/documents/" + id)->status == 401);
    CHECK(room->http("GET", "/documents/" + id, {{"authorization", "Bearer forged"}})->status == 401);
    for (const std::string& trick : std::vector<std::string>{"../room.sqlite", "..%2F..%2Froom.sqlite", std::string(64, 'A'), id + "/../x", "%00"})
        CHECK(room->http("GET", "/documents/" + trick, auth(*d2))->status == 404);
}

TEST_CASE("a confidential document reaches only its readers") {
    auto room = TestRoom::create("audience");
    auto d1 = room->loggedIn("d1"); // listed reader
    auto d2 = room->loggedIn("d2");
    auto display = room->loggedIn("display");
    const auto id = crypto::sha256Hex(TestRoom::readFile(room->packageDir() / "mat.pdf"));
    CHECK(d1->replica().document(id) != nullptr);
    CHECK(d2->replica().document(id) == nullptr);
    CHECK(display->replica().document(id) == nullptr);
    CHECK(room->http("GET", "/documents/" + id, auth(*d1))->status == 200);
    CHECK(room->http("GET", "/documents/" + id, auth(*d2))->status == 404);
    CHECK(room->http("GET", "/documents/" + id, auth(*display))->status == 404);

    // An upload for listed readers: the event reaches them and the staff only.
    auto secretary = room->loggedIn("secretary");
    const auto pdf = makePdf("Phương án nhân sự", 3);
    // Free text travels percent-encoded (UTF-8) in headers: "Phương án nhân sự & lương".
    auto up = room->http("POST", "/api/documents",
                         {{"authorization", "Bearer " + secretary->session()}, {"content-type", "application/pdf"},
                          {"x-title", "Ph%C6%B0%C6%A1ng%20%C3%A1n%20nh%C3%A2n%20s%E1%BB%B1%20%26%20l%C6%B0%C6%A1ng"},
                          {"x-audience", "listed"}, {"x-listed", "d2"}}, pdf);
    REQUIRE(up.has_value());
    REQUIRE_MESSAGE(up->status == 201, up->body);
    const Seq head = room->head();
    REQUIRE(d2->waitForSeq(head));
    REQUIRE(d1->waitForSeq(head));
    const auto newId = crypto::sha256Hex(pdf);
    REQUIRE(d2->replica().document(newId) != nullptr);
    CHECK(d2->replica().document(newId)->title == "Phương án nhân sự & lương");
    CHECK(d1->replica().document(newId) == nullptr);
    for (const auto& e : d1->seenEvents()) CHECK(e.payload.dump().find(newId) == std::string::npos);
}

TEST_CASE("uploads are validated with MuPDF: bad files are refused and nothing is stored") {
    auto room = TestRoom::create("upload");
    auto secretary = room->loggedIn("secretary");
    auto d1 = room->loggedIn("d1");
    const auto docs = room->dataDir() / "documents";
    const std::size_t filesBefore = filesUnder(docs);
    const Seq before = room->head();
    auto upload = [&](const Client& who, const std::string& body) {
        auto r = room->http("POST", "/api/documents", {{"authorization", "Bearer " + who.session()}, {"content-type", "application/pdf"}, {"x-title", "x"}}, body);
        REQUIRE(r.has_value());
        return *r;
    };

    auto notPdf = upload(*secretary, "GIF89a this is not a pdf at all");
    CHECK(notPdf.status == 422);
    CHECK(Json::parse(notPdf.body).at("code") == "bad_document");
    const auto good = makePdf("Tờ trình", 4);
    auto truncated = upload(*secretary, good.substr(0, good.size() / 2));
    CHECK(truncated.status == 422);
    auto encrypted = upload(*secretary, makePdf("Mật", 1, "matkhau"));
    CHECK(encrypted.status == 422);
    CHECK(Json::parse(encrypted.body).at("message").get<std::string>().find("password") != std::string::npos);
    CHECK(upload(*secretary, "").status == 422);
    CHECK(upload(*d1, good).status == 403); // a delegate may not upload
    CHECK(room->http("POST", "/api/documents", {}, good)->status == 401);
    CHECK(room->head() == before);
    CHECK(filesUnder(docs) == filesBefore);
    CHECK(filesUnder(room->dataDir() / "uploads") == 0);

    auto ok = upload(*secretary, good);
    CHECK(ok.status == 201);
    CHECK(Json::parse(ok.body).at("pages") == 4);
    CHECK(Json::parse(ok.body).at("title") == "x");
    CHECK(room->head() == before + 1);
    auto again = upload(*secretary, good); // idempotent
    CHECK(again.status == 200);
    CHECK(Json::parse(again.body).at("duplicate") == true);
    CHECK(room->head() == before + 1);
    CHECK(filesUnder(docs) == filesBefore + 1);
}

TEST_CASE("notes and annotations reach only their author, on every device, across a restart") {
    auto room = TestRoom::create("private-notes");
    auto d1 = room->loggedIn("d1");
    auto d2 = room->loggedIn("d2");
    auto chair = room->loggedIn("chair");
    const auto id = crypto::sha256Hex(TestRoom::readFile(room->packageDir() / "bao-cao.pdf"));
    const Json stroke{{"id", "h-1"}, {"page", 2}, {"kind", "highlighter"},
                      {"points", Json::array({Json::array({72, 300}), Json::array({400, 300})})}};

    CHECK(accepted(d1->command("note.save", {{"item", "2"}, {"text", "Đề nghị làm rõ số liệu giải ngân"}})));
    CHECK(accepted(d1->command("annotation.save", {{"document", id}, {"annotation", stroke}})));
    auto marker = d1->command("annotation.save", {{"document", id}, {"annotation", {{"id", "t-1"}, {"page", 3}, {"kind", "text"}, {"points", Json::array({Json::array({90, 120})})}, {"text", "Xem lại"}}}});
    REQUIRE(accepted(marker));
    // Someone else's cannot be deleted, and a document the author may not read is "not found".
    CHECK(code(d2->command("annotation.delete", {{"document", id}, {"id", "h-1"}})) == "not_found");
    const auto secret = crypto::sha256Hex(TestRoom::readFile(room->packageDir() / "mat.pdf"));
    CHECK(code(d2->command("annotation.save", {{"document", secret}, {"annotation", stroke}})) == "not_found");

    const Seq head = marker.at("seq").get<Seq>();
    REQUIRE(d2->waitForSeq(head));
    chair->pump(300ms);
    d2->pump(300ms);
    for (auto* other : {d2.get(), chair.get()}) {
        for (const auto& e : other->seenEvents())
            CHECK_MESSAGE((e.type.rfind("note.", 0) != 0 && e.type.rfind("annotation.", 0) != 0), e.type);
        CHECK(other->replica().notes.empty());
        CHECK(other->replica().annotations.empty());
    }
    REQUIRE(d1->waitForSeq(head));
    CHECK(d1->replica().notes.at("d1").at("2") == "Đề nghị làm rõ số liệu giải ngân");
    CHECK(d1->replica().annotations.at("d1").at(id).size() == 2);

    // Another device of d1 gets them in its snapshot; the chair's snapshot does not have them.
    auto tablet2 = room->loggedIn("d1");
    CHECK(tablet2->replica().annotations.at("d1").at(id).at("h-1").kind == "highlighter");
    CHECK(tablet2->replica().notes.at("d1").size() == 1);
    auto chair2 = room->loggedIn("chair");
    CHECK(chair2->replica().notes.empty());
    CHECK(chair2->replica().annotations.empty());

    // They are in the log: a restart (even after kill -9) brings them back.
    room->kill9();
    room->start();
    auto after = room->loggedIn("d1");
    CHECK(after->replica().notes.at("d1").at("2") == "Đề nghị làm rõ số liệu giải ngân");
    CHECK(after->replica().annotations.at("d1").at(id).at("t-1").text == "Xem lại");
    CHECK(accepted(after->command("annotation.delete", {{"document", id}, {"id", "h-1"}})));
    CHECK(after->replica().annotations.at("d1").at(id).count("h-1") == 0);
}

TEST_CASE("a video clip is uploaded, served as video and refused when cut short") {
    auto room = TestRoom::create("video-clip");
    auto secretary = room->loggedIn("secretary");
    auto d2 = room->loggedIn("d2");
    const char* data = std::getenv("ROOM_TEST_DATA");
    REQUIRE(data != nullptr);
    const std::string clip = TestRoom::readFile(std::filesystem::path(data) / "video/presented-2s.webm");
    const auto store = room->dataDir() / "documents";
    const std::size_t before = filesUnder(store);
    const Seq head = room->head();

    auto cut = room->http("POST", "/api/documents", {{"authorization", "Bearer " + secretary->session()}, {"x-item", "2"}},
                          clip.substr(0, clip.size() / 2));
    REQUIRE(cut);
    CHECK(cut->status == 422);
    CHECK(Json::parse(cut->body).value("code", "") == "bad_document");
    CHECK(room->head() == head);
    CHECK(filesUnder(store) == before);

    auto up = room->http("POST", "/api/documents", {{"authorization", "Bearer " + secretary->session()}, {"x-item", "2"}}, clip);
    REQUIRE(up);
    INFO(up->body);
    REQUIRE(up->status == 201);
    const Json added = Json::parse(up->body);
    CHECK(added.value("media_type", "") == "video/webm");
    CHECK(added.value("title", "") == "Video");
    CHECK(added.value("pages", 0) == 1);
    const std::string id = added.value("id", "");
    REQUIRE(d2->waitForSeq(added.value("seq", Seq{0})));
    REQUIRE(d2->replica().document(id) != nullptr);
    CHECK(d2->replica().document(id)->isVideo());
    auto got = room->http("GET", "/documents/" + id, auth(*d2));
    REQUIRE(got);
    CHECK(got->status == 200);
    CHECK(got->headers["content-type"] == "video/webm");
    CHECK(got->body == clip);
}
