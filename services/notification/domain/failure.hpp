#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace saga::notification {

/// How often and how patiently a notification is retried (NOTIFY_MAX_ATTEMPTS, NOTIFY_RETRY_DELAY).
struct RetryPolicy {
    int max_attempts = 5;                                        ///< attempts in all, >= 1
    std::chrono::milliseconds base_delay{1000};                  ///< wait after the first failure
    std::chrono::milliseconds max_delay{std::chrono::hours{1}};  ///< cap of the doubling
};

/// After `attempts` failed attempts (>= 1): the wait before the next one — base_delay doubled per
/// earlier failure, capped at max_delay — or nullopt when the budget is spent and the
/// notification has FAILED.
std::optional<std::chrono::milliseconds> RetryDelay(const RetryPolicy& policy, int attempts);

/// A delivery error as a reason fit for notification.failed and the log: 1 to 1000 printable
/// ASCII characters (anything else becomes '?'), "unknown error" when empty.
std::string FailureReason(std::string_view error);

}  // namespace saga::notification
