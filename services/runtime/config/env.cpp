#include "runtime/config/env.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace saga::runtime::config {

Env::Env()
    : lookup_([](const std::string& name) -> std::optional<std::string> {
          const char* value = std::getenv(name.c_str());
          if (value == nullptr) return std::nullopt;
          return std::string(value);
      }) {}

Env::Env(Lookup lookup) : lookup_(std::move(lookup)) {}

std::string Env::Required(const std::string& name) const {
    auto value = lookup_(name);
    if (!value || value->empty()) throw ConfigError(fmt::format("{} is required but not set", name));
    return *value;
}

std::string Env::Optional(const std::string& name, const std::string& fallback) const {
    auto value = lookup_(name);
    return value && !value->empty() ? *value : fallback;
}

long Env::Int(const std::string& name, long fallback, long min, long max) const {
    auto value = lookup_(name);
    if (!value || value->empty()) return fallback;
    long parsed = 0;
    auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), parsed);
    if (error != std::errc() || end != value->data() + value->size() || parsed < min || parsed > max) {
        throw ConfigError(fmt::format("{}='{}' is not an integer in [{}, {}]", name, *value, min, max));
    }
    return parsed;
}

bool Env::Flag(const std::string& name, bool fallback) const {
    auto value = lookup_(name);
    if (!value || value->empty()) return fallback;
    if (*value == "1" || *value == "true" || *value == "on" || *value == "yes") return true;
    if (*value == "0" || *value == "false" || *value == "off" || *value == "no") return false;
    throw ConfigError(fmt::format("{}='{}' is not a flag (true/false, 1/0, on/off)", name, *value));
}

std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text) {
    long number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || number < 0) return std::nullopt;
    const std::string_view unit(end, text.data() + text.size() - end);
    long per_unit = 0;  // milliseconds
    if (unit.empty() || unit == "ms") per_unit = 1;
    if (unit == "s") per_unit = 1000;
    if (unit == "m") per_unit = 60'000;
    if (unit == "h") per_unit = 3'600'000;
    // Beyond the limit, steady_clock's nanoseconds overflow when a deadline is computed from it.
    if (per_unit == 0 || number > std::chrono::milliseconds{kMaxDuration}.count() / per_unit) return std::nullopt;
    return std::chrono::milliseconds{number * per_unit};
}

std::chrono::milliseconds Env::Duration(const std::string& name, std::chrono::milliseconds fallback) const {
    auto value = lookup_(name);
    if (!value || value->empty()) return fallback;
    auto parsed = ParseDuration(*value);
    if (!parsed)
        throw ConfigError(
            fmt::format("{}='{}' is not a duration (e.g. 250ms, 2s, 15m, 1h; at most 1000000h)", name, *value));
    return *parsed;
}

std::vector<std::chrono::milliseconds> Env::Durations(const std::string& name,
                                                      std::vector<std::chrono::milliseconds> fallback) const {
    auto value = lookup_(name);
    if (!value || value->empty()) return fallback;
    std::vector<std::chrono::milliseconds> out;
    std::string_view rest = *value;
    while (true) {
        const auto comma = rest.find(',');
        auto parsed = ParseDuration(rest.substr(0, comma));
        if (!parsed || parsed->count() == 0) {
            throw ConfigError(
                fmt::format("{}='{}' is not a list of positive durations (e.g. 1s,5s,30s)", name, *value));
        }
        out.push_back(*parsed);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

std::string Env::RequiredUrl(const std::string& name, const std::vector<std::string>& schemes) const {
    std::string value = Required(name);
    for (const auto& scheme : schemes) {
        if (value.rfind(scheme + "://", 0) == 0 && value.size() > scheme.size() + 3) return value;
    }
    throw ConfigError(fmt::format("{} is not a {}:// URL", name, schemes.empty() ? "" : schemes.front()));
}

}  // namespace saga::runtime::config
