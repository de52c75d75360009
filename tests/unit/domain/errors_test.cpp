// Errors: codes for malformed input, messages in both languages, and that errors change nothing.
#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

/// A meeting in full swing: an item under way, a speaker, both queues, a presentation, an
/// announcement, a proxy, a noted absence and documents of every audience.
Given busy() {
    Given g = defined();
    g.run(kSecretary, "document.add", docArgs('a', 20, "meeting", nullptr, "2"));
    g.run(kSecretary, "document.add", docArgs('b', 3, "listed", Json::array({"d1"}), "3"));
    g.run(kSecretary, "document.add", docArgs('c', 3, "confidential", Json::array({"ct"})));
    g.run(kChair, "attendance.check_in");
    g.run(kSecretary, "attendance.check_in");
    for (int i = 1; i <= 6; ++i) g.run(delegate(i), "attendance.check_in");
    g.run(kSecretary, "attendance.note_absence", Json{{"participant", "d8"}, {"reason", "Đi công tác"}});
    g.run(kSecretary, "proxy.grant", Json{{"from", "d8"}, {"to", "d1"}});
    g.run(kChair, "meeting.open");
    g.run(kChair, "agenda.next");
    g.run(kChair, "agenda.next");
    g.run(kChair, "presentation.start", Json{{"document", hexId('a')}, {"page", 3}});
    g.run(delegate(2), "speaker.request");
    g.run(delegate(3), "speaker.request");
    g.run(delegate(4), "speaker.request", Json{{"queue", "interpellation"}});
    g.run(kChair, "speaker.grant", Json{{"seconds", 120}});
    g.run(kSecretary, "announcement.make", Json{{"text", "Đề nghị giữ trật tự"}});
    return g;
}

struct Bad {
    Actor actor;
    std::string type;
    Json args;
    ErrorCode code;
};

std::vector<Bad> badCommands() {
    using E = ErrorCode;
    const Actor d1 = delegate(1), d2 = delegate(2), d5 = delegate(5);
    return {
        {kAdmin, "meeting.define", meetingArgs(), E::InvalidState},
        {kChair, "meeting.open", {}, E::Duplicate},
        {d1, "meeting.close", {}, E::Forbidden},
        {d1, "attendance.check_in", {}, E::Duplicate},
        {d1, "attendance.check_in", Json{{"participant", "d7"}}, E::Forbidden},
        {kSecretary, "attendance.check_in", Json{{"participant", "mh"}}, E::InvalidArgument},
        {kSecretary, "attendance.check_in", Json{{"participant", "nobody"}}, E::NotFound},
        {delegate(7), "attendance.check_out", {}, E::InvalidState},
        {kSecretary, "attendance.note_absence", Json{{"participant", "d1"}, {"reason", "Ốm"}}, E::InvalidState},
        {kSecretary, "attendance.note_absence", Json{{"participant", "d7"}}, E::MissingField},
        {kSecretary, "proxy.grant", Json{{"from", "d8"}, {"to", "d2"}}, E::Duplicate},
        {kSecretary, "proxy.grant", Json{{"from", "d1"}, {"to", "d2"}}, E::InvalidState},
        {kSecretary, "proxy.grant", Json{{"from", "d2"}, {"to", "d8"}}, E::InvalidState},
        {kSecretary, "proxy.grant", Json{{"from", "tk"}, {"to", "d2"}}, E::InvalidArgument},
        {kSecretary, "proxy.grant", Json{{"from", "d2"}, {"to", "d2"}}, E::InvalidArgument},
        {kSecretary, "proxy.revoke", Json{{"from", "d2"}}, E::NotFound},
        {kChair, "agenda.start", Json{{"item", "2"}}, E::Duplicate},
        {kChair, "agenda.start", Json{{"item", "nope"}}, E::NotFound},
        {kChair, "agenda.finish", Json{{"item", "1"}}, E::InvalidState},
        {kChair, "agenda.skip", Json{{"item", "1"}}, E::InvalidState},
        {kChair, "agenda.skip", Json{{"item", "2"}}, E::InvalidState},
        {delegate(3), "speaker.request", {}, E::Duplicate},
        {d5, "speaker.request", Json{{"queue", "interpellation"}, {"point_of_order", true}}, E::InvalidArgument},
        {delegate(7), "speaker.request", {}, E::InvalidState},
        {d5, "speaker.withdraw", {}, E::NotFound},
        {d5, "speaker.withdraw", Json{{"participant", "d2"}}, E::Forbidden},
        {kChair, "speaker.grant", Json{{"participant", "d2"}}, E::Duplicate},
        {kChair, "speaker.grant", Json{{"participant", "d7"}}, E::InvalidState},
        {kChair, "speaker.grant", Json{{"participant", "qt"}}, E::InvalidArgument},
        {kChair, "speaker.grant", Json{{"seconds", 4000}}, E::InvalidArgument},
        {d5, "speaker.finish", {}, E::Forbidden},
        {kChair, "speaker.extend", Json{{"seconds", 0}}, E::InvalidArgument},
        {kChair, "speaker.extend", Json{{"seconds", "30"}}, E::InvalidArgument},
        {kSecretary, "announcement.make", Json{{"text", ""}}, E::InvalidArgument},
        {kChair, "presentation.start", Json{{"document", hexId('b')}}, E::Forbidden},
        {kChair, "presentation.start", Json{{"document", hexId('e')}}, E::NotFound},
        {kChair, "presentation.page", Json{{"page", 21}}, E::InvalidArgument},
        {kSecretary, "document.add", docArgs('a'), E::Duplicate},
        {kSecretary, "document.add", docArgs('e', 1, "listed"), E::InvalidArgument},
        {kSecretary, "document.remove", Json{{"document", hexId('e')}}, E::NotFound},
        {kDisplay, "attendance.check_in", {}, E::Forbidden},
        {kAdmin, "no.such.command", {}, E::UnknownType},
        {kChair, "agenda.next", Json::array(), E::Malformed},
    };
}

bool hasNonAscii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return true;
    return false;
}

} // namespace

TEST_SUITE("errors") {

TEST_CASE("errors change nothing, and decide is deterministic") {
    Given g = busy();
    REQUIRE(g.s.speaker.has_value());
    REQUIRE(g.s.presentation.has_value());
    const Json before = g.json();
    for (const auto& b : badCommands()) {
        INFO("command: ", b.type);
        INFO("args: ", b.args.dump());
        auto first = g.decideAs(b.actor, b.type, b.args);
        auto second = g.decideAs(b.actor, b.type, b.args);
        REQUIRE_FALSE(first.ok());
        REQUIRE_FALSE(second.ok());
        CHECK(errorCodeName(first.error().code) == errorCodeName(b.code));
        CHECK(first.error().message == second.error().message);
        CHECK(g.json() == before);
    }
    // After all of that, folding the log again gives the same state: nothing leaked into it.
    State replayed;
    for (const auto& e : g.log) apply(replayed, e);
    CHECK(toJson(replayed) == before);
}

TEST_CASE("every error carries an English and a Vietnamese message") {
    Given g = busy();
    for (const auto& b : badCommands()) {
        INFO("command: ", b.type);
        INFO("args: ", b.args.dump());
        auto r = g.decideAs(b.actor, b.type, b.args);
        REQUIRE_FALSE(r.ok());
        CHECK_FALSE(r.error().message.empty());
        CHECK_FALSE(r.error().messageVi.empty());
        CHECK(r.error().messageVi != r.error().message);
        CHECK(hasNonAscii(r.error().messageVi)); // written with Vietnamese diacritics
    }
}

TEST_CASE("a sample of Vietnamese messages, word for word") {
    Given g = busy();
    struct Case {
        Bad cmd;
        const char* vi;
    };
    const Case cases[] = {
        {{kChair, "meeting.open", {}, ErrorCode::Duplicate}, "cuộc họp đã khai mạc"},
        {{kChair, "agenda.start", Json{{"item", "nope"}}, ErrorCode::NotFound}, "không có nội dung 'nope'"},
        {{kSecretary, "proxy.grant", Json{{"from", "d2"}, {"to", "d2"}}, ErrorCode::InvalidArgument},
         "trường 'to': không thể tự ủy quyền cho chính mình"},
        {{kSecretary, "attendance.note_absence", Json{{"participant", "d7"}}, ErrorCode::MissingField},
         "thiếu trường 'reason'"},
        {{kChair, "speaker.extend", Json{{"seconds", "30"}}, ErrorCode::InvalidArgument}, "trường 'seconds': phải là số nguyên"},
        {{kDisplay, "attendance.check_in", {}, ErrorCode::Forbidden}, "vai trò display không được dùng lệnh 'attendance.check_in'"},
        {{kAdmin, "no.such.command", {}, ErrorCode::UnknownType}, "lệnh không hợp lệ 'no.such.command'"},
        {{kChair, "agenda.next", Json::array(), ErrorCode::Malformed}, "tham số lệnh phải là một đối tượng"},
    };
    for (const auto& c : cases) {
        auto e = g.fail(c.cmd.actor, c.cmd.type, c.cmd.args, c.cmd.code);
        CHECK(e.messageVi.rfind(c.vi, 0) == 0); // starts with
    }
}

TEST_CASE("unknown command types") {
    Given g = seated();
    for (const char* t : {"meeting.delete", "", "Meeting.Open", "vote.open", "meeting.open.now"}) {
        INFO("type: ", std::string(t));
        for (const auto r : kAllRoles) {
            // The type is checked before the role: even the display learns only that it is unknown.
            g.fail(Actor{"x", r}, t, {}, ErrorCode::UnknownType);
        }
    }
}

TEST_CASE("arguments that are not an object are malformed") {
    Given g = seated();
    const Json before = g.json();
    for (const Json& args : {Json::array(), Json("item"), Json(5), Json(nullptr), Json(true), Json::array({1, 2})}) {
        INFO("args: ", args.dump());
        // decide() directly: Given treats a null argument as "no arguments".
        for (const auto& [actor, type] : {std::pair{kChair, "agenda.next"}, {delegate(1), "speaker.request"},
                                          {kAdmin, "meeting.define"}}) {
            auto r = decide(g.s, actor, Command{type, args}, g.clock);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == ErrorCode::Malformed);
            CHECK_FALSE(r.error().messageVi.empty());
        }
    }
    CHECK(g.json() == before);
}

TEST_CASE("field types: absent or null is missing, the wrong type is invalid") {
    Given g = seated();
    g.run(delegate(1), "speaker.request");
    g.run(kChair, "speaker.grant");
    struct Case {
        const char* what;
        Actor actor;
        const char* type;
        Json args;
        ErrorCode code;
    };
    using E = ErrorCode;
    const Case cases[] = {
        {"text absent", kSecretary, "announcement.make", Json::object(), E::MissingField},
        {"text null", kSecretary, "announcement.make", Json{{"text", nullptr}}, E::MissingField},
        {"text a number", kSecretary, "announcement.make", Json{{"text", 1}}, E::InvalidArgument},
        {"text an object", kSecretary, "announcement.make", Json{{"text", Json::object()}}, E::InvalidArgument},
        {"text a bool", kSecretary, "announcement.make", Json{{"text", true}}, E::InvalidArgument},
        {"id an array", kChair, "agenda.start", Json{{"item", Json::array({"1"})}}, E::InvalidArgument},
        {"id null", kChair, "agenda.start", Json{{"item", nullptr}}, E::MissingField},
        {"integer absent", kChair, "speaker.extend", Json::object(), E::MissingField},
        {"integer null", kChair, "speaker.extend", Json{{"seconds", nullptr}}, E::MissingField},
        {"integer a string", kChair, "speaker.extend", Json{{"seconds", "60"}}, E::InvalidArgument},
        {"integer a float", kChair, "speaker.extend", Json{{"seconds", 60.0}}, E::InvalidArgument},
        {"integer a bool", kChair, "speaker.extend", Json{{"seconds", true}}, E::InvalidArgument},
        {"integer huge unsigned", kChair, "speaker.extend", Json{{"seconds", 18446744073709551615ULL}}, E::InvalidArgument},
        {"boolean a number", delegate(2), "speaker.request", Json{{"point_of_order", 1}}, E::InvalidArgument},
        {"boolean a string", delegate(2), "speaker.request", Json{{"point_of_order", "true"}}, E::InvalidArgument},
        {"optional id a number", kChair, "speaker.grant", Json{{"participant", 2}}, E::InvalidArgument},
        {"optional queue an object", kChair, "speaker.grant", Json{{"queue", Json::object()}}, E::InvalidArgument},
        {"listed null is absent", kSecretary, "document.add", docArgs('e', 1, "listed", nullptr), E::InvalidArgument},
    };
    for (const auto& c : cases) {
        INFO("case: ", std::string(c.what));
        auto e = g.fail(c.actor, c.type, c.args, c.code);
        CHECK(e.message.find("field '") == 0); // names the field
    }
    // A null optional argument is the same as an absent one.
    g.run(delegate(2), "speaker.request", Json{{"queue", nullptr}, {"point_of_order", nullptr}, {"participant", nullptr}});
    CHECK(g.floor() == std::vector<std::string>{"d2"});
}

TEST_CASE("errorCodeName spells the protocol's codes") {
    using E = ErrorCode;
    const std::pair<E, const char*> names[] = {
        {E::Malformed, "malformed"},       {E::UnsupportedVersion, "unsupported_version"},
        {E::UnknownType, "unknown_type"},   {E::MissingField, "missing_field"},
        {E::InvalidArgument, "invalid_argument"}, {E::Unauthenticated, "unauthenticated"},
        {E::Forbidden, "forbidden"},       {E::NotFound, "not_found"},
        {E::InvalidState, "invalid_state"}, {E::Duplicate, "duplicate"},
        {E::LockedOut, "locked_out"},      {E::RateLimited, "rate_limited"},
        {E::TooLarge, "too_large"},        {E::BadDocument, "bad_document"},
        {E::Internal, "internal"},         {E::Unavailable, "unavailable"},
    };
    for (auto [code, name] : names) CHECK(errorCodeName(code) == name);
}

} // TEST_SUITE
