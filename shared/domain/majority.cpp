#include "shared/domain/majority.h"

#include "shared/domain/enum_names.h"
#include "shared/domain/state.h"

#include <algorithm>
#include <initializer_list>
#include <numeric>
#include <set>

namespace room {

namespace {

// Counts are bounded so that count*den and sums of counts stay far from int64 overflow.
constexpr std::int64_t kMaxCount = 1'000'000'000'000;

constexpr std::pair<PollKind, std::string_view> kPollKindNames[] = {
    {PollKind::YesNo, "yes_no"}, {PollKind::OneOf, "one_of"}, {PollKind::UpTo, "up_to"}};
constexpr std::pair<MajorityBase, std::string_view> kBaseNames[] = {
    {MajorityBase::Cast, "cast"}, {MajorityBase::Present, "present"}, {MajorityBase::Members, "members"}};
constexpr std::pair<Outcome, std::string_view> kOutcomeNames[] = {{Outcome::Passed, "passed"},
                                                                  {Outcome::NotPassed, "not_passed"},
                                                                  {Outcome::Tie, "tie"},
                                                                  {Outcome::NotValid, "not_valid"}};

using detail::fromName;
using detail::toName;

Error invalid(std::string en, std::string vi) {
    return Error::make(ErrorCode::InvalidArgument, std::move(en), std::move(vi));
}
Error invalidField(std::string_view key, std::string en, std::string vi) {
    return invalid("field '" + std::string(key) + "': " + en, "trường '" + std::string(key) + "': " + vi);
}
Error missingField(std::string_view key, std::string_view what) {
    return Error::make(ErrorCode::MissingField, "field '" + std::string(key) + "' is required (" + std::string(what) + ")",
                       // The description is English; the Vietnamese message names the field only.
                       "thiếu trường '" + std::string(key) + "'");
}

std::string num(std::int64_t v) { return std::to_string(v); }

// ---- thresholds --------------------------------------------------------------------------------

/// The rule's test. Zero never reaches: a motion with no yes vote never passes, even when a
/// non-strict fraction of an empty base would be met.
bool reaches(const Threshold& t, std::int64_t count, std::int64_t base) { return count > 0 && t.reached(count, base); }

/// Smallest count that reaches `t` of `base` (at least 1, see reaches()).
std::int64_t neededFor(const Threshold& t, std::int64_t base) {
    const std::int64_t product = base * t.num;
    const std::int64_t n = t.strict ? product / t.den + 1 : (product + t.den - 1) / t.den;
    return std::max<std::int64_t>(n, 1);
}

Status validateThreshold(const Threshold& t, std::string_view prefix, int minNum) {
    const std::string k = std::string(prefix);
    if (t.den < 1 || t.den > kMaxRuleDen)
        return invalidField(k + "den", "the denominator must be between 1 and " + num(kMaxRuleDen),
                            "mẫu số phải từ 1 đến " + num(kMaxRuleDen));
    if (t.num < minNum || t.num > t.den)
        return invalidField(k + "num",
                            "the numerator must be between " + num(minNum) + " and the denominator (" + num(t.den) + ")",
                            "tử số phải từ " + num(minNum) + " đến mẫu số (" + num(t.den) + ")");
    if (t.strict && t.num == t.den)
        return invalidField(k + "strict", "more than " + num(t.num) + "/" + num(t.den) + " can never be reached; use strict false",
                            "không thể đạt trên " + num(t.num) + "/" + num(t.den) + "; hãy dùng strict false");
    return Ok{};
}

// ---- the rule in words -------------------------------------------------------------------------

std::string_view baseVi(MajorityBase b) {
    switch (b) {
    case MajorityBase::Cast: return "số phiếu biểu quyết";
    case MajorityBase::Present: return "số thành viên có mặt";
    case MajorityBase::Members: return "tổng số thành viên";
    }
    return "";
}
std::string_view baseEn(MajorityBase b) {
    switch (b) {
    case MajorityBase::Cast: return "votes cast";
    case MajorityBase::Present: return "members present";
    case MajorityBase::Members: return "all members";
    }
    return "";
}

// Named fractions read as the law writes them ("hai phần ba"); others as digits.
std::string fractionVi(int n, int d) {
    if (n == 2 && d == 3) return "hai phần ba";
    if (n == 3 && d == 4) return "ba phần tư";
    if (n == 1 && d == 3) return "một phần ba";
    if (n == 1 && d == 4) return "một phần tư";
    return num(n) + "/" + num(d);
}
std::string fractionEn(int n, int d) {
    if (n == 2 && d == 3) return "two thirds";
    if (n == 3 && d == 4) return "three quarters";
    if (n == 1 && d == 3) return "one third";
    if (n == 1 && d == 4) return "one quarter";
    return num(n) + "/" + num(d);
}

std::string thresholdVi(const Threshold& t, MajorityBase b) {
    if (t.num == 0) return "nhiều phiếu nhất";
    const int g = std::gcd(t.num, t.den);
    const int n = t.num / g, d = t.den / g;
    std::string q;
    if (n == 1 && d == 2) q = t.strict ? "quá nửa" : "ít nhất một nửa";
    else if (n == d) q = "100%";
    else q = (t.strict ? "trên " : "ít nhất ") + fractionVi(n, d);
    return q + " " + std::string(baseVi(b));
}
std::string thresholdEn(const Threshold& t, MajorityBase b) {
    if (t.num == 0) return "most votes";
    const int g = std::gcd(t.num, t.den);
    const int n = t.num / g, d = t.den / g;
    std::string q;
    if (n == 1 && d == 2) q = t.strict ? "more than half" : "at least half";
    else if (n == d) q = "100%";
    else q = (t.strict ? "more than " : "at least ") + fractionEn(n, d);
    return q + " of " + std::string(baseEn(b));
}

/// The majority part of the rule, without the quorum (statements put it beside the numbers).
std::string majorityVi(const MajorityRule& r) {
    std::string s = thresholdVi(r.share, r.base);
    if (r.base == MajorityBase::Cast && r.share.num > 0)
        s += r.countAbstentions ? ", tính cả phiếu không biểu quyết" : ", không tính phiếu không biểu quyết";
    if (r.weighted) s += ", tính theo trọng số";
    return s;
}
std::string majorityEn(const MajorityRule& r) {
    std::string s = thresholdEn(r.share, r.base);
    if (r.base == MajorityBase::Cast && r.share.num > 0)
        s += r.countAbstentions ? ", abstentions counted" : ", abstentions not counted";
    if (r.weighted) s += ", weighted";
    return s;
}

std::string unitVi(const MajorityRule& r) {
    if (r.weighted) return "phiếu theo trọng số";
    switch (r.base) {
    case MajorityBase::Cast: return "phiếu";
    case MajorityBase::Present: return "thành viên có mặt";
    case MajorityBase::Members: return "thành viên";
    }
    return "";
}
std::string unitEn(const MajorityRule& r) {
    if (r.weighted) return "weighted votes";
    switch (r.base) {
    case MajorityBase::Cast: return "votes";
    case MajorityBase::Present: return "members present";
    case MajorityBase::Members: return "members";
    }
    return "";
}

Status checkCount(std::int64_t v, const std::string& en, const std::string& vi) {
    if (v < 0) return invalid(en + " is negative (" + num(v) + ")", vi + " là số âm (" + num(v) + ")");
    if (v > kMaxCount) return invalid(en + " is too large (" + num(v) + ")", vi + " quá lớn (" + num(v) + ")");
    return Ok{};
}

#define ROOM_CHECK(expr)                                                                         \
    do {                                                                                         \
        if (auto st_ = (expr); !st_) return st_.error();                                         \
    } while (false)

Status validateCounts(const BallotForm& f, const MajorityRule& rule, const Tally& t, const Electorate& e) {
    ROOM_CHECK(checkCount(e.members, "members", "tổng số thành viên"));
    ROOM_CHECK(checkCount(e.present, "members present", "số thành viên có mặt"));
    ROOM_CHECK(checkCount(e.membersWeight, "members' weight", "tổng trọng số thành viên"));
    ROOM_CHECK(checkCount(e.presentWeight, "present members' weight", "trọng số thành viên có mặt"));
    if (e.members < 1) return invalid("there are no voting members", "không có thành viên biểu quyết");
    if (e.present > e.members)
        return invalid("more members present (" + num(e.present) + ") than members (" + num(e.members) + ")",
                       "số thành viên có mặt (" + num(e.present) + ") nhiều hơn tổng số thành viên (" + num(e.members) + ")");
    if (e.presentWeight > e.membersWeight)
        return invalid("the present members' weight exceeds all members' weight",
                       "trọng số thành viên có mặt lớn hơn tổng trọng số thành viên");
    if (rule.weighted && e.membersWeight < e.members)
        return invalid("weighted rule: members' weight (" + num(e.membersWeight) + ") is less than one per member",
                       "quy tắc theo trọng số: tổng trọng số (" + num(e.membersWeight) + ") nhỏ hơn số thành viên");

    ROOM_CHECK(checkCount(t.ballots.count, "ballots", "số phiếu"));
    ROOM_CHECK(checkCount(t.ballots.weighted, "weighted ballots", "số phiếu theo trọng số"));
    ROOM_CHECK(checkCount(t.abstentions.count, "abstentions", "số phiếu không biểu quyết"));
    ROOM_CHECK(checkCount(t.abstentions.weighted, "weighted abstentions", "số phiếu không biểu quyết theo trọng số"));
    if (t.options.size() != f.options.size())
        return invalid("the tally has " + num(static_cast<std::int64_t>(t.options.size())) + " options, the ballot " +
                           num(static_cast<std::int64_t>(f.options.size())),
                       "kết quả kiểm phiếu có " + num(static_cast<std::int64_t>(t.options.size())) +
                           " phương án, phiếu có " + num(static_cast<std::int64_t>(f.options.size())));
    // Only members vote (a proxy holder votes for the member), so ballots never exceed them. A
    // member who voted and left before the close still has a ballot: present is not a bound.
    if (t.ballots.count > e.members)
        return invalid("more ballots (" + num(t.ballots.count) + ") than members (" + num(e.members) + ")",
                       "số phiếu (" + num(t.ballots.count) + ") nhiều hơn tổng số thành viên (" + num(e.members) + ")");
    if (t.ballots.weighted > e.membersWeight && (rule.weighted || e.membersWeight > 0))
        return invalid("more weighted ballots (" + num(t.ballots.weighted) + ") than members' weight (" + num(e.membersWeight) + ")",
                       "số phiếu theo trọng số (" + num(t.ballots.weighted) + ") lớn hơn tổng trọng số (" + num(e.membersWeight) + ")");
    if (t.abstentions.count > t.ballots.count || t.abstentions.weighted > t.ballots.weighted)
        return invalid("more abstentions than ballots", "số phiếu không biểu quyết nhiều hơn số phiếu");

    const Votes voting{t.ballots.count - t.abstentions.count, t.ballots.weighted - t.abstentions.weighted};
    Votes sum;
    for (std::size_t i = 0; i < t.options.size(); ++i) {
        const auto& o = t.options[i];
        const std::string& label = f.options[i];
        ROOM_CHECK(checkCount(o.count, "votes for '" + label + "'", "số phiếu cho '" + label + "'"));
        ROOM_CHECK(checkCount(o.weighted, "weighted votes for '" + label + "'", "số phiếu theo trọng số cho '" + label + "'"));
        if (o.count > voting.count || o.weighted > voting.weighted)
            return invalid("'" + label + "' has more votes than ballots choosing an option",
                           "'" + label + "' có nhiều phiếu hơn số phiếu có lựa chọn");
        sum.count += o.count;
        sum.weighted += o.weighted;
    }
    // Each ballot is an abstention or marks 1..k options, so the choices must add up.
    const std::int64_t k = f.maxChoices;
    const bool countsAddUp = f.kind == PollKind::UpTo
                                 ? sum.count >= voting.count && sum.count <= voting.count * k
                                 : sum.count == voting.count;
    const bool weightsAddUp = f.kind == PollKind::UpTo
                                  ? sum.weighted >= voting.weighted && sum.weighted <= voting.weighted * k
                                  : sum.weighted == voting.weighted;
    if (!countsAddUp)
        return invalid("the votes for options (" + num(sum.count) + ") do not add up to the " + num(voting.count) +
                           " ballots choosing an option",
                       "tổng số phiếu các phương án (" + num(sum.count) + ") không khớp với " + num(voting.count) +
                           " phiếu có lựa chọn");
    if (!weightsAddUp)
        return invalid("the weighted votes for options do not add up to the weighted ballots",
                       "tổng số phiếu theo trọng số các phương án không khớp với số phiếu theo trọng số");
    return Ok{};
}

// ---- statements --------------------------------------------------------------------------------

std::string neededVi(const VoteResult& r) {
    return r.rule.share.num == 0 ? ", " + majorityVi(r.rule) : ", cần " + num(r.needed) + " (" + majorityVi(r.rule) + ")";
}
std::string neededEn(const VoteResult& r) {
    return r.rule.share.num == 0 ? ", " + majorityEn(r.rule) : ", " + num(r.needed) + " needed (" + majorityEn(r.rule) + ")";
}

const OptionResult& find(const VoteResult& r, std::size_t option) {
    return *std::find_if(r.ranking.begin(), r.ranking.end(), [&](const OptionResult& x) { return x.option == option; });
}

/// The chosen options joined with ", ", each written by `item`.
template <class F>
std::string joinOptions(const VoteResult& r, const std::vector<std::size_t>& which, F item) {
    std::string s;
    for (auto i : which) {
        if (!s.empty()) s += ", ";
        s += item(find(r, i));
    }
    return s;
}
std::string listVi(const VoteResult& r, const std::vector<std::size_t>& which) {
    return joinOptions(r, which, [&](const auto& o) {
        return o.label + " (" + num(o.votes) + "/" + num(r.base) + " " + unitVi(r.rule) + ")";
    });
}
std::string listEn(const VoteResult& r, const std::vector<std::size_t>& which) {
    return joinOptions(r, which, [&](const auto& o) {
        return o.label + " (" + num(o.votes) + " of " + num(r.base) + " " + unitEn(r.rule) + ")";
    });
}
std::string labels(const VoteResult& r, const std::vector<std::size_t>& which) {
    return joinOptions(r, which, [](const auto& o) { return o.label; });
}

void stateYesNo(VoteResult& r) {
    const auto& yes = r.ranking[0];
    const auto& no = r.ranking[1];
    const std::string share = num(yes.votes) + "/" + num(r.base) + " " + unitVi(r.rule) + " tán thành";
    const std::string shareEn = num(yes.votes) + " of " + num(r.base) + " " + unitEn(r.rule) + " in favour";
    switch (r.outcome) {
    case Outcome::Passed:
        r.statementVi = "Được thông qua: " + share + neededVi(r) + ".";
        r.statementEn = "Passed: " + shareEn + neededEn(r) + ".";
        break;
    case Outcome::NotPassed:
        r.statementVi = "Không được thông qua: " + share + neededVi(r) + ".";
        r.statementEn = "Not passed: " + shareEn + neededEn(r) + ".";
        break;
    case Outcome::Tie:
        r.statementVi = "Số phiếu ngang nhau: " + share + ", " + num(no.votes) + " không tán thành" + neededVi(r) + ".";
        r.statementEn = "Tie: " + shareEn + ", " + num(no.votes) + " against" + neededEn(r) + ".";
        break;
    case Outcome::NotValid: break;
    }
    const std::string counts = " " + yes.label + " " + num(yes.votes) + ", " + no.label + " " + num(no.votes) + ", " +
                               r.abstainLabel + " " + num(r.abstentions) + ".";
    r.statementVi += counts;
    r.statementEn += counts;
}

void stateOptions(VoteResult& r) {
    const auto unfilled = static_cast<std::int64_t>(r.places) - static_cast<std::int64_t>(r.winners.size());
    switch (r.outcome) {
    case Outcome::Passed:
        r.statementVi = "Được chọn: " + listVi(r, r.winners) + neededVi(r) + ".";
        r.statementEn = "Chosen: " + listEn(r, r.winners) + neededEn(r) + ".";
        if (unfilled > 0) {
            r.statementVi += " Còn " + num(unfilled) + "/" + num(r.places) + " vị trí chưa có lựa chọn đạt.";
            r.statementEn += " " + num(unfilled) + " of " + num(r.places) + " places unfilled.";
        }
        break;
    case Outcome::Tie: {
        const auto& first = find(r, r.tied.front());
        r.statementVi = "Số phiếu ngang nhau giữa " + labels(r, r.tied) + " (mỗi lựa chọn " + num(first.votes) + "/" +
                        num(r.base) + " " + unitVi(r.rule) + ")";
        r.statementEn = "Tie between " + labels(r, r.tied) + " (" + num(first.votes) + " of " + num(r.base) + " " +
                        unitEn(r.rule) + " each)";
        if (!r.winners.empty()) {
            r.statementVi += "; được chọn: " + listVi(r, r.winners);
            r.statementEn += "; chosen: " + listEn(r, r.winners);
        }
        r.statementVi += neededVi(r) + ".";
        r.statementEn += neededEn(r) + ".";
        break;
    }
    case Outcome::NotPassed:
        if (r.ranking.front().votes == 0) {
            r.statementVi = "Không có lựa chọn đạt: không có phiếu chọn phương án nào (" + majorityVi(r.rule) + ").";
            r.statementEn = "Nothing chosen: no votes for any option (" + majorityEn(r.rule) + ").";
        } else {
            const auto& top = r.ranking.front();
            r.statementVi = "Không có lựa chọn đạt: nhiều nhất " + top.label + " " + num(top.votes) + "/" + num(r.base) +
                            " " + unitVi(r.rule) + neededVi(r) + ".";
            r.statementEn = "Nothing chosen: most votes " + top.label + " with " + num(top.votes) + " of " +
                            num(r.base) + " " + unitEn(r.rule) + neededEn(r) + ".";
        }
        break;
    case Outcome::NotValid: break;
    }
}

/// Fills winners / tied / outcome of an option poll (see evaluateVote).
void decideOptions(VoteResult& r) {
    const std::size_t places = static_cast<std::size_t>(r.places);
    std::size_t i = 0;
    while (i < r.ranking.size() && r.winners.size() < places) {
        const std::int64_t c = r.ranking[i].votes;
        if (c == 0) break;
        std::size_t j = i;
        while (j < r.ranking.size() && r.ranking[j].votes == c) ++j;
        const std::size_t group = j - i;
        const std::size_t open = places - r.winners.size();
        if (r.ranking[i].reached) {
            if (group <= open) {
                for (std::size_t x = i; x < j; ++x) r.winners.push_back(r.ranking[x].option);
                i = j;
                continue;
            }
            // More options at the cut-off than places left.
            for (std::size_t x = i; x < j; ++x) r.tied.push_back(r.ranking[x].option);
        } else if (group > open && reaches(r.rule.share, c + 1, r.base)) {
            // Nobody here reaches, but one vote moving between them would: the tie decides.
            for (std::size_t x = i; x < j; ++x) r.tied.push_back(r.ranking[x].option);
        }
        break;
    }
    r.outcome = !r.tied.empty() ? Outcome::Tie : !r.winners.empty() ? Outcome::Passed : Outcome::NotPassed;
}

} // namespace

// ---- names and presets -------------------------------------------------------------------------

std::string_view pollKindName(PollKind k) { return toName(k, kPollKindNames); }
std::optional<PollKind> pollKindFromName(std::string_view s) { return fromName(s, kPollKindNames); }
std::string_view majorityBaseName(MajorityBase b) { return toName(b, kBaseNames); }
std::optional<MajorityBase> majorityBaseFromName(std::string_view s) { return fromName(s, kBaseNames); }
std::string_view outcomeName(Outcome o) { return toName(o, kOutcomeNames); }

BallotForm BallotForm::yesNo(std::string yes, std::string no, std::string abstain) {
    return BallotForm{PollKind::YesNo, {std::move(yes), std::move(no)}, std::move(abstain), 1};
}
BallotForm BallotForm::oneOf(std::vector<std::string> options) {
    return BallotForm{PollKind::OneOf, std::move(options), std::string(kAbstainLabel), 1};
}
BallotForm BallotForm::upTo(int k, std::vector<std::string> candidates) {
    return BallotForm{PollKind::UpTo, std::move(candidates), std::string(kAbstainLabel), k};
}

MajorityRule MajorityRule::simple() { return MajorityRule{}; }
MajorityRule MajorityRule::halfOfMembers() { return fraction(1, 2, true, MajorityBase::Members); }
MajorityRule MajorityRule::twoThirdsOfMembers() { return fraction(2, 3, false, MajorityBase::Members); }
MajorityRule MajorityRule::plurality() { return fraction(0, 1, true, MajorityBase::Cast); }
MajorityRule MajorityRule::fraction(int n, int d, bool strict, MajorityBase base) {
    MajorityRule r;
    r.base = base;
    r.share = Threshold{n, d, strict};
    return r;
}

Electorate electorate(const State& s) {
    // Mirrors quorum(): present, plus represented when the meeting lets proxies count.
    Electorate e;
    for (const auto& p : s.participants) {
        if (!p.member) continue;
        ++e.members;
        e.membersWeight += p.weight;
        bool counted = s.isPresent(p.id);
        if (!counted && s.meeting.proxiesCountForQuorum)
            if (auto it = s.proxies.find(p.id); it != s.proxies.end()) counted = s.isPresent(it->second);
        if (counted) {
            ++e.present;
            e.presentWeight += p.weight;
        }
    }
    return e;
}

Status validateRule(const MajorityRule& rule) {
    ROOM_CHECK(validateThreshold(rule.share, "", 0));
    if (rule.countAbstentions && rule.base != MajorityBase::Cast)
        return invalidField("count_abstentions", "applies only to base 'cast' (other bases already include abstentions)",
                            "chỉ dùng với cơ sở 'cast' (các cơ sở khác đã tính phiếu không biểu quyết)");
    if (rule.share.num == 0 && rule.base != MajorityBase::Cast)
        return invalidField("base", "plurality (num 0) is taken of votes cast; use base 'cast'",
                            "đa số tương đối (num 0) tính trên số phiếu biểu quyết; hãy dùng cơ sở 'cast'");
    if (rule.quorum) ROOM_CHECK(validateThreshold(*rule.quorum, "quorum.", 1));
    return Ok{};
}

std::string ruleTextVi(const MajorityRule& rule) {
    std::string s = majorityVi(rule);
    if (rule.quorum) s += "; điều kiện: có mặt " + thresholdVi(*rule.quorum, MajorityBase::Members);
    return s;
}
std::string ruleTextEn(const MajorityRule& rule) {
    std::string s = majorityEn(rule);
    if (rule.quorum) s += "; quorum: " + thresholdEn(*rule.quorum, MajorityBase::Members) + " present";
    return s;
}

// ---- evaluation --------------------------------------------------------------------------------

Result<VoteResult> evaluateVote(const BallotForm& form, const MajorityRule& rule, const Tally& tally,
                                const Electorate& e) {
    ROOM_CHECK(validateRule(rule));
    ROOM_CHECK(validateForm(form));
    if (form.kind == PollKind::YesNo && rule.share.num == 0)
        return invalidField("num", "plurality does not decide a yes/no vote; use a fraction above zero",
                            "đa số tương đối không dùng cho biểu quyết tán thành/không tán thành; hãy dùng phân số lớn hơn 0");
    ROOM_CHECK(validateCounts(form, rule, tally, e));

    auto pick = [&](const Votes& v) { return rule.weighted ? v.weighted : v.count; };

    VoteResult r;
    r.kind = form.kind;
    r.rule = rule;
    r.members = e.members;
    r.present = e.present;
    r.places = form.maxChoices;
    r.abstainLabel = form.abstainLabel;
    r.ballots = pick(tally.ballots);
    r.abstentions = pick(tally.abstentions);
    r.ruleVi = ruleTextVi(rule);
    r.ruleEn = ruleTextEn(rule);
    switch (rule.base) {
    case MajorityBase::Cast: r.base = rule.countAbstentions ? r.ballots : r.ballots - r.abstentions; break;
    case MajorityBase::Present: r.base = rule.weighted ? e.presentWeight : e.present; break;
    case MajorityBase::Members: r.base = rule.weighted ? e.membersWeight : e.members; break;
    }
    r.needed = neededFor(rule.share, r.base);

    for (std::size_t i = 0; i < form.options.size(); ++i) {
        const std::int64_t v = pick(tally.options[i]);
        const bool compared = form.kind != PollKind::YesNo || i == 0; // a yes/no vote compares yes only
        r.ranking.push_back(OptionResult{i, form.options[i], v, compared && reaches(rule.share, v, r.base)});
    }
    if (form.kind != PollKind::YesNo)
        std::stable_sort(r.ranking.begin(), r.ranking.end(),
                         [](const OptionResult& a, const OptionResult& b) { return a.votes > b.votes; });

    if (rule.quorum) {
        r.quorumNeeded = neededFor(*rule.quorum, e.members);
        r.quorumMet = rule.quorum->reached(e.present, e.members);
    }
    if (!r.quorumMet) {
        // Counts are kept in the result for the minutes, but they decide nothing.
        r.outcome = Outcome::NotValid;
        const std::string q = thresholdVi(*rule.quorum, MajorityBase::Members);
        const std::string qEn = thresholdEn(*rule.quorum, MajorityBase::Members);
        r.statementVi = "Không hợp lệ, không đủ số thành viên có mặt: " + num(e.present) + "/" + num(e.members) +
                        " thành viên, cần " + num(r.quorumNeeded) + " (" + q + ").";
        r.statementEn = "Not valid, no quorum: " + num(e.present) + " of " + num(e.members) + " members present, " +
                        num(r.quorumNeeded) + " needed (" + qEn + ").";
        return r;
    }

    if (form.kind == PollKind::YesNo) {
        const std::int64_t yes = r.ranking[0].votes;
        const std::int64_t no = r.ranking[1].votes;
        if (r.ranking[0].reached) r.outcome = Outcome::Passed;
        // A tie only when it is what stands between the motion and passing: one vote moving from
        // no to yes (the base unchanged) would carry it. Otherwise an equal split is just short.
        else if (yes == no && yes > 0 && reaches(rule.share, yes + 1, r.base)) r.outcome = Outcome::Tie;
        else r.outcome = Outcome::NotPassed;
        stateYesNo(r);
    } else {
        decideOptions(r);
        stateOptions(r);
    }
    if (rule.quorum) {
        r.statementVi += " Có mặt " + num(e.present) + "/" + num(e.members) + " thành viên (cần " + num(r.quorumNeeded) + ").";
        r.statementEn += " " + num(e.present) + " of " + num(e.members) + " members present (" + num(r.quorumNeeded) + " needed).";
    }
    return r;
}

// ---- JSON --------------------------------------------------------------------------------------

namespace {

Json thresholdJson(const Threshold& t) { return Json{{"num", t.num}, {"den", t.den}, {"strict", t.strict}}; }

Result<int> intField(const Json& j, const std::string& prefix, const char* key, std::string_view what) {
    auto it = j.find(key);
    const std::string name = prefix + key;
    if (it == j.end() || it->is_null()) return missingField(name, what);
    if (!it->is_number_integer()) return invalidField(name, "must be an integer", "phải là số nguyên");
    const auto v = it->get<std::int64_t>();
    if (v < 0 || v > kMaxRuleDen)
        return invalidField(name, "must be between 0 and " + num(kMaxRuleDen), "phải từ 0 đến " + num(kMaxRuleDen));
    return static_cast<int>(v);
}

Result<bool> boolField(const Json& j, const std::string& prefix, const char* key, std::optional<bool> fallback,
                       std::string_view what) {
    auto it = j.find(key);
    const std::string name = prefix + key;
    if (it == j.end() || it->is_null()) {
        if (fallback) return *fallback;
        return missingField(name, what);
    }
    if (!it->is_boolean()) return invalidField(name, "must be true or false", "phải là true hoặc false");
    return it->get<bool>();
}

Status onlyKnown(const Json& j, const std::string& prefix, std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : j.items()) {
        (void)value;
        if (std::find(known.begin(), known.end(), key) == known.end())
            return invalidField(prefix + key, "is not a field of a majority rule", "không phải là trường của quy tắc biểu quyết");
    }
    return Ok{};
}

/// Reads num, den and strict of `j` (the rule itself, or its quorum object under "quorum.").
Result<Threshold> thresholdFromJson(const Json& j, const std::string& prefix) {
    auto n = intField(j, prefix, "num", "numerator of the fraction");
    if (!n) return n.error();
    auto d = intField(j, prefix, "den", "denominator of the fraction");
    if (!d) return d.error();
    auto s = boolField(j, prefix, "strict", std::nullopt, "true: more than the fraction; false: at least the fraction");
    if (!s) return s.error();
    return Threshold{*n, *d, *s};
}

} // namespace

// ---- validation of a poll ----------------------------------------------------------------------

Status validateForm(const BallotForm& f) {
    const auto n = static_cast<std::int64_t>(f.options.size());
    switch (f.kind) {
    case PollKind::YesNo:
        if (n != 2) return invalid("a yes/no ballot has exactly two options (yes, no)", "phiếu biểu quyết tán thành/không tán thành phải có đúng hai lựa chọn");
        if (f.maxChoices != 1) return invalid("a yes/no ballot allows one choice", "phiếu biểu quyết tán thành/không tán thành chỉ cho một lựa chọn");
        break;
    case PollKind::OneOf:
        if (n < 2) return invalid("a one-choice ballot needs at least two options", "phiếu chọn một cần ít nhất hai phương án");
        if (f.maxChoices != 1) return invalid("a one-choice ballot allows one choice", "phiếu chọn một chỉ cho một lựa chọn");
        break;
    case PollKind::UpTo:
        if (f.maxChoices < 1) return invalid("k (the number of choices) must be at least 1", "số lựa chọn k phải từ 1 trở lên");
        if (n < f.maxChoices)
            return invalid("k (" + num(f.maxChoices) + ") is more than the " + num(n) + " candidates",
                           "số lựa chọn k (" + num(f.maxChoices) + ") nhiều hơn số ứng viên (" + num(n) + ")");
        break;
    }
    std::set<std::string> seen;
    for (const auto& o : f.options) {
        if (o.empty()) return invalid("an option has no label", "có phương án không có tên");
        if (!seen.insert(o).second) return invalid("option '" + o + "' appears twice", "phương án '" + o + "' bị trùng");
    }
    return Ok{};
}

Json toJson(const MajorityRule& rule) {
    return Json{{"base", majorityBaseName(rule.base)},
                {"num", rule.share.num},
                {"den", rule.share.den},
                {"strict", rule.share.strict},
                {"weighted", rule.weighted},
                {"count_abstentions", rule.countAbstentions},
                {"quorum", rule.quorum ? thresholdJson(*rule.quorum) : Json(nullptr)}};
}

Result<MajorityRule> majorityRuleFromJson(const Json& j) {
    if (!j.is_object())
        return invalid("a majority rule must be an object", "quy tắc biểu quyết phải là một đối tượng");
    ROOM_CHECK(onlyKnown(j, "", {"base", "num", "den", "strict", "weighted", "count_abstentions", "quorum"}));
    MajorityRule r;
    auto b = j.find("base");
    if (b == j.end() || b->is_null()) return missingField("base", "cast, present or members");
    if (!b->is_string()) return invalidField("base", "must be a string", "phải là chuỗi");
    auto base = majorityBaseFromName(b->get<std::string>());
    if (!base)
        return invalidField("base", "must be 'cast', 'present' or 'members'", "phải là 'cast', 'present' hoặc 'members'");
    r.base = *base;
    auto share = thresholdFromJson(j, "");
    if (!share) return share.error();
    r.share = *share;
    auto weighted = boolField(j, "", "weighted", false, "use vote weights");
    if (!weighted) return weighted.error();
    r.weighted = *weighted;
    auto abst = boolField(j, "", "count_abstentions", false, "abstentions join the base");
    if (!abst) return abst.error();
    r.countAbstentions = *abst;
    if (auto q = j.find("quorum"); q != j.end() && !q->is_null()) {
        if (!q->is_object())
            return invalidField("quorum", "must be an object {num, den, strict} or null", "phải là đối tượng {num, den, strict} hoặc null");
        ROOM_CHECK(onlyKnown(*q, "quorum.", {"num", "den", "strict"}));
        auto t = thresholdFromJson(*q, "quorum.");
        if (!t) return t.error();
        r.quorum = *t;
    }
    ROOM_CHECK(validateRule(r));
    return r;
}

Json toJson(const VoteResult& r) {
    Json options = Json::array();
    for (const auto& o : r.ranking)
        options.push_back(Json{{"option", o.option}, {"label", o.label}, {"votes", o.votes}, {"reached", o.reached}});
    return Json{{"outcome", outcomeName(r.outcome)},
                {"kind", pollKindName(r.kind)},
                {"rule", toJson(r.rule)},
                {"quorum", Json{{"met", r.quorumMet}, {"members", r.members}, {"present", r.present}, {"needed", r.quorumNeeded}}},
                {"ballots", r.ballots},
                {"abstentions", r.abstentions},
                {"abstain_label", r.abstainLabel},
                {"base", r.base},
                {"needed", r.needed},
                {"places", r.places},
                {"options", options},
                {"winners", r.winners},
                {"tied", r.tied},
                {"rule_vi", r.ruleVi},
                {"rule_en", r.ruleEn},
                {"statement_vi", r.statementVi},
                {"statement_en", r.statementEn}};
}

} // namespace room
