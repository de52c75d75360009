#include "room-server/src/core/projection.h"

#include <algorithm>

namespace room::core {

namespace {
/// The document (with its audience) an event concerns, if it concerns one.
std::optional<Document> documentOf(const Event& e) {
    try {
        if (e.type == "document.added") return documentFromJson(e.payload.at("document"));
        if (e.type == "document.removed") {
            Document d;
            d.id = e.payload.at("document").get<std::string>();
            d.listed = e.payload.value("listed", std::vector<std::string>{});
            // An unknown audience fails closed.
            d.audience = audienceFromName(e.payload.value("audience", std::string("confidential"))).value_or(Audience::Confidential);
            return d;
        }
    } catch (const nlohmann::json::exception&) {
        // A malformed document event is shown to no one but staff: fail closed.
        Document d;
        d.audience = Audience::Confidential;
        return d;
    }
    return std::nullopt;
}

bool isStaff(Role r) { return r == Role::Chair || r == Role::Secretary || r == Role::Admin; }

/// Private notes and annotations: seen by their author only, not even by the chair or the secretary.
bool isPrivate(const std::string& type) {
    return type == "note.saved" || type == "annotation.saved" || type == "annotation.deleted";
}

/// Event types whose payload some viewers receive trimmed.
bool isRedactable(const std::string& type) { return type == "poll.ballot_cast" || type == "poll.closed"; }

/// The recording an event announces, if it announces one.
std::optional<Recording> recordingOf(const Event& e) {
    if (e.type != "recording.added") return std::nullopt;
    try {
        return recordingFromJson(e.payload.at("recording"));
    } catch (const nlohmann::json::exception&) {
        return Recording{}; // malformed: staff only
    }
}
} // namespace

View viewOf(const Event& e, const Viewer& v) {
    if (isPrivate(e.type)) return e.payload.value("participant", std::string()) == v.id ? View::Full : View::Hidden;
    if (auto r = recordingOf(e)) return maySeeRecording(*r, v.id, v.role) ? View::Full : View::Hidden;
    if (auto d = documentOf(e)) return mayRead(State{}, *d, v.id, v.role) ? View::Full : View::Hidden;
    // Per role, never per person: every viewer of a class shares one frame, so a burst of K
    // ballots costs two frames per commit, not one per voter.
    if (!isRedactable(e.type) || isStaff(v.role)) return View::Full;
    return View::Redacted;
}

Event redacted(const Event& e) {
    Event r = e;
    if (e.type == "poll.ballot_cast") r.payload.erase("choices");
    else if (e.type == "poll.closed") r.payload.erase("count");
    return r;
}

bool fullForAll(const Event& e) {
    if (isRedactable(e.type) || isPrivate(e.type) || e.type == "recording.added") return false;
    auto d = documentOf(e);
    return !d || d->audience == Audience::Meeting;
}

Json projectState(const State& s, const Viewer& v) {
    Json j = toJson(s);
    for (const char* key : {"notes", "annotations"}) {
        Json own = Json::object();
        if (auto it = j[key].find(v.id); it != j[key].end()) own[v.id] = *it;
        j[key] = own;
    }
    for (const auto& [id, r] : s.recordings)
        if (!maySeeRecording(r, v.id, v.role)) j["recordings"].erase(id);
    std::vector<std::string> hidden;
    for (const auto& [id, d] : s.documents)
        if (!mayRead(s, d, v.id, v.role)) hidden.push_back(id);
    for (const auto& id : hidden) j["documents"].erase(id);
    if (!hidden.empty()) {
        for (auto& item : j["agenda"]) {
            auto& docs = item["documents"];
            Json kept = Json::array();
            for (const auto& d : docs)
                if (std::find(hidden.begin(), hidden.end(), d.get<std::string>()) == hidden.end()) kept.push_back(d);
            docs = kept;
        }
    }
    if (!isStaff(v.role)) {
        for (auto& poll : j["polls"]) {
            if (poll.value("published", false)) continue;
            poll["count"] = nullptr;
            for (auto& b : poll["ballots"]) b.erase("choices");
        }
    }
    return j;
}

} // namespace room::core
