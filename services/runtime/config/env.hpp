#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace saga::runtime::config {

/// A variable is missing or malformed; the message names it and says what was expected.
class ConfigError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Typed access to configuration variables (12-factor: the environment).
class Env {
  public:
    using Lookup = std::function<std::optional<std::string>(const std::string&)>;

    /// Reads the process environment.
    Env();
    /// Reads from `lookup` (tests).
    explicit Env(Lookup lookup);

    std::string Required(const std::string& name) const;
    std::string Optional(const std::string& name, const std::string& fallback) const;
    long Int(const std::string& name, long fallback, long min, long max) const;
    bool Flag(const std::string& name, bool fallback) const;
    /// "250ms", "2s", "15m", "1h" or a plain number of milliseconds, at most kMaxDuration.
    std::chrono::milliseconds Duration(const std::string& name, std::chrono::milliseconds fallback) const;
    /// Comma-separated durations, e.g. "1s,5s,30s".
    std::vector<std::chrono::milliseconds> Durations(const std::string& name,
                                                     std::vector<std::chrono::milliseconds> fallback) const;
    /// A URL whose scheme is one of `schemes` (e.g. {"postgresql", "postgres"}).
    std::string RequiredUrl(const std::string& name, const std::vector<std::string>& schemes) const;

  private:
    Lookup lookup_;
};

/// The longest duration a variable may hold (about 114 years): a deadline that far ahead still
/// fits steady_clock's nanoseconds.
inline constexpr std::chrono::hours kMaxDuration{1'000'000};

/// Parses one duration as Env::Duration does; nullopt when malformed or above kMaxDuration.
std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text);

}  // namespace saga::runtime::config
