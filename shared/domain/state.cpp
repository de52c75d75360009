#include "shared/domain/state.h"

#include "shared/domain/enum_names.h"

#include <algorithm>

namespace room {

namespace {
using detail::fromName;
using detail::toName;

constexpr std::pair<Role, std::string_view> kRoleNames[] = {
    {Role::Chair, "chair"},     {Role::Secretary, "secretary"}, {Role::Delegate, "delegate"},
    {Role::Guest, "guest"},     {Role::Display, "display"},     {Role::Admin, "admin"}};
constexpr std::pair<ItemStatus, std::string_view> kItemStatusNames[] = {
    {ItemStatus::Pending, "pending"}, {ItemStatus::Active, "active"},
    {ItemStatus::Done, "done"},       {ItemStatus::Skipped, "skipped"}};
constexpr std::pair<Audience, std::string_view> kAudienceNames[] = {
    {Audience::Meeting, "meeting"}, {Audience::Listed, "listed"},
    {Audience::Confidential, "confidential"}};
constexpr std::pair<SpeakerQueueKind, std::string_view> kQueueNames[] = {
    {SpeakerQueueKind::Floor, "floor"}, {SpeakerQueueKind::Interpellation, "interpellation"}};
constexpr std::pair<MeetingStatus, std::string_view> kMeetingStatusNames[] = {
    {MeetingStatus::Draft, "draft"}, {MeetingStatus::Scheduled, "scheduled"},
    {MeetingStatus::Open, "open"},   {MeetingStatus::Closed, "closed"}};

template <class T>
T get(const Json& j, const char* key, T fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    return it->get<T>();
}
} // namespace

std::string_view roleName(Role r) { return toName(r, kRoleNames); }
std::optional<Role> roleFromName(std::string_view s) { return fromName(s, kRoleNames); }
std::string_view itemStatusName(ItemStatus s) { return toName(s, kItemStatusNames); }
std::optional<ItemStatus> itemStatusFromName(std::string_view s) { return fromName(s, kItemStatusNames); }
std::string_view audienceName(Audience a) { return toName(a, kAudienceNames); }
std::optional<Audience> audienceFromName(std::string_view s) { return fromName(s, kAudienceNames); }
std::string_view queueName(SpeakerQueueKind k) { return toName(k, kQueueNames); }
std::optional<SpeakerQueueKind> queueFromName(std::string_view s) { return fromName(s, kQueueNames); }
std::string_view meetingStatusName(MeetingStatus s) { return toName(s, kMeetingStatusNames); }
std::optional<MeetingStatus> meetingStatusFromName(std::string_view s) { return fromName(s, kMeetingStatusNames); }

bool Threshold::reached(std::int64_t count, std::int64_t base) const {
    // count/base > num/den  ⇔  count*den > base*num (integers, no rounding)
    const std::int64_t lhs = count * den;
    const std::int64_t rhs = base * num;
    return strict ? lhs > rhs : lhs >= rhs;
}

const Participant* State::participant(const ParticipantId& id) const {
    for (const auto& p : participants)
        if (p.id == id) return &p;
    return nullptr;
}
const AgendaItem* State::item(const ItemId& id) const {
    for (const auto& i : agenda)
        if (i.id == id) return &i;
    return nullptr;
}
AgendaItem* State::item(const ItemId& id) {
    for (auto& i : agenda)
        if (i.id == id) return &i;
    return nullptr;
}
const Document* State::document(const DocumentId& id) const {
    auto it = documents.find(id);
    return it == documents.end() ? nullptr : &it->second;
}
const Poll* State::poll(const PollId& id) const {
    for (const auto& p : polls)
        if (p.id == id) return &p;
    return nullptr;
}
Poll* State::poll(const PollId& id) {
    for (auto& p : polls)
        if (p.id == id) return &p;
    return nullptr;
}
bool State::isPresent(const ParticipantId& id) const {
    auto it = attendance.find(id);
    return it != attendance.end() && it->second.present;
}
std::vector<SpeakerRequest>& State::queue(SpeakerQueueKind k) {
    return k == SpeakerQueueKind::Floor ? floorQueue : interpellationQueue;
}
const std::vector<SpeakerRequest>& State::queue(SpeakerQueueKind k) const {
    return k == SpeakerQueueKind::Floor ? floorQueue : interpellationQueue;
}

QuorumStatus quorum(const State& s) {
    QuorumStatus q;
    for (const auto& p : s.participants) {
        if (!p.member) continue;
        ++q.members;
        if (s.isPresent(p.id)) {
            ++q.present;
        } else if (auto it = s.proxies.find(p.id); it != s.proxies.end() && s.isPresent(it->second)) {
            ++q.represented;
        }
    }
    q.counted = q.present + (s.meeting.proxiesCountForQuorum ? q.represented : 0);
    // Smallest count that reaches the threshold (members is small, a scan is exact and clear).
    q.required = q.members + 1;
    for (int c = 0; c <= q.members; ++c) {
        if (s.meeting.quorum.reached(c, q.members)) {
            q.required = c;
            break;
        }
    }
    q.met = q.members > 0 && s.meeting.quorum.reached(q.counted, q.members);
    return q;
}

bool mayRead(const State& s, const Document& d, const ParticipantId& who, Role role) {
    (void)s;
    if (role == Role::Admin || role == Role::Secretary) return true;
    const bool listed = std::find(d.listed.begin(), d.listed.end(), who) != d.listed.end();
    switch (d.audience) {
    case Audience::Meeting: return true;
    case Audience::Listed: return listed || role == Role::Chair;
    case Audience::Confidential: return listed;
    }
    return false;
}

bool maySeeRecording(const Recording& r, const ParticipantId& who, Role role) {
    return role == Role::Chair || role == Role::Secretary || role == Role::Admin || r.by == who;
}

// ---- JSON -------------------------------------------------------------------------------------

Json toJson(const Participant& p) {
    return Json{{"id", p.id},         {"full_name", p.fullName}, {"position", p.position},
                {"organization", p.organization}, {"role", roleName(p.role)}, {"seat", p.seat},
                {"member", p.member}, {"weight", p.weight}};
}

Json toJson(const AgendaItem& i) {
    return Json{{"id", i.id},
                {"parent", i.parent},
                {"title", i.title},
                {"presenter", i.presenter},
                {"planned_minutes", i.plannedMinutes},
                {"documents", i.documents},
                {"status", itemStatusName(i.status)},
                {"started_at", i.startedAt},
                {"ended_at", i.endedAt},
                {"used_ms", i.usedMs}};
}

Json toJson(const Document& d) {
    return Json{{"id", d.id},       {"title", d.title},   {"pages", d.pages},
                {"bytes", d.bytes}, {"audience", audienceName(d.audience)},
                {"listed", d.listed}, {"item", d.item}, {"media_type", d.mediaType}};
}

Json toJson(const Recording& r) {
    return Json{{"id", r.id},         {"item", r.item},       {"format", r.format},         {"bytes", r.bytes},
                {"duration_ms", r.durationMs}, {"started_at", r.startedAt}, {"by", r.by}, {"added_at", r.addedAt}};
}

Recording recordingFromJson(const Json& j) {
    Recording r;
    r.id = j.at("id").get<std::string>();
    r.item = get<std::string>(j, "item", "");
    r.format = get<std::string>(j, "format", "");
    r.bytes = get<std::int64_t>(j, "bytes", 0);
    r.durationMs = get<std::int64_t>(j, "duration_ms", 0);
    r.startedAt = get<TimeMs>(j, "started_at", 0);
    r.by = get<std::string>(j, "by", "");
    r.addedAt = get<TimeMs>(j, "added_at", 0);
    return r;
}

namespace {
Json toJson(const SpeakerRequest& r) {
    return Json{{"participant", r.participant}, {"point_of_order", r.pointOfOrder},
                {"requested_at", r.requestedAt}};
}
SpeakerRequest requestFromJson(const Json& j) {
    return SpeakerRequest{j.at("participant").get<std::string>(), get(j, "point_of_order", false),
                          get<TimeMs>(j, "requested_at", 0)};
}
Json thresholdJson(const Threshold& t) {
    return Json{{"num", t.num}, {"den", t.den}, {"strict", t.strict}};
}
Threshold thresholdFromJson(const Json& j) {
    return Threshold{get(j, "num", 1), get(j, "den", 2), get(j, "strict", true)};
}
} // namespace

Json meetingInfoJson(const MeetingInfo& m) {
    return Json{{"id", m.id},
                {"title", m.title},
                {"organization", m.organization},
                {"place", m.place},
                {"scheduled_start", m.scheduledStart},
                {"default_speaking_seconds", m.defaultSpeakingSeconds},
                {"quorum", thresholdJson(m.quorum)},
                {"proxies_count_for_quorum", m.proxiesCountForQuorum},
                {"concurrent_polls", m.concurrentPolls}};
}

MeetingInfo meetingInfoFromJson(const Json& j) {
    MeetingInfo m;
    m.id = get<std::string>(j, "id", "");
    m.title = get<std::string>(j, "title", "");
    m.organization = get<std::string>(j, "organization", "");
    m.place = get<std::string>(j, "place", "");
    m.scheduledStart = get<std::string>(j, "scheduled_start", "");
    m.defaultSpeakingSeconds = get(j, "default_speaking_seconds", 300);
    if (auto it = j.find("quorum"); it != j.end() && it->is_object()) m.quorum = thresholdFromJson(*it);
    m.proxiesCountForQuorum = get(j, "proxies_count_for_quorum", true);
    m.concurrentPolls = get(j, "concurrent_polls", false);
    return m;
}

Participant participantFromJson(const Json& j) {
    Participant p;
    p.id = j.at("id").get<std::string>();
    p.fullName = get<std::string>(j, "full_name", "");
    p.position = get<std::string>(j, "position", "");
    p.organization = get<std::string>(j, "organization", "");
    p.role = roleFromName(get<std::string>(j, "role", "delegate")).value_or(Role::Delegate);
    p.seat = get<std::string>(j, "seat", "");
    p.member = get(j, "member", false);
    p.weight = get(j, "weight", 1);
    return p;
}

AgendaItem agendaItemFromJson(const Json& j) {
    AgendaItem i;
    i.id = j.at("id").get<std::string>();
    i.parent = get<std::string>(j, "parent", "");
    i.title = get<std::string>(j, "title", "");
    i.presenter = get<std::string>(j, "presenter", "");
    i.plannedMinutes = get(j, "planned_minutes", 0);
    i.documents = get<std::vector<std::string>>(j, "documents", {});
    i.status = itemStatusFromName(get<std::string>(j, "status", "pending")).value_or(ItemStatus::Pending);
    i.startedAt = get<TimeMs>(j, "started_at", 0);
    i.endedAt = get<TimeMs>(j, "ended_at", 0);
    i.usedMs = get<std::int64_t>(j, "used_ms", 0);
    return i;
}

Document documentFromJson(const Json& j) {
    Document d;
    d.id = j.at("id").get<std::string>();
    d.title = get<std::string>(j, "title", "");
    d.pages = get(j, "pages", 0);
    d.bytes = get<std::int64_t>(j, "bytes", 0);
    d.audience = audienceFromName(get<std::string>(j, "audience", "meeting")).value_or(Audience::Meeting);
    d.listed = get<std::vector<std::string>>(j, "listed", {});
    d.item = get<std::string>(j, "item", "");
    d.mediaType = get<std::string>(j, "media_type", "application/pdf");
    return d;
}

Json toJson(const Annotation& a) {
    Json points = Json::array();
    for (const auto& [x, y] : a.points) points.push_back(Json::array({x, y}));
    return Json{{"id", a.id},         {"page", a.page},     {"kind", a.kind},         {"color", a.color},
                {"width", a.width},   {"points", points},   {"text", a.text},         {"updated_at", a.updatedAt}};
}

Annotation annotationFromJson(const Json& j) {
    Annotation a;
    a.id = j.at("id").get<std::string>();
    a.page = j.at("page").get<int>();
    a.kind = j.at("kind").get<std::string>();
    a.color = j.value("color", a.color);
    a.width = j.value("width", a.width);
    for (const auto& p : j.value("points", Json::array())) a.points.emplace_back(p.at(0).get<double>(), p.at(1).get<double>());
    a.text = j.value("text", std::string());
    a.updatedAt = j.value("updated_at", TimeMs{0});
    return a;
}

Json toJson(const State& s) {
    Json participants = Json::array();
    for (const auto& p : s.participants) participants.push_back(toJson(p));
    Json agenda = Json::array();
    for (const auto& i : s.agenda) agenda.push_back(toJson(i));
    Json attendance = Json::object();
    for (const auto& [id, a] : s.attendance)
        attendance[id] = Json{{"present", a.present}, {"checked_in_at", a.checkedInAt},
                              {"checked_in_by", a.checkedInBy}, {"absent_reason", a.absentReason}};
    Json proxies = Json::object();
    for (const auto& [from, to] : s.proxies) proxies[from] = to;
    Json floor = Json::array();
    for (const auto& r : s.floorQueue) floor.push_back(toJson(r));
    Json interp = Json::array();
    for (const auto& r : s.interpellationQueue) interp.push_back(toJson(r));
    Json docs = Json::object();
    for (const auto& [id, d] : s.documents) docs[id] = toJson(d);
    Json polls = Json::array();
    for (const auto& p : s.polls) polls.push_back(toJson(p));

    Json j{{"seq", s.seq},
           {"time", s.time},
           {"meeting", meetingInfoJson(s.meeting)},
           {"status", meetingStatusName(s.status)},
           {"opened_at", s.openedAt},
           {"closed_at", s.closedAt},
           {"participants", participants},
           {"agenda", agenda},
           {"current_item", s.currentItem},
           {"attendance", attendance},
           {"proxies", proxies},
           {"floor_queue", floor},
           {"interpellation_queue", interp},
           {"documents", docs},
           {"polls", polls}};
    Json notes = Json::object();
    for (const auto& [who, items] : s.notes)
        for (const auto& [item, text] : items) notes[who][item] = text;
    j["notes"] = notes;
    Json annotations = Json::object();
    for (const auto& [who, docs2] : s.annotations)
        for (const auto& [doc, marks] : docs2) {
            Json list = Json::array();
            for (const auto& [id, a] : marks) list.push_back(toJson(a));
            annotations[who][doc] = list;
        }
    j["annotations"] = annotations;
    Json recordings = Json::object();
    for (const auto& [id, r] : s.recordings) recordings[id] = toJson(r);
    j["recordings"] = recordings;
    j["speaker"] = s.speaker ? Json{{"participant", s.speaker->participant},
                                    {"queue", queueName(s.speaker->queue)},
                                    {"point_of_order", s.speaker->pointOfOrder},
                                    {"granted_at", s.speaker->grantedAt},
                                    {"allotted_seconds", s.speaker->allottedSeconds}}
                             : Json(nullptr);
    j["presentation"] = s.presentation ? Json{{"document", s.presentation->document},
                                              {"page", s.presentation->page},
                                              {"presenter", s.presentation->presenter},
                                              {"since", s.presentation->since}}
                                       : Json(nullptr);
    j["announcement"] = s.announcement ? Json{{"text", s.announcement->text},
                                              {"by", s.announcement->by},
                                              {"at", s.announcement->at}}
                                       : Json(nullptr);
    return j;
}

State stateFromJson(const Json& j) {
    State s;
    s.seq = j.at("seq").get<Seq>();
    s.time = get<TimeMs>(j, "time", 0);
    s.meeting = meetingInfoFromJson(j.at("meeting"));
    s.status = meetingStatusFromName(get<std::string>(j, "status", "draft")).value_or(MeetingStatus::Draft);
    s.openedAt = get<TimeMs>(j, "opened_at", 0);
    s.closedAt = get<TimeMs>(j, "closed_at", 0);
    for (const auto& p : j.at("participants")) s.participants.push_back(participantFromJson(p));
    for (const auto& i : j.at("agenda")) s.agenda.push_back(agendaItemFromJson(i));
    s.currentItem = get<std::string>(j, "current_item", "");
    for (const auto& [id, a] : j.at("attendance").items())
        s.attendance[id] = Attendance{get(a, "present", false), get<TimeMs>(a, "checked_in_at", 0),
                                      get<std::string>(a, "checked_in_by", ""),
                                      get<std::string>(a, "absent_reason", "")};
    for (const auto& [from, to] : j.at("proxies").items()) s.proxies[from] = to.get<std::string>();
    for (const auto& r : j.at("floor_queue")) s.floorQueue.push_back(requestFromJson(r));
    for (const auto& r : j.at("interpellation_queue")) s.interpellationQueue.push_back(requestFromJson(r));
    for (const auto& [id, d] : j.at("documents").items()) s.documents[id] = documentFromJson(d);
    if (auto it = j.find("polls"); it != j.end())
        for (const auto& p : *it) s.polls.push_back(pollFromJson(p));
    if (auto it = j.find("notes"); it != j.end() && it->is_object())
        for (const auto& [who, items] : it->items())
            for (const auto& [item, text] : items.items()) s.notes[who][item] = text.get<std::string>();
    if (auto it = j.find("annotations"); it != j.end() && it->is_object())
        for (const auto& [who, docs] : it->items())
            for (const auto& [doc, list] : docs.items())
                for (const auto& a : list) {
                    Annotation mark = annotationFromJson(a);
                    s.annotations[who][doc][mark.id] = std::move(mark);
                }
    if (auto it = j.find("recordings"); it != j.end() && it->is_object())
        for (const auto& [id, r] : it->items()) s.recordings[id] = recordingFromJson(r);
    if (auto it = j.find("speaker"); it != j.end() && it->is_object())
        s.speaker = CurrentSpeaker{it->at("participant").get<std::string>(),
                                   queueFromName(get<std::string>(*it, "queue", "floor"))
                                       .value_or(SpeakerQueueKind::Floor),
                                   get(*it, "point_of_order", false), get<TimeMs>(*it, "granted_at", 0),
                                   get(*it, "allotted_seconds", 0)};
    if (auto it = j.find("presentation"); it != j.end() && it->is_object())
        s.presentation = Presentation{it->at("document").get<std::string>(), get(*it, "page", 1),
                                      get<std::string>(*it, "presenter", ""), get<TimeMs>(*it, "since", 0)};
    if (auto it = j.find("announcement"); it != j.end() && it->is_object())
        s.announcement = Announcement{get<std::string>(*it, "text", ""), get<std::string>(*it, "by", ""),
                                      get<TimeMs>(*it, "at", 0)};
    return s;
}

} // namespace room
