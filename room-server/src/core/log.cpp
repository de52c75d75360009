#include "room-server/src/core/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace room::log {

namespace {
std::atomic<Level> g_level{Level::Info};
std::mutex g_mutex;

const char* name(Level l) {
    switch (l) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warn: return "warn";
    case Level::Error: return "error";
    }
    return "info";
}
} // namespace

void setLevel(Level level) { g_level = level; }

bool parseLevel(std::string_view s, Level& out) {
    for (auto l : {Level::Debug, Level::Info, Level::Warn, Level::Error})
        if (s == name(l)) {
            out = l;
            return true;
        }
    return false;
}

void write(Level level, std::string_view event, nlohmann::json fields) {
    if (level < g_level.load()) return;
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char ts[64];
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
    if (!fields.is_object()) fields = nlohmann::json{{"value", fields}};
    fields["ts"] = ts;
    fields["level"] = name(level);
    fields["event"] = std::string(event);
    const auto line = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard lock(g_mutex);
    std::fputs(line.c_str(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace room::log
