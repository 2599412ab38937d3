#include "inventory/domain/expiry.hpp"

#include <fmt/format.h>

#include <ctime>

namespace saga::inventory::domain {

std::string ExpiresAt(std::chrono::system_clock::time_point now, std::chrono::milliseconds ttl) {
    const auto at = std::chrono::time_point_cast<std::chrono::milliseconds>(now + ttl);
    const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
    const auto millis = (at - seconds).count();
    const std::time_t t = std::chrono::system_clock::to_time_t(seconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                       utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
}

}  // namespace saga::inventory::domain
