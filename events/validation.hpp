#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "events/enum_text.hpp"
#include "events/envelope.hpp"
#include "events/formats.hpp"

namespace saga::events {

/// The largest integer every JSON consumer reads exactly (2^53 - 1); the schemas use it as the
/// `maximum` of otherwise unbounded integers.
inline constexpr std::int64_t kMaxSafeInteger = 9007199254740991;

enum class Presence { kRequired, kOptional };

/// Checks one JSON value that must be an object with a closed set of properties, the way the
/// schemas in schemas/ do (`additionalProperties: false`), collecting every violation instead of
/// stopping at the first. Paths are "data.items[0].quantity"-style, rooted at `path`.
///
/// Integers follow JSON Schema: a number with a zero fractional part (2 or 2.0) is an integer;
/// 2.5, "2" and true are not.
///
/// Usage: name each property once with a rule, then call RejectUnknown(). Borrowed references:
/// `value` and `errors` must outlive the validator.
class ObjectValidator {
  public:
    /// Records "must be an object" at once when `value` is not an object; every rule is then a no-op.
    ObjectValidator(const nlohmann::json& value, std::string path, std::vector<FieldError>& errors);

    ObjectValidator& String(std::string_view key, const StringFormat& format, Presence presence = Presence::kRequired);
    ObjectValidator& Integer(std::string_view key, std::int64_t min, std::int64_t max = kMaxSafeInteger);
    /// A string that is one of `allowed`.
    ObjectValidator& OneOf(std::string_view key, std::span<const std::string_view> allowed,
                           Presence presence = Presence::kRequired);
    /// A string naming a value of an enum with EnumTraits.
    template <class E>
    ObjectValidator& Enum(std::string_view key, Presence presence = Presence::kRequired) {
        return OneOf(key, EnumTraits<E>::kNames, presence);
    }
    /// Any JSON object (its content is checked elsewhere).
    ObjectValidator& AnyObject(std::string_view key);
    /// An array of `min_items` to `max_items` items; `check(item, item_path, errors)` runs for each.
    template <class Check>
    ObjectValidator& Array(std::string_view key, std::size_t min_items, std::size_t max_items, Check check) {
        const nlohmann::json* array = Member(key, Presence::kRequired);
        if (array == nullptr) {
            return *this;
        }
        if (!array->is_array()) {
            Fail(key, "must be an array");
        } else if (array->size() < min_items || array->size() > max_items) {
            Fail(key, "must have " + std::to_string(min_items) + " to " + std::to_string(max_items) + " items");
        }
        if (array->is_array()) {
            for (std::size_t i = 0; i < array->size(); ++i) {
                check((*array)[i], PathOf(key) + "[" + std::to_string(i) + "]", errors_);
            }
        }
        return *this;
    }

    /// Reports every property that no rule named as "is not allowed". Call after the rules.
    void RejectUnknown();

    /// The property's value if the object has it, else nullptr (also when the value is no object).
    const nlohmann::json* Find(std::string_view key) const;
    /// The path of a property of this object.
    std::string PathOf(std::string_view key) const;

  private:
    /// Marks `key` as known; returns its value, or nullptr after reporting it missing (if required).
    const nlohmann::json* Member(std::string_view key, Presence presence);
    void Fail(std::string_view key, std::string message);

    const nlohmann::json& value_;
    std::string path_;
    std::vector<FieldError>& errors_;
    std::vector<std::string_view> known_;
};

/// True when `value` is a JSON Schema integer (a number with a zero fractional part).
bool IsJsonInteger(const nlohmann::json& value);

/// Reports "duplicates <path>[j].<key>" for each item of `array` whose string `key` repeats an
/// earlier item's. Items that are not objects or lack the key are ignored (reported elsewhere).
void CheckDistinct(const nlohmann::json& array, std::string_view array_path, std::string_view key,
                   std::vector<FieldError>& errors);

/// Throws ValidationError carrying `errors` unless it is empty.
void ThrowIfErrors(std::vector<FieldError> errors);

}  // namespace saga::events
