// announcement.*, presentation.*, document.*, and who may read what
#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

TEST_SUITE("announcements") {

TEST_CASE("make and clear") {
    Given g = opened();
    g.clock = kT0 + 9;
    auto ev = g.run(kSecretary, "announcement.make", Json{{"text", "Giải lao 15 phút"}});
    CHECK(ev[0].type == "announcement.made");
    CHECK(ev[0].payload == Json{{"text", "Giải lao 15 phút"}});
    REQUIRE(g.s.announcement.has_value());
    CHECK(g.s.announcement->text == "Giải lao 15 phút");
    CHECK(g.s.announcement->by == "tk");
    CHECK(g.s.announcement->at == kT0 + 9);
    // A new one replaces it.
    g.run(kChair, "announcement.make", Json{{"text", "Tiếp tục phiên họp"}});
    CHECK(g.s.announcement->text == "Tiếp tục phiên họp");
    CHECK(g.s.announcement->by == "ct");
    ev = g.run(kSecretary, "announcement.clear");
    CHECK(ev[0].type == "announcement.cleared");
    CHECK_FALSE(g.s.announcement.has_value());
    g.fail(kSecretary, "announcement.clear", {}, ErrorCode::InvalidState);
}

TEST_CASE("an announcement may be made before the opening") {
    Given g = defined();
    g.run(kSecretary, "announcement.make", Json{{"text", "Phiên họp bắt đầu lúc 8 giờ"}});
    CHECK(g.s.announcement.has_value());
    drafted().fail(kSecretary, "announcement.make", Json{{"text", "x"}}, ErrorCode::InvalidState);
}

TEST_CASE("announcement errors") {
    Given g = opened();
    g.fail(kSecretary, "announcement.make", {}, ErrorCode::MissingField);
    g.fail(kSecretary, "announcement.make", Json{{"text", ""}}, ErrorCode::InvalidArgument);
    g.fail(kSecretary, "announcement.make", Json{{"text", std::string(1001, 'x')}}, ErrorCode::InvalidArgument);
    g.fail(kSecretary, "announcement.make", Json{{"text", "\xc3"}}, ErrorCode::InvalidArgument);
    g.fail(kSecretary, "announcement.make", Json{{"text", 5}}, ErrorCode::InvalidArgument);
    g.fail(delegate(1), "announcement.make", Json{{"text", "x"}}, ErrorCode::Forbidden);
    g.run(kSecretary, "announcement.make", Json{{"text", std::string(1000, 'x')}});
    g.fail(kDisplay, "announcement.clear", {}, ErrorCode::Forbidden);
}

} // TEST_SUITE

TEST_SUITE("presentation") {

namespace {
Given withDocs() {
    Given g = opened();
    g.run(kSecretary, "document.add", docArgs('a', 12));
    g.run(kSecretary, "document.add", docArgs('b', 5, "listed", Json::array({"d1", "ct"})));
    g.run(kSecretary, "document.add", docArgs('c', 5, "confidential", Json::array({"ct"})));
    g.run(kSecretary, "document.add", docArgs('d', 1));
    return g;
}
} // namespace

TEST_CASE("start, turn pages, stop") {
    Given g = withDocs();
    g.clock = kT0 + 50;
    auto ev = g.run(kChair, "presentation.start", Json{{"document", hexId('a')}});
    CHECK(ev[0].type == "presentation.started");
    CHECK(ev[0].payload == Json{{"document", hexId('a')}, {"page", 1}});
    REQUIRE(g.s.presentation.has_value());
    CHECK(g.s.presentation->document == hexId('a'));
    CHECK(g.s.presentation->page == 1);
    CHECK(g.s.presentation->presenter == "ct");
    CHECK(g.s.presentation->since == kT0 + 50);
    ev = g.run(kChair, "presentation.page", Json{{"page", 12}});
    CHECK(ev[0].payload == Json{{"page", 12}});
    CHECK(g.s.presentation->page == 12);
    g.fail(kChair, "presentation.page", Json{{"page", 13}}, ErrorCode::InvalidArgument);
    g.fail(kChair, "presentation.page", Json{{"page", 0}}, ErrorCode::InvalidArgument);
    g.fail(kChair, "presentation.page", {}, ErrorCode::MissingField);
    // Another document replaces the current one.
    g.run(kChair, "presentation.start", Json{{"document", hexId('d')}, {"page", 1}});
    CHECK(g.s.presentation->document == hexId('d'));
    g.fail(kChair, "presentation.page", Json{{"page", 2}}, ErrorCode::InvalidArgument);
    ev = g.run(kChair, "presentation.stop");
    CHECK(ev[0].type == "presentation.stopped");
    CHECK_FALSE(g.s.presentation.has_value());
    g.fail(kChair, "presentation.stop", {}, ErrorCode::InvalidState);
    g.fail(kChair, "presentation.page", Json{{"page", 1}}, ErrorCode::InvalidState);
}

TEST_CASE("start on a given page, within bounds") {
    Given g = withDocs();
    g.run(kChair, "presentation.start", Json{{"document", hexId('a')}, {"page", 7}});
    CHECK(g.s.presentation->page == 7);
    g.fail(kChair, "presentation.start", Json{{"document", hexId('a')}, {"page", 13}}, ErrorCode::InvalidArgument);
    g.fail(kChair, "presentation.start", Json{{"document", hexId('a')}, {"page", 0}}, ErrorCode::InvalidArgument);
    g.fail(kChair, "presentation.start", Json{{"document", hexId('a')}, {"page", "2"}}, ErrorCode::InvalidArgument);
}

TEST_CASE("restricted documents are never shown to the room") {
    Given g = withDocs();
    auto e = g.fail(kChair, "presentation.start", Json{{"document", hexId('b')}}, ErrorCode::Forbidden);
    CHECK(e.messageVi == "tài liệu hạn chế người đọc không được trình chiếu");
    g.fail(kChair, "presentation.start", Json{{"document", hexId('c')}}, ErrorCode::Forbidden);
}

TEST_CASE("presentation errors") {
    Given g = withDocs();
    g.fail(kChair, "presentation.start", Json{{"document", hexId('f')}}, ErrorCode::NotFound);
    g.fail(kChair, "presentation.start", {}, ErrorCode::MissingField);
    g.fail(kSecretary, "presentation.start", Json{{"document", hexId('a')}}, ErrorCode::Forbidden);
    g.fail(delegate(1), "presentation.start", Json{{"document", hexId('a')}}, ErrorCode::Forbidden);
    Given d = defined();
    d.run(kSecretary, "document.add", docArgs('a'));
    d.fail(kChair, "presentation.start", Json{{"document", hexId('a')}}, ErrorCode::InvalidState);
}

} // TEST_SUITE

TEST_SUITE("documents") {

TEST_CASE("add: a meeting document attached to an item") {
    Given g = defined();
    auto ev = g.run(kSecretary, "document.add", docArgs('a', 30, "meeting", nullptr, "3"));
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == "document.added");
    CHECK(ev[0].payload["document"]["id"] == hexId('a'));
    const Document* d = g.s.document(hexId('a'));
    REQUIRE(d != nullptr);
    CHECK(d->title == "Tài liệu a");
    CHECK(d->pages == 30);
    CHECK(d->bytes == 30 * 1024);
    CHECK(d->audience == Audience::Meeting);
    CHECK(d->item == "3");
    CHECK(g.item("3").documents == std::vector<std::string>{hexId('a')});
    g.run(kAdmin, "document.add", docArgs('b', 1, "meeting", nullptr, "3"));
    CHECK(g.item("3").documents == std::vector<std::string>{hexId('a'), hexId('b')});
}

TEST_CASE("add: audience defaults to the meeting; restricted ones keep their readers") {
    Given g = defined();
    Json a = docArgs('a');
    a.erase("audience");
    g.run(kSecretary, "document.add", a);
    CHECK(g.s.document(hexId('a'))->audience == Audience::Meeting);
    CHECK(g.s.document(hexId('a'))->item.empty());
    g.run(kSecretary, "document.add", docArgs('b', 3, "confidential", Json::array({"ct", "d1"})));
    CHECK(g.s.document(hexId('b'))->audience == Audience::Confidential);
    CHECK(g.s.document(hexId('b'))->listed == std::vector<std::string>{"ct", "d1"});
}

TEST_CASE("add: a reader listed twice is kept once") {
    Given g = defined();
    g.run(kSecretary, "document.add", docArgs('a', 1, "listed", Json::array({"d1", "d3", "d1"})));
    CHECK(g.s.document(hexId('a'))->listed == std::vector<std::string>{"d1", "d3"});
}

TEST_CASE("add: documents may be uploaded before the meeting is defined") {
    Given g = drafted();
    g.run(kSecretary, "document.add", docArgs('a'));
    CHECK(g.s.documents.size() == 1);
    g.fail(kSecretary, "document.add", docArgs('b', 1, "meeting", nullptr, "1"), ErrorCode::NotFound);
}

TEST_CASE("add: validation") {
    Given g = defined();
    g.run(kSecretary, "document.add", docArgs('a'));
    struct Case {
        const char* what;
        Json args;
        ErrorCode code;
    };
    auto with = [](const char* key, Json v) {
        Json a = docArgs('b');
        if (v.is_null()) a.erase(key);
        else a[key] = v;
        return a;
    };
    const Case cases[] = {
        {"id missing", with("id", nullptr), ErrorCode::MissingField},
        {"id uppercase hex", with("id", std::string(64, 'A')), ErrorCode::InvalidArgument},
        {"id 63 chars", with("id", std::string(63, 'a')), ErrorCode::InvalidArgument},
        {"id 65 chars", with("id", std::string(65, 'a')), ErrorCode::InvalidArgument},
        {"id not hex", with("id", std::string(63, 'a') + "g"), ErrorCode::InvalidArgument},
        {"id a path", with("id", "../" + std::string(61, 'a')), ErrorCode::InvalidArgument},
        {"id a number", with("id", 1), ErrorCode::InvalidArgument},
        {"duplicate", docArgs('a'), ErrorCode::Duplicate},
        {"title missing", with("title", nullptr), ErrorCode::MissingField},
        {"title empty", with("title", ""), ErrorCode::InvalidArgument},
        {"pages missing", with("pages", nullptr), ErrorCode::MissingField},
        {"pages 0", with("pages", 0), ErrorCode::InvalidArgument},
        {"pages > 100000", with("pages", 100001), ErrorCode::InvalidArgument},
        {"bytes 0", with("bytes", 0), ErrorCode::InvalidArgument},
        {"bytes > 1 TiB", with("bytes", (std::int64_t{1} << 40) + 1), ErrorCode::InvalidArgument},
        {"bytes a string", with("bytes", "1024"), ErrorCode::InvalidArgument},
        {"audience unknown", with("audience", "secret"), ErrorCode::InvalidArgument},
        {"listed without readers", docArgs('b', 1, "listed"), ErrorCode::InvalidArgument},
        {"confidential with empty list", docArgs('b', 1, "confidential", Json::array()), ErrorCode::InvalidArgument},
        {"listed not an array", docArgs('b', 1, "listed", "d1"), ErrorCode::InvalidArgument},
        {"listed unknown reader", docArgs('b', 1, "listed", Json::array({"d1", "zz"})), ErrorCode::NotFound},
        {"listed a number", docArgs('b', 1, "listed", Json::array({1})), ErrorCode::InvalidArgument},
        {"listed an object", docArgs('b', 1, "listed", Json::array({Json{{"id", "d1"}}})), ErrorCode::InvalidArgument},
        {"item unknown", docArgs('b', 1, "meeting", nullptr, "9"), ErrorCode::NotFound},
        {"item a path", docArgs('b', 1, "meeting", nullptr, "../3"), ErrorCode::InvalidArgument},
    };
    for (const auto& c : cases) {
        INFO("case: ", std::string(c.what));
        g.fail(kSecretary, "document.add", c.args, c.code);
    }
    g.fail(kChair, "document.add", docArgs('b'), ErrorCode::Forbidden);
    g.fail(delegate(1), "document.add", docArgs('b'), ErrorCode::Forbidden);
}

TEST_CASE("remove: detaches from the item and stops its presentation") {
    Given g = opened();
    g.run(kSecretary, "document.add", docArgs('a', 10, "meeting", nullptr, "2"));
    g.run(kSecretary, "document.add", docArgs('b', 10, "meeting", nullptr, "2"));
    g.run(kSecretary, "document.add", docArgs('c', 2, "listed", Json::array({"d2"})));
    g.run(kChair, "presentation.start", Json{{"document", hexId('a')}, {"page", 4}});
    auto ev = g.run(kSecretary, "document.remove", Json{{"document", hexId('a')}});
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].type == "presentation.stopped"); // recorded as its own event, before the removal
    CHECK(ev[1].type == "document.removed");
    CHECK(ev[1].payload == Json{{"document", hexId('a')}, {"audience", "meeting"}, {"listed", Json::array()}});
    CHECK(g.s.document(hexId('a')) == nullptr);
    CHECK(g.item("2").documents == std::vector<std::string>{hexId('b')});
    CHECK_FALSE(g.s.presentation.has_value());
    SUBCASE("removing another document leaves the presentation") {
        g.run(kChair, "presentation.start", Json{{"document", hexId('b')}});
        ev = g.run(kAdmin, "document.remove", Json{{"document", hexId('c')}});
        CHECK(ev[0].payload["audience"] == "listed");
        CHECK(ev[0].payload["listed"] == Json::array({"d2"}));
        CHECK(g.s.presentation->document == hexId('b'));
    }
    SUBCASE("errors") {
        g.fail(kSecretary, "document.remove", Json{{"document", hexId('a')}}, ErrorCode::NotFound);
        g.fail(kSecretary, "document.remove", {}, ErrorCode::MissingField);
        g.fail(kSecretary, "document.remove", Json{{"document", std::string(65, 'b')}}, ErrorCode::InvalidArgument);
        g.fail(kChair, "document.remove", Json{{"document", hexId('b')}}, ErrorCode::Forbidden);
    }
    SUBCASE("a removed document can be added again") {
        g.run(kSecretary, "document.add", docArgs('a', 10, "meeting", nullptr, "3"));
        CHECK(g.item("3").documents == std::vector<std::string>{hexId('a')});
        CHECK(g.item("2").documents == std::vector<std::string>{hexId('b')});
    }
}

TEST_CASE("remove: refused once the meeting is closed (the documents are part of the record)") {
    Given g = opened();
    g.run(kSecretary, "document.add", docArgs('a', 1, "meeting", nullptr, "1"));
    g.run(kChair, "meeting.close");
    auto e = g.fail(kSecretary, "document.remove", Json{{"document", hexId('a')}}, ErrorCode::InvalidState);
    CHECK(e.messageVi.find("cuộc họp đã kết thúc") == 0);
    CHECK(g.item("1").documents == std::vector<std::string>{hexId('a')});
    // Before the opening removal is fine.
    Given d = defined();
    d.run(kSecretary, "document.add", docArgs('a'));
    d.run(kSecretary, "document.remove", Json{{"document", hexId('a')}});
    CHECK(d.s.documents.empty());
}

TEST_CASE("mayRead: the one audience rule") {
    Given g = defined();
    g.run(kSecretary, "document.add", docArgs('a'));
    g.run(kSecretary, "document.add", docArgs('b', 1, "listed", Json::array({"d1"})));
    g.run(kSecretary, "document.add", docArgs('c', 1, "confidential", Json::array({"d2"})));
    const auto& meetingDoc = *g.s.document(hexId('a'));
    const auto& listed = *g.s.document(hexId('b'));
    const auto& confidential = *g.s.document(hexId('c'));
    struct Case {
        const Document* doc;
        const char* who;
        Role role;
        bool may;
    };
    const Case cases[] = {
        {&meetingDoc, "d3", Role::Delegate, true}, {&meetingDoc, "kb", Role::Guest, true},
        {&meetingDoc, "mh", Role::Display, true},
        {&listed, "d1", Role::Delegate, true},     {&listed, "d3", Role::Delegate, false},
        {&listed, "ct", Role::Chair, true},        {&listed, "tk", Role::Secretary, true},
        {&listed, "qt", Role::Admin, true},        {&listed, "kb", Role::Guest, false},
        {&listed, "mh", Role::Display, false},
        {&confidential, "d2", Role::Delegate, true}, {&confidential, "d1", Role::Delegate, false},
        {&confidential, "ct", Role::Chair, false},   {&confidential, "tk", Role::Secretary, true},
        {&confidential, "qt", Role::Admin, true},    {&confidential, "mh", Role::Display, false},
    };
    for (const auto& c : cases) {
        INFO("document: ", c.doc->id);
        INFO("who: ", std::string(c.who));
        CHECK(mayRead(g.s, *c.doc, c.who, c.role) == c.may);
    }
}

} // TEST_SUITE

TEST_CASE("a video clip: one page, presented whole, never turned or annotated") {
    Given g = opened();
    Json clip = docArgs('e', 1);
    clip["media_type"] = "video/webm";
    auto ev = g.run(kSecretary, "document.add", clip);
    CHECK(ev[0].payload.at("document").at("media_type") == "video/webm");
    CHECK(g.s.document(hexId('e'))->isVideo());
    g.run(kSecretary, "document.add", docArgs('f', 3));
    CHECK(g.s.document(hexId('f'))->mediaType == "application/pdf");
    CHECK_FALSE(g.s.document(hexId('f'))->isVideo());

    Json twoPages = docArgs('d', 2);
    twoPages["media_type"] = "video/mp4";
    g.fail(kSecretary, "document.add", twoPages, ErrorCode::InvalidArgument);
    Json unknown = docArgs('b', 1);
    unknown["media_type"] = "video/x-msvideo";
    g.fail(kSecretary, "document.add", unknown, ErrorCode::InvalidArgument);

    g.run(kChair, "presentation.start", Json{{"document", hexId('e')}});
    g.fail(kChair, "presentation.page", Json{{"page", 1}}, ErrorCode::InvalidState);
    g.fail(delegate(1), "annotation.save",
           Json{{"document", hexId('e')},
                {"annotation", Json{{"id", "a1"}, {"page", 1}, {"kind", "pen"}, {"points", Json::array({Json::array({1, 2})})}}}},
           ErrorCode::InvalidArgument);
    CHECK(toJson(stateFromJson(g.json())) == g.json());
}
