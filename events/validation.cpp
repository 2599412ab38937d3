#include "events/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace saga::events {

ObjectValidator::ObjectValidator(const nlohmann::json& value, std::string path, std::vector<FieldError>& errors)
    : value_(value), path_(std::move(path)), errors_(errors) {
    if (!value_.is_object()) {
        errors_.push_back({path_, "must be an object"});
    }
}

std::string ObjectValidator::PathOf(std::string_view key) const {
    return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

void ObjectValidator::Fail(std::string_view key, std::string message) {
    errors_.push_back({PathOf(key), std::move(message)});
}

const nlohmann::json* ObjectValidator::Find(std::string_view key) const {
    if (!value_.is_object()) {
        return nullptr;
    }
    const auto it = value_.find(key);
    return it == value_.end() ? nullptr : &*it;
}

const nlohmann::json* ObjectValidator::Member(std::string_view key, Presence presence) {
    known_.push_back(key);
    if (!value_.is_object()) {
        return nullptr;
    }
    const nlohmann::json* member = Find(key);
    if (member == nullptr && presence == Presence::kRequired) {
        Fail(key, "is required");
    }
    return member;
}

ObjectValidator& ObjectValidator::String(std::string_view key, const StringFormat& format, Presence presence) {
    const nlohmann::json* member = Member(key, presence);
    if (member == nullptr) {
        return *this;
    }
    if (!member->is_string()) {
        Fail(key, "must be a string");
    } else if (!format.Matches(member->get_ref<const std::string&>())) {
        Fail(key, "must be " + format.description());
    }
    return *this;
}

ObjectValidator& ObjectValidator::Integer(std::string_view key, std::int64_t min, std::int64_t max) {
    const nlohmann::json* member = Member(key, Presence::kRequired);
    if (member == nullptr) {
        return *this;
    }
    if (!IsJsonInteger(*member)) {
        Fail(key, "must be an integer");
        return *this;
    }
    // Compare as double only for floats; integers compare exactly (an unsigned may exceed int64).
    bool in_range = false;
    if (member->is_number_unsigned()) {
        const auto v = member->get<std::uint64_t>();
        in_range = v <= static_cast<std::uint64_t>(max) && (min <= 0 || v >= static_cast<std::uint64_t>(min));
    } else if (member->is_number_integer()) {
        const auto v = member->get<std::int64_t>();
        in_range = v >= min && v <= max;
    } else {
        const auto v = member->get<double>();
        in_range = v >= static_cast<double>(min) && v <= static_cast<double>(max);
    }
    if (!in_range) {
        Fail(key, max == kMaxSafeInteger ? fmt::format("must be at least {}", min)
                                         : fmt::format("must be between {} and {}", min, max));
    }
    return *this;
}

ObjectValidator& ObjectValidator::OneOf(std::string_view key, std::span<const std::string_view> allowed,
                                        Presence presence) {
    const nlohmann::json* member = Member(key, presence);
    if (member == nullptr) {
        return *this;
    }
    const bool ok =
        member->is_string() && std::find(allowed.begin(), allowed.end(),
                                         std::string_view(member->get_ref<const std::string&>())) != allowed.end();
    if (!ok) {
        Fail(key, allowed.size() == 1 ? fmt::format("must be \"{}\"", allowed.front())
                                      : fmt::format("must be one of: {}", fmt::join(allowed, ", ")));
    }
    return *this;
}

ObjectValidator& ObjectValidator::AnyObject(std::string_view key) {
    const nlohmann::json* member = Member(key, Presence::kRequired);
    if (member != nullptr && !member->is_object()) {
        Fail(key, "must be an object");
    }
    return *this;
}

void ObjectValidator::RejectUnknown() {
    if (!value_.is_object()) {
        return;
    }
    for (const auto& [key, unused] : value_.items()) {
        if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
            Fail(key, "is not allowed");
        }
    }
}

bool IsJsonInteger(const nlohmann::json& value) {
    if (value.is_number_integer()) {  // also true for unsigned
        return true;
    }
    if (!value.is_number_float()) {
        return false;
    }
    const auto v = value.get<double>();
    return std::isfinite(v) && std::trunc(v) == v;
}

void CheckDistinct(const nlohmann::json& array, std::string_view array_path, std::string_view key,
                   std::vector<FieldError>& errors) {
    if (!array.is_array()) {
        return;
    }
    for (std::size_t j = 0; j < array.size(); ++j) {
        const auto& item = array[j];
        if (!item.is_object() || !item.contains(key) || !item[std::string(key)].is_string()) {
            continue;
        }
        for (std::size_t i = 0; i < j; ++i) {
            const auto& earlier = array[i];
            if (earlier.is_object() && earlier.contains(key) && earlier[std::string(key)] == item[std::string(key)]) {
                errors.push_back({fmt::format("{}[{}].{}", array_path, j, key),
                                  fmt::format("duplicates {}[{}].{}", array_path, i, key)});
                break;
            }
        }
    }
}

void ThrowIfErrors(std::vector<FieldError> errors) {
    if (!errors.empty()) {
        throw ValidationError(std::move(errors));
    }
}

}  // namespace saga::events
