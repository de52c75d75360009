#include "shared/domain/event.h"
#include "shared/domain/state.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace room {

Json toJson(const Event& e) {
    return Json{{"seq", e.seq}, {"time", e.time}, {"actor", e.actor}, {"type", e.type},
                {"payload", e.payload}};
}

Event eventFromJson(const Json& j) {
    return Event{j.at("seq").get<Seq>(), j.at("time").get<TimeMs>(), j.at("actor").get<std::string>(),
                 j.at("type").get<std::string>(), j.at("payload")};
}

namespace {

std::string str(const Json& p, const char* key) {
    auto it = p.find(key);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

void removeFromQueues(State& s, const ParticipantId& who) {
    for (auto* q : {&s.floorQueue, &s.interpellationQueue})
        std::erase_if(*q, [&](const SpeakerRequest& r) { return r.participant == who; });
}

void endItem(AgendaItem& it, TimeMs t) {
    if (it.status != ItemStatus::Active) return;
    it.usedMs += std::max<TimeMs>(0, t - it.startedAt);
    it.endedAt = t;
    it.status = ItemStatus::Done;
}

/// The innermost active item, which is the one under way (its active ancestors contain it).
ItemId innermostActive(const State& s) {
    ItemId found;
    for (const auto& it : s.agenda)
        if (it.status == ItemStatus::Active) found = it.id;
    return found;
}

void castBallot(State& s, const Event& e) {
    auto* p = s.poll(str(e.payload, "poll"));
    if (!p) return;
    Ballot b;
    b.voter = str(e.payload, "voter");
    b.by = str(e.payload, "by");
    b.weight = e.payload.value("weight", std::int64_t{1});
    if (auto c = e.payload.find("choices"); c != e.payload.end()) {
        if (!c->is_array()) return;
        b.choices = c->get<std::vector<int>>();
    }
    b.seq = e.seq;
    b.at = e.time;
    if (b.voter.empty()) return;
    p->ballots[b.voter] = std::move(b);
}

using Handler = std::function<void(State&, const Event&)>;

const std::unordered_map<std::string, Handler>& handlers() {
    static const std::unordered_map<std::string, Handler> kHandlers = {
        {"meeting.defined",
         [](State& s, const Event& e) {
             s.meeting = meetingInfoFromJson(e.payload.at("meeting"));
             s.participants.clear();
             for (const auto& p : e.payload.at("participants")) s.participants.push_back(participantFromJson(p));
             std::map<ItemId, std::vector<DocumentId>> attached;
             for (const auto& item : s.agenda) attached[item.id] = item.documents;
             s.agenda.clear();
             for (const auto& i : e.payload.at("agenda")) s.agenda.push_back(agendaItemFromJson(i));
             // Documents already uploaded stay attached, in the order they were added, to the
             // items that still exist.
             for (auto& item : s.agenda)
                 if (auto a = attached.find(item.id); a != attached.end())
                     for (const auto& id : a->second)
                         if (auto d = s.documents.find(id); d != s.documents.end() && d->second.item == item.id)
                             item.documents.push_back(id);
             for (auto& [id, d] : s.documents) {
                 if (auto* item = s.item(d.item)) {
                     if (std::find(item->documents.begin(), item->documents.end(), id) == item->documents.end())
                         item->documents.push_back(id);
                 } else {
                     d.item.clear();
                 }
             }
             for (auto& poll : s.polls)
                 if (!s.item(poll.item)) poll.item.clear();
             auto attends = [&](const ParticipantId& id) {
                 const auto* p = s.participant(id);
                 return p && p->role != Role::Display && p->role != Role::Admin;
             };
             std::erase_if(s.attendance, [&](const auto& kv) { return !attends(kv.first); });
             std::erase_if(s.proxies, [&](const auto& kv) {
                 const auto* from = s.participant(kv.first);
                 return !from || !from->member || !attends(kv.second);
             });
             // Private notes stay with authors who are still attendees, on items that still exist.
             std::erase_if(s.notes, [&](const auto& kv) { return !attends(kv.first); });
             for (auto& [who, items] : s.notes) std::erase_if(items, [&](const auto& kv) { return !s.item(kv.first); });
             std::erase_if(s.notes, [](const auto& kv) { return kv.second.empty(); });
             std::erase_if(s.annotations, [&](const auto& kv) { return !attends(kv.first); });
             s.status = MeetingStatus::Scheduled;
         }},
        {"meeting.opened",
         [](State& s, const Event& e) {
             s.status = MeetingStatus::Open;
             s.openedAt = e.time;
         }},
        {"meeting.closed",
         [](State& s, const Event& e) {
             for (auto& it : s.agenda) endItem(it, e.time);
             s.currentItem.clear();
             s.speaker.reset();
             s.floorQueue.clear();
             s.interpellationQueue.clear();
             s.presentation.reset();
             s.status = MeetingStatus::Closed;
             s.closedAt = e.time;
         }},
        {"attendance.checked_in",
         [](State& s, const Event& e) {
             auto& a = s.attendance[str(e.payload, "participant")];
             a.present = true;
             a.checkedInAt = e.time;
             a.checkedInBy = e.actor;
             a.absentReason.clear();
         }},
        {"attendance.checked_out",
         [](State& s, const Event& e) {
             const auto who = str(e.payload, "participant");
             s.attendance[who].present = false;
             removeFromQueues(s, who);
             if (s.speaker && s.speaker->participant == who) s.speaker.reset();
         }},
        {"attendance.absence_noted",
         [](State& s, const Event& e) {
             s.attendance[str(e.payload, "participant")].absentReason = str(e.payload, "reason");
         }},
        {"proxy.granted",
         [](State& s, const Event& e) { s.proxies[str(e.payload, "from")] = str(e.payload, "to"); }},
        {"proxy.revoked", [](State& s, const Event& e) { s.proxies.erase(str(e.payload, "from")); }},
        {"agenda.item_started",
         [](State& s, const Event& e) {
             if (auto* it = s.item(str(e.payload, "item"))) {
                 it->status = ItemStatus::Active;
                 it->startedAt = e.time;
                 it->endedAt = 0;
                 s.currentItem = it->id;
             }
         }},
        {"agenda.item_finished",
         [](State& s, const Event& e) {
             if (auto* it = s.item(str(e.payload, "item"))) endItem(*it, e.time);
             s.currentItem = innermostActive(s);
         }},
        {"agenda.item_skipped",
         [](State& s, const Event& e) {
             if (auto* it = s.item(str(e.payload, "item"))) it->status = ItemStatus::Skipped;
         }},
        {"speaker.requested",
         [](State& s, const Event& e) {
             const auto kind = queueFromName(str(e.payload, "queue")).value_or(SpeakerQueueKind::Floor);
             SpeakerRequest r{str(e.payload, "participant"), e.payload.value("point_of_order", false), e.time};
             auto& q = s.queue(kind);
             // A point of order goes ahead of every ordinary request, behind earlier points of order.
             auto pos = r.pointOfOrder
                            ? std::find_if(q.begin(), q.end(), [](const SpeakerRequest& x) { return !x.pointOfOrder; })
                            : q.end();
             q.insert(pos, r);
         }},
        {"speaker.withdrawn",
         [](State& s, const Event& e) {
             const auto kind = queueFromName(str(e.payload, "queue")).value_or(SpeakerQueueKind::Floor);
             const auto who = str(e.payload, "participant");
             std::erase_if(s.queue(kind), [&](const SpeakerRequest& r) { return r.participant == who; });
         }},
        {"speaker.granted",
         [](State& s, const Event& e) {
             const auto kind = queueFromName(str(e.payload, "queue")).value_or(SpeakerQueueKind::Floor);
             const auto who = str(e.payload, "participant");
             // Read every field before changing anything, so a bad payload changes nothing.
             CurrentSpeaker next{who, kind, e.payload.value("point_of_order", false), e.time, e.payload.value("seconds", 0)};
             std::erase_if(s.queue(kind), [&](const SpeakerRequest& r) { return r.participant == who; });
             s.speaker = std::move(next);
         }},
        {"speaker.finished", [](State& s, const Event&) { s.speaker.reset(); }},
        {"speaker.revoked", [](State& s, const Event&) { s.speaker.reset(); }},
        {"speaker.extended",
         [](State& s, const Event& e) {
             if (s.speaker) s.speaker->allottedSeconds += e.payload.value("seconds", 0);
         }},
        {"announcement.made",
         [](State& s, const Event& e) { s.announcement = Announcement{str(e.payload, "text"), e.actor, e.time}; }},
        {"announcement.cleared", [](State& s, const Event&) { s.announcement.reset(); }},
        {"presentation.started",
         [](State& s, const Event& e) {
             s.presentation = Presentation{str(e.payload, "document"), e.payload.value("page", 1), e.actor, e.time};
         }},
        {"presentation.page_changed",
         [](State& s, const Event& e) {
             if (s.presentation) s.presentation->page = e.payload.value("page", 1);
         }},
        {"presentation.stopped", [](State& s, const Event&) { s.presentation.reset(); }},
        {"document.added",
         [](State& s, const Event& e) {
             Document d = documentFromJson(e.payload.at("document"));
             if (auto* item = s.item(d.item)) item->documents.push_back(d.id);
             s.documents[d.id] = std::move(d);
         }},
        {"document.removed",
         [](State& s, const Event& e) {
             const auto id = str(e.payload, "document");
             for (auto& item : s.agenda) std::erase(item.documents, id);
             if (s.presentation && s.presentation->document == id) s.presentation.reset();
             s.documents.erase(id);
             for (auto& [who, docs] : s.annotations) docs.erase(id);
         }},
        {"note.saved",
         [](State& s, const Event& e) {
             const auto who = str(e.payload, "participant");
             const auto item = str(e.payload, "item");
             const auto text = str(e.payload, "text");
             if (text.empty()) {
                 if (auto it = s.notes.find(who); it != s.notes.end()) {
                     it->second.erase(item);
                     if (it->second.empty()) s.notes.erase(it);
                 }
             } else {
                 s.notes[who][item] = text;
             }
         }},
        {"annotation.saved",
         [](State& s, const Event& e) {
             Annotation a = annotationFromJson(e.payload.at("annotation"));
             a.updatedAt = e.time;
             s.annotations[str(e.payload, "participant")][str(e.payload, "document")][a.id] = std::move(a);
         }},
        {"annotation.deleted",
         [](State& s, const Event& e) {
             const auto who = str(e.payload, "participant");
             const auto doc = str(e.payload, "document");
             auto it = s.annotations.find(who);
             if (it == s.annotations.end()) return;
             if (auto d = it->second.find(doc); d != it->second.end()) {
                 d->second.erase(str(e.payload, "id"));
                 if (d->second.empty()) it->second.erase(d);
             }
             if (it->second.empty()) s.annotations.erase(it);
         }},
        {"recording.added",
         [](State& s, const Event& e) {
             Recording r = recordingFromJson(e.payload.at("recording"));
             r.addedAt = e.time;
             s.recordings[r.id] = std::move(r);
         }},
        {"poll.created",
         [](State& s, const Event& e) {
             Poll p = pollFromDefinitionJson(e.payload.at("poll"));
             p.status = PollStatus::Draft;
             p.createdBy = e.actor;
             p.createdAt = e.time;
             if (s.poll(p.id)) return;
             s.polls.push_back(std::move(p));
         }},
        {"poll.opened",
         [](State& s, const Event& e) {
             auto* p = s.poll(str(e.payload, "poll"));
             if (!p) return;
             const auto closesAt = e.payload.value("closes_at", TimeMs{0});
             p->status = PollStatus::Open;
             p->openedAt = e.time;
             p->closesAt = closesAt;
         }},
        // A named ballot carries its choices to those who may see them; a secret one (poll.voted)
        // never does. Either replaces the voter's earlier ballot.
        {"poll.ballot_cast", castBallot},
        {"poll.voted", castBallot},
        {"poll.closed",
         [](State& s, const Event& e) {
             auto* p = s.poll(str(e.payload, "poll"));
             if (!p) return;
             std::optional<PollCount> count;
             if (auto c = e.payload.find("count"); c != e.payload.end() && !c->is_null()) count = pollCountFromJson(*c);
             p->status = PollStatus::Closed;
             p->closedAt = e.time;
             p->closedBy = str(e.payload, "by");
             p->closedSeq = e.seq;
             if (count) p->count = std::move(count);
         }},
        {"poll.published",
         [](State& s, const Event& e) {
             auto* p = s.poll(str(e.payload, "poll"));
             if (!p) return;
             auto count = pollCountFromJson(e.payload.at("count"));
             std::vector<std::pair<ParticipantId, std::vector<int>>> choices;
             if (auto b = e.payload.find("ballots"); b != e.payload.end() && b->is_array())
                 for (const auto& x : *b) choices.emplace_back(x.at("voter").get<std::string>(), x.at("choices").get<std::vector<int>>());
             p->published = true;
             p->publishedAt = e.time;
             p->count = std::move(count);
             for (auto& [voter, c] : choices)
                 if (auto it = p->ballots.find(voter); it != p->ballots.end()) it->second.choices = std::move(c);
         }},
        {"poll.cancelled",
         [](State& s, const Event& e) {
             auto* p = s.poll(str(e.payload, "poll"));
             if (!p) return;
             p->status = PollStatus::Cancelled;
             p->cancelReason = str(e.payload, "reason");
             p->cancelledAt = e.time;
         }},
    };
    return kHandlers;
}

} // namespace

void apply(State& s, const Event& e) {
    const auto& h = handlers();
    if (auto it = h.find(e.type); it != h.end()) {
        // Payloads were built by decide(), so handlers do not fail. Even so a malformed payload (a
        // bug, or a log written by a newer version) must never leave the state half-changed: the
        // poll handlers read everything before changing anything, and the two that rebuild large
        // parts of the state work on a copy.
        const bool parsesNested = e.type == "meeting.defined" || e.type == "document.added";
        try {
            if (parsesNested) {
                State next = s;
                it->second(next, e);
                s = std::move(next);
            } else {
                it->second(s, e);
            }
        } catch (const nlohmann::json::exception&) {
        }
    }
    s.seq = e.seq;
    s.time = e.time;
}

} // namespace room
