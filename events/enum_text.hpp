#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace saga::events {

/// Specialise for each enum sent on the wire, with
/// `static constexpr std::array<std::string_view, N> kNames` listing the wire names of the
/// enumerators 0..N-1 in declaration order.
template <class E>
struct EnumTraits;

/// The wire name of `value`.
template <class E>
constexpr std::string_view ToText(E value) {
    return EnumTraits<E>::kNames.at(static_cast<std::size_t>(value));
}

/// The enumerator whose wire name is `text`, or nullopt.
template <class E>
constexpr std::optional<E> ParseEnum(std::string_view text) {
    const auto& names = EnumTraits<E>::kNames;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

}  // namespace saga::events
