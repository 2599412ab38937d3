#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "runtime/amqp/connection.hpp"

namespace saga::runtime::amqp {

inline constexpr const char* kEventsExchange = "saga.events";   ///< topic, carries every event
inline constexpr const char* kDeadLetterExchange = "saga.dlx";  ///< direct, routing key = work queue
/// x-delivery-limit of the work queues: a distant backstop. It counts every return to the queue,
/// including the messages a consumer had only prefetched when it went down; the consumer's own
/// crash count (ConsumerOptions::crash_limit) tells those apart.
inline constexpr int kDeliveryLimit = 1000;

/// What one service owns on the broker (SPEC §4).
struct ServiceTopology {
    std::string queue;                                    ///< work queue, named after the service
    std::vector<std::string> bindings;                    ///< event types it consumes
    std::vector<std::chrono::milliseconds> retry_delays;  ///< one delay queue per distinct delay
    int delivery_limit = kDeliveryLimit;
};

std::string DeadLetterQueueName(const std::string& queue);
/// "<queue>.retry": the service's own direct exchange for delayed retries. Retries never go
/// through the default exchange, so a service user needs no write permission on it (which
/// would let it put messages into any queue).
std::string RetryExchangeName(const std::string& queue);
/// "<queue>.delay.<ms>ms": named by its delay, so changing the delays never collides with an
/// existing queue's arguments. (Up to 2026-12 they were classic queues named
/// "<queue>.retry.<ms>ms"; left over from an older version, such a queue still expires what it
/// holds into the work queue and can be deleted once empty.)
std::string RetryQueueName(const std::string& queue, std::chrono::milliseconds delay);

/// The topology did not match what exists on the broker; the text says what differs.
class TopologyMismatch : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Declares (idempotently) the exchanges, the quorum work queue with its dead-letter settings,
/// its quorum DLQ (no delivery limit), the retry exchange, the retry delay queues (quorum, TTL,
/// bound to the retry exchange by their own name, dead-lettering back through it to the work
/// queue alone, at least once) and the bindings. A queue that already exists
/// with different arguments throws TopologyMismatch naming the argument; other failures throw
/// AmqpError.
void DeclareServiceTopology(Connection& connection, const ServiceTopology& topology);

/// Declares only the two shared exchanges.
void DeclareExchanges(Connection& connection);

}  // namespace saga::runtime::amqp
