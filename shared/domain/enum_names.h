// Lookup between enum values and their wire names, from one constexpr table per enum.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace room::detail {

template <class E, std::size_t N>
std::optional<E> fromName(std::string_view s, const std::pair<E, std::string_view> (&table)[N]) {
    for (const auto& [e, name] : table)
        if (name == s) return e;
    return std::nullopt;
}

template <class E, std::size_t N>
std::string_view toName(E e, const std::pair<E, std::string_view> (&table)[N]) {
    for (const auto& [v, name] : table)
        if (v == e) return name;
    return "unknown";
}

} // namespace room::detail
