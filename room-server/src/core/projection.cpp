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
} // namespace

bool visibleTo(const Event& e, const Viewer& v) {
    if (auto d = documentOf(e)) return mayRead(State{}, *d, v.id, v.role);
    return true;
}

bool visibleToAll(const Event& e) {
    auto d = documentOf(e);
    return !d || d->audience == Audience::Meeting;
}

Json projectState(const State& s, const Viewer& v) {
    Json j = toJson(s);
    std::vector<std::string> hidden;
    for (const auto& [id, d] : s.documents)
        if (!mayRead(s, d, v.id, v.role)) hidden.push_back(id);
    if (hidden.empty()) return j;
    for (const auto& id : hidden) j["documents"].erase(id);
    for (auto& item : j["agenda"]) {
        auto& docs = item["documents"];
        Json kept = Json::array();
        for (const auto& d : docs)
            if (std::find(hidden.begin(), hidden.end(), d.get<std::string>()) == hidden.end()) kept.push_back(d);
        docs = kept;
    }
    return j;
}

} // namespace room::core
