#include "tests/unit/domain/fixture.h"

namespace room::test {

Json participantJson(const std::string& id, const std::string& name, const std::string& position,
                     const std::string& role) {
    return Json{{"id", id},
                {"full_name", name},
                {"position", position},
                {"organization", "UBND tỉnh Thanh Hóa"},
                {"role", role}};
}

Json meetingArgs() {
    static const char* const kDelegateNames[kDelegates][2] = {
        {"Lê Văn Minh", "Phó Chủ tịch Thường trực UBND tỉnh"},
        {"Phạm Thị Hương", "Phó Chủ tịch UBND tỉnh"},
        {"Hoàng Đức Thắng", "Giám đốc Sở Tài chính"},
        {"Vũ Thị Lan", "Giám đốc Sở Kế hoạch và Đầu tư"},
        {"Đặng Quốc Bảo", "Giám đốc Sở Tư pháp"},
        {"Bùi Thị Ngọc", "Giám đốc Sở Nội vụ"},
        {"Ngô Văn Tùng", "Giám đốc Sở Xây dựng"},
        {"Đỗ Minh Châu", "Chánh Văn phòng UBND tỉnh"},
    };
    Json participants = Json::array();
    participants.push_back(participantJson("ct", "Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh", "chair"));
    participants.back()["seat"] = "A01";
    participants.push_back(participantJson("tk", "Trần Thị Mai", "Phó Chánh Văn phòng UBND tỉnh", "secretary"));
    for (int i = 0; i < kDelegates; ++i) {
        participants.push_back(participantJson("d" + std::to_string(i + 1), kDelegateNames[i][0],
                                               kDelegateNames[i][1], "delegate"));
        participants.back()["seat"] = "B" + std::to_string(i + 1);
    }
    participants.push_back(participantJson("kb", "Lý Thị Thu", "Phó Giám đốc Kho bạc Nhà nước tỉnh", "guest"));
    participants.push_back(Json{{"id", "mh"}, {"full_name", "Màn hình phòng họp tầng 3"}, {"role", "display"}});
    participants.push_back(Json{{"id", "qt"}, {"full_name", "Quản trị hệ thống"}, {"role", "admin"}});

    Json agenda = Json::array({
        Json{{"id", "1"}, {"title", "Khai mạc, thông qua chương trình phiên họp"}, {"planned_minutes", 10}},
        Json{{"id", "2"}, {"title", "Tình hình kinh tế - xã hội tháng 12 và năm 2025"}, {"planned_minutes", 60}},
        Json{{"id", "2.1"}, {"parent", "2"}, {"title", "Báo cáo của Sở Kế hoạch và Đầu tư"},
             {"presenter", "Giám đốc Sở Kế hoạch và Đầu tư"}, {"planned_minutes", 20}},
        Json{{"id", "2.2"}, {"parent", "2"}, {"title", "Thảo luận"}, {"planned_minutes", 40}},
        Json{{"id", "3"}, {"title", "Tờ trình phân bổ vốn đầu tư công năm 2026"},
             {"presenter", "Giám đốc Sở Tài chính"}, {"planned_minutes", 45}},
        Json{{"id", "4"}, {"title", "Kết luận của Chủ tịch UBND tỉnh"}, {"planned_minutes", 15}},
    });
    return Json{{"meeting", Json{{"id", "ubnd-th-2026-01"},
                                 {"title", "Phiên họp thường kỳ tháng 01/2026 của UBND tỉnh"},
                                 {"organization", "UBND tỉnh Thanh Hóa"},
                                 {"place", "Phòng họp số 1, trụ sở UBND tỉnh"},
                                 {"scheduled_start", "2026-01-05T08:00:00+07:00"},
                                 {"default_speaking_seconds", 300}}},
                {"participants", participants},
                {"agenda", agenda}};
}

Json meetingArgsWithMembers(int members, Json quorum, bool proxiesCount) {
    Json participants = Json::array();
    for (int i = 1; i <= members; ++i)
        participants.push_back(participantJson("m" + std::to_string(i), "Thành viên " + std::to_string(i),
                                               "Ủy viên UBND tỉnh", i == 1 ? "chair" : "delegate"));
    if (members == 0) { // someone must chair the meeting: a non-voting chair
        participants.push_back(participantJson("m1", "Chủ tọa", "Chủ tọa", "chair"));
        participants.back()["member"] = false;
    }
    participants.push_back(participantJson("tk", "Trần Thị Mai", "Thư ký", "secretary"));
    participants.push_back(participantJson("kb", "Lý Thị Thu", "Khách mời", "guest"));
    Json meeting{{"id", "q"}, {"title", "Phiên họp kiểm tra số lượng"}, {"proxies_count_for_quorum", proxiesCount}};
    if (!quorum.is_null()) meeting["quorum"] = quorum;
    return Json{{"meeting", meeting}, {"participants", participants}};
}

Json docArgs(char idChar, int pages, const std::string& audience, Json listed, const std::string& item) {
    Json j{{"id", hexId(idChar)},
           {"title", "Tài liệu " + std::string(1, idChar)},
           {"pages", pages},
           {"bytes", 1024 * pages},
           {"audience", audience}};
    if (!listed.is_null()) j["listed"] = listed;
    if (!item.empty()) j["item"] = item;
    return j;
}

std::vector<std::string> types(const std::vector<EventDraft>& ev) {
    std::vector<std::string> out;
    for (const auto& e : ev) out.push_back(e.type);
    return out;
}

Result<std::vector<EventDraft>> Given::decideAs(const Actor& a, const std::string& type, Json args) const {
    // `{}` at a call site is a null Json: it means "no arguments".
    if (args.is_null()) args = Json::object();
    auto d = decide(s, box, a, Command{type, std::move(args)}, clock);
    if (!d) return d.error();
    return std::move(d->events);
}

std::vector<Event> Given::run(const Actor& a, const std::string& type, Json args) {
    INFO("command ", type, " by ", a.id, " args ", args.dump());
    if (args.is_null()) args = Json::object();
    auto r = decide(s, box, a, Command{type, args}, clock);
    if (!r) FAIL_CHECK("unexpected error: ", r.error().message);
    REQUIRE(r.ok());
    REQUIRE_FALSE(r->events.empty());
    for (const auto& sealed : r->sealed) {
        const Poll* p = s.poll(sealed.poll);
        REQUIRE(p != nullptr);
        box.add(*p, sealed.choices, sealed.weight);
    }
    std::vector<Event> out;
    for (auto& d : r->events) {
        Event e{s.seq + 1, clock, a.id, d.type, d.payload};
        box.apply(e);
        apply(s, e);
        CHECK(s.seq == e.seq);
        log.push_back(e);
        out.push_back(std::move(e));
    }
    clock += kStep;
    return out;
}

Error Given::fail(const Actor& a, const std::string& type, Json args, ErrorCode code) {
    INFO("command ", type, " by ", a.id, " args ", args.dump());
    const Json before = json();
    const Json boxBefore = boxJson();
    auto r = decideAs(a, type, args);
    REQUIRE_FALSE(r.ok());
    CHECK(errorCodeName(r.error().code) == errorCodeName(code));
    CHECK_FALSE(r.error().message.empty());
    CHECK_FALSE(r.error().messageVi.empty());
    CHECK(json() == before);
    CHECK(boxJson() == boxBefore);
    return r.error();
}

void Given::applyRaw(const std::string& type, Json payload, const std::string& actor) {
    Event e{s.seq + 1, clock, actor, type, std::move(payload)};
    apply(s, e);
    log.push_back(e);
    clock += kStep;
}

const AgendaItem& Given::item(const std::string& id) const {
    const auto* i = s.item(id);
    REQUIRE(i != nullptr);
    return *i;
}

const Attendance& Given::att(const std::string& id) const {
    auto it = s.attendance.find(id);
    REQUIRE(it != s.attendance.end());
    return it->second;
}

namespace {
std::vector<std::string> ids(const std::vector<SpeakerRequest>& q) {
    std::vector<std::string> out;
    for (const auto& r : q) out.push_back(r.participant);
    return out;
}
} // namespace

std::vector<std::string> Given::floor() const { return ids(s.floorQueue); }
std::vector<std::string> Given::interpellation() const { return ids(s.interpellationQueue); }

Given drafted() { return Given{}; }

Given defined() {
    Given g;
    g.run(kAdmin, "meeting.define", meetingArgs());
    return g;
}

Given opened() {
    Given g = defined();
    g.run(kChair, "meeting.open");
    return g;
}

Given seated() {
    Given g = opened();
    g.run(kChair, "attendance.check_in");
    g.run(kSecretary, "attendance.check_in");
    for (int i = 1; i <= kDelegates; ++i) g.run(delegate(i), "attendance.check_in");
    g.run(kGuest, "attendance.check_in");
    return g;
}

Given fullSession() {
    Given g = defined();
    // Documents uploaded before the session.
    g.run(kSecretary, "document.add", docArgs('a', 24, "meeting", nullptr, "2.1"));
    g.run(kSecretary, "document.add", docArgs('b', 8, "listed", Json::array({"d3", "d4"}), "3"));
    g.run(kAdmin, "document.add", docArgs('c', 3, "confidential", Json::array({"ct"})));
    // Roll call: most delegates check in themselves, the secretary checks in two.
    g.run(kChair, "attendance.check_in");
    g.run(kSecretary, "attendance.check_in");
    for (int i = 1; i <= 5; ++i) g.run(delegate(i), "attendance.check_in");
    g.run(kSecretary, "attendance.check_in", Json{{"participant", "d6"}});
    g.run(kSecretary, "attendance.note_absence", Json{{"participant", "d8"}, {"reason", "Đi công tác tại Hà Nội"}});
    g.run(kSecretary, "proxy.grant", Json{{"from", "d8"}, {"to", "d1"}});
    g.run(kGuest, "attendance.check_in");
    g.run(kChair, "announcement.make", Json{{"text", "Đề nghị các đại biểu tắt chuông điện thoại"}});
    g.run(kChair, "meeting.open");
    g.run(kSecretary, "announcement.clear");
    g.run(kChair, "agenda.next");
    g.wait(5 * 60'000);
    g.run(kChair, "agenda.next"); // 2
    g.run(kChair, "agenda.next"); // 2.1
    g.run(kChair, "presentation.start", Json{{"document", hexId('a')}});
    g.run(kChair, "presentation.page", Json{{"page", 7}});
    g.wait(15 * 60'000);
    g.run(kChair, "presentation.stop");
    g.run(kChair, "agenda.next"); // 2.2
    g.run(delegate(3), "speaker.request");
    g.run(delegate(4), "speaker.request");
    g.run(delegate(2), "speaker.request", Json{{"point_of_order", true}});
    g.run(delegate(5), "speaker.request", Json{{"queue", "interpellation"}});
    g.run(kChair, "speaker.grant"); // d2, point of order
    g.wait(60'000);
    g.run(delegate(2), "speaker.finish");
    g.run(kChair, "speaker.grant", Json{{"seconds", 180}}); // d3
    g.run(kChair, "speaker.extend", Json{{"seconds", 60}});
    g.run(delegate(4), "speaker.withdraw");
    g.run(kChair, "speaker.grant", Json{{"queue", "interpellation"}}); // d5
    g.run(kChair, "speaker.revoke");
    g.run(delegate(7), "attendance.check_in");
    g.run(delegate(6), "attendance.check_out");
    g.run(kChair, "agenda.skip", Json{{"item", "3"}});
    g.run(kSecretary, "document.add", docArgs('d', 2, "meeting", nullptr, "4"));
    g.run(kChair, "agenda.next"); // 4
    g.run(delegate(1), "speaker.request");
    g.run(kChair, "speaker.grant", Json{{"participant", "d1"}, {"seconds", 0}});
    g.run(kChair, "presentation.start", Json{{"document", hexId('d')}, {"page", 2}});
    g.run(kChair, "announcement.make", Json{{"text", "Phiên họp kết thúc lúc 11 giờ 30"}});
    g.run(delegate(7), "speaker.request");
    g.run(kSecretary, "proxy.revoke", Json{{"from", "d8"}});
    g.wait(10 * 60'000);
    g.run(kChair, "meeting.close");
    return g;
}

Json withoutCounters(Json j) {
    j.erase("seq");
    j.erase("time");
    return j;
}

} // namespace room::test
