// A session carried over real TLS WebSockets: chair, delegates and the wall display.
#include <doctest/doctest.h>

#include "tests/integration/room_fixture.h"

using namespace room;
using namespace room::itest;


TEST_CASE("login gives a session and a snapshot; every replica follows a full agenda walk") {
    auto room = TestRoom::create("walk");
    auto chair = room->loggedIn("chair");
    auto d1 = room->loggedIn("d1");
    auto display = room->loggedIn("display");
    auto secretary = room->loggedIn("secretary");

    CHECK(chair->replica().meeting.title == "Phiên họp thử nghiệm");
    CHECK(chair->replica().participants.size() == 10);
    CHECK(chair->replica().status == MeetingStatus::Scheduled);

    // Roll call: delegates check themselves in; the secretary checks in someone else.
    CHECK(accepted(chair->command("attendance.check_in")));
    CHECK(accepted(d1->command("attendance.check_in")));
    CHECK(accepted(secretary->command("attendance.check_in", {{"participant", "d2"}})));
    CHECK(accepted(secretary->command("attendance.check_in", {{"participant", "d3"}})));
    CHECK(accepted(chair->command("meeting.open")));

    // Walk every agenda item in order.
    for (const char* item : {"1", "2", "2.1", "3", "4"}) {
        auto a = chair->command("agenda.next");
        REQUIRE(accepted(a));
        CHECK(chair->replica().currentItem == item);
    }
    CHECK(code(chair->command("agenda.next")) == "invalid_state");
    CHECK(accepted(chair->command("meeting.close")));
    CHECK(chair->replica().status == MeetingStatus::Closed);

    const Seq head = room->head();
    REQUIRE(d1->waitForSeq(head));
    REQUIRE(display->waitForSeq(head));
    REQUIRE(secretary->waitForSeq(head));
    // Replicas built from events equal a fresh snapshot of the server's state.
    auto fresh = room->loggedIn("display");
    CHECK(toJson(display->replica()).dump() == toJson(fresh->replica()).dump());
    REQUIRE(chair->waitForSeq(head));
    CHECK(toJson(display->replica()).dump() == toJson(chair->replica()).dump());
    // d1 is a listed reader of the confidential document, so d1's replica differs by exactly that.
    auto freshD1 = room->loggedIn("d1");
    CHECK(toJson(d1->replica()).dump() == toJson(freshD1->replica()).dump());
    CHECK(d1->replica().documents.size() == chair->replica().documents.size() + 1);
    for (const auto& item : display->replica().agenda) CHECK(item.status == ItemStatus::Done);
    CHECK(quorum(display->replica()).present == 4);
}

TEST_CASE("speaker queue: requests, point of order, interpellation, grant, revoke") {
    auto room = TestRoom::create("speakers");
    auto chair = room->loggedIn("chair");
    auto d1 = room->loggedIn("d1");
    auto d2 = room->loggedIn("d2");
    auto d3 = room->loggedIn("d3");
    auto display = room->loggedIn("display");
    for (auto* c : {chair.get(), d1.get(), d2.get(), d3.get()}) REQUIRE(accepted(c->command("attendance.check_in")));
    REQUIRE(accepted(chair->command("meeting.open")));

    CHECK(accepted(d1->command("speaker.request")));
    CHECK(accepted(d2->command("speaker.request")));
    CHECK(code(d2->command("speaker.request")) == "duplicate");
    CHECK(accepted(d3->command("speaker.request", {{"point_of_order", true}})));
    CHECK(accepted(d2->command("speaker.request", {{"queue", "interpellation"}})));
    REQUIRE(chair->waitForSeq(room->head()));
    REQUIRE(chair->replica().floorQueue.size() == 3);
    CHECK(chair->replica().floorQueue[0].participant == "d3"); // the point of order jumps the queue
    CHECK(chair->replica().interpellationQueue.size() == 1);

    // The chair grants the head of the queue: the point of order.
    CHECK(accepted(chair->command("speaker.grant")));
    REQUIRE(chair->replica().speaker.has_value());
    CHECK(chair->replica().speaker->participant == "d3");
    CHECK(chair->replica().speaker->pointOfOrder);
    CHECK(chair->replica().speaker->allottedSeconds == 120);
    // A delegate may not grant the floor or end someone else's speech.
    CHECK(code(d1->command("speaker.grant", {{"participant", "d1"}})) == "forbidden");
    REQUIRE(d3->waitForSeq(room->head()));
    CHECK(code(d1->command("speaker.finish")) == "forbidden");
    CHECK(accepted(d3->command("speaker.finish")));
    CHECK(accepted(d1->command("speaker.withdraw")));
    REQUIRE(chair->waitForSeq(room->head()));
    CHECK(accepted(chair->command("speaker.grant", {{"seconds", 60}})));
    CHECK(chair->replica().speaker->participant == "d2");
    CHECK(accepted(chair->command("speaker.extend", {{"seconds", 30}})));
    CHECK(chair->replica().speaker->allottedSeconds == 90);
    CHECK(accepted(chair->command("speaker.revoke")));
    CHECK_FALSE(chair->replica().speaker.has_value());
    CHECK(accepted(chair->command("speaker.grant", {{"queue", "interpellation"}})));
    CHECK(chair->replica().speaker->queue == SpeakerQueueKind::Interpellation);

    REQUIRE(display->waitForSeq(room->head()));
    CHECK(toJson(display->replica()).dump() == toJson(chair->replica()).dump());
}

TEST_CASE("reconnect with the session token resumes from the last sequence number") {
    auto room = TestRoom::create("resume");
    auto chair = room->loggedIn("chair");
    auto d1 = room->loggedIn("d1");
    REQUIRE(accepted(chair->command("attendance.check_in")));
    REQUIRE(d1->waitForSeq(room->head()));
    const std::string session = d1->session();
    const Seq seenBefore = d1->lastSeq();
    d1->ws().dropAbruptly(); // Wi-Fi gone

    REQUIRE(accepted(chair->command("meeting.open")));
    REQUIRE(accepted(chair->command("agenda.next")));
    REQUIRE(accepted(chair->command("announcement.make", {{"text", "Giải lao 10 phút"}})));
    const Seq head = room->head();

    Client again(room->port(), room->fingerprint());
    REQUIRE(again.connect());
    // The resumed client starts from the old replica and receives only what it missed.
    auto welcome = again.hello(session, seenBefore);
    REQUIRE(welcome.value("type", "") == "welcome");
    CHECK(again.seenEvents().size() == static_cast<std::size_t>(head - seenBefore));
    CHECK(again.seenEvents().front().seq == seenBefore + 1);
    CHECK(again.lastSeq() == head);

    // A forged or unknown session is refused and the connection can still log in.
    Client forged(room->port(), room->fingerprint());
    REQUIRE(forged.connect());
    auto refused = forged.hello(std::string(64, 'a'), 0);
    CHECK(refused.value("type", "") == "error");
    CHECK(refused.value("code", "") == "unauthenticated");
    CHECK(forged.login("d2").has_value());

    // A client from far behind (or another server) gets a snapshot.
    Client lost(room->port(), room->fingerprint());
    REQUIRE(lost.connect());
    REQUIRE(lost.hello(session, head + 100).value("type", "") == "welcome");
    CHECK(lost.replica().announcement.has_value());
    CHECK(lost.lastSeq() == head);
}

TEST_CASE("every frame that brings a replica to the head names the head's chain hash") {
    auto room = TestRoom::create("head-hash");
    auto chair = room->loggedIn("chair");
    auto d1 = room->loggedIn("d1");
    auto d2 = room->loggedIn("d2");
    const std::string imported = d1->headHash();
    CHECK(imported.size() == 64);
    CHECK(imported != std::string(64, '0'));
    CHECK(chair->headHash() == imported);

    // A command's receipt and the events frame every viewer receives name the same hash.
    auto made = chair->command("announcement.make", {{"text", "Giải lao 10 phút"}});
    REQUIRE(accepted(made));
    const Seq seq = made.at("seq").get<Seq>();
    const std::string hash = made.at("hash").get<std::string>();
    REQUIRE(d1->waitForSeq(seq));
    REQUIRE(d2->waitForSeq(seq));
    CHECK(d1->headHash() == hash);
    CHECK(d2->headHash() == hash);
    CHECK(hash != imported);

    // An event hidden from everyone but its author still moves everyone's head and hash.
    auto note = d1->command("note.save", {{"item", "2"}, {"text", "Đề nghị làm rõ số liệu"}});
    REQUIRE(accepted(note));
    const Seq noteSeq = note.at("seq").get<Seq>();
    REQUIRE(d2->waitForSeq(noteSeq));
    REQUIRE(chair->waitForSeq(noteSeq));
    CHECK(d2->seenEvents().back().seq < noteSeq); // d2 never saw the note
    CHECK(d2->headHash() == note.at("hash").get<std::string>());
    CHECK(chair->headHash() == d2->headHash());

    // Resuming with events, with a snapshot, and after a restart: the same head, the same hash.
    const std::string session = d2->session();
    Client events(room->port(), room->fingerprint());
    REQUIRE(events.connect());
    auto welcome = events.hello(session, seq);
    REQUIRE(welcome.value("type", "") == "welcome");
    CHECK(welcome.value("head_hash", "") == d2->headHash());
    CHECK(events.headHash() == d2->headHash());
    Client snapshot(room->port(), room->fingerprint());
    REQUIRE(snapshot.connect());
    REQUIRE(snapshot.hello(session, noteSeq + 100).value("type", "") == "welcome");
    CHECK(snapshot.lastSeq() == noteSeq);
    CHECK(snapshot.headHash() == d2->headHash());

    chair.reset();
    d1.reset();
    d2.reset();
    REQUIRE(room->terminate() == 0);
    room->start();
    auto back = room->loggedIn("d3");
    CHECK(back->lastSeq() == noteSeq);
    CHECK(back->headHash() == note.at("hash").get<std::string>());
}

TEST_CASE("wrong PINs are refused and lock the participant out") {
    auto room = TestRoom::create("pins");
    auto c = room->client();
    auto unknown = c->loginRaw("nobody", "123456");
    auto wrong = c->loginRaw("d4", "000000");
    CHECK(unknown.value("code", "") == "unauthenticated");
    CHECK(wrong.value("code", "") == "unauthenticated");
    CHECK(unknown.value("message", "") == wrong.value("message", "")); // no hint which was wrong
    for (int i = 0; i < 4; ++i) CHECK(c->loginRaw("d4", "000000").value("code", "") == "unauthenticated");
    // Five failures: now even the right PIN is refused, with a clear message.
    auto locked = room->client()->loginRaw("d4", kPins.at("d4"));
    CHECK(locked.value("code", "") == "locked_out");
    CHECK(locked.value("message_vi", "").find("PIN") != std::string::npos);
    // Others are unaffected.
    CHECK(room->client()->login("d5").has_value());
    // The secretary resets the PIN offline (server stopped) and the lock-out is cleared.
    REQUIRE(room->terminate() == 0);
    std::string out;
    REQUIRE(TestRoom::runCli({"set-pin", "d4", "--pin", "765432", "--data-dir", room->dataDir().string()}, &out) == 0);
    room->start();
    CHECK(room->client()->login("d4", std::string("765432")).has_value());
}

TEST_CASE("one-time login tokens") {
    auto room = TestRoom::create("tokens");
    auto secretary = room->loggedIn("secretary");
    auto r = room->http("POST", "/api/login-tokens?participant=d2", {{"authorization", "Bearer " + secretary->session()}});
    REQUIRE(r.has_value());
    REQUIRE(r->status == 201);
    const auto token = Json::parse(r->body).at("login_token").get<std::string>();
    auto c = room->client();
    Json msg{{"v", 1}, {"type", "login"}, {"login_token", token}};
    auto welcome = c->sendRaw(msg.dump());
    REQUIRE(welcome.has_value());
    CHECK(welcome->value("type", "") == "welcome");
    CHECK(welcome->at("participant").at("id") == "d2");
    auto again = room->client()->sendRaw(msg.dump());
    REQUIRE(again.has_value());
    CHECK(again->value("code", "") == "unauthenticated"); // used once only
    auto d1 = room->loggedIn("d1");
    auto forbidden = room->http("POST", "/api/login-tokens?participant=d2", {{"authorization", "Bearer " + d1->session()}});
    REQUIRE(forbidden.has_value());
    CHECK(forbidden->status == 403);
}
