#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/amqp/message.hpp"
#include "sagactl/dlq/time_text.hpp"

namespace saga::sagactl {

/// The four dead-letter queues sagactl covers when no --queue is given (SPEC §4).
const std::vector<std::string>& DefaultDeadLetterQueues();

/// Normalises a --queue argument: "inventory", "inventory-service" and "inventory-service.dlq"
/// all mean "inventory-service.dlq"; any other name ending in ".dlq" is taken as it is, and
/// anything else gets ".dlq" appended. Throws std::invalid_argument when the name would exceed
/// AMQP's 255 bytes (kMaxQueueNameBytes), which the broker could not even be asked about.
std::string DeadLetterQueueArgument(const std::string& text);
inline constexpr std::size_t kMaxQueueNameBytes = 255;

/// The service owning a work queue ("inventory-service" → "inventory"); empty when the name does
/// not follow the "<service>-service" convention.
std::string ServiceOfQueue(const std::string& queue);

/// One message read from a dead-letter queue: what the broker holds, nothing interpreted yet.
struct DlqMessage {
    std::string queue;  ///< the DLQ it was read from
    runtime::amqp::Properties properties;
    std::string body;
};

/// The queue a replay delivers to: header `x-original-queue` (set by our consumers), else the
/// broker's plain-string `x-first-death-queue`; nullopt when neither is there.
std::optional<std::string> ReplayTarget(const DlqMessage& message);

/// When the message was dead-lettered: `x-last-failed-at`, else the AMQP timestamp.
std::optional<TimePoint> FailedAt(const DlqMessage& message);

/// The order (saga) the message is about: the CloudEvent `subject` of the body, else a string
/// header `subject`, else `data.order_id` of the body; empty when none.
std::string SubjectOf(const DlqMessage& message);

/// The CloudEvent type: AMQP property `type`, else the body's `type`.
std::string TypeOf(const DlqMessage& message);

/// A header value as text (integers and booleans printed, strings as they are).
std::string HeaderText(const runtime::amqp::HeaderValue& value);

/// The message sent back to `target` by a replay: the default exchange with routing key =
/// `target` (so only that queue receives it), properties and headers kept, `x-replay-count`
/// incremented, `x-replayed-at` = `now`. `x-attempts` is removed so the consumer starts a fresh
/// retry budget (`x-first-failed-at` and the rest of the failure history stay), and the broker's
/// `x-delivery-count` is dropped. `body` replaces the body when given.
runtime::amqp::OutgoingMessage ReplayCopy(const DlqMessage& message, const std::string& target, TimePoint now,
                                          const std::optional<std::string>& body = std::nullopt);

}  // namespace saga::sagactl
