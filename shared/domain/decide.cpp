#include "shared/domain/command.h"

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <unordered_map>

namespace room {

namespace {

// ---- the command list and the permission table ------------------------------------------------

using R = Role;
struct CommandSpec {
    std::string_view type;
    std::initializer_list<Role> roles;
};

// Append only: the protocol documents each of these (docs/protocol.md).
const CommandSpec kCommands[] = {
    {"meeting.define", {R::Admin}},
    {"meeting.open", {R::Chair}},
    {"meeting.close", {R::Chair}},
    {"attendance.check_in", {R::Chair, R::Secretary, R::Delegate, R::Guest, R::Admin}},
    {"attendance.check_out", {R::Chair, R::Secretary, R::Delegate, R::Guest, R::Admin}},
    {"attendance.note_absence", {R::Chair, R::Secretary, R::Admin}},
    {"proxy.grant", {R::Chair, R::Secretary, R::Admin}},
    {"proxy.revoke", {R::Chair, R::Secretary, R::Admin}},
    {"agenda.start", {R::Chair}},
    {"agenda.finish", {R::Chair}},
    {"agenda.next", {R::Chair}},
    {"agenda.skip", {R::Chair}},
    {"speaker.request", {R::Chair, R::Secretary, R::Delegate, R::Guest}},
    {"speaker.withdraw", {R::Chair, R::Secretary, R::Delegate, R::Guest}},
    {"speaker.grant", {R::Chair}},
    {"speaker.revoke", {R::Chair}},
    {"speaker.finish", {R::Chair, R::Secretary, R::Delegate, R::Guest}},
    {"speaker.extend", {R::Chair}},
    {"announcement.make", {R::Chair, R::Secretary}},
    {"announcement.clear", {R::Chair, R::Secretary}},
    {"presentation.start", {R::Chair}},
    {"presentation.page", {R::Chair}},
    {"presentation.stop", {R::Chair}},
    {"document.add", {R::Secretary, R::Admin}},
    {"document.remove", {R::Secretary, R::Admin}},
    {"poll.create", {R::Chair, R::Secretary}},
    {"poll.open", {R::Chair}},
    {"poll.cast", {R::Chair, R::Secretary, R::Delegate, R::Guest}},
    {"poll.close", {R::Chair, R::Admin}}, // Admin: only the server itself, when the countdown ends
    {"poll.publish", {R::Chair}},
    {"poll.cancel", {R::Chair}},
    {"poll.rerun", {R::Chair, R::Secretary}},
    {"note.save", {R::Chair, R::Secretary, R::Delegate, R::Guest}},
    {"annotation.save", {R::Chair, R::Secretary, R::Delegate, R::Guest}},
    {"annotation.delete", {R::Chair, R::Secretary, R::Delegate, R::Guest}},
    {"recording.add", {R::Display, R::Secretary, R::Admin}}, // issued by the server after an upload
};

const std::vector<std::string_view>& typeList() {
    static const std::vector<std::string_view> kList = [] {
        std::vector<std::string_view> v;
        for (const auto& c : kCommands) v.push_back(c.type);
        return v;
    }();
    return kList;
}

const CommandSpec* spec(std::string_view type) {
    for (const auto& c : kCommands)
        if (c.type == type) return &c;
    return nullptr;
}

// ---- argument access ---------------------------------------------------------------------------

Error missing(std::string_view key, std::string_view what) {
    return Error::make(ErrorCode::MissingField,
                       "field '" + std::string(key) + "' is required (" + std::string(what) + ")",
                       // The description is English; the Vietnamese message names the field only.
                       "thiếu trường '" + std::string(key) + "'");
}
Error invalid(std::string_view key, std::string en, std::string vi) {
    return Error::make(ErrorCode::InvalidArgument, "field '" + std::string(key) + "': " + en,
                       "trường '" + std::string(key) + "': " + vi);
}
Error state(std::string en, std::string vi) { return Error::make(ErrorCode::InvalidState, std::move(en), std::move(vi)); }
Error notFound(std::string en, std::string vi) { return Error::make(ErrorCode::NotFound, std::move(en), std::move(vi)); }
Error forbidden(std::string en, std::string vi) { return Error::make(ErrorCode::Forbidden, std::move(en), std::move(vi)); }
Error duplicate(std::string en, std::string vi) { return Error::make(ErrorCode::Duplicate, std::move(en), std::move(vi)); }

bool validId(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    // Starts with a letter or digit, so "." and ".." (path components) are never ids.
    const auto first = static_cast<unsigned char>(s.front());
    if (!std::isalnum(first)) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_' || c == '.';
    });
}

bool validUtf8(std::string_view s) {
    try {
        (void)Json(std::string(s)).dump();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

/// Typed, validated access to a command's arguments.
class Args {
public:
    explicit Args(const Json& j) : m_j(j) {}

    bool has(const char* key) const {
        auto it = m_j.find(key);
        return it != m_j.end() && !it->is_null();
    }
    Result<std::string> text(const char* key, std::string_view what, std::size_t maxLen = 2000) const {
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null()) return missing(key, what);
        if (!it->is_string()) return invalid(key, "must be a string", "phải là chuỗi");
        auto s = it->get<std::string>();
        if (s.empty()) return invalid(key, "must not be empty", "không được để trống");
        if (s.size() > maxLen) return invalid(key, "is too long", "quá dài");
        if (!validUtf8(s)) return invalid(key, "is not valid UTF-8", "không phải UTF-8 hợp lệ");
        return s;
    }
    /// An optional free-text field: absent, null and "" all mean empty.
    Result<std::string> optionalText(const char* key, std::string_view what, std::size_t maxLen) const {
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null() || (it->is_string() && it->get<std::string>().empty())) return std::string{};
        return text(key, what, maxLen);
    }
    Result<std::string> id(const char* key, std::string_view what) const {
        auto s = text(key, what, 64);
        if (!s) return s;
        if (!validId(*s))
            return invalid(key, "must be 1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit",
                           "chỉ gồm 1-64 ký tự A-Z a-z 0-9 . _ -, bắt đầu bằng chữ hoặc số");
        return s;
    }
    Result<std::int64_t> integer(const char* key, std::string_view what, std::int64_t lo, std::int64_t hi) const {
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null()) return missing(key, what);
        if (!it->is_number_integer()) return invalid(key, "must be an integer", "phải là số nguyên");
        auto v = it->get<std::int64_t>();
        if (v < lo || v > hi)
            return invalid(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi),
                           "phải trong khoảng " + std::to_string(lo) + " đến " + std::to_string(hi));
        return v;
    }
    Result<bool> boolean(const char* key, bool fallback) const {
        auto it = m_j.find(key);
        if (it == m_j.end() || it->is_null()) return fallback;
        if (!it->is_boolean()) return invalid(key, "must be true or false", "phải là true hoặc false");
        return it->get<bool>();
    }

private:
    const Json& m_j;
};

#define TRY(var, expr)                                                                           \
    auto var##_r = (expr);                                                                       \
    if (!var##_r) return var##_r.error();                                                        \
    auto var = std::move(var##_r).value()

using Events = std::vector<EventDraft>;
using Decision = Result<Events>;

Events one(std::string type, Json payload = Json::object()) {
    Events e;
    e.push_back(EventDraft{std::move(type), std::move(payload)});
    return e;
}

struct Ctx {
    const State& s;
    const Actor& actor;
    const Json& raw;
    Args args;
    TimeMs now;
    const BallotBox& box;
    std::vector<SealedBallot>& sealed; ///< secret ballots decided by this command
};

// ---- shared checks ---------------------------------------------------------------------------

Status mustBeOpen(const State& s) {
    if (s.status == MeetingStatus::Open) return Ok{};
    if (s.status == MeetingStatus::Closed) return state("the meeting is closed", "cuộc họp đã kết thúc");
    return state("the meeting has not been opened", "cuộc họp chưa khai mạc");
}

Status mustNotBeClosed(const State& s) {
    if (s.status == MeetingStatus::Closed) return state("the meeting is closed", "cuộc họp đã kết thúc");
    if (s.status == MeetingStatus::Draft) return state("the meeting has not been defined", "cuộc họp chưa được thiết lập");
    return Ok{};
}

bool isAttendeeRole(Role r) { return r == Role::Chair || r == Role::Secretary || r == Role::Delegate || r == Role::Guest; }
bool actsForOthers(Role r) { return r == Role::Chair || r == Role::Secretary || r == Role::Admin; }

/// Resolves the participant a command is about: the actor themselves unless `participant` is
/// given; only the chair, secretary and administrator may act for someone else.
Result<const Participant*> subject(const Ctx& c, bool othersAllowedForStaff = true) {
    ParticipantId who = c.actor.id;
    if (c.args.has("participant")) {
        TRY(id, c.args.id("participant", "participant id"));
        who = id;
    }
    if (who != c.actor.id && !(othersAllowedForStaff && actsForOthers(c.actor.role)))
        return forbidden("you may only do this for yourself", "bạn chỉ được thực hiện việc này cho chính mình");
    const Participant* p = c.s.participant(who);
    if (!p) return notFound("participant '" + who + "' does not exist", "không có đại biểu '" + who + "'");
    return p;
}

Result<SpeakerQueueKind> queueArg(const Ctx& c) {
    if (!c.args.has("queue")) return SpeakerQueueKind::Floor;
    TRY(q, c.args.text("queue", "floor or interpellation", 32));
    auto k = queueFromName(q);
    if (!k) return invalid("queue", "must be 'floor' or 'interpellation'", "phải là 'floor' hoặc 'interpellation'");
    return *k;
}

std::string name(const State& s, const ParticipantId& id) {
    const auto* p = s.participant(id);
    return p && !p->fullName.empty() ? p->fullName : id;
}

// ---- meeting ------------------------------------------------------------------------------------

Result<Json> normalizeParticipant(const Json& j, std::set<std::string>& ids) {
    if (!j.is_object()) return invalid("participants", "each participant must be an object", "mỗi đại biểu phải là một đối tượng");
    Args a(j);
    TRY(id, a.id("id", "participant id"));
    if (id == kSystemActor) return invalid("id", "'system' is reserved for the server", "'system' là mã dành riêng cho máy chủ");
    if (!ids.insert(id).second) return invalid("participants", "duplicate participant id '" + id + "'", "trùng mã đại biểu '" + id + "'");
    TRY(fullName, a.text("full_name", "full name", 200));
    TRY(roleText, a.text("role", "chair, secretary, delegate, guest, display or admin", 32));
    auto role = roleFromName(roleText);
    if (!role) return invalid("role", "unknown role '" + roleText + "'", "vai trò không hợp lệ '" + roleText + "'");
    Participant p;
    p.id = id;
    p.fullName = fullName;
    p.role = *role;
    for (auto [key, field] : {std::pair{"position", &p.position}, {"organization", &p.organization}, {"seat", &p.seat}}) {
        TRY(v, a.optionalText(key, key, 200));
        *field = v;
    }
    TRY(member, a.boolean("member", p.role == Role::Chair || p.role == Role::Delegate));
    // Guests (khách mời) take part but never vote or count for quorum.
    if (member && !(p.role == Role::Chair || p.role == Role::Secretary || p.role == Role::Delegate))
        return invalid("member", "a " + std::string(roleName(p.role)) + " cannot be a voting member", "vai trò này không thể là thành viên biểu quyết");
    p.member = member;
    if (a.has("weight")) {
        TRY(w, a.integer("weight", "vote weight", 1, 1000));
        p.weight = static_cast<int>(w);
    }
    return toJson(p);
}

Result<Json> normalizeItem(const Json& j, std::set<std::string>& ids) {
    if (!j.is_object()) return invalid("agenda", "each item must be an object", "mỗi nội dung phải là một đối tượng");
    Args a(j);
    TRY(id, a.id("id", "item id"));
    if (ids.count(id)) return invalid("agenda", "duplicate item id '" + id + "'", "trùng mã nội dung '" + id + "'");
    AgendaItem item;
    item.id = id;
    if (a.has("parent")) {
        TRY(parent, a.id("parent", "parent item id"));
        // Pre-order: a parent is listed before its sub-items.
        if (!ids.count(parent))
            return invalid("parent", "item '" + id + "' names parent '" + parent + "' which is not listed before it",
                           "nội dung '" + id + "' có nội dung cha '" + parent + "' không đứng trước nó");
        item.parent = parent;
    }
    ids.insert(id);
    TRY(title, a.text("title", "item title", 500));
    item.title = title;
    TRY(presenter, a.optionalText("presenter", "presenter", 200));
    item.presenter = presenter;
    if (a.has("planned_minutes")) {
        TRY(m, a.integer("planned_minutes", "planned duration in minutes", 0, 24 * 60));
        item.plannedMinutes = static_cast<int>(m);
    }
    return toJson(item);
}

Decision meetingDefine(const Ctx& c) {
    if (c.s.status == MeetingStatus::Open || c.s.status == MeetingStatus::Closed)
        return state("the meeting can only be redefined before it opens", "chỉ được thiết lập lại cuộc họp trước khi khai mạc");
    auto mit = c.raw.find("meeting");
    if (mit == c.raw.end() || mit->is_null()) return missing("meeting", "meeting description object");
    if (!mit->is_object()) return invalid("meeting", "must be an object", "phải là một đối tượng");
    Args m(*mit);
    MeetingInfo info;
    TRY(id, m.id("id", "meeting id"));
    TRY(title, m.text("title", "meeting title", 500));
    info.id = id;
    info.title = title;
    for (auto [key, field] : {std::pair{"organization", &info.organization}, {"place", &info.place},
                              {"scheduled_start", &info.scheduledStart}}) {
        TRY(v, m.optionalText(key, key, 500));
        *field = v;
    }
    if (m.has("default_speaking_seconds")) {
        TRY(v, m.integer("default_speaking_seconds", "seconds", 0, 3600));
        info.defaultSpeakingSeconds = static_cast<int>(v);
    }
    if (auto q = mit->find("quorum"); q != mit->end() && !q->is_null()) {
        if (!q->is_object()) return invalid("quorum", "must be an object {num, den, strict}", "phải có dạng {num, den, strict}");
        Args qa(*q);
        TRY(num, qa.integer("num", "numerator", 0, 1000));
        TRY(den, qa.integer("den", "denominator", 1, 1000));
        TRY(strict, qa.boolean("strict", true));
        if (num > den) return invalid("quorum", "the fraction must not exceed 1", "tỷ lệ không được lớn hơn 1");
        info.quorum = Threshold{static_cast<int>(num), static_cast<int>(den), strict};
    }
    TRY(proxiesCount, m.boolean("proxies_count_for_quorum", true));
    info.proxiesCountForQuorum = proxiesCount;
    TRY(concurrentPolls, m.boolean("concurrent_polls", false));
    info.concurrentPolls = concurrentPolls;

    auto pit = c.raw.find("participants");
    if (pit == c.raw.end() || pit->is_null()) return missing("participants", "array of participants");
    if (!pit->is_array()) return invalid("participants", "must be an array", "phải là một danh sách");
    if (pit->size() > 5000) return invalid("participants", "too many participants", "quá nhiều đại biểu");
    Json participants = Json::array();
    std::set<std::string> pids;
    int chairs = 0;
    for (const auto& pj : *pit) {
        TRY(p, normalizeParticipant(pj, pids));
        if (p["role"] == "chair") ++chairs;
        participants.push_back(std::move(p));
    }
    if (chairs != 1)
        return invalid("participants", "a meeting has exactly one chair (found " + std::to_string(chairs) + ")",
                       "cuộc họp phải có đúng một chủ tọa (hiện có " + std::to_string(chairs) + ")");
    auto ait = c.raw.find("agenda");
    Json agenda = Json::array();
    if (ait != c.raw.end() && !ait->is_null()) {
        if (!ait->is_array()) return invalid("agenda", "must be an array", "phải là một danh sách");
        if (ait->size() > 1000) return invalid("agenda", "too many items", "quá nhiều nội dung");
        std::set<std::string> iids;
        for (const auto& ij : *ait) {
            TRY(i, normalizeItem(ij, iids));
            agenda.push_back(std::move(i));
        }
    }
    return one("meeting.defined", Json{{"meeting", meetingInfoJson(info)}, {"participants", participants}, {"agenda", agenda}});
}

Decision meetingOpen(const Ctx& c) {
    if (c.s.status == MeetingStatus::Open) return duplicate("the meeting is already open", "cuộc họp đã khai mạc");
    if (c.s.status == MeetingStatus::Closed) return state("the meeting is closed", "cuộc họp đã kết thúc");
    if (c.s.status == MeetingStatus::Draft) return state("the meeting has not been defined", "cuộc họp chưa được thiết lập");
    return one("meeting.opened");
}

Decision meetingClose(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    for (const auto& p : c.s.polls) {
        if (p.status == PollStatus::Open)
            return state("poll '" + p.id + "' is still open; close or cancel it first",
                         "cuộc biểu quyết '" + p.id + "' đang mở; hãy kết thúc hoặc hủy trước");
        if (p.status == PollStatus::Closed && !p.published)
            return state("the result of poll '" + p.id + "' has not been published; publish it first",
                         "kết quả biểu quyết '" + p.id + "' chưa được công bố; hãy công bố trước");
    }
    // Every ending is an event of its own, so the minutes can say when each thing stopped.
    Events ev;
    if (c.s.speaker) ev.push_back({"speaker.finished", Json{{"participant", c.s.speaker->participant}}});
    for (auto it = c.s.agenda.rbegin(); it != c.s.agenda.rend(); ++it)
        if (it->status == ItemStatus::Active) ev.push_back({"agenda.item_finished", Json{{"item", it->id}}});
    if (c.s.presentation) ev.push_back({"presentation.stopped", Json::object()});
    if (c.s.announcement) ev.push_back({"announcement.cleared", Json::object()});
    ev.push_back({"meeting.closed", Json::object()});
    return ev;
}

// ---- attendance ----------------------------------------------------------------------------------

Decision checkIn(const Ctx& c) {
    if (auto st = mustNotBeClosed(c.s); !st) return st.error();
    TRY(p, subject(c));
    if (!isAttendeeRole(p->role))
        return invalid("participant", "a " + std::string(roleName(p->role)) + " account does not attend", "tài khoản này không tham dự họp");
    if (c.s.isPresent(p->id)) return duplicate(name(c.s, p->id) + " is already checked in", name(c.s, p->id) + " đã điểm danh");
    return one("attendance.checked_in", Json{{"participant", p->id}});
}

Decision checkOut(const Ctx& c) {
    if (auto st = mustNotBeClosed(c.s); !st) return st.error();
    TRY(p, subject(c));
    if (!c.s.isPresent(p->id)) return state(name(c.s, p->id) + " is not checked in", name(c.s, p->id) + " chưa điểm danh");
    // Leaving ends their speech and their requests to speak, each recorded as such.
    Events ev;
    if (c.s.speaker && c.s.speaker->participant == p->id) ev.push_back({"speaker.finished", Json{{"participant", p->id}}});
    for (auto kind : {SpeakerQueueKind::Floor, SpeakerQueueKind::Interpellation})
        for (const auto& r : c.s.queue(kind))
            if (r.participant == p->id)
                ev.push_back({"speaker.withdrawn", Json{{"participant", p->id}, {"queue", queueName(kind)}}});
    ev.push_back({"attendance.checked_out", Json{{"participant", p->id}}});
    return ev;
}

Decision noteAbsence(const Ctx& c) {
    if (auto st = mustNotBeClosed(c.s); !st) return st.error();
    TRY(pid, c.args.id("participant", "participant id"));
    const auto* p = c.s.participant(pid);
    if (!p) return notFound("participant '" + pid + "' does not exist", "không có đại biểu '" + pid + "'");
    if (!isAttendeeRole(p->role))
        return invalid("participant", "a " + std::string(roleName(p->role)) + " account does not attend", "tài khoản này không tham dự họp");
    TRY(reason, c.args.text("reason", "reason for the absence", 500));
    if (c.s.isPresent(pid)) return state(name(c.s, pid) + " is checked in", name(c.s, pid) + " đang có mặt");
    return one("attendance.absence_noted", Json{{"participant", pid}, {"reason", reason}});
}

// ---- proxies ---------------------------------------------------------------------------------------

Decision proxyGrant(const Ctx& c) {
    if (auto st = mustNotBeClosed(c.s); !st) return st.error();
    TRY(from, c.args.id("from", "member who hands over their vote"));
    TRY(to, c.args.id("to", "participant who receives it"));
    const auto* pf = c.s.participant(from);
    const auto* pt = c.s.participant(to);
    if (!pf) return notFound("participant '" + from + "' does not exist", "không có đại biểu '" + from + "'");
    if (!pt) return notFound("participant '" + to + "' does not exist", "không có đại biểu '" + to + "'");
    if (from == to) return invalid("to", "a member cannot hold their own proxy", "không thể tự ủy quyền cho chính mình");
    if (!pf->member) return invalid("from", name(c.s, from) + " is not a voting member", name(c.s, from) + " không phải thành viên biểu quyết");
    if (!isAttendeeRole(pt->role)) return invalid("to", "this account cannot hold a proxy", "tài khoản này không thể nhận ủy quyền");
    if (c.s.proxies.count(from))
        return duplicate(name(c.s, from) + " has already given a proxy; revoke it first", name(c.s, from) + " đã ủy quyền; hãy thu hồi trước");
    if (c.s.proxies.count(to))
        return state(name(c.s, to) + " has given their own proxy away and cannot hold one", name(c.s, to) + " đã ủy quyền cho người khác nên không thể nhận ủy quyền");
    for (const auto& [grantor, holder] : c.s.proxies)
        if (holder == from)
            return state(name(c.s, from) + " holds a proxy and cannot pass their vote on", name(c.s, from) + " đang giữ ủy quyền nên không thể ủy quyền tiếp");
    return one("proxy.granted", Json{{"from", from}, {"to", to}});
}

Decision proxyRevoke(const Ctx& c) {
    if (auto st = mustNotBeClosed(c.s); !st) return st.error();
    TRY(from, c.args.id("from", "member whose proxy is revoked"));
    if (!c.s.proxies.count(from)) return notFound(name(c.s, from) + " has no proxy to revoke", name(c.s, from) + " không có ủy quyền để thu hồi");
    return one("proxy.revoked", Json{{"from", from}});
}

// ---- agenda ------------------------------------------------------------------------------------------

Result<const AgendaItem*> itemArg(const Ctx& c) {
    TRY(id, c.args.id("item", "agenda item id"));
    const auto* it = c.s.item(id);
    if (!it) return notFound("agenda item '" + id + "' does not exist", "không có nội dung '" + id + "'");
    return it;
}

bool isAncestor(const State& s, const ItemId& ancestor, ItemId item) {
    for (const AgendaItem* it = s.item(item); it && !it->parent.empty(); it = s.item(it->parent))
        if (it->parent == ancestor) return true;
    return false;
}

/// Starting an item finishes every active item that does not contain it: moving from "2" to its
/// sub-item "2.1" keeps "2" under way; moving on to "3" finishes both.
Events startItem(const State& s, const ItemId& id) {
    Events ev;
    // Deepest first, so sub-items finish before the items that contain them.
    for (auto it = s.agenda.rbegin(); it != s.agenda.rend(); ++it)
        if (it->status == ItemStatus::Active && it->id != id && !isAncestor(s, it->id, id))
            ev.push_back({"agenda.item_finished", Json{{"item", it->id}}});
    // Going straight to a sub-item opens the items that contain it, outermost first.
    std::vector<ItemId> closedAncestors;
    for (const AgendaItem* it = s.item(id); it && !it->parent.empty(); it = s.item(it->parent))
        if (const auto* parent = s.item(it->parent); parent && parent->status != ItemStatus::Active)
            closedAncestors.push_back(parent->id);
    for (auto a = closedAncestors.rbegin(); a != closedAncestors.rend(); ++a)
        ev.push_back({"agenda.item_started", Json{{"item", *a}}});
    ev.push_back({"agenda.item_started", Json{{"item", id}}});
    return ev;
}

Decision agendaStart(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(item, itemArg(c));
    if (item->status == ItemStatus::Active) return duplicate("this item is already under way", "nội dung này đang được thảo luận");
    return startItem(c.s, item->id);
}

Decision agendaFinish(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    if (c.s.currentItem.empty()) return state("no agenda item is under way", "chưa có nội dung nào đang thảo luận");
    if (c.args.has("item")) {
        TRY(item, itemArg(c));
        if (item->id != c.s.currentItem) return state("this item is not the current one", "nội dung này không phải nội dung hiện tại");
    }
    return one("agenda.item_finished", Json{{"item", c.s.currentItem}});
}

Decision agendaNext(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    std::size_t from = 0;
    for (std::size_t i = 0; i < c.s.agenda.size(); ++i)
        if (c.s.agenda[i].id == c.s.currentItem) from = i + 1;
    // The next pending item after the current one; failing that, one the chair passed over earlier.
    for (std::size_t n = 0; n < c.s.agenda.size(); ++n) {
        const auto& item = c.s.agenda[(from + n) % c.s.agenda.size()];
        if (item.status == ItemStatus::Pending) return startItem(c.s, item.id);
    }
    return state("there is no further pending agenda item", "không còn nội dung nào tiếp theo");
}

Decision agendaSkip(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(item, itemArg(c));
    if (item->status != ItemStatus::Pending) return state("only a pending item can be skipped", "chỉ bỏ qua được nội dung chưa thảo luận");
    return one("agenda.item_skipped", Json{{"item", item->id}});
}

// ---- speakers ------------------------------------------------------------------------------------

bool inQueue(const std::vector<SpeakerRequest>& q, const ParticipantId& id) {
    return std::any_of(q.begin(), q.end(), [&](const SpeakerRequest& r) { return r.participant == id; });
}

Decision speakerRequest(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(p, subject(c));
    TRY(kind, queueArg(c));
    TRY(pointOfOrder, c.args.boolean("point_of_order", false));
    if (!isAttendeeRole(p->role)) return invalid("participant", "this account cannot speak", "tài khoản này không thể phát biểu");
    if (!c.s.isPresent(p->id)) return state(name(c.s, p->id) + " is not checked in", name(c.s, p->id) + " chưa điểm danh");
    if (pointOfOrder && kind != SpeakerQueueKind::Floor)
        return invalid("point_of_order", "a point of order is raised in the floor queue", "kiến nghị về thủ tục chỉ đăng ký trong danh sách phát biểu");
    if (inQueue(c.s.queue(kind), p->id))
        return duplicate(name(c.s, p->id) + " has already asked to speak", name(c.s, p->id) + " đã đăng ký phát biểu");
    return one("speaker.requested", Json{{"participant", p->id}, {"queue", queueName(kind)}, {"point_of_order", pointOfOrder}});
}

Decision speakerWithdraw(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(p, subject(c));
    TRY(kind, queueArg(c));
    if (!inQueue(c.s.queue(kind), p->id))
        return notFound(name(c.s, p->id) + " is not waiting to speak", name(c.s, p->id) + " không có trong danh sách chờ phát biểu");
    return one("speaker.withdrawn", Json{{"participant", p->id}, {"queue", queueName(kind)}});
}

Decision speakerGrant(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(kind, queueArg(c));
    ParticipantId who;
    bool pointOfOrder = false;
    if (c.args.has("participant")) {
        TRY(id, c.args.id("participant", "participant id"));
        who = id;
    } else {
        // No one named: the head of the queue (a point of order is already at the front).
        const auto& q = c.s.queue(kind);
        auto next = std::find_if(q.begin(), q.end(), [&](const SpeakerRequest& r) {
            return !c.s.speaker || r.participant != c.s.speaker->participant;
        });
        if (next == q.end()) return state("no one is waiting to speak", "không có ai trong danh sách chờ phát biểu");
        who = next->participant;
    }
    const auto* p = c.s.participant(who);
    if (!p) return notFound("participant '" + who + "' does not exist", "không có đại biểu '" + who + "'");
    if (!isAttendeeRole(p->role)) return invalid("participant", "this account cannot speak", "tài khoản này không thể phát biểu");
    if (!c.s.isPresent(who)) return state(name(c.s, who) + " is not checked in", name(c.s, who) + " chưa điểm danh");
    if (c.s.speaker && c.s.speaker->participant == who)
        return duplicate(name(c.s, who) + " already has the floor", name(c.s, who) + " đang phát biểu");
    for (const auto& r : c.s.queue(kind))
        if (r.participant == who) pointOfOrder = r.pointOfOrder;
    std::int64_t seconds = c.s.meeting.defaultSpeakingSeconds;
    if (c.args.has("seconds")) {
        TRY(v, c.args.integer("seconds", "speaking time in seconds (0 = no limit)", 0, 3600));
        seconds = v;
    }
    Events ev;
    if (c.s.speaker) ev.push_back({"speaker.finished", Json{{"participant", c.s.speaker->participant}}});
    ev.push_back({"speaker.granted", Json{{"participant", who}, {"queue", queueName(kind)},
                                          {"point_of_order", pointOfOrder}, {"seconds", seconds}}});
    return ev;
}

Decision speakerRevoke(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    if (!c.s.speaker) return state("no one has the floor", "không có ai đang phát biểu");
    return one("speaker.revoked", Json{{"participant", c.s.speaker->participant}});
}

Decision speakerFinish(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    if (!c.s.speaker) return state("no one has the floor", "không có ai đang phát biểu");
    if (c.actor.role != Role::Chair && c.s.speaker->participant != c.actor.id)
        return forbidden("only the speaker or the chair can end this speech", "chỉ người phát biểu hoặc chủ tọa được kết thúc phần phát biểu");
    return one("speaker.finished", Json{{"participant", c.s.speaker->participant}});
}

Decision speakerExtend(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    if (!c.s.speaker) return state("no one has the floor", "không có ai đang phát biểu");
    if (c.s.speaker->allottedSeconds == 0) return state("this speech has no time limit", "phần phát biểu này không giới hạn thời gian");
    TRY(seconds, c.args.integer("seconds", "extra seconds", 1, 3600));
    return one("speaker.extended", Json{{"participant", c.s.speaker->participant}, {"seconds", seconds}});
}

// ---- announcements and presenting ------------------------------------------------------------------

Decision announce(const Ctx& c) {
    if (auto st = mustNotBeClosed(c.s); !st) return st.error();
    TRY(text, c.args.text("text", "announcement text", 1000));
    return one("announcement.made", Json{{"text", text}});
}

Decision announceClear(const Ctx& c) {
    if (!c.s.announcement) return state("there is no announcement", "không có thông báo nào");
    return one("announcement.cleared");
}

Decision presentStart(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(docId, c.args.text("document", "document id", 64));
    const auto* d = c.s.document(docId);
    if (!d) return notFound("document '" + docId + "' does not exist", "không có tài liệu '" + docId + "'");
    if (d->audience != Audience::Meeting)
        return forbidden("a document with a restricted audience cannot be shown to the room", "tài liệu hạn chế người đọc không được trình chiếu");
    std::int64_t page = 1;
    if (c.args.has("page")) {
        TRY(v, c.args.integer("page", "page number", 1, d->pages));
        page = v;
    }
    return one("presentation.started", Json{{"document", d->id}, {"page", page}});
}

Decision presentPage(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    if (!c.s.presentation) return state("nothing is being presented", "không có tài liệu nào đang trình chiếu");
    const auto* d = c.s.document(c.s.presentation->document);
    if (d && d->isVideo()) return state("a video has no pages to turn", "video không có trang để chuyển");
    TRY(page, c.args.integer("page", "page number", 1, d ? d->pages : 1));
    return one("presentation.page_changed", Json{{"page", page}});
}

Decision presentStop(const Ctx& c) {
    if (!c.s.presentation) return state("nothing is being presented", "không có tài liệu nào đang trình chiếu");
    return one("presentation.stopped");
}

// ---- documents ---------------------------------------------------------------------------------------

bool isHex64(std::string_view s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char ch) {
               return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
           });
}

Decision documentAdd(const Ctx& c) {
    if (c.s.status == MeetingStatus::Closed) return state("the meeting is closed", "cuộc họp đã kết thúc");
    Document d;
    TRY(id, c.args.text("id", "SHA-256 of the document", 64));
    if (!isHex64(id)) return invalid("id", "must be a lowercase hex SHA-256", "phải là mã SHA-256 dạng hex chữ thường");
    if (c.s.document(id)) return duplicate("this document is already in the meeting", "tài liệu này đã có trong cuộc họp");
    d.id = id;
    TRY(title, c.args.text("title", "document title", 500));
    d.title = title;
    TRY(pages, c.args.integer("pages", "page count", 1, 100000));
    d.pages = static_cast<int>(pages);
    TRY(bytes, c.args.integer("bytes", "size in bytes", 1, std::int64_t{1} << 40));
    d.bytes = bytes;
    if (c.args.has("audience")) {
        TRY(a, c.args.text("audience", "meeting, listed or confidential", 32));
        auto audience = audienceFromName(a);
        if (!audience) return invalid("audience", "must be meeting, listed or confidential", "phải là meeting, listed hoặc confidential");
        d.audience = *audience;
    }
    if (auto l = c.raw.find("listed"); l != c.raw.end() && !l->is_null()) {
        if (!l->is_array()) return invalid("listed", "must be an array of participant ids", "phải là danh sách mã đại biểu");
        for (const auto& e : *l) {
            if (!e.is_string()) return invalid("listed", "must be an array of participant ids", "phải là danh sách mã đại biểu");
            if (!c.s.participant(e.get<std::string>()))
                return notFound("listed participant " + e.dump() + " does not exist", "không có đại biểu " + e.dump());
            if (std::find(d.listed.begin(), d.listed.end(), e.get<std::string>()) == d.listed.end())
                d.listed.push_back(e.get<std::string>());
        }
    }
    if (d.audience != Audience::Meeting && d.listed.empty())
        return invalid("listed", "a restricted document needs at least one reader", "tài liệu hạn chế phải có ít nhất một người đọc");
    if (c.args.has("item")) {
        TRY(item, itemArg(c));
        d.item = item->id;
    }
    if (c.args.has("media_type")) {
        TRY(type, c.args.text("media_type", "application/pdf, video/webm or video/mp4", 32));
        if (type != "application/pdf" && type != "video/webm" && type != "video/mp4")
            return invalid("media_type", "must be application/pdf, video/webm or video/mp4",
                           "phải là application/pdf, video/webm hoặc video/mp4");
        d.mediaType = type;
        if (d.isVideo() && d.pages != 1) return invalid("pages", "a video has one page", "video chỉ có một trang");
    }
    return one("document.added", Json{{"document", toJson(d)}});
}

Decision documentRemove(const Ctx& c) {
    if (c.s.status == MeetingStatus::Closed) return state("the meeting is closed; its documents are part of the record", "cuộc họp đã kết thúc; tài liệu thuộc hồ sơ cuộc họp");
    TRY(id, c.args.text("document", "document id", 64));
    const auto* d = c.s.document(id);
    if (!d) return notFound("document '" + id + "' does not exist", "không có tài liệu '" + id + "'");
    Events ev;
    if (c.s.presentation && c.s.presentation->document == id) ev.push_back({"presentation.stopped", Json::object()});
    // The audience travels with the event so that who may see it is decided from the event alone.
    ev.push_back({"document.removed", Json{{"document", id}, {"audience", audienceName(d->audience)}, {"listed", d->listed}}});
    return ev;
}

// ---- polls -----------------------------------------------------------------------------------------

constexpr std::size_t kMaxOptions = 100;

Result<const Poll*> pollArg(const Ctx& c) {
    TRY(id, c.args.id("poll", "poll id"));
    const auto* p = c.s.poll(id);
    if (!p) return notFound("poll '" + id + "' does not exist", "không có cuộc biểu quyết '" + id + "'");
    return p;
}

Status pollMustBeOpen(const Poll& p) {
    switch (p.status) {
    case PollStatus::Open: return Ok{};
    case PollStatus::Draft: return state("poll '" + p.id + "' has not been opened", "cuộc biểu quyết '" + p.id + "' chưa mở");
    case PollStatus::Closed: return state("poll '" + p.id + "' is closed", "cuộc biểu quyết '" + p.id + "' đã kết thúc");
    case PollStatus::Cancelled:
        return state("poll '" + p.id + "' was cancelled", "cuộc biểu quyết '" + p.id + "' đã bị hủy");
    }
    return Ok{};
}

/// A free id for a new poll: `base` when unused, else base-2, base-3 … (ids stay within 64 characters).
std::string freePollId(const State& s, const std::string& base) {
    if (!s.poll(base)) return base;
    for (std::size_t n = 2;; ++n) {
        const std::string suffix = "-" + std::to_string(n);
        const std::string id = base.substr(0, 64 - suffix.size()) + suffix;
        if (!s.poll(id)) return id;
    }
}

Result<std::vector<std::string>> labels(const Ctx& c, const char* key) {
    auto it = c.raw.find(key);
    if (it == c.raw.end() || it->is_null()) return missing(key, "array of option labels");
    if (!it->is_array()) return invalid(key, "must be an array of labels", "phải là danh sách các phương án");
    if (it->size() > kMaxOptions) return invalid(key, "at most " + std::to_string(kMaxOptions) + " options", "tối đa " + std::to_string(kMaxOptions) + " phương án");
    std::vector<std::string> out;
    for (const auto& o : *it) {
        if (!o.is_string() || o.get<std::string>().empty() || o.get<std::string>().size() > 300 || !validUtf8(o.get<std::string>()))
            return invalid(key, "each option is a non-empty text of at most 300 bytes", "mỗi phương án là chuỗi không rỗng, tối đa 300 byte");
        out.push_back(o.get<std::string>());
    }
    return out;
}

Decision pollCreate(const Ctx& c) {
    if (auto st = mustNotBeClosed(c.s); !st) return st.error();
    Poll p;
    if (c.args.has("id")) {
        TRY(id, c.args.id("id", "poll id"));
        if (c.s.poll(id)) return duplicate("poll '" + id + "' already exists", "đã có cuộc biểu quyết '" + id + "'");
        p.id = id;
    } else {
        p.id = freePollId(c.s, "poll-" + std::to_string(c.s.polls.size() + 1));
    }
    TRY(question, c.args.text("question", "the question or motion put to the vote", 2000));
    p.question = question;
    PollKind kind = PollKind::YesNo;
    if (c.args.has("kind")) {
        TRY(k, c.args.text("kind", "yes_no, one_of or up_to", 16));
        auto parsed = pollKindFromName(k);
        if (!parsed) return invalid("kind", "must be 'yes_no', 'one_of' or 'up_to'", "phải là 'yes_no', 'one_of' hoặc 'up_to'");
        kind = *parsed;
    }
    p.form.kind = kind;
    if (kind == PollKind::YesNo) {
        // Councils name the choices their own way ("Ý kiến khác" for the third, for instance).
        if (c.args.has("options")) {
            TRY(opts, labels(c, "options"));
            if (opts.size() != 2) return invalid("options", "a yes/no poll has exactly two labels: yes, no", "biểu quyết tán thành có đúng hai nhãn: đồng ý, không đồng ý");
            p.form.options = opts;
        }
        p.form.maxChoices = 1;
    } else {
        TRY(opts, labels(c, "options"));
        p.form.options = opts;
        if (kind == PollKind::UpTo) {
            TRY(k, c.args.integer("max_choices", "how many candidates a ballot may mark", 1, static_cast<std::int64_t>(kMaxOptions)));
            p.form.maxChoices = static_cast<int>(k);
        } else {
            p.form.maxChoices = 1;
        }
    }
    TRY(abstain, c.args.optionalText("abstain_label", "the name of an abstention", 300));
    if (!abstain.empty()) p.form.abstainLabel = abstain;
    if (auto st = validateForm(p.form); !st) return st.error();

    p.rule = MajorityRule::halfOfMembers();
    if (auto r = c.raw.find("rule"); r != c.raw.end() && !r->is_null()) {
        auto rule = majorityRuleFromJson(*r);
        if (!rule) {
            auto e = rule.error();
            e.message = "rule: " + e.message;
            e.messageVi = "quy tắc: " + e.messageVi;
            return e;
        }
        p.rule = *rule;
    }
    if (kind == PollKind::YesNo && p.rule.share.num == 0)
        return invalid("rule", "plurality needs options; a yes/no vote needs a fraction", "đa số tương đối chỉ dùng cho phiếu có phương án");
    TRY(secret, c.args.boolean("secret", false));
    TRY(allowChange, c.args.boolean("allow_change", false));
    if (secret && allowChange)
        return invalid("allow_change", "a secret ballot cannot be changed once cast (nothing links it to its voter)",
                       "phiếu kín không thể thay đổi sau khi bỏ (không có gì liên kết phiếu với người bỏ phiếu)");
    p.secret = secret;
    p.allowChange = allowChange;
    TRY(publish, c.args.boolean("publish_on_close", true));
    p.publishOnClose = publish;
    if (c.args.has("seconds")) {
        TRY(sec, c.args.integer("seconds", "countdown in seconds (0 = none)", 0, 24 * 3600));
        p.seconds = static_cast<int>(sec);
    }
    if (c.args.has("item")) {
        TRY(item, itemArg(c));
        p.item = item->id;
    } else {
        p.item = c.s.currentItem;
    }
    return one("poll.created", Json{{"poll", pollDefinitionJson(p)}});
}

Decision pollOpen(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(p, pollArg(c));
    if (p->status == PollStatus::Open) return duplicate("poll '" + p->id + "' is already open", "cuộc biểu quyết '" + p->id + "' đang mở");
    if (p->status != PollStatus::Draft)
        return state("only a draft poll can be opened; re-run it instead", "chỉ mở được cuộc biểu quyết chưa mở; hãy biểu quyết lại");
    if (!c.s.meeting.concurrentPolls)
        for (const auto& other : c.s.polls)
            if (other.status == PollStatus::Open)
                return state("poll '" + other.id + "' is open; close it first", "cuộc biểu quyết '" + other.id + "' đang mở; hãy kết thúc trước");
    std::int64_t seconds = p->seconds;
    if (c.args.has("seconds")) {
        TRY(sec, c.args.integer("seconds", "countdown in seconds (0 = none)", 0, 24 * 3600));
        seconds = sec;
    }
    return one("poll.opened", Json{{"poll", p->id}, {"seconds", seconds}, {"closes_at", seconds > 0 ? c.now + seconds * 1000 : 0}});
}

Result<std::vector<int>> choicesArg(const Ctx& c, const Poll& p) {
    auto it = c.raw.find("choices");
    if (it == c.raw.end() || it->is_null()) return missing("choices", "option indexes chosen; [] to abstain");
    if (!it->is_array()) return invalid("choices", "must be an array of option indexes", "phải là danh sách số thứ tự phương án");
    std::vector<int> out;
    const auto n = static_cast<std::int64_t>(p.form.options.size());
    for (const auto& x : *it) {
        if (!x.is_number_integer()) return invalid("choices", "must be an array of option indexes", "phải là danh sách số thứ tự phương án");
        const auto v = x.get<std::int64_t>();
        if (v < 0 || v >= n)
            return notFound("option " + std::to_string(v) + " does not exist (the options are 0 to " + std::to_string(n - 1) + ")",
                            "không có phương án " + std::to_string(v) + " (các phương án từ 0 đến " + std::to_string(n - 1) + ")");
        if (std::find(out.begin(), out.end(), static_cast<int>(v)) != out.end())
            return invalid("choices", "option " + std::to_string(v) + " is chosen twice", "phương án " + std::to_string(v) + " được chọn hai lần");
        out.push_back(static_cast<int>(v));
    }
    if (out.size() > static_cast<std::size_t>(p.form.maxChoices))
        return invalid("choices", "too many choices: at most " + std::to_string(p.form.maxChoices),
                       "chọn quá nhiều: tối đa " + std::to_string(p.form.maxChoices));
    std::sort(out.begin(), out.end());
    return out;
}

Decision pollCast(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(p, pollArg(c));
    if (auto st = pollMustBeOpen(*p); !st) return st.error();
    if (p->closesAt != 0 && c.now >= p->closesAt)
        return state("the time for poll '" + p->id + "' is over", "đã hết thời gian biểu quyết '" + p->id + "'");
    // Whose vote: the actor's own, or that of a member whose proxy the actor holds.
    ParticipantId voter = c.actor.id;
    if (c.args.has("for")) {
        TRY(v, c.args.id("for", "the member whose proxy you hold"));
        voter = v;
    }
    const auto* member = c.s.participant(voter);
    if (!member) return notFound("participant '" + voter + "' does not exist", "không có đại biểu '" + voter + "'");
    if (!member->member) return forbidden(name(c.s, voter) + " is not a voting member", name(c.s, voter) + " không phải thành viên biểu quyết");
    if (!c.s.isPresent(c.actor.id)) return state("you are not checked in", "bạn chưa điểm danh");
    if (voter != c.actor.id) {
        auto proxy = c.s.proxies.find(voter);
        if (proxy == c.s.proxies.end() || proxy->second != c.actor.id)
            return forbidden("you do not hold " + name(c.s, voter) + "'s proxy", "bạn không giữ ủy quyền của " + name(c.s, voter));
        if (c.s.isPresent(voter))
            return state(name(c.s, voter) + " is present and votes in person", name(c.s, voter) + " có mặt và tự biểu quyết");
    }
    TRY(choices, choicesArg(c, *p));
    const bool changing = p->ballots.count(voter) > 0;
    if (changing && !p->allowChange)
        return duplicate(name(c.s, voter) + " has already voted in this poll", name(c.s, voter) + " đã biểu quyết trong cuộc biểu quyết này");
    Json payload{{"poll", p->id}, {"voter", voter}, {"by", c.actor.id}, {"weight", member->weight}};
    if (p->secret) {
        // The choice goes into the ballot box; the log and every frame learn only that this member voted.
        c.sealed.push_back(SealedBallot{p->id, choices, countedWeight(*p, member->weight)});
        return one("poll.voted", std::move(payload));
    }
    payload["choices"] = choices;
    return one("poll.ballot_cast", std::move(payload));
}

/// The count of a poll at its close: the tally, who could vote, and the decision.
Result<PollCount> countPoll(const Ctx& c, const Poll& p) {
    PollCount count;
    count.tally = p.secret ? c.box.tallyOf(p) : tallyOfBallots(p);
    count.electorate = pollElectorate(c.s, p);
    auto result = evaluateVote(p.form, p.rule, count.tally, count.electorate);
    if (!result) {
        auto e = result.error();
        e.code = ErrorCode::Internal;
        return e;
    }
    count.result = toJson(*result);
    return count;
}

/// The published result: the count, and for a named poll every ballot with its choices.
Json publishedPayload(const Poll& p, const PollCount& count) {
    Json j{{"poll", p.id}, {"count", toJson(count)}};
    if (!p.secret) {
        Json ballots = Json::array();
        for (const auto& [voter, b] : p.ballots)
            ballots.push_back(Json{{"voter", voter}, {"choices", b.choices.value_or(std::vector<int>{})}});
        j["ballots"] = ballots;
    }
    return j;
}

Decision pollClose(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(p, pollArg(c));
    const bool byTimer = c.actor.role == Role::Admin;
    if (byTimer && c.actor.id != kSystemActor)
        return forbidden("only the chair closes a poll", "chỉ chủ tọa được kết thúc biểu quyết");
    if (auto st = pollMustBeOpen(*p); !st) return st.error();
    if (byTimer && (p->closesAt == 0 || c.now < p->closesAt))
        return state("the countdown of poll '" + p->id + "' has not run out", "chưa hết thời gian biểu quyết '" + p->id + "'");
    TRY(count, countPoll(c, *p));
    Events ev;
    ev.push_back({"poll.closed", Json{{"poll", p->id}, {"by", byTimer ? "timer" : "chair"}, {"count", toJson(count)}}});
    if (p->publishOnClose) ev.push_back({"poll.published", publishedPayload(*p, count)});
    return ev;
}

Decision pollPublish(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(p, pollArg(c));
    if (p->status != PollStatus::Closed) return state("only a closed poll's result can be published", "chỉ công bố được kết quả của cuộc biểu quyết đã kết thúc");
    if (p->published) return duplicate("this result is already published", "kết quả này đã được công bố");
    if (!p->count) return Error::make(ErrorCode::Internal, "the poll has no count", "cuộc biểu quyết chưa có kết quả kiểm phiếu");
    return one("poll.published", publishedPayload(*p, *p->count));
}

Decision pollCancel(const Ctx& c) {
    if (auto st = mustBeOpen(c.s); !st) return st.error();
    TRY(p, pollArg(c));
    if (p->status == PollStatus::Cancelled) return duplicate("poll '" + p->id + "' is already cancelled", "cuộc biểu quyết '" + p->id + "' đã bị hủy");
    if (p->status == PollStatus::Closed)
        return state("a closed poll stands; re-run it to vote again", "cuộc biểu quyết đã kết thúc vẫn có hiệu lực; hãy biểu quyết lại");
    TRY(reason, c.args.text("reason", "why the poll is cancelled", 1000));
    return one("poll.cancelled", Json{{"poll", p->id}, {"reason", reason}, {"ballots", p->voted()}});
}

Decision pollRerun(const Ctx& c) {
    if (auto st = mustNotBeClosed(c.s); !st) return st.error();
    TRY(p, pollArg(c));
    if (p->status != PollStatus::Closed && p->status != PollStatus::Cancelled)
        return state("only a closed or cancelled poll can be re-run", "chỉ biểu quyết lại được cuộc biểu quyết đã kết thúc hoặc đã hủy");
    Poll next = *p;
    if (c.args.has("id")) {
        TRY(id, c.args.id("id", "id of the new poll"));
        if (c.s.poll(id)) return duplicate("poll '" + id + "' already exists", "đã có cuộc biểu quyết '" + id + "'");
        next.id = id;
    } else {
        next.id = freePollId(c.s, p->id);
    }
    next.rerunOf = p->id;
    return one("poll.created", Json{{"poll", pollDefinitionJson(next)}});
}

// ---- recordings of the room's audio ----------------------------------------------------------------
// Issued by the server after it has read and stored the file (POST /api/recordings); the format,
// size and duration are what the server found in it.

constexpr std::int64_t kMaxRecordingMs = 24LL * 60 * 60 * 1000;

Decision recordingAdd(const Ctx& c) {
    if (c.s.status == MeetingStatus::Draft) return state("the meeting has not been defined", "cuộc họp chưa được thiết lập");
    TRY(id, c.args.text("id", "SHA-256 of the recording", 64));
    if (!isHex64(id)) return invalid("id", "must be a lowercase hex SHA-256", "phải là mã SHA-256 dạng hex chữ thường");
    if (c.s.recordings.count(id)) return duplicate("this recording is already stored", "bản ghi âm này đã được lưu");
    TRY(item, c.args.id("item", "agenda item id"));
    if (!c.s.item(item)) return notFound("agenda item '" + item + "' does not exist", "không có nội dung '" + item + "'");
    TRY(format, c.args.text("format", "ogg-opus, ogg-vorbis or wav", 16));
    if (format != "ogg-opus" && format != "ogg-vorbis" && format != "wav")
        return invalid("format", "must be ogg-opus, ogg-vorbis or wav", "phải là ogg-opus, ogg-vorbis hoặc wav");
    TRY(bytes, c.args.integer("bytes", "size in bytes", 1, std::int64_t{1} << 40));
    TRY(duration, c.args.integer("duration_ms", "duration in milliseconds", 1, kMaxRecordingMs));
    TRY(started, c.args.integer("started_at", "start time (ms since 1970)", 0, std::int64_t{1} << 50));
    return one("recording.added", Json{{"recording", Json{{"id", id}, {"item", item}, {"format", format}, {"bytes", bytes},
                                                          {"duration_ms", duration}, {"started_at", started}, {"by", c.actor.id}}}});
}

using DecideFn = Decision (*)(const Ctx&);

// ---- private notes and annotations ----------------------------------------------------------------
// Each participant's own: the projection shows them to their author only (docs/protocol.md §15).

constexpr std::size_t kMaxNoteBytes = 20000;
constexpr std::size_t kMaxAnnotationPoints = 2000;
constexpr std::size_t kMaxAnnotationText = 2000;
// Points may lie a little off the page (a stroke that leaves the paper); beyond this they are noise.
constexpr double kMaxCoordinate = 20000;

Status mustBeDefined(const State& s) {
    if (s.status == MeetingStatus::Draft) return state("the meeting has not been defined", "cuộc họp chưa được thiết lập");
    return Ok{};
}

Decision noteSave(const Ctx& c) {
    if (auto st = mustBeDefined(c.s); !st) return st.error();
    TRY(item, c.args.id("item", "agenda item id"));
    if (!c.s.item(item)) return notFound("agenda item '" + item + "' does not exist", "không có nội dung '" + item + "'");
    TRY(text, c.args.optionalText("text", "note text", kMaxNoteBytes));
    std::string current;
    if (auto it = c.s.notes.find(c.actor.id); it != c.s.notes.end())
        if (auto n = it->second.find(item); n != it->second.end()) current = n->second;
    if (text == current)
        return duplicate("the note is already saved as it is", "ghi chú đã được lưu đúng như vậy");
    return one("note.saved", Json{{"participant", c.actor.id}, {"item", item}, {"text", text}});
}

/// A document the actor may read, or not_found (the same answer whether it exists or not, as
/// for downloads, so a restricted document's existence does not leak).
Result<const Document*> readableDocument(const Ctx& c) {
    TRY(docId, c.args.text("document", "document id", 64));
    const auto* d = c.s.document(docId);
    if (!d || !mayRead(c.s, *d, c.actor.id, c.actor.role))
        return notFound("document '" + docId + "' does not exist", "không có tài liệu '" + docId + "'");
    return d;
}

bool validColor(const std::string& s) {
    return s.size() == 7 && s[0] == '#' &&
           std::all_of(s.begin() + 1, s.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; });
}

Decision annotationSave(const Ctx& c) {
    if (auto st = mustBeDefined(c.s); !st) return st.error();
    TRY(doc, readableDocument(c));
    if (doc->isVideo()) return invalid("document", "a video cannot be annotated", "không thể chú thích trên video");
    auto it = c.raw.find("annotation");
    if (it == c.raw.end() || it->is_null()) return missing("annotation", "the annotation");
    if (!it->is_object()) return invalid("annotation", "must be an object", "phải là một đối tượng");
    Args a(*it);
    TRY(id, a.id("id", "annotation id"));
    TRY(page, a.integer("page", "page number", 1, doc->pages));
    TRY(kind, a.text("kind", "pen, highlighter or text", 16));
    if (kind != "pen" && kind != "highlighter" && kind != "text")
        return invalid("kind", "must be 'pen', 'highlighter' or 'text'", "phải là 'pen', 'highlighter' hoặc 'text'");
    std::string color = kind == "highlighter" ? "#FACC15" : "#1D4ED8";
    if (a.has("color")) {
        TRY(v, a.text("color", "#RRGGBB", 7));
        if (!validColor(v)) return invalid("color", "must be #RRGGBB", "phải có dạng #RRGGBB");
        color = v;
    }
    double width = kind == "highlighter" ? 12 : 2;
    if (a.has("width")) {
        const Json& w = it->at("width");
        if (!w.is_number() || w.get<double>() < 0.25 || w.get<double>() > 50)
            return invalid("width", "must be a number from 0.25 to 50", "phải là số từ 0,25 đến 50");
        width = w.get<double>();
    }
    Json points = Json::array();
    if (auto p = it->find("points"); p != it->end() && !p->is_null()) {
        if (!p->is_array()) return invalid("points", "must be an array of [x, y]", "phải là mảng các điểm [x, y]");
        if (p->size() > kMaxAnnotationPoints)
            return invalid("points", "has more than " + std::to_string(kMaxAnnotationPoints) + " points; split the stroke",
                           "có quá " + std::to_string(kMaxAnnotationPoints) + " điểm; hãy chia nét vẽ");
        for (const auto& pt : *p) {
            if (!pt.is_array() || pt.size() != 2 || !pt[0].is_number() || !pt[1].is_number())
                return invalid("points", "each point must be [x, y] in page points", "mỗi điểm phải có dạng [x, y]");
            const double x = pt[0].get<double>(), y = pt[1].get<double>();
            if (!(x >= -kMaxCoordinate && x <= kMaxCoordinate && y >= -kMaxCoordinate && y <= kMaxCoordinate))
                return invalid("points", "a point lies far outside the page", "có điểm nằm quá xa trang");
            points.push_back(Json::array({x, y}));
        }
    }
    if (points.empty()) return missing("points", "at least one point (a text note's anchor)");
    TRY(text, a.optionalText("text", "note text", kMaxAnnotationText));
    if (kind == "text" && text.empty()) return missing("text", "the text of a text note");
    Json annotation{{"id", id}, {"page", page}, {"kind", kind}, {"color", color},
                    {"width", width}, {"points", points}, {"text", text}};
    return one("annotation.saved", Json{{"participant", c.actor.id}, {"document", doc->id}, {"annotation", annotation}});
}

Decision annotationDelete(const Ctx& c) {
    if (auto st = mustBeDefined(c.s); !st) return st.error();
    TRY(doc, readableDocument(c));
    TRY(id, c.args.id("id", "annotation id"));
    bool found = false;
    if (auto who = c.s.annotations.find(c.actor.id); who != c.s.annotations.end())
        if (auto d = who->second.find(doc->id); d != who->second.end()) found = d->second.count(id) > 0;
    if (!found) return notFound("annotation '" + id + "' does not exist", "không có ghi chú '" + id + "'");
    return one("annotation.deleted", Json{{"participant", c.actor.id}, {"document", doc->id}, {"id", id}});
}

const std::unordered_map<std::string_view, DecideFn>& deciders() {
    static const std::unordered_map<std::string_view, DecideFn> kMap = {
        {"meeting.define", meetingDefine},       {"meeting.open", meetingOpen},
        {"meeting.close", meetingClose},         {"attendance.check_in", checkIn},
        {"attendance.check_out", checkOut},      {"attendance.note_absence", noteAbsence},
        {"proxy.grant", proxyGrant},             {"proxy.revoke", proxyRevoke},
        {"agenda.start", agendaStart},           {"agenda.finish", agendaFinish},
        {"agenda.next", agendaNext},             {"agenda.skip", agendaSkip},
        {"speaker.request", speakerRequest},     {"speaker.withdraw", speakerWithdraw},
        {"speaker.grant", speakerGrant},         {"speaker.revoke", speakerRevoke},
        {"speaker.finish", speakerFinish},       {"speaker.extend", speakerExtend},
        {"announcement.make", announce},         {"announcement.clear", announceClear},
        {"presentation.start", presentStart},    {"presentation.page", presentPage},
        {"presentation.stop", presentStop},      {"document.add", documentAdd},
        {"document.remove", documentRemove},
        {"poll.create", pollCreate},             {"poll.open", pollOpen},
        {"poll.cast", pollCast},                 {"poll.close", pollClose},
        {"poll.publish", pollPublish},           {"poll.cancel", pollCancel},
        {"poll.rerun", pollRerun},
        {"note.save", noteSave},                 {"annotation.save", annotationSave},
        {"annotation.delete", annotationDelete}, {"recording.add", recordingAdd},
    };
    return kMap;
}

} // namespace

std::span<const std::string_view> commandTypes() { return typeList(); }

bool isCommandType(std::string_view type) { return spec(type) != nullptr; }

bool roleMay(Role role, std::string_view type) {
    const auto* s = spec(type);
    return s && std::find(s->roles.begin(), s->roles.end(), role) != s->roles.end();
}

Result<Decided> decide(const State& s, const BallotBox& box, const Actor& actor, const Command& cmd, TimeMs now) {
    if (!isCommandType(cmd.type))
        return Error::make(ErrorCode::UnknownType, "unknown command '" + cmd.type + "'", "lệnh không hợp lệ '" + cmd.type + "'");
    if (!roleMay(actor.role, cmd.type))
        return forbidden("the " + std::string(roleName(actor.role)) + " role may not use '" + cmd.type + "'",
                         "vai trò " + std::string(roleName(actor.role)) + " không được dùng lệnh '" + cmd.type + "'");
    if (!cmd.args.is_object())
        return Error::make(ErrorCode::Malformed, "command arguments must be an object", "tham số lệnh phải là một đối tượng");
    auto it = deciders().find(cmd.type);
    if (it == deciders().end()) return Error::make(ErrorCode::Internal, "command has no rule", "lệnh chưa có quy tắc");
    try {
        Decided out;
        auto events = it->second(Ctx{s, actor, cmd.args, Args(cmd.args), now, box, out.sealed});
        if (!events) return events.error();
        out.events = std::move(events).value();
        return out;
    } catch (const nlohmann::json::exception& e) {
        return Error::make(ErrorCode::Malformed, std::string("malformed arguments: ") + e.what(), "tham số lệnh không hợp lệ");
    }
}

Result<std::vector<EventDraft>> decide(const State& s, const Actor& actor, const Command& cmd, TimeMs now) {
    static const BallotBox kEmpty;
    auto d = decide(s, kEmpty, actor, cmd, now);
    if (!d) return d.error();
    if (!d->sealed.empty())
        return Error::make(ErrorCode::Internal, "a secret ballot needs the server's ballot box",
                           "phiếu kín cần hòm phiếu của máy chủ");
    return std::move(d->events);
}

} // namespace room
