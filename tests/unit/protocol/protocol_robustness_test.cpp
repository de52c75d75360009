// Mutated client frames: the parser and the rules answer every one with a value, never a crash.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <random>

#include "shared/protocol/protocol.h"

using namespace room;

namespace {

std::vector<std::string> sampleClientFrames() {
    const char* dir = std::getenv("ROOM_SOURCE_DIR");
    REQUIRE(dir != nullptr);
    std::ifstream in(std::string(dir) + "/tests/protocol/samples.jsonl");
    REQUIRE(in.good());
    std::vector<std::string> frames;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const Json j = Json::parse(line);
        if (j.value("dir", "") == "in") frames.push_back(j.at("frame").dump());
    }
    REQUIRE(frames.size() > 20);
    return frames;
}

/// A small meeting, opened, with people checked in and queued, so commands reach deep rules.
State liveMeeting() {
    State s;
    Seq seq = 0;
    auto run = [&](const Actor& a, const std::string& type, Json args) {
        auto ev = decide(s, a, Command{type, std::move(args)}, 1000 + seq);
        REQUIRE_MESSAGE(ev.ok(), type << ": " << (ev.ok() ? "" : ev.error().message));
        for (auto& d : *ev) apply(s, Event{++seq, 1000 + seq, a.id, d.type, d.payload});
    };
    Json participants = Json::array();
    for (auto [id, role] : {std::pair{"chutoa", "chair"}, {"thuky", "secretary"}, {"d01", "delegate"},
                            {"d02", "delegate"}, {"d03", "delegate"}, {"khach", "guest"},
                            {"manhinh", "display"}, {"quantri", "admin"}})
        participants.push_back({{"id", id}, {"full_name", std::string("Người ") + id}, {"role", role}});
    run({"system", Role::Admin}, "meeting.define",
        {{"meeting", {{"id", "m1"}, {"title", "Phiên họp"}}},
         {"participants", participants},
         {"agenda", Json::array({{{"id", "1"}, {"title", "Khai mạc"}},
                                 {{"id", "2"}, {"title", "Báo cáo"}},
                                 {{"id", "2.1"}, {"parent", "2"}, {"title", "Thảo luận"}}})}});
    for (const char* who : {"chutoa", "d01", "d02"}) run({"thuky", Role::Secretary}, "attendance.check_in", {{"participant", who}});
    run({"chutoa", Role::Chair}, "meeting.open", Json::object());
    run({"chutoa", Role::Chair}, "agenda.next", Json::object());
    run({"d01", Role::Delegate}, "speaker.request", Json::object());
    run({"d02", Role::Delegate}, "speaker.request", {{"queue", "interpellation"}});
    return s;
}

Json randomValue(std::mt19937& rng) {
    switch (rng() % 9) {
    case 0: return nullptr;
    case 1: return static_cast<int>(rng() % 5) - 2;
    case 2: return -1e300;
    case 3: return std::string(rng() % 3 == 0 ? 70 : 3, 'x');
    case 4: return "../../etc/passwd";
    case 5: return Json::array({1, "a", nullptr});
    case 6: return Json::object({{"k", "v"}});
    case 7: return true;
    default: return std::int64_t{1} << 62;
    }
}

/// Replaces one value somewhere in the document with a value of a random type.
void mutateJson(Json& j, std::mt19937& rng) {
    Json* node = &j;
    for (int depth = 0; depth < 4; ++depth) {
        if ((!node->is_object() && !node->is_array()) || node->empty()) break;
        auto it = node->begin();
        std::advance(it, static_cast<long>(rng() % node->size()));
        if (rng() % 3 == 0 || (!it->is_object() && !it->is_array())) {
            *it = randomValue(rng);
            return;
        }
        node = &*it;
    }
    if (node->is_object()) (*node)["extra" + std::to_string(rng() % 3)] = randomValue(rng);
}

std::string mutate(const std::string& frame, std::mt19937& rng) {
    std::string s = frame;
    switch (rng() % 5) {
    case 0: // flip a byte
        s[rng() % s.size()] = static_cast<char>(rng() % 256);
        return s;
    case 1: // cut short
        return s.substr(0, rng() % s.size());
    case 2: // insert a byte
        s.insert(s.begin() + static_cast<long>(rng() % s.size()), static_cast<char>(rng() % 256));
        return s;
    default: { // a well-formed frame with a field of the wrong type, value or shape
        Json j = Json::parse(s);
        mutateJson(j, rng);
        if (rng() % 4 == 0) mutateJson(j, rng);
        return j.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    }
}

} // namespace

TEST_CASE("mutated client frames always get an answer, and rejected commands change nothing") {
    const auto frames = sampleClientFrames();
    const State live = liveMeeting();
    const std::string before = toJson(live).dump();
    std::mt19937 rng(20261122); // fixed seed: the same 30,000 frames on every run
    int parsed = 0, commands = 0, accepted = 0, rejected = 0;
    for (int i = 0; i < 30'000; ++i) {
        const auto text = mutate(frames[rng() % frames.size()], rng);
        Result<protocol::ClientMessage> msg = Error{};
        REQUIRE_NOTHROW(msg = protocol::parseClientMessage(text));
        if (!msg) {
            CHECK_FALSE(msg.error().message.empty());
            continue;
        }
        ++parsed;
        auto* cmd = std::get_if<protocol::CommandMessage>(&*msg);
        if (!cmd) continue;
        ++commands;
        for (const auto& p : live.participants) {
            Result<std::vector<EventDraft>> decision = Error{};
            REQUIRE_NOTHROW(decision = decide(live, Actor{p.id, p.role}, cmd->command, 5000));
            if (!decision) {
                ++rejected;
                CHECK_FALSE(decision.error().message.empty());
                CHECK_FALSE(std::string(errorCodeName(decision.error().code)).empty());
                continue;
            }
            ++accepted;
            State next = live;
            Seq seq = live.seq;
            for (const auto& d : *decision) REQUIRE_NOTHROW(apply(next, Event{++seq, 5000, p.id, d.type, d.payload}));
            CHECK(next.seq == seq);
        }
    }
    // decide() never touches the state it is given.
    CHECK(toJson(live).dump() == before);
    MESSAGE(parsed << " frames parsed, " << commands << " commands, " << accepted << " decisions accepted, "
                   << rejected << " rejected");
    CHECK(parsed > 1000);
    CHECK(rejected > 1000);
    CHECK(accepted > 0);
}
