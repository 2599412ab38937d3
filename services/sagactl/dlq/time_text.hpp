#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace saga::sagactl {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

/// Parses an RFC 3339 date-time ("2026-12-01T06:00:00Z", "2026-12-01T07:00:00.250+01:00";
/// "t" and a space are accepted as the separator). nullopt when malformed.
std::optional<TimePoint> ParseRfc3339(std::string_view text);

/// Parses a `--since`/`--until` argument: an RFC 3339 date-time, or a duration back from `now`
/// ("90s", "15m", "2h", "7d"). nullopt when it is neither.
std::optional<TimePoint> ParseTimeArgument(std::string_view text, TimePoint now);

/// RFC 3339 UTC with millisecond precision, e.g. "2026-11-22T10:00:00.123Z".
std::string FormatRfc3339(TimePoint time);

TimePoint Now();

}  // namespace saga::sagactl
