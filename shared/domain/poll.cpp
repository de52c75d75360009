#include "shared/domain/poll.h"

#include "shared/domain/enum_names.h"
#include "shared/domain/event.h"
#include "shared/domain/state.h"

namespace room {

namespace {

constexpr std::pair<PollStatus, std::string_view> kPollStatusNames[] = {{PollStatus::Draft, "draft"},
                                                                        {PollStatus::Open, "open"},
                                                                        {PollStatus::Closed, "closed"},
                                                                        {PollStatus::Cancelled, "cancelled"}};

Json votesJson(const Votes& v) { return Json{{"count", v.count}, {"weighted", v.weighted}}; }
Votes votesFromJson(const Json& j) { return Votes{j.at("count").get<std::int64_t>(), j.at("weighted").get<std::int64_t>()}; }

MajorityRule ruleFromStored(const Json& j) {
    // Stored rules were validated when decided; a rule that no longer reads is a malformed log.
    auto r = majorityRuleFromJson(j);
    if (!r) throw nlohmann::json::other_error::create(501, "stored majority rule: " + r.error().message, &j);
    return *r;
}

template <class T>
T get(const Json& j, const char* key, T fallback) {
    auto it = j.find(key);
    return it != j.end() && !it->is_null() ? it->get<T>() : fallback;
}

/// Is this member counted as present for the poll: present, represented by a present proxy holder
/// (when the meeting lets proxies count), or has voted.
bool takesPart(const State& s, const Poll& poll, const Participant& p) {
    if (poll.ballots.count(p.id)) return true;
    if (s.isPresent(p.id)) return true;
    if (!s.meeting.proxiesCountForQuorum) return false;
    auto it = s.proxies.find(p.id);
    return it != s.proxies.end() && s.isPresent(it->second);
}

} // namespace

std::string_view pollStatusName(PollStatus s) { return detail::toName(s, kPollStatusNames); }
std::optional<PollStatus> pollStatusFromName(std::string_view s) { return detail::fromName(s, kPollStatusNames); }

Tally emptyTally(const BallotForm& form) {
    Tally t;
    t.options.resize(form.options.size());
    return t;
}

void addToTally(Tally& t, const std::vector<int>& choices, std::int64_t weight) {
    for (int c : choices) {
        if (c < 0 || static_cast<std::size_t>(c) >= t.options.size()) continue;
        t.options[static_cast<std::size_t>(c)].count += 1;
        t.options[static_cast<std::size_t>(c)].weighted += weight;
    }
    t.ballots.count += 1;
    t.ballots.weighted += weight;
    if (choices.empty()) {
        t.abstentions.count += 1;
        t.abstentions.weighted += weight;
    }
}

std::int64_t countedWeight(const Poll& poll, std::int64_t memberWeight) { return poll.rule.weighted ? memberWeight : 1; }

Tally tallyOfBallots(const Poll& poll) {
    Tally t = emptyTally(poll.form);
    for (const auto& [voter, b] : poll.ballots)
        if (b.choices) addToTally(t, *b.choices, countedWeight(poll, b.weight));
    return t;
}

void BallotBox::add(const Poll& poll, const std::vector<int>& choices, std::int64_t weight) {
    auto it = tallies.find(poll.id);
    if (it == tallies.end()) it = tallies.emplace(poll.id, emptyTally(poll.form)).first;
    addToTally(it->second, choices, weight);
}

Tally BallotBox::tallyOf(const Poll& poll) const {
    auto it = tallies.find(poll.id);
    return it != tallies.end() ? it->second : emptyTally(poll.form);
}

void BallotBox::apply(const Event& e) {
    if (e.type != "poll.closed" && e.type != "poll.cancelled") return;
    auto it = e.payload.find("poll");
    if (it != e.payload.end() && it->is_string()) tallies.erase(it->get<std::string>());
}

Electorate pollElectorate(const State& s, const Poll& poll) {
    Electorate e;
    for (const auto& p : s.participants) {
        if (!p.member) continue;
        ++e.members;
        e.membersWeight += p.weight;
        if (takesPart(s, poll, p)) {
            ++e.present;
            e.presentWeight += p.weight;
        }
    }
    return e;
}

Turnout turnout(const State& s, const Poll& poll) {
    Turnout t;
    t.voted = poll.voted();
    for (const auto& p : s.participants) {
        if (!p.member) continue;
        auto proxy = s.proxies.find(p.id);
        const bool byProxy = proxy != s.proxies.end() && s.isPresent(proxy->second);
        if (poll.ballots.count(p.id) || s.isPresent(p.id) || byProxy) ++t.eligible;
    }
    return t;
}

// ---- JSON ----------------------------------------------------------------------------------------

Json toJson(const BallotForm& f) {
    return Json{{"kind", pollKindName(f.kind)}, {"options", f.options}, {"abstain_label", f.abstainLabel},
                {"max_choices", f.maxChoices}};
}

BallotForm ballotFormFromJson(const Json& j) {
    BallotForm f;
    f.kind = pollKindFromName(j.at("kind").get<std::string>()).value_or(PollKind::YesNo);
    f.options = j.at("options").get<std::vector<std::string>>();
    f.abstainLabel = j.at("abstain_label").get<std::string>();
    f.maxChoices = j.at("max_choices").get<int>();
    return f;
}

Json toJson(const Tally& t) {
    Json options = Json::array();
    for (const auto& o : t.options) options.push_back(votesJson(o));
    return Json{{"options", options}, {"ballots", votesJson(t.ballots)}, {"abstentions", votesJson(t.abstentions)}};
}

Tally tallyFromJson(const Json& j) {
    Tally t;
    for (const auto& o : j.at("options")) t.options.push_back(votesFromJson(o));
    t.ballots = votesFromJson(j.at("ballots"));
    t.abstentions = votesFromJson(j.at("abstentions"));
    return t;
}

Json toJson(const Electorate& e) {
    return Json{{"members", e.members}, {"present", e.present}, {"members_weight", e.membersWeight},
                {"present_weight", e.presentWeight}};
}

Electorate electorateFromJson(const Json& j) {
    return Electorate{j.at("members").get<std::int64_t>(), j.at("present").get<std::int64_t>(),
                      j.at("members_weight").get<std::int64_t>(), j.at("present_weight").get<std::int64_t>()};
}

Json toJson(const Ballot& b) {
    Json j{{"voter", b.voter}, {"by", b.by}, {"weight", b.weight}, {"seq", b.seq}, {"at", b.at}};
    if (b.choices) j["choices"] = *b.choices;
    return j;
}

Ballot ballotFromJson(const Json& j) {
    Ballot b;
    b.voter = j.at("voter").get<std::string>();
    b.by = j.at("by").get<std::string>();
    b.weight = j.at("weight").get<std::int64_t>();
    b.seq = j.at("seq").get<Seq>();
    b.at = j.at("at").get<TimeMs>();
    if (auto it = j.find("choices"); it != j.end() && !it->is_null()) b.choices = it->get<std::vector<int>>();
    return b;
}

Json toJson(const PollCount& c) {
    return Json{{"tally", toJson(c.tally)}, {"electorate", toJson(c.electorate)}, {"result", c.result}};
}

PollCount pollCountFromJson(const Json& j) {
    return PollCount{tallyFromJson(j.at("tally")), electorateFromJson(j.at("electorate")), j.at("result")};
}

Json pollDefinitionJson(const Poll& p) {
    Json j = toJson(p.form);
    j["id"] = p.id;
    j["question"] = p.question;
    j["item"] = p.item;
    j["secret"] = p.secret;
    j["allow_change"] = p.allowChange;
    j["publish_on_close"] = p.publishOnClose;
    j["seconds"] = p.seconds;
    j["rule"] = toJson(p.rule);
    j["rerun_of"] = p.rerunOf;
    return j;
}

Poll pollFromDefinitionJson(const Json& j) {
    Poll p;
    p.form = ballotFormFromJson(j);
    p.id = j.at("id").get<std::string>();
    p.question = j.at("question").get<std::string>();
    p.item = get<std::string>(j, "item", "");
    p.secret = j.at("secret").get<bool>();
    p.allowChange = get<bool>(j, "allow_change", false);
    p.publishOnClose = get<bool>(j, "publish_on_close", true);
    p.seconds = get<int>(j, "seconds", 0);
    p.rule = ruleFromStored(j.at("rule"));
    p.rerunOf = get<std::string>(j, "rerun_of", "");
    return p;
}

Json toJson(const Poll& p) {
    Json j = pollDefinitionJson(p);
    Json ballots = Json::array();
    for (const auto& [voter, b] : p.ballots) ballots.push_back(toJson(b));
    j["status"] = pollStatusName(p.status);
    j["created_by"] = p.createdBy;
    j["created_at"] = p.createdAt;
    j["opened_at"] = p.openedAt;
    j["closes_at"] = p.closesAt;
    j["closed_at"] = p.closedAt;
    j["closed_by"] = p.closedBy;
    j["closed_seq"] = p.closedSeq;
    j["cancel_reason"] = p.cancelReason;
    j["cancelled_at"] = p.cancelledAt;
    j["published"] = p.published;
    j["published_at"] = p.publishedAt;
    j["ballots"] = ballots;
    j["voted"] = p.voted();
    j["count"] = p.count ? toJson(*p.count) : Json(nullptr);
    return j;
}

Poll pollFromJson(const Json& j) {
    Poll p = pollFromDefinitionJson(j);
    p.status = pollStatusFromName(j.at("status").get<std::string>()).value_or(PollStatus::Draft);
    p.createdBy = get<std::string>(j, "created_by", "");
    p.createdAt = get<TimeMs>(j, "created_at", 0);
    p.openedAt = get<TimeMs>(j, "opened_at", 0);
    p.closesAt = get<TimeMs>(j, "closes_at", 0);
    p.closedAt = get<TimeMs>(j, "closed_at", 0);
    p.closedBy = get<std::string>(j, "closed_by", "");
    p.closedSeq = get<Seq>(j, "closed_seq", 0);
    p.cancelReason = get<std::string>(j, "cancel_reason", "");
    p.cancelledAt = get<TimeMs>(j, "cancelled_at", 0);
    p.published = get<bool>(j, "published", false);
    p.publishedAt = get<TimeMs>(j, "published_at", 0);
    for (const auto& b : j.at("ballots")) {
        auto ballot = ballotFromJson(b);
        p.ballots.emplace(ballot.voter, std::move(ballot));
    }
    if (auto c = j.find("count"); c != j.end() && !c->is_null()) p.count = pollCountFromJson(*c);
    return p;
}

} // namespace room
