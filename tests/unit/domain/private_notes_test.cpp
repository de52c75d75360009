// Private notes per agenda item and annotations on document pages: each participant's own.
#include "tests/unit/domain/fixture.h"

using namespace room;
using namespace room::test;

namespace {

Json stroke(const std::string& id, int page = 1, const std::string& kind = "pen") {
    return Json{{"id", id}, {"page", page}, {"kind", kind}, {"points", Json::array({Json::array({72.5, 100}), Json::array({150, 104.25})})}};
}

Given withDocuments() {
    Given g = opened();
    g.run(kSecretary, "document.add", docArgs('a', 12));
    g.run(kSecretary, "document.add", docArgs('c', 5, "confidential", Json::array({"ct"})));
    return g;
}

} // namespace

TEST_CASE("a note per agenda item is saved, replaced and cleared by its author") {
    Given g = defined();
    const std::string item = g.s.agenda.front().id;
    auto ev = g.run(delegate(1), "note.save", {{"item", item}, {"text", "Hỏi thêm về tiến độ giải ngân vốn đầu tư công."}});
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == "note.saved");
    CHECK(ev[0].payload == Json{{"participant", "d1"}, {"item", item}, {"text", "Hỏi thêm về tiến độ giải ngân vốn đầu tư công."}});
    CHECK(g.s.notes.at("d1").at(item) == "Hỏi thêm về tiến độ giải ngân vốn đầu tư công.");

    g.run(delegate(2), "note.save", {{"item", item}, {"text", "Ý kiến của đại biểu 2"}});
    g.run(delegate(1), "note.save", {{"item", item}, {"text", "Bản sửa"}});
    CHECK(g.s.notes.at("d1").at(item) == "Bản sửa");
    CHECK(g.s.notes.at("d2").at(item) == "Ý kiến của đại biểu 2");

    g.run(delegate(1), "note.save", {{"item", item}, {"text", ""}});
    CHECK(g.s.notes.count("d1") == 0);
    CHECK(g.s.notes.count("d2") == 1);

    // The state's JSON form carries notes and reads back the same.
    CHECK(toJson(stateFromJson(g.json())) == g.json());
}

TEST_CASE("bad notes are refused and change nothing") {
    Given draft = drafted();
    draft.fail(delegate(1), "note.save", {{"item", "1"}, {"text", "x"}}, ErrorCode::InvalidState);
    Given g = defined();
    const std::string item = g.s.agenda.front().id;
    g.fail(delegate(1), "note.save", {{"item", "khong-co"}, {"text", "x"}}, ErrorCode::NotFound);
    g.fail(delegate(1), "note.save", {{"text", "x"}}, ErrorCode::MissingField);
    g.fail(delegate(1), "note.save", {{"item", item}, {"text", 5}}, ErrorCode::InvalidArgument);
    g.fail(delegate(1), "note.save", {{"item", item}, {"text", std::string(20001, 'a')}}, ErrorCode::InvalidArgument);
    g.fail(delegate(1), "note.save", {{"item", item}, {"text", ""}}, ErrorCode::Duplicate); // nothing to clear
    g.run(delegate(1), "note.save", {{"item", item}, {"text", "một"}});
    g.fail(delegate(1), "note.save", {{"item", item}, {"text", "một"}}, ErrorCode::Duplicate); // unchanged
    g.fail(kDisplay, "note.save", {{"item", item}, {"text", "x"}}, ErrorCode::Forbidden);
    g.fail(kAdmin, "note.save", {{"item", item}, {"text", "x"}}, ErrorCode::Forbidden);
}

TEST_CASE("annotations on a page are saved, replaced and deleted by their author") {
    Given g = withDocuments();
    const std::string doc = hexId('a');
    auto ev = g.run(delegate(3), "annotation.save", {{"document", doc}, {"annotation", stroke("s1", 4)}});
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == "annotation.saved");
    CHECK(ev[0].payload.at("participant") == "d3");
    const Annotation& a = g.s.annotations.at("d3").at(doc).at("s1");
    CHECK(a.page == 4);
    CHECK(a.kind == "pen");
    CHECK(a.color == "#1D4ED8"); // defaults filled in by the rules
    CHECK(a.width == 2);
    REQUIRE(a.points.size() == 2);
    CHECK(a.points[1].second == doctest::Approx(104.25));
    CHECK(a.updatedAt == ev[0].time);

    Json note{{"id", "t1"}, {"page", 1}, {"kind", "text"}, {"points", Json::array({Json::array({50, 60})})},
              {"text", "Số liệu này khác báo cáo tháng trước"}};
    g.run(delegate(3), "annotation.save", {{"document", doc}, {"annotation", note}});
    Json marker = stroke("s1", 4, "highlighter");
    marker["color"] = "#22C55E";
    g.run(delegate(3), "annotation.save", {{"document", doc}, {"annotation", marker}}); // replaces s1
    CHECK(g.s.annotations.at("d3").at(doc).size() == 2);
    CHECK(g.s.annotations.at("d3").at(doc).at("s1").kind == "highlighter");
    CHECK(g.s.annotations.at("d3").at(doc).at("s1").width == 12);
    CHECK(g.s.annotations.at("d3").at(doc).at("s1").color == "#22C55E");
    CHECK(toJson(stateFromJson(g.json())) == g.json());

    g.run(delegate(3), "annotation.delete", {{"document", doc}, {"id", "s1"}});
    CHECK(g.s.annotations.at("d3").at(doc).count("s1") == 0);
    g.run(delegate(3), "annotation.delete", {{"document", doc}, {"id", "t1"}});
    CHECK(g.s.annotations.count("d3") == 0);

    // Removing the document removes its annotations.
    g.run(delegate(4), "annotation.save", {{"document", doc}, {"annotation", stroke("x")}});
    g.run(kSecretary, "document.remove", {{"document", doc}});
    CHECK(g.s.annotations.at("d4").count(doc) == 0);
}

TEST_CASE("bad annotations are refused and change nothing") {
    Given g = withDocuments();
    const std::string doc = hexId('a');
    auto bad = [&](Json annotation, ErrorCode code) {
        g.fail(delegate(1), "annotation.save", {{"document", doc}, {"annotation", std::move(annotation)}}, code);
    };
    bad(nullptr, ErrorCode::MissingField);
    bad("not an object", ErrorCode::InvalidArgument);
    bad(Json{{"page", 1}, {"kind", "pen"}, {"points", Json::array({Json::array({1, 1})})}}, ErrorCode::MissingField);
    Json j = stroke("s1");
    j["page"] = 13; // the document has 12
    bad(j, ErrorCode::InvalidArgument);
    j = stroke("s1");
    j["kind"] = "eraser";
    bad(j, ErrorCode::InvalidArgument);
    j = stroke("s1");
    j["color"] = "red";
    bad(j, ErrorCode::InvalidArgument);
    j = stroke("s1");
    j["width"] = 0;
    bad(j, ErrorCode::InvalidArgument);
    j = stroke("s1");
    j["points"] = Json::array();
    bad(j, ErrorCode::MissingField);
    j["points"] = Json::array({Json::array({1})});
    bad(j, ErrorCode::InvalidArgument);
    j["points"] = Json::array({Json::array({1e9, 1})});
    bad(j, ErrorCode::InvalidArgument);
    j["points"] = Json::array();
    for (int i = 0; i < 2001; ++i) j["points"].push_back(Json::array({i, i}));
    bad(j, ErrorCode::InvalidArgument);
    j = stroke("t1", 1, "text"); // a text note needs its text
    bad(j, ErrorCode::MissingField);
    j = stroke("../x");
    bad(j, ErrorCode::InvalidArgument);

    // A document the author may not read is "not found", exactly like one that does not exist.
    auto hidden = g.fail(delegate(1), "annotation.save", {{"document", hexId('c')}, {"annotation", stroke("s1")}},
                         ErrorCode::NotFound);
    auto absent = g.fail(delegate(1), "annotation.save", {{"document", hexId('f')}, {"annotation", stroke("s1")}},
                         ErrorCode::NotFound);
    CHECK(hidden.message == "document '" + hexId('c') + "' does not exist");
    CHECK(absent.message == "document '" + hexId('f') + "' does not exist");
    g.run(kChair, "annotation.save", {{"document", hexId('c')}, {"annotation", stroke("s1")}}); // the chair may

    // Deleting: only one's own, only what exists.
    g.run(delegate(2), "annotation.save", {{"document", doc}, {"annotation", stroke("mine")}});
    g.fail(delegate(1), "annotation.delete", {{"document", doc}, {"id", "mine"}}, ErrorCode::NotFound);
    g.fail(delegate(2), "annotation.delete", {{"document", doc}, {"id", "other"}}, ErrorCode::NotFound);
    g.fail(kDisplay, "annotation.save", {{"document", doc}, {"annotation", stroke("s1")}}, ErrorCode::Forbidden);
}

TEST_CASE("a redefinition keeps notes of attendees on items that still exist") {
    Given g = defined();
    const std::string first = g.s.agenda.front().id;
    g.run(delegate(1), "note.save", {{"item", first}, {"text", "giữ lại"}});
    Json args = meetingArgs();
    g.run(kAdmin, "meeting.define", args);
    CHECK(g.s.notes.at("d1").at(first) == "giữ lại");
    Json fewer = args;
    fewer["agenda"] = Json::array({Json{{"id", "z9"}, {"title", "Nội dung mới"}}});
    g.run(kAdmin, "meeting.define", fewer);
    CHECK(g.s.notes.count("d1") == 0);
}
