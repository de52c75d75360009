// Bad input over the wire: each gets a clear error and changes nothing; the permission matrix.
#include <doctest/doctest.h>

#include "shared/domain/command.h"
#include "tests/integration/room_fixture.h"

using namespace room;
using namespace room::itest;


TEST_CASE("malformed, unknown and oversized messages get errors and change nothing") {
    auto room = TestRoom::create("bad-input");
    auto d1 = room->loggedIn("d1");
    const Seq before = room->head();

    auto notJson = d1->sendRaw("{this is not json");
    REQUIRE(notJson.has_value());
    CHECK(notJson->value("type", "") == "error");
    CHECK(code(*notJson) == "malformed");
    CHECK_FALSE(notJson->value("message_vi", "").empty());

    CHECK(code(*d1->sendRaw(R"([1,2,3])")) == "malformed");
    CHECK(code(*d1->sendRaw(R"({"v":1,"type":"launch_rockets"})")) == "unknown_type");
    CHECK(code(*d1->sendRaw(R"({"v":99,"type":"ping"})")) == "unsupported_version");
    CHECK(code(*d1->sendRaw(R"({"type":"ping"})")) == "missing_field");
    CHECK(d1->sendRaw(R"({"v":1,"type":"ping","extra":"ignored"})")->value("type", "") == "pong");

    // Commands: missing id / command, args of the wrong shape, unknown command.
    CHECK(code(*d1->sendRaw(R"({"v":1,"type":"command","command":"speaker.request"})")) == "missing_field");
    auto badArgs = d1->sendRaw(R"({"v":1,"type":"command","id":"x1","command":"speaker.request","args":[1]})");
    CHECK(badArgs->value("type", "") == "rejected");
    CHECK(badArgs->value("id", "") == "x1");
    CHECK(code(d1->command("meeting.explode")) == "unknown_type");
    CHECK(code(d1->command("attendance.check_in", {{"participant", 42}})) == "invalid_argument");
    CHECK(code(d1->command("speaker.request")) == "invalid_state"); // the meeting is not open yet
    CHECK(room->head() == before);

    // Binary frames are refused but the connection stays.
    REQUIRE(d1->ws().sendBinary("\x01\x02"));
    auto bin = d1->sendRaw(R"({"v":1,"type":"ping"})");
    REQUIRE(bin.has_value());
    CHECK(bin->value("type", "") == "error"); // the refusal comes first, in order
    CHECK(code(*bin) == "malformed");
    auto pong = d1->ws().receive(5s);
    REQUIRE(pong.has_value());
    CHECK(pong->value("type", "") == "pong"); // and the connection still answers

    // A frame over the limit (64 KiB) closes the connection with 1009.
    std::string huge = R"({"v":1,"type":"ping","pad":")" + std::string(100 * 1024, 'x') + "\"}";
    d1->ws().sendText(huge);
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (d1->ws().isOpen() && std::chrono::steady_clock::now() < deadline) d1->ws().receive(100ms);
    CHECK_FALSE(d1->ws().isOpen());
    CHECK(d1->ws().closeCode() == 1009);
    CHECK(room->head() == before);
}

TEST_CASE("commands need a session; out-of-order commands are refused; retries apply once") {
    auto room = TestRoom::create("order");
    auto anon = room->client();
    auto noSession = anon->command("attendance.check_in");
    CHECK(noSession.value("type", "") == "rejected");
    CHECK(code(noSession) == "unauthenticated");

    auto chair = room->loggedIn("chair");
    auto d1 = room->loggedIn("d1");
    auto d2 = room->loggedIn("d2");
    const Seq start = room->head();
    CHECK(code(chair->command("agenda.next")) == "invalid_state");            // not opened
    CHECK(code(d1->command("meeting.open")) == "forbidden");                  // wrong role
    REQUIRE(accepted(chair->command("meeting.open")));
    CHECK(code(chair->command("meeting.open")) == "duplicate");
    CHECK(code(chair->command("speaker.grant", {{"participant", "d2"}})) == "invalid_state"); // absent
    CHECK(code(d1->command("attendance.check_in", {{"participant", "d2"}})) == "forbidden");  // not for others
    REQUIRE(accepted(d1->command("attendance.check_in")));
    CHECK(code(d1->command("attendance.check_in")) == "duplicate");           // twice
    CHECK(code(chair->command("presentation.start", {{"document", "../../etc/passwd"}})) == "not_found");
    CHECK(room->head() == start + 2);

    // The same command id again: accepted as a duplicate, nothing new in the log.
    auto first = d2->command("attendance.check_in", {}, "retry-42");
    REQUIRE(accepted(first));
    const Seq afterFirst = room->head();
    auto retry = d2->command("attendance.check_in", {}, "retry-42");
    CHECK(accepted(retry));
    CHECK(retry.value("duplicate", false));
    CHECK(retry.value("seq", 0) == first.value("seq", -1));
    CHECK(room->head() == afterFirst);
    // Ids are per participant: another participant's same id is a different command.
    CHECK(accepted(d1->command("speaker.request", {}, "retry-42")));
}

TEST_CASE("permission matrix: every command type for every role over the wire") {
    auto room = TestRoom::create("matrix");
    std::map<Role, std::unique_ptr<Client>> clients;
    const std::map<Role, std::string> who = {{Role::Chair, "chair"},   {Role::Secretary, "secretary"},
                                             {Role::Delegate, "d1"},   {Role::Guest, "guest"},
                                             {Role::Display, "display"}, {Role::Admin, "admin"}};
    for (const auto& [role, id] : who) clients[role] = room->loggedIn(id);
    // In a closed meeting every permitted command fails validation, so the only difference the
    // role makes is forbidden versus another error, and nothing is ever stored.
    REQUIRE(accepted(clients[Role::Chair]->command("meeting.open")));
    REQUIRE(accepted(clients[Role::Chair]->command("meeting.close")));
    int checked = 0;
    for (auto type : commandTypes()) {
        for (const auto& [role, id] : who) {
            const Seq before = room->head();
            // Arguments that are never valid: a permitted role gets a validation error, not forbidden.
            auto answer = clients[role]->command(std::string(type), {{"participant", "no-such-person"}, {"item", "no-such-item"}});
            INFO(type << " as " << roleName(role));
            REQUIRE(answer.value("type", "") == "rejected");
            // document.add and recording.add are issued by the server itself after an upload,
            // never over the wire.
            if (roleMay(role, type) && type != "document.add" && type != "recording.add") CHECK(code(answer) != "forbidden");
            else CHECK(code(answer) == "forbidden");
            CHECK(room->head() == before);
            ++checked;
        }
    }
    CHECK(checked == static_cast<int>(commandTypes().size() * who.size()));
}
