#include "shared/protocol/protocol.h"

namespace room::protocol {

namespace {

Error fieldMissing(std::string_view key) {
    return Error::make(ErrorCode::MissingField, "field '" + std::string(key) + "' is required",
                       "thiếu trường '" + std::string(key) + "'");
}
Error fieldInvalid(std::string_view key, std::string_view what) {
    return Error::make(ErrorCode::InvalidArgument, "field '" + std::string(key) + "' must be " + std::string(what),
                       "trường '" + std::string(key) + "' không hợp lệ");
}

Result<std::string> stringField(const Json& j, const char* key, std::size_t maxLen, bool required = true) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) return fieldMissing(key);
        return std::string{};
    }
    if (!it->is_string()) return fieldInvalid(key, "a string");
    auto s = it->get<std::string>();
    if (required && s.empty()) return fieldInvalid(key, "non-empty");
    if (s.size() > maxLen) return fieldInvalid(key, "at most " + std::to_string(maxLen) + " bytes");
    return s;
}

Result<std::optional<Seq>> seqField(const Json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::optional<Seq>{};
    if (!it->is_number_integer() || it->get<Seq>() < 0) return fieldInvalid(key, "a non-negative integer");
    return std::optional<Seq>{it->get<Seq>()};
}

} // namespace

std::vector<std::string_view> clientMessageTypes() { return {"login", "hello", "command", "ping", "logout"}; }

Result<ClientMessage> parseClientMessage(std::string_view text) {
    Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
        return Error::make(ErrorCode::Malformed, "message is not valid JSON", "thông điệp không phải JSON hợp lệ");
    if (!j.is_object())
        return Error::make(ErrorCode::Malformed, "message must be a JSON object", "thông điệp phải là một đối tượng JSON");
    auto v = j.find("v");
    if (v == j.end() || !v->is_number_integer())
        return Error::make(ErrorCode::MissingField, "field 'v' (protocol version) is required", "thiếu trường 'v' (phiên bản giao thức)");
    if (v->get<std::int64_t>() != kProtocolVersion)
        return Error::make(ErrorCode::UnsupportedVersion,
                           "protocol version " + v->dump() + " is not supported (server speaks " + std::to_string(kProtocolVersion) + ")",
                           "phiên bản giao thức " + v->dump() + " không được hỗ trợ");
    auto t = j.find("type");
    if (t == j.end() || !t->is_string())
        return Error::make(ErrorCode::MissingField, "field 'type' is required", "thiếu trường 'type'");
    const auto type = t->get<std::string>();

    if (type == "login") {
        Login m;
        auto token = stringField(j, "login_token", 256, false);
        if (!token) return token.error();
        m.loginToken = *token;
        if (m.loginToken.empty()) {
            auto p = stringField(j, "participant", 64);
            if (!p) return p.error();
            auto pin = stringField(j, "pin", 64);
            if (!pin) return pin.error();
            m.participant = *p;
            m.pin = *pin;
        }
        auto seq = seqField(j, "last_seq");
        if (!seq) return seq.error();
        m.lastSeq = *seq;
        return ClientMessage{m};
    }
    if (type == "hello") {
        Hello m;
        auto s = stringField(j, "session", 256);
        if (!s) return s.error();
        m.session = *s;
        auto seq = seqField(j, "last_seq");
        if (!seq) return seq.error();
        m.lastSeq = seq->value_or(0);
        return ClientMessage{m};
    }
    if (type == "command") {
        CommandMessage m;
        auto id = stringField(j, "id", 128);
        if (!id) return id.error();
        m.id = *id;
        auto c = stringField(j, "command", 64);
        if (!c) return c.error();
        m.command.type = *c;
        if (auto a = j.find("args"); a != j.end() && !a->is_null()) {
            if (!a->is_object()) return fieldInvalid("args", "an object");
            m.command.args = *a;
        }
        return ClientMessage{m};
    }
    if (type == "ping") return ClientMessage{Ping{}};
    if (type == "logout") return ClientMessage{Logout{}};
    return Error::make(ErrorCode::UnknownType, "unknown message type '" + type + "'", "loại thông điệp không hợp lệ '" + type + "'");
}

Json welcome(const std::string& session, const Json& participant, std::string_view role, const std::string& serverVersion) {
    return Json{{"v", kProtocolVersion}, {"type", "welcome"}, {"session", session},
                {"participant", participant}, {"role", role}, {"server_version", serverVersion}};
}

Json snapshot(Seq seq, const std::string& headHash, const Json& state) {
    return Json{{"v", kProtocolVersion}, {"type", "snapshot"}, {"seq", seq}, {"head_hash", headHash}, {"state", state}};
}

std::string eventsFrame(const std::vector<const std::string*>& events, Seq head, const std::string& headHash) {
    std::string out = R"({"v":)" + std::to_string(kProtocolVersion) + R"(,"type":"events","head":)" +
                      std::to_string(head) + R"(,"head_hash":")" + headHash + R"(","events":[)";
    bool first = true;
    for (const auto* e : events) {
        if (!first) out.push_back(',');
        first = false;
        out += *e;
    }
    out += "]}";
    return out;
}

Json accepted(const std::string& id, Seq seq, bool duplicate, const std::string& hash) {
    Json j{{"v", kProtocolVersion}, {"type", "accepted"}, {"id", id}, {"seq", seq}, {"duplicate", duplicate}};
    if (!hash.empty()) j["hash"] = hash;
    return j;
}

Json rejected(const std::string& id, const Error& e) {
    return Json{{"v", kProtocolVersion}, {"type", "rejected"}, {"id", id}, {"code", errorCodeName(e.code)},
                {"message", e.message}, {"message_vi", e.messageVi.empty() ? e.message : e.messageVi}};
}

Json error(const Error& e) {
    return Json{{"v", kProtocolVersion}, {"type", "error"}, {"code", errorCodeName(e.code)},
                {"message", e.message}, {"message_vi", e.messageVi.empty() ? e.message : e.messageVi}};
}

Json pong(TimeMs now) { return Json{{"v", kProtocolVersion}, {"type", "pong"}, {"time", now}}; }

std::string frame(const Json& message) {
    return message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace room::protocol
