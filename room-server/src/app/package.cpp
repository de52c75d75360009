#include "room-server/src/app/package.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "room-server/src/docstore/document_store.h"
#include "room-server/src/storage/database.h"
#include "shared/crypto/hash.h"
#include "shared/crypto/pin_hash.h"
#include "shared/pdf/pdf_inspect.h"

namespace room::app {

namespace {

Error packageError(const std::string& where, const std::string& what) {
    return Error::make(ErrorCode::InvalidArgument, where + ": " + what, where + ": " + what);
}

Result<std::string> readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return packageError(p.string(), "cannot be read");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Status runAsAdmin(core::Engine& engine, Command cmd, const std::string& where) {
    std::vector<core::Submission> batch;
    Status result = Ok{};
    batch.push_back(core::Submission{Actor{std::string(kSystemActor), Role::Admin}, {}, std::move(cmd),
                                     [&](const core::CommandOutcome& o) {
                                         if (!o.ok)
                                             result = Error::make(o.error.code, where + ": " + o.error.message,
                                                                  where + ": " + o.error.messageVi);
                                     }});
    engine.runBatch(batch);
    return result;
}

/// A package file name must stay inside the package: no absolute paths, no "..".
bool safeRelative(const std::string& name) {
    if (name.empty() || name.front() == '/') return false;
    for (const auto& part : std::filesystem::path(name))
        if (part == ".." || part == ".") return false;
    return name.find('\0') == std::string::npos;
}

} // namespace

Result<ImportReport> importPackage(const std::filesystem::path& dir, core::Engine& engine, storage::Database& db,
                                   storage::DocumentStore& docs) {
    const auto file = dir / "meeting.json";
    auto text = readFile(file);
    if (!text) return text.error();
    Json j = Json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return packageError(file.string(), "is not a JSON object");
    if (j.value("format", "") != kPackageFormat)
        return packageError(file.string() + ": format", "must be \"" + std::string(kPackageFormat) + "\"");

    ImportReport report;
    // PINs are credentials, never part of the meeting definition (which every client receives).
    Json participants = Json::array();
    std::vector<std::pair<std::string, std::string>> givenPins;
    if (!j.contains("participants") || !j["participants"].is_array())
        return packageError(file.string() + ": participants", "must be an array");
    for (auto p : j["participants"]) {
        if (p.is_object() && p.contains("pin")) {
            if (!p["pin"].is_string() || !crypto::isValidPinFormat(p["pin"].get<std::string>()))
                return packageError(file.string() + ": participants[" + p.value("id", "?") + "].pin", "must be 4-12 digits");
            givenPins.emplace_back(p.value("id", ""), p["pin"].get<std::string>());
            p.erase("pin");
        }
        participants.push_back(p);
    }
    Json define{{"meeting", j.value("meeting", Json::object())}, {"participants", participants},
                {"agenda", j.value("agenda", Json::array())}};

    // First everything is read, validated and decided against a scratch copy of the state, so a
    // bad package (a corrupt PDF, an unknown item) stops with an error before anything is stored.
    struct PendingDoc {
        std::string where;
        std::string bytes;
        Json args;
    };
    std::vector<PendingDoc> pendingDocs;
    const Actor admin{std::string(kSystemActor), Role::Admin};
    State scratch = engine.state();
    Seq scratchSeq = scratch.seq;
    auto rehearse = [&](const Command& cmd, const std::string& where) -> Status {
        auto events = decide(scratch, admin, cmd, 0);
        if (!events) return Error::make(events.error().code, where + ": " + events.error().message, where + ": " + events.error().messageVi);
        for (auto& d : *events) apply(scratch, Event{++scratchSeq, 0, admin.id, d.type, d.payload});
        return Ok{};
    };
    if (auto st = rehearse(Command{"meeting.define", define}, file.string()); !st) return st.error();
    if (j.contains("documents")) {
        if (!j["documents"].is_array()) return packageError(file.string() + ": documents", "must be an array");
        for (const auto& d : j["documents"]) {
            const std::string name = d.is_object() ? d.value("file", "") : "";
            const std::string where = file.string() + ": documents[" + name + "]";
            if (!safeRelative(name)) return packageError(where, "'file' must be a relative path inside the package");
            auto bytes = readFile(dir / name);
            if (!bytes) return bytes.error();
            auto info = pdf::inspectPdf(*bytes);
            if (!info) return Error::make(ErrorCode::BadDocument, (dir / name).string() + ": " + info.error().message,
                                          (dir / name).string() + ": " + info.error().messageVi);
            const auto id = crypto::sha256Hex(*bytes);
            if (scratch.document(id)) {
                ++report.documentsAlreadyPresent;
                continue;
            }
            Json args{{"id", id}, {"pages", info->pages}, {"bytes", static_cast<std::int64_t>(bytes->size())}};
            args["title"] = d.value("title", info->title.empty() ? name : info->title);
            for (const char* key : {"audience", "item", "listed"})
                if (d.contains(key)) args[key] = d[key];
            if (auto st = rehearse(Command{"document.add", args}, where); !st) return st.error();
            pendingDocs.push_back(PendingDoc{where, std::move(bytes).value(), args});
        }
    }

    if (auto st = runAsAdmin(engine, Command{"meeting.define", define}, file.string()); !st) return st.error();
    report.participants = static_cast<int>(engine.state().participants.size());
    report.items = static_cast<int>(engine.state().agenda.size());
    for (auto& pd : pendingDocs) {
        auto id = docs.put(pd.bytes);
        if (!id) return id.error();
        if (auto st = runAsAdmin(engine, Command{"document.add", pd.args}, pd.where); !st) return st.error();
        ++report.documentsAdded;
    }

    auto issue = [&](const Participant& p, const std::string& pin) -> Status {
        if (auto st = db.setPinHash(p.id, crypto::hashPin(pin)); !st) return st;
        report.pins.push_back(IssuedPin{p.id, p.fullName, std::string(roleName(p.role)), p.seat, pin});
        return Ok{};
    };
    for (const auto& p : engine.state().participants) {
        auto given = std::find_if(givenPins.begin(), givenPins.end(), [&](const auto& g) { return g.first == p.id; });
        if (given != givenPins.end()) {
            if (auto st = issue(p, given->second); !st) return st.error();
            continue;
        }
        auto cred = db.credential(p.id);
        if (!cred) return cred.error();
        if (!*cred)
            if (auto st = issue(p, crypto::generatePin(6)); !st) return st.error();
    }
    return report;
}

Status exportPackage(const std::filesystem::path& dir, const State& s, storage::DocumentStore& docs) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return packageError(dir.string(), "cannot be created: " + ec.message());
    if (std::filesystem::exists(dir / "meeting.json")) return packageError((dir / "meeting.json").string(), "already exists");
    Json participants = Json::array();
    for (const auto& p : s.participants) participants.push_back(toJson(p));
    Json agenda = Json::array();
    for (const auto& i : s.agenda)
        agenda.push_back(Json{{"id", i.id}, {"parent", i.parent.empty() ? Json(nullptr) : Json(i.parent)},
                              {"title", i.title}, {"presenter", i.presenter}, {"planned_minutes", i.plannedMinutes}});
    Json documents = Json::array();
    for (const auto& [id, d] : s.documents) {
        auto src = docs.pathOf(id);
        if (!src) return src.error();
        const std::string name = id.substr(0, 16) + ".pdf";
        std::filesystem::copy_file(*src, dir / name, std::filesystem::copy_options::overwrite_existing, ec);
        if (ec) return packageError((dir / name).string(), "cannot be written: " + ec.message());
        Json dj{{"file", name}, {"title", d.title}, {"audience", audienceName(d.audience)}, {"listed", d.listed}};
        if (!d.item.empty()) dj["item"] = d.item;
        documents.push_back(dj);
    }
    Json out{{"format", kPackageFormat}, {"meeting", meetingInfoJson(s.meeting)}, {"participants", participants},
             {"agenda", agenda}, {"documents", documents}};
    std::ofstream f(dir / "meeting.json");
    f << out.dump(2) << '\n';
    if (!f) return packageError((dir / "meeting.json").string(), "cannot be written");
    return Ok{};
}

Status writePinSlips(const std::filesystem::path& file, const std::string& meetingTitle, const std::vector<IssuedPin>& pins) {
    std::ofstream f(file);
    if (!f) return packageError(file.string(), "cannot be written");
    ::chmod(file.c_str(), 0600);
    f << "# " << meetingTitle << "\n# Mã PIN đăng nhập / login PINs — giữ bí mật, phát riêng cho từng người\n";
    f << "# ghế/seat\tmã/id\tvai trò/role\tPIN\thọ tên/name\n";
    for (const auto& p : pins)
        f << (p.seat.empty() ? "-" : p.seat) << '\t' << p.participant << '\t' << p.role << '\t' << p.pin << '\t'
          << p.fullName << '\n';
    return f ? Status{Ok{}} : Status{packageError(file.string(), "cannot be written")};
}

} // namespace room::app
