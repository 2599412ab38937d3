#pragma once

#include <chrono>
#include <string>

namespace saga::inventory::domain {

/// The RFC 3339 UTC time (millisecond precision, "Z") `ttl` after `now`: a reservation's
/// expires_at, e.g. "2026-11-22T10:15:00.123Z".
std::string ExpiresAt(std::chrono::system_clock::time_point now, std::chrono::milliseconds ttl);

}  // namespace saga::inventory::domain
