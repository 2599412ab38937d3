#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "runtime/amqp/message.hpp"

namespace saga::runtime::messaging {

/// How often a failing handler is tried and how long to wait in between.
struct RetryPolicy {
    int max_attempts = 5;  ///< handler runs in all, the first included
    std::vector<std::chrono::milliseconds> delays{std::chrono::seconds{1}, std::chrono::seconds{5},
                                                  std::chrono::seconds{30}};

    /// The delay before the next try after `failed_attempts` failures, or nullopt when the
    /// budget is spent. Delays grow along `delays`; past its end the last one repeats.
    std::optional<std::chrono::milliseconds> DelayAfter(int failed_attempts) const;
};

/// Why a message is leaving its queue.
struct Failure {
    std::string exception_type;
    std::string exception_message;
    int attempts = 0;  ///< failed handler runs so far (0 for poison)
    std::string now;   ///< RFC 3339
};

inline constexpr const char* kReasonPoison = "poison";
inline constexpr const char* kReasonRetriesExhausted = "retries_exhausted";

/// The copy sent to the DLQ (`saga.dlx`, routing key = queue): body and properties kept, plus
/// the SPEC §4 headers. Headers from an earlier failure (original exchange and routing key,
/// first failure time) are kept, so they describe the first delivery.
amqp::OutgoingMessage DeadLetterCopy(const amqp::Delivery& delivery, const std::string& queue,
                                     const std::string& service, const std::string& reason, const Failure& failure);

/// The copy parked in the retry queue for `delay`; it comes back to `queue` only.
amqp::OutgoingMessage RetryCopy(const amqp::Delivery& delivery, const std::string& queue, const std::string& service,
                                std::chrono::milliseconds delay, const Failure& failure);

/// Failed attempts recorded on a delivery by earlier retries (0 on a first delivery).
int FailedAttempts(const amqp::Delivery& delivery);

}  // namespace saga::runtime::messaging
