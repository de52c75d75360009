#include "room-server/src/app/result_record.h"

#include "room-server/src/storage/database.h"
#include "shared/crypto/signature.h"
#include "shared/crypto/tls_identity.h"

namespace room::app {

namespace {

Error internal(const std::string& en) { return Error::make(ErrorCode::Internal, en, "lỗi khi lập biên bản kết quả: " + en); }

std::string ballotSummary(const Json& result) {
    return result.value("statement_en", std::string{});
}

} // namespace

std::string signedBytes(const Json& record) {
    Json body = record;
    body.erase("signature");
    return body.dump(); // nlohmann keeps object keys sorted: this is the canonical form
}

Result<Json> resultRecord(const State& s, const PollId& pollId, storage::Database& db,
                          const std::filesystem::path& keyPem, const std::filesystem::path& certPem, TimeMs now) {
    const Poll* p = s.poll(pollId);
    if (!p) return Error::make(ErrorCode::NotFound, "poll '" + pollId + "' does not exist", "không có cuộc biểu quyết '" + pollId + "'");
    if (p->status != PollStatus::Closed || !p->count)
        return Error::make(ErrorCode::InvalidState, "poll '" + pollId + "' has not been closed and counted",
                           "cuộc biểu quyết '" + pollId + "' chưa kết thúc và kiểm phiếu");
    Json ballots = Json::array();
    for (const auto& [voter, b] : p->ballots) {
        auto hash = db.eventHash(b.seq);
        if (!hash) return hash.error();
        if (!*hash) return internal("ballot event " + std::to_string(b.seq) + " is missing from the log");
        const auto* who = s.participant(voter);
        Json j{{"voter", voter}, {"full_name", who ? who->fullName : voter}, {"by", b.by}, {"weight", b.weight},
               {"seq", b.seq}, {"hash", **hash}};
        if (!p->secret) j["choices"] = b.choices.value_or(std::vector<int>{});
        ballots.push_back(std::move(j));
    }
    auto closedHash = db.eventHash(p->closedSeq);
    if (!closedHash) return closedHash.error();
    if (!*closedHash) return internal("the closing event " + std::to_string(p->closedSeq) + " is missing from the log");

    Json record{{"format", kResultFormat},
                {"meeting", Json{{"id", s.meeting.id}, {"title", s.meeting.title},
                                 {"organization", s.meeting.organization}, {"place", s.meeting.place}}},
                {"poll", pollDefinitionJson(*p)},
                {"status", Json{{"opened_at", p->openedAt}, {"closes_at", p->closesAt}, {"closed_at", p->closedAt}, {"closed_by", p->closedBy},
                                {"published", p->published}, {"published_at", p->publishedAt}}},
                {"electorate", toJson(p->count->electorate)},
                {"tally", toJson(p->count->tally)},
                {"result", p->count->result},
                {"ballots", ballots},
                {"log", Json{{"seq", p->closedSeq}, {"hash", **closedHash}}},
                {"issued_at", now}};

    auto cert = crypto::readCertificatePem(certPem);
    if (!cert) return cert.error();
    auto fingerprint = crypto::certificateFingerprintSha256(certPem);
    if (!fingerprint) return fingerprint.error();
    auto sig = crypto::signWithPrivateKeyPem(keyPem, signedBytes(record));
    if (!sig) return sig.error();
    record["signature"] = Json{{"algorithm", sig->algorithm}, {"value", sig->valueBase64},
                               {"certificate", *cert}, {"fingerprint", *fingerprint}};
    return record;
}

VerifyReport verifyResultRecord(const Json& record, const std::optional<std::string>& expectedFingerprint,
                                storage::Database* log) {
    VerifyReport r;
    auto problem = [&](std::string what) { r.problems.push_back(std::move(what)); };
    if (!record.is_object()) {
        problem("the record is not a JSON object");
        return r;
    }
    if (record.value("format", std::string{}) != kResultFormat) {
        problem("unknown format (expected " + std::string(kResultFormat) + ")");
        return r;
    }
    try {
        // 1. The signature, with the certificate the record carries.
        const auto& sig = record.at("signature");
        const auto certPem = sig.at("certificate").get<std::string>();
        auto verified = crypto::verifyWithCertificatePem(
            certPem, signedBytes(record),
            crypto::Signature{sig.at("algorithm").get<std::string>(), sig.at("value").get<std::string>()});
        if (!verified) problem("signature: " + verified.error().message);
        auto fp = crypto::fingerprintOfPem(certPem);
        if (!fp) {
            problem("certificate: " + fp.error().message);
        } else {
            r.fingerprint = *fp;
            if (sig.value("fingerprint", std::string{}) != *fp)
                problem("the fingerprint written in the record does not match its certificate");
            if (expectedFingerprint && *expectedFingerprint != *fp)
                problem("signed by certificate " + *fp + ", not the expected " + *expectedFingerprint);
        }

        // 2. The result follows from the counts and the rule.
        const auto& pollJson = record.at("poll");
        const BallotForm form = ballotFormFromJson(pollJson);
        auto rule = majorityRuleFromJson(pollJson.at("rule"));
        if (!rule) {
            problem("rule: " + rule.error().message);
            return r;
        }
        const Tally tally = tallyFromJson(record.at("tally"));
        const Electorate electorate = electorateFromJson(record.at("electorate"));
        auto evaluated = evaluateVote(form, *rule, tally, electorate);
        if (!evaluated) problem("the counts do not make a valid vote: " + evaluated.error().message);
        else if (toJson(*evaluated) != record.at("result")) problem("the stated result does not follow from the counts and the rule");
        r.summary = pollJson.value("question", std::string{}) + " — " + ballotSummary(record.at("result"));

        // 3. The ballots add up to the tally.
        const bool secret = pollJson.at("secret").get<bool>();
        Votes listed;
        Tally recount = emptyTally(form);
        for (const auto& b : record.at("ballots")) {
            // The weighted sums use weights only under a weighted rule (countedWeight()).
            const auto w = rule->weighted ? b.at("weight").get<std::int64_t>() : 1;
            listed.count += 1;
            listed.weighted += w;
            if (!secret) addToTally(recount, b.at("choices").get<std::vector<int>>(), w);
        }
        if (listed.count != tally.ballots.count || listed.weighted != tally.ballots.weighted)
            problem("the record lists " + std::to_string(listed.count) + " ballots but the tally counts " +
                    std::to_string(tally.ballots.count));
        if (!secret && toJson(recount) != toJson(tally)) problem("the named ballots do not add up to the tally");

        // 4. Against the log: every ballot and the close are there, with these hashes.
        if (log) {
            auto check = [&](Seq seq, const std::string& hash, const char* what) -> std::optional<storage::StoredEvent> {
                auto ev = log->storedEventsAfter(seq - 1, 1);
                if (!ev || ev->empty() || ev->front().seq != seq) {
                    problem(std::string(what) + " event " + std::to_string(seq) + " is not in the log");
                    return std::nullopt;
                }
                if (ev->front().hash != hash) {
                    problem(std::string(what) + " event " + std::to_string(seq) + " has hash " + ev->front().hash +
                            " in the log, not " + hash);
                    return std::nullopt;
                }
                return ev->front();
            };
            const auto pollId = pollJson.at("id").get<std::string>();
            const auto& l = record.at("log");
            if (auto closed = check(l.at("seq").get<Seq>(), l.at("hash").get<std::string>(), "closing")) {
                if (closed->type != "poll.closed" || closed->payload.value("poll", std::string{}) != pollId)
                    problem("event " + std::to_string(closed->seq) + " does not close poll '" + pollId + "'");
                else if (closed->payload.contains("count") && closed->payload.at("count").at("result") != record.at("result"))
                    problem("the log's count of poll '" + pollId + "' differs from the record's");
            }
            for (const auto& b : record.at("ballots")) {
                const auto seq = b.at("seq").get<Seq>();
                auto ev = check(seq, b.at("hash").get<std::string>(), "ballot");
                if (!ev) continue;
                const auto& pl = ev->payload;
                const bool matches = pl.value("poll", std::string{}) == pollId &&
                                     pl.value("voter", std::string{}) == b.at("voter").get<std::string>() &&
                                     (secret ? ev->type == "poll.voted"
                                             : ev->type == "poll.ballot_cast" && pl.value("choices", Json::array()) == b.at("choices"));
                if (!matches) problem("ballot event " + std::to_string(seq) + " in the log does not match the record");
                else ++r.ballotsCheckedAgainstLog;
            }
        }
    } catch (const nlohmann::json::exception& e) {
        problem(std::string("the record is malformed: ") + e.what());
    }
    return r;
}

} // namespace room::app
