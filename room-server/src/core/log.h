// Structured logs: one JSON object per line on stderr, safe from any thread.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace room::log {

enum class Level { Debug, Info, Warn, Error };

void setLevel(Level level);
bool parseLevel(std::string_view s, Level& out);
void write(Level level, std::string_view event, nlohmann::json fields = nlohmann::json::object());

inline void debug(std::string_view e, nlohmann::json f = nlohmann::json::object()) { write(Level::Debug, e, std::move(f)); }
inline void info(std::string_view e, nlohmann::json f = nlohmann::json::object()) { write(Level::Info, e, std::move(f)); }
inline void warn(std::string_view e, nlohmann::json f = nlohmann::json::object()) { write(Level::Warn, e, std::move(f)); }
inline void error(std::string_view e, nlohmann::json f = nlohmann::json::object()) { write(Level::Error, e, std::move(f)); }

} // namespace room::log
