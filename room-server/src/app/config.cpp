#include "room-server/src/app/config.h"

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "room-server/src/core/log.h"

namespace room::app {

namespace {
Error configError(const std::string& where, const std::string& what) {
    return Error::make(ErrorCode::InvalidArgument, "config: " + where + ": " + what, "cấu hình: " + where + ": " + what);
}
} // namespace

Result<std::pair<std::string, int>> parseListen(std::string_view s) {
    std::string host;
    std::string_view portText;
    if (!s.empty() && s.front() == '[') {
        auto close = s.find(']');
        if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':')
            return configError("listen", "expected HOST:PORT, got '" + std::string(s) + "'");
        host = std::string(s.substr(1, close - 1));
        portText = s.substr(close + 2);
    } else {
        auto colon = s.rfind(':');
        if (colon == std::string_view::npos || colon == 0)
            return configError("listen", "expected HOST:PORT, got '" + std::string(s) + "'");
        host = std::string(s.substr(0, colon));
        portText = s.substr(colon + 1);
    }
    if (portText.empty() || portText.size() > 5 ||
        portText.find_first_not_of("0123456789") != std::string_view::npos)
        return configError("listen", "port must be a number 0-65535, got '" + std::string(portText) + "'");
    const int port = std::stoi(std::string(portText));
    if (port > 65535) return configError("listen", "port must be 0-65535");
    return std::pair{host, port};
}

Result<ServerConfig> loadConfig(const std::filesystem::path& file, ServerConfig c) {
    std::ifstream in(file);
    if (!in) return configError(file.string(), "cannot be read");
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false, /*ignore_comments=*/true);
    if (j.is_discarded()) return configError(file.string(), "is not valid JSON");
    if (!j.is_object()) return configError(file.string(), "must hold a JSON object");

    static const std::set<std::string> kKeys = {"listen", "data_dir", "tls", "server_name", "subject_alt_names",
                                                "session_hours", "login_timeout_seconds", "limits", "log_level"};
    for (const auto& [key, value] : j.items())
        if (!kKeys.count(key)) return configError(key, "unknown key");

    auto str = [&](const nlohmann::json& obj, const char* key, const std::string& path, std::string& out) -> Status {
        if (!obj.contains(key)) return Ok{};
        if (!obj[key].is_string() || obj[key].get<std::string>().empty()) return configError(path, "must be a non-empty string");
        out = obj[key].get<std::string>();
        return Ok{};
    };
    auto integer = [&](const nlohmann::json& obj, const char* key, const std::string& path, std::int64_t lo, std::int64_t hi,
                       auto& out) -> Status {
        if (!obj.contains(key)) return Ok{};
        if (!obj[key].is_number_integer()) return configError(path, "must be an integer");
        const auto v = obj[key].get<std::int64_t>();
        if (v < lo || v > hi) return configError(path, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
        out = static_cast<std::remove_reference_t<decltype(out)>>(v);
        return Ok{};
    };

    std::string listen;
    if (auto st = str(j, "listen", "listen", listen); !st) return st.error();
    if (!listen.empty()) {
        auto hp = parseListen(listen);
        if (!hp) return hp.error();
        c.host = hp->first;
        c.port = hp->second;
    }
    std::string dataDir;
    if (auto st = str(j, "data_dir", "data_dir", dataDir); !st) return st.error();
    if (!dataDir.empty()) c.dataDir = dataDir;
    if (auto st = str(j, "server_name", "server_name", c.serverName); !st) return st.error();
    if (j.contains("subject_alt_names")) {
        const auto& a = j["subject_alt_names"];
        if (!a.is_array()) return configError("subject_alt_names", "must be an array of strings");
        c.subjectAltNames.clear();
        for (const auto& e : a) {
            if (!e.is_string()) return configError("subject_alt_names", "must be an array of strings");
            c.subjectAltNames.push_back(e.get<std::string>());
        }
    }
    if (auto st = integer(j, "session_hours", "session_hours", 1, 24 * 30, c.sessionHours); !st) return st.error();
    if (auto st = integer(j, "login_timeout_seconds", "login_timeout_seconds", 2, 3600, c.loginTimeoutSeconds); !st)
        return st.error();
    if (auto st = str(j, "log_level", "log_level", c.logLevel); !st) return st.error();
    if (j.contains("tls")) {
        const auto& t = j["tls"];
        if (!t.is_object()) return configError("tls", "must be an object {cert, key}");
        for (const auto& [key, value] : t.items())
            if (key != "cert" && key != "key") return configError("tls." + key, "unknown key");
        std::string cert, key;
        if (auto st = str(t, "cert", "tls.cert", cert); !st) return st.error();
        if (auto st = str(t, "key", "tls.key", key); !st) return st.error();
        if (!cert.empty()) c.certFile = cert;
        if (!key.empty()) c.keyFile = key;
    }
    if (j.contains("limits")) {
        const auto& l = j["limits"];
        if (!l.is_object()) return configError("limits", "must be an object");
        static const std::set<std::string> kLimitKeys = {"max_frame_bytes", "max_upload_mb", "messages_per_second",
                                                         "max_connections"};
        for (const auto& [key, value] : l.items())
            if (!kLimitKeys.count(key)) return configError("limits." + key, "unknown key");
        if (auto st = integer(l, "max_frame_bytes", "limits.max_frame_bytes", 1024, 16 << 20, c.maxFrameBytes); !st) return st.error();
        if (auto st = integer(l, "max_upload_mb", "limits.max_upload_mb", 1, 4096, c.maxUploadMb); !st) return st.error();
        if (auto st = integer(l, "messages_per_second", "limits.messages_per_second", 1, 10000, c.messagesPerSecond); !st) return st.error();
        if (auto st = integer(l, "max_connections", "limits.max_connections", 1, 100000, c.maxConnections); !st) return st.error();
    }
    return c;
}

Status finalizeConfig(ServerConfig& c) {
    log::Level level;
    if (!log::parseLevel(c.logLevel, level)) return configError("log_level", "must be debug, info, warn or error");
    if (c.dataDir.empty()) return configError("data_dir", "must be set");
    if (c.certFile.empty() != c.keyFile.empty())
        return configError(c.certFile.empty() ? "tls.cert" : "tls.key", "tls.cert and tls.key are set together");
    if (c.certFile.empty()) {
        c.certFile = c.dataDir / "tls" / "server.crt";
        c.keyFile = c.dataDir / "tls" / "server.key";
    }
    return Ok{};
}

} // namespace room::app
