#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "events/envelope.hpp"

namespace saga::events {

// Every event type E (a struct with `static constexpr std::string_view kType`) provides, in its
// own header:
//   nlohmann::json ToJson(const E& event);                               // the `data` object
//   template <> E FromJson<E>(const nlohmann::json& data);
//   template <> std::vector<FieldError> Validate<E>(const nlohmann::json& data);

/// Every violation of E's data schema by `data`, with paths prefixed "data." (e.g.
/// "data.items[0].quantity"). Empty when valid.
template <class E>
std::vector<FieldError> Validate(const nlohmann::json& data);

/// The event in `data`. Throws ValidationError (the errors of Validate<E>) when `data` is invalid.
template <class E>
E FromJson(const nlohmann::json& data);

/// The event carried by `envelope`. Throws ValidationError on field "type" when the envelope
/// carries another type, and as FromJson<E> when its data is invalid.
template <class E>
E DataAs(const Envelope& envelope) {
    if (envelope.type != E::kType) {
        throw ValidationError({{"type", "is " + envelope.type + ", expected " + std::string(E::kType)}});
    }
    return FromJson<E>(envelope.data);
}

/// Helpers for the ToJson/FromJson implementations of the event types.
template <class T>
nlohmann::json ToJsonArray(const std::vector<T>& items) {
    auto array = nlohmann::json::array();
    for (const auto& item : items) {
        array.push_back(ToJson(item));
    }
    return array;
}

template <class Convert>
auto FromJsonArray(const nlohmann::json& array, Convert convert) {
    std::vector<decltype(convert(array.at(0)))> items;
    for (const auto& item : array) {
        items.push_back(convert(item));
    }
    return items;
}

inline std::optional<std::string> OptionalString(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? std::nullopt : std::optional<std::string>(it->get<std::string>());
}

}  // namespace saga::events
