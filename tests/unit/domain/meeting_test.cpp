// meeting.define / meeting.open / meeting.close
#include <functional>

#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

struct DefineCase {
    const char* what;
    std::function<void(Json&)> edit;
    ErrorCode code;
};

Json& participantAt(Json& a, std::size_t i) { return a["participants"][i]; }
Json& itemAt(Json& a, std::size_t i) { return a["agenda"][i]; }
constexpr std::size_t kDisplayIndex = 11; // ct, tk, d1..d8, kb (10), mh, qt
constexpr std::size_t kAdminIndex = 12;

const std::vector<DefineCase>& defineCases() {
    using E = ErrorCode;
    static const std::vector<DefineCase> kCases = {
        // the meeting object
        {"meeting missing", [](Json& a) { a.erase("meeting"); }, E::MissingField},
        {"meeting not an object", [](Json& a) { a["meeting"] = "họp"; }, E::InvalidArgument},
        {"meeting.id missing", [](Json& a) { a["meeting"].erase("id"); }, E::MissingField},
        {"meeting.id null", [](Json& a) { a["meeting"]["id"] = nullptr; }, E::MissingField},
        {"meeting.id empty", [](Json& a) { a["meeting"]["id"] = ""; }, E::InvalidArgument},
        {"meeting.id ../x", [](Json& a) { a["meeting"]["id"] = "../x"; }, E::InvalidArgument},
        {"meeting.id ..", [](Json& a) { a["meeting"]["id"] = ".."; }, E::InvalidArgument},
        {"meeting.id .", [](Json& a) { a["meeting"]["id"] = "."; }, E::InvalidArgument},
        {"meeting.id hidden file", [](Json& a) { a["meeting"]["id"] = ".htaccess"; }, E::InvalidArgument},
        {"meeting.id option-like", [](Json& a) { a["meeting"]["id"] = "-rf"; }, E::InvalidArgument},
        {"meeting.id starting with _", [](Json& a) { a["meeting"]["id"] = "_x"; }, E::InvalidArgument},
        {"meeting.id with slash", [](Json& a) { a["meeting"]["id"] = "a/b"; }, E::InvalidArgument},
        {"meeting.id with backslash", [](Json& a) { a["meeting"]["id"] = "..\\x"; }, E::InvalidArgument},
        {"meeting.id with space", [](Json& a) { a["meeting"]["id"] = "họp 1"; }, E::InvalidArgument},
        {"meeting.id with NUL", [](Json& a) { a["meeting"]["id"] = std::string("a\0b", 3); }, E::InvalidArgument},
        {"meeting.id 65 chars", [](Json& a) { a["meeting"]["id"] = std::string(65, 'x'); }, E::InvalidArgument},
        {"meeting.id a number", [](Json& a) { a["meeting"]["id"] = 42; }, E::InvalidArgument},
        {"title missing", [](Json& a) { a["meeting"].erase("title"); }, E::MissingField},
        {"title empty", [](Json& a) { a["meeting"]["title"] = ""; }, E::InvalidArgument},
        {"title too long", [](Json& a) { a["meeting"]["title"] = std::string(501, 'x'); }, E::InvalidArgument},
        {"title not UTF-8", [](Json& a) { a["meeting"]["title"] = "Phi\xff\xfe"; }, E::InvalidArgument},
        {"title an array", [](Json& a) { a["meeting"]["title"] = Json::array({"a"}); }, E::InvalidArgument},
        {"organization too long", [](Json& a) { a["meeting"]["organization"] = std::string(501, 'x'); }, E::InvalidArgument},
        {"place a number", [](Json& a) { a["meeting"]["place"] = 1; }, E::InvalidArgument},
        {"speaking seconds negative", [](Json& a) { a["meeting"]["default_speaking_seconds"] = -1; }, E::InvalidArgument},
        {"speaking seconds > 1h", [](Json& a) { a["meeting"]["default_speaking_seconds"] = 3601; }, E::InvalidArgument},
        {"speaking seconds a string", [](Json& a) { a["meeting"]["default_speaking_seconds"] = "300"; }, E::InvalidArgument},
        {"speaking seconds fractional", [](Json& a) { a["meeting"]["default_speaking_seconds"] = 30.5; }, E::InvalidArgument},
        {"quorum not an object", [](Json& a) { a["meeting"]["quorum"] = "half"; }, E::InvalidArgument},
        {"quorum > 1", [](Json& a) { a["meeting"]["quorum"] = Json{{"num", 3}, {"den", 2}}; }, E::InvalidArgument},
        {"quorum 1001/1000", [](Json& a) { a["meeting"]["quorum"] = Json{{"num", 1000}, {"den", 999}}; }, E::InvalidArgument},
        {"quorum den 0", [](Json& a) { a["meeting"]["quorum"] = Json{{"num", 0}, {"den", 0}}; }, E::InvalidArgument},
        {"quorum num negative", [](Json& a) { a["meeting"]["quorum"] = Json{{"num", -1}, {"den", 2}}; }, E::InvalidArgument},
        {"quorum num missing", [](Json& a) { a["meeting"]["quorum"] = Json{{"den", 2}}; }, E::MissingField},
        {"quorum den missing", [](Json& a) { a["meeting"]["quorum"] = Json{{"num", 1}}; }, E::MissingField},
        {"quorum strict a string", [](Json& a) { a["meeting"]["quorum"] = Json{{"num", 1}, {"den", 2}, {"strict", "yes"}}; }, E::InvalidArgument},
        {"proxies flag a string", [](Json& a) { a["meeting"]["proxies_count_for_quorum"] = "true"; }, E::InvalidArgument},
        // participants
        {"participants missing", [](Json& a) { a.erase("participants"); }, E::MissingField},
        {"participants an object", [](Json& a) { a["participants"] = Json::object(); }, E::InvalidArgument},
        {"participant a string", [](Json& a) { participantAt(a, 3) = "d2"; }, E::InvalidArgument},
        {"participant id missing", [](Json& a) { participantAt(a, 3).erase("id"); }, E::MissingField},
        {"participant id empty", [](Json& a) { participantAt(a, 3)["id"] = ""; }, E::InvalidArgument},
        {"participant id ../x", [](Json& a) { participantAt(a, 3)["id"] = "../x"; }, E::InvalidArgument},
        {"participant id /etc/passwd", [](Json& a) { participantAt(a, 3)["id"] = "/etc/passwd"; }, E::InvalidArgument},
        {"participant id ..", [](Json& a) { participantAt(a, 3)["id"] = ".."; }, E::InvalidArgument},
        {"participant id 'system' (the server's actor)", [](Json& a) { participantAt(a, 3)["id"] = std::string(kSystemActor); }, E::InvalidArgument},
        {"participant id Vietnamese letters", [](Json& a) { participantAt(a, 3)["id"] = "đb1"; }, E::InvalidArgument},
        {"duplicate participant id", [](Json& a) { participantAt(a, 3)["id"] = "d1"; }, E::InvalidArgument},
        {"full_name missing", [](Json& a) { participantAt(a, 3).erase("full_name"); }, E::MissingField},
        {"full_name empty", [](Json& a) { participantAt(a, 3)["full_name"] = ""; }, E::InvalidArgument},
        {"full_name too long", [](Json& a) { participantAt(a, 3)["full_name"] = std::string(201, 'x'); }, E::InvalidArgument},
        {"role missing", [](Json& a) { participantAt(a, 3).erase("role"); }, E::MissingField},
        {"role unknown", [](Json& a) { participantAt(a, 3)["role"] = "president"; }, E::InvalidArgument},
        {"role wrong case", [](Json& a) { participantAt(a, 3)["role"] = "Delegate"; }, E::InvalidArgument},
        {"member flag on a guest", [](Json& a) { participantAt(a, 10)["member"] = true; }, E::InvalidArgument},
        {"no chair", [](Json& a) { participantAt(a, 0)["role"] = "delegate"; }, E::InvalidArgument},
        {"two chairs", [](Json& a) { participantAt(a, 2)["role"] = "chair"; }, E::InvalidArgument},
        {"no participants at all", [](Json& a) { a["participants"] = Json::array(); }, E::InvalidArgument},
        {"member flag on a display", [](Json& a) { participantAt(a, kDisplayIndex)["member"] = true; }, E::InvalidArgument},
        {"member flag on an admin", [](Json& a) { participantAt(a, kAdminIndex)["member"] = true; }, E::InvalidArgument},
        {"member a string", [](Json& a) { participantAt(a, 3)["member"] = "yes"; }, E::InvalidArgument},
        {"weight 0", [](Json& a) { participantAt(a, 3)["weight"] = 0; }, E::InvalidArgument},
        {"weight 1001", [](Json& a) { participantAt(a, 3)["weight"] = 1001; }, E::InvalidArgument},
        {"seat too long", [](Json& a) { participantAt(a, 3)["seat"] = std::string(201, 'x'); }, E::InvalidArgument},
        {"position a number", [](Json& a) { participantAt(a, 3)["position"] = 7; }, E::InvalidArgument},
        // agenda
        {"agenda an object", [](Json& a) { a["agenda"] = Json::object(); }, E::InvalidArgument},
        {"item a string", [](Json& a) { itemAt(a, 0) = "1"; }, E::InvalidArgument},
        {"item id missing", [](Json& a) { itemAt(a, 0).erase("id"); }, E::MissingField},
        {"item id ../x", [](Json& a) { itemAt(a, 0)["id"] = "../x"; }, E::InvalidArgument},
        {"duplicate item id", [](Json& a) { itemAt(a, 4)["id"] = "2"; }, E::InvalidArgument},
        {"sub-item before its parent", [](Json& a) { std::swap(itemAt(a, 1), itemAt(a, 2)); }, E::InvalidArgument},
        {"parent unknown", [](Json& a) { itemAt(a, 2)["parent"] = "9"; }, E::InvalidArgument},
        {"parent is itself", [](Json& a) { itemAt(a, 1)["parent"] = "2"; }, E::InvalidArgument},
        {"parent ../x", [](Json& a) { itemAt(a, 2)["parent"] = "../2"; }, E::InvalidArgument},
        {"item title missing", [](Json& a) { itemAt(a, 0).erase("title"); }, E::MissingField},
        {"item title empty", [](Json& a) { itemAt(a, 0)["title"] = ""; }, E::InvalidArgument},
        {"presenter a number", [](Json& a) { itemAt(a, 0)["presenter"] = 1; }, E::InvalidArgument},
        {"planned minutes negative", [](Json& a) { itemAt(a, 0)["planned_minutes"] = -5; }, E::InvalidArgument},
        {"planned minutes > 1 day", [](Json& a) { itemAt(a, 0)["planned_minutes"] = 24 * 60 + 1; }, E::InvalidArgument},
    };
    return kCases;
}

} // namespace

TEST_SUITE("meeting") {

TEST_CASE("meeting.define: the realistic meeting is accepted and folded") {
    Given g = defined();
    CHECK(g.s.status == MeetingStatus::Scheduled);
    CHECK(g.s.meeting.id == "ubnd-th-2026-01");
    CHECK(g.s.meeting.title == "Phiên họp thường kỳ tháng 01/2026 của UBND tỉnh");
    CHECK(g.s.meeting.organization == "UBND tỉnh Thanh Hóa");
    CHECK(g.s.meeting.defaultSpeakingSeconds == 300);
    CHECK(g.s.participants.size() == 13);
    CHECK(g.s.agenda.size() == 6);
    CHECK(g.item("2.1").parent == "2");
    CHECK(g.item("2.1").presenter == "Giám đốc Sở Kế hoạch và Đầu tư");
    CHECK(g.item("3").plannedMinutes == 45);
    for (const auto& i : g.s.agenda) CHECK(i.status == ItemStatus::Pending);
    // Defaults: the chair and delegates are members, the others are not.
    CHECK(g.s.participant("ct")->member);
    CHECK(g.s.participant("d5")->member);
    CHECK_FALSE(g.s.participant("tk")->member);
    CHECK_FALSE(g.s.participant("kb")->member);
    CHECK_FALSE(g.s.participant("mh")->member);
    CHECK_FALSE(g.s.participant("qt")->member);
    CHECK(g.s.participant("d5")->weight == 1);
    CHECK(g.s.participant("ct")->position == "Chủ tịch UBND tỉnh");
    CHECK(g.s.participant("ct")->seat == "A01");
    CHECK(g.s.participant("mh")->role == Role::Display);
    CHECK(quorum(g.s).members == kMembers);
}

TEST_CASE("meeting.define: minimal definition takes the documented defaults") {
    Given g;
    g.run(kAdmin, "meeting.define",
          Json{{"meeting", Json{{"id", "m"}, {"title", "Họp giao ban"}}},
               {"participants", Json::array({Json{{"id", "ct"}, {"full_name", "Nguyễn Văn Hùng"}, {"role", "chair"}}})}});
    CHECK(g.s.status == MeetingStatus::Scheduled);
    CHECK(g.s.agenda.empty());
    REQUIRE(g.s.participants.size() == 1);
    CHECK(g.s.participants[0].member);
    CHECK(g.s.participants[0].seat.empty());
    CHECK(g.s.meeting.place.empty());
    CHECK(g.s.meeting.defaultSpeakingSeconds == 300);
    CHECK(g.s.meeting.quorum.num == 1);
    CHECK(g.s.meeting.quorum.den == 2);
    CHECK(g.s.meeting.quorum.strict);
    CHECK(g.s.meeting.proxiesCountForQuorum);
}

TEST_CASE("meeting.define: explicit values are kept and unknown keys are dropped") {
    Json a = meetingArgs();
    a["meeting"]["quorum"] = Json{{"num", 2}, {"den", 3}, {"strict", false}};
    a["meeting"]["proxies_count_for_quorum"] = false;
    a["meeting"]["default_speaking_seconds"] = 0;
    participantAt(a, 3)["weight"] = 3;
    participantAt(a, 4)["member"] = false;
    participantAt(a, 1)["member"] = true; // a secretary may be a member
    participantAt(a, 2)["pin"] = "123456"; // secrets in the import never reach the log
    itemAt(a, 0)["documents"] = Json::array({hexId('a')});
    Given g;
    auto ev = g.run(kAdmin, "meeting.define", a);
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == "meeting.defined");
    CHECK_FALSE(ev[0].payload["participants"][2].contains("pin"));
    CHECK(ev[0].payload["agenda"][0]["documents"].empty());
    CHECK(g.s.meeting.quorum.num == 2);
    CHECK(g.s.meeting.quorum.den == 3);
    CHECK_FALSE(g.s.meeting.quorum.strict);
    CHECK_FALSE(g.s.meeting.proxiesCountForQuorum);
    CHECK(g.s.meeting.defaultSpeakingSeconds == 0);
    CHECK(g.s.participant("d2")->weight == 3);
    CHECK_FALSE(g.s.participant("d3")->member);
    CHECK(g.s.participant("tk")->member);
    CHECK(g.item("1").documents.empty());
}

TEST_CASE("meeting.define: an empty optional text is the same as an absent one") {
    Json a = meetingArgs();
    a["meeting"]["organization"] = "";
    a["meeting"]["place"] = nullptr;
    participantAt(a, 3)["seat"] = "";
    participantAt(a, 3)["position"] = "";
    itemAt(a, 0)["presenter"] = "";
    Given g;
    g.run(kAdmin, "meeting.define", a);
    CHECK(g.s.meeting.organization.empty());
    CHECK(g.s.meeting.place.empty());
    CHECK(g.s.participant("d2")->seat.empty());
    CHECK(g.s.participant("d2")->position.empty());
    CHECK(g.item("1").presenter.empty());
}

TEST_CASE("meeting.define: boundary values are accepted") {
    Json a = meetingArgs();
    a["meeting"]["id"] = std::string(64, 'x');
    a["meeting"]["title"] = std::string(500, 'x');
    a["meeting"]["default_speaking_seconds"] = 3600;
    a["meeting"]["quorum"] = Json{{"num", 1}, {"den", 1}};
    participantAt(a, 3)["id"] = "Dai_bieu-3.x";
    participantAt(a, 4)["weight"] = 1000;
    itemAt(a, 0)["planned_minutes"] = 24 * 60;
    itemAt(a, 5)["planned_minutes"] = 0;
    Given g;
    g.run(kAdmin, "meeting.define", a);
    CHECK(g.s.meeting.id.size() == 64);
    CHECK(g.s.participant("Dai_bieu-3.x") != nullptr);
    CHECK(g.s.participant("d3")->weight == 1000);
}

TEST_CASE("meeting.define: every invalid field is refused with its code and changes nothing") {
    for (const auto& c : defineCases()) {
        INFO("case: ", std::string(c.what));
        Json a = meetingArgs();
        c.edit(a);
        Given g;
        g.fail(kAdmin, "meeting.define", a, c.code);
    }
}

TEST_CASE("meeting.define: errors name the offending field or id") {
    Json a = meetingArgs();
    participantAt(a, 3)["id"] = "d1";
    Given g;
    auto e = g.fail(kAdmin, "meeting.define", a, ErrorCode::InvalidArgument);
    CHECK(e.message.find("'d1'") != std::string::npos);
    CHECK(e.messageVi.find("trùng mã đại biểu") != std::string::npos);

    a = meetingArgs();
    std::swap(itemAt(a, 1), itemAt(a, 2));
    e = g.fail(kAdmin, "meeting.define", a, ErrorCode::InvalidArgument);
    CHECK(e.message.find("'2.1'") != std::string::npos);
    CHECK(e.message.find("parent") != std::string::npos);
}

TEST_CASE("meeting.define: redefinition is allowed before opening and replaces the roster") {
    Given g = defined();
    g.run(delegate(1), "attendance.check_in");
    g.run(delegate(8), "attendance.check_in");
    g.run(kSecretary, "attendance.note_absence", Json{{"participant", "d7"}, {"reason", "Ốm"}});
    g.run(kSecretary, "proxy.grant", Json{{"from", "d2"}, {"to", "d3"}});
    g.run(kSecretary, "proxy.grant", Json{{"from", "d4"}, {"to", "d1"}});
    g.run(kSecretary, "document.add", docArgs('a', 4, "meeting", nullptr, "3"));
    g.run(kSecretary, "document.add", docArgs('b', 4, "meeting", nullptr, "4"));

    // The new roster drops d3, d7, d8 and agenda item 4.
    Json a = meetingArgs();
    auto& ps = a["participants"];
    for (const char* gone : {"d3", "d7", "d8"})
        for (std::size_t i = 0; i < ps.size(); ++i)
            if (ps[i]["id"] == gone) ps.erase(i);
    a["agenda"].erase(5);
    a["meeting"]["title"] = "Phiên họp thường kỳ tháng 01/2026 (điều chỉnh)";
    g.run(kAdmin, "meeting.define", a);

    CHECK(g.s.status == MeetingStatus::Scheduled);
    CHECK(g.s.meeting.title == "Phiên họp thường kỳ tháng 01/2026 (điều chỉnh)");
    CHECK(g.s.participants.size() == 10);
    CHECK(g.s.isPresent("d1"));                  // still here
    CHECK(g.s.attendance.count("d8") == 0);      // removed participants' attendance is dropped
    CHECK(g.s.attendance.count("d7") == 0);
    CHECK(g.s.proxies.count("d2") == 0);         // its holder d3 was removed
    CHECK(g.s.proxies.at("d4") == "d1");         // both ends remain
    CHECK(g.item("3").documents == std::vector<std::string>{hexId('a')}); // documents stay attached
    CHECK(g.s.item("4") == nullptr);
    CHECK(g.s.document(hexId('b'))->item.empty()); // detached: its item is gone
    CHECK(g.s.documents.size() == 2);
}

TEST_CASE("meeting.define: redefinition drops attendance and proxies that no longer fit the roster") {
    Given g = defined();
    g.run(delegate(1), "attendance.check_in");
    g.run(delegate(5), "attendance.check_in");
    g.run(kSecretary, "proxy.grant", Json{{"from", "d2"}, {"to", "d3"}});
    g.run(kSecretary, "proxy.grant", Json{{"from", "d4"}, {"to", "d5"}});
    g.run(kSecretary, "proxy.grant", Json{{"from", "d6"}, {"to", "d7"}});
    Json a = meetingArgs();
    for (auto& p : a["participants"]) {
        if (p["id"] == "d1") p["role"] = "display"; // now the second wall screen
        if (p["id"] == "d2") p["member"] = false;   // no longer votes: nothing to hand over
        if (p["id"] == "d5") p["role"] = "admin";   // cannot hold a proxy
        if (p["id"] == "d7") p["role"] = "guest";   // a guest may still hold one
    }
    g.run(kAdmin, "meeting.define", a);
    CHECK_FALSE(g.s.isPresent("d1"));
    CHECK(g.s.attendance.count("d1") == 0);
    CHECK(g.s.attendance.count("d5") == 0);
    CHECK(g.s.proxies.count("d2") == 0);
    CHECK(g.s.proxies.count("d4") == 0);
    CHECK(g.s.proxies.at("d6") == "d7");
}

TEST_CASE("meeting.define: refused once the meeting is open or closed") {
    Given g = opened();
    g.fail(kAdmin, "meeting.define", meetingArgs(), ErrorCode::InvalidState);
    g.run(kChair, "meeting.close");
    g.fail(kAdmin, "meeting.define", meetingArgs(), ErrorCode::InvalidState);
}

TEST_CASE("meeting.define: the state check comes before argument validation") {
    Given g = opened();
    g.fail(kAdmin, "meeting.define", Json::object(), ErrorCode::InvalidState);
}

TEST_CASE("meeting.open") {
    SUBCASE("before definition") { drafted().fail(kChair, "meeting.open", {}, ErrorCode::InvalidState); }
    SUBCASE("opens and records the time") {
        Given g = defined();
        g.clock = kT0 + 42;
        auto ev = g.run(kChair, "meeting.open");
        REQUIRE(ev.size() == 1);
        CHECK(ev[0].type == "meeting.opened");
        CHECK(g.s.status == MeetingStatus::Open);
        CHECK(g.s.openedAt == kT0 + 42);
    }
    SUBCASE("twice") { opened().fail(kChair, "meeting.open", {}, ErrorCode::Duplicate); }
    SUBCASE("after closing") {
        Given g = opened();
        g.run(kChair, "meeting.close");
        g.fail(kChair, "meeting.open", {}, ErrorCode::InvalidState);
    }
}

TEST_CASE("meeting.close") {
    SUBCASE("before definition") { drafted().fail(kChair, "meeting.close", {}, ErrorCode::InvalidState); }
    SUBCASE("before opening") { defined().fail(kChair, "meeting.close", {}, ErrorCode::InvalidState); }
    SUBCASE("an idle meeting closes with one event") {
        Given g = opened();
        auto ev = g.run(kChair, "meeting.close");
        REQUIRE(ev.size() == 1);
        CHECK(ev[0].type == "meeting.closed");
        CHECK(g.s.status == MeetingStatus::Closed);
        CHECK(g.s.closedAt == ev[0].time);
    }
    SUBCASE("twice") {
        Given g = opened();
        g.run(kChair, "meeting.close");
        auto e = g.fail(kChair, "meeting.close", {}, ErrorCode::InvalidState);
        CHECK(e.messageVi == "cuộc họp đã kết thúc");
    }
    SUBCASE("ends the current item, the speech, the presentation and the queues") {
        Given g = seated();
        g.run(kSecretary, "document.add", docArgs('a'));
        g.run(kChair, "agenda.start", Json{{"item", "2"}});
        const TimeMs itemStart = g.clock - kStep;
        g.run(kChair, "presentation.start", Json{{"document", hexId('a')}});
        g.run(delegate(1), "speaker.request");
        g.run(delegate(2), "speaker.request");
        g.run(delegate(3), "speaker.request", Json{{"queue", "interpellation"}});
        g.run(kChair, "speaker.grant");
        g.wait(60'000);
        const TimeMs closeAt = g.clock;
        auto ev = g.run(kChair, "meeting.close");
        std::vector<std::string> got;
        for (const auto& e : ev) got.push_back(e.type);
        CHECK(got == std::vector<std::string>{"speaker.finished", "agenda.item_finished", "presentation.stopped",
                                              "meeting.closed"});
        CHECK(ev[0].payload["participant"] == "d1");
        CHECK(ev[1].payload["item"] == "2");
        CHECK(g.s.status == MeetingStatus::Closed);
        CHECK(g.s.currentItem.empty());
        CHECK(g.item("2").status == ItemStatus::Done);
        CHECK(g.item("2").usedMs == closeAt - itemStart);
        CHECK(g.item("2").endedAt == closeAt);
        CHECK_FALSE(g.s.speaker.has_value());
        CHECK_FALSE(g.s.presentation.has_value());
        CHECK(g.s.floorQueue.empty());
        CHECK(g.s.interpellationQueue.empty());
        CHECK(g.s.closedAt == closeAt);
        // Attendance is the record of who was there: it is kept.
        CHECK(g.s.isPresent("d1"));
    }
}

TEST_CASE("a closed meeting refuses every change of the session") {
    Given g = seated();
    g.run(kChair, "meeting.close");
    const std::pair<const Actor*, const char*> kCalls[] = {
        {&kChair, "attendance.check_in"},  {&kChair, "attendance.check_out"},
        {&kChair, "agenda.next"},          {&kChair, "agenda.finish"},
        {&kChair, "speaker.request"},      {&kChair, "speaker.revoke"},
        {&kSecretary, "announcement.make"}, {&kChair, "presentation.page"},
    };
    for (const auto& [actor, type] : kCalls) {
        INFO("type: ", std::string(type));
        g.fail(*actor, type, Json{{"text", "x"}, {"page", 1}}, ErrorCode::InvalidState);
    }
    g.fail(kSecretary, "attendance.note_absence", Json{{"participant", "d1"}, {"reason", "x"}}, ErrorCode::InvalidState);
    g.fail(kSecretary, "proxy.grant", Json{{"from", "d1"}, {"to", "d2"}}, ErrorCode::InvalidState);
    g.fail(kSecretary, "proxy.revoke", Json{{"from", "d1"}}, ErrorCode::InvalidState);
    g.fail(kSecretary, "document.add", docArgs('e'), ErrorCode::InvalidState);
    g.fail(kSecretary, "document.remove", Json{{"document", hexId('e')}}, ErrorCode::InvalidState);
    g.fail(kChair, "agenda.start", Json{{"item", "1"}}, ErrorCode::InvalidState);
    g.fail(kChair, "agenda.skip", Json{{"item", "1"}}, ErrorCode::InvalidState);
}

} // TEST_SUITE
