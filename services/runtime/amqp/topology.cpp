#include "runtime/amqp/topology.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "runtime/amqp/errors.hpp"

namespace saga::runtime::amqp {
namespace {

constexpr int kPreconditionFailed = 406;

QueueInfo Declare(Connection& connection, const std::string& name, const QueueArguments& arguments) {
    try {
        return connection.DeclareQueue(name, arguments);
    } catch (const AmqpChannelError& error) {
        if (error.code() != kPreconditionFailed) throw;
        throw TopologyMismatch(
            fmt::format("queue '{}' exists on the broker with other settings than this service expects ({}); "
                        "delete or migrate the queue, or align the configuration",
                        name, error.what()));
    }
}

}  // namespace

std::string DeadLetterQueueName(const std::string& queue) { return queue + ".dlq"; }

std::string RetryExchangeName(const std::string& queue) { return queue + ".retry"; }

std::string RetryQueueName(const std::string& queue, std::chrono::milliseconds delay) {
    return fmt::format("{}.delay.{}ms", queue, delay.count());
}

void DeclareExchanges(Connection& connection) {
    connection.DeclareExchange(kEventsExchange, "topic");
    connection.DeclareExchange(kDeadLetterExchange, "direct");
}

void DeclareServiceTopology(Connection& connection, const ServiceTopology& topology) {
    DeclareExchanges(connection);

    const std::string dlq = DeadLetterQueueName(topology.queue);
    Declare(connection, dlq, {{"x-queue-type", std::string("quorum")}});
    connection.BindQueue(dlq, kDeadLetterExchange, topology.queue);

    // At-least-once dead-lettering keeps a message in the work queue until the DLQ has it.
    Declare(connection, topology.queue,
            {{"x-queue-type", std::string("quorum")},
             {"x-dead-letter-exchange", std::string(kDeadLetterExchange)},
             {"x-dead-letter-routing-key", topology.queue},
             {"x-dead-letter-strategy", std::string("at-least-once")},
             {"x-overflow", std::string("reject-publish")},
             {"x-delivery-limit", std::int64_t{topology.delivery_limit}}});
    for (const std::string& type : topology.bindings) connection.BindQueue(topology.queue, kEventsExchange, type);

    const std::string retry_exchange = RetryExchangeName(topology.queue);
    connection.DeclareExchange(retry_exchange, "direct");
    connection.BindQueue(topology.queue, retry_exchange, topology.queue);

    std::vector<std::chrono::milliseconds> delays = topology.retry_delays;
    std::sort(delays.begin(), delays.end());
    delays.erase(std::unique(delays.begin(), delays.end()), delays.end());
    for (auto delay : delays) {
        const std::string retry_queue = RetryQueueName(topology.queue, delay);
        // Quorum with at-least-once dead-lettering: an expired retry copy leaves the delay queue
        // only once the work queue has confirmed it. A classic queue dead-letters at most once, so
        // a broker crash during the expiry, or a work queue that refuses it, would lose the copy
        // after the original was acked.
        Declare(connection, retry_queue,
                {{"x-queue-type", std::string("quorum")},
                 {"x-message-ttl", std::int64_t{delay.count()}},
                 {"x-dead-letter-exchange", retry_exchange},
                 {"x-dead-letter-routing-key", topology.queue},
                 {"x-dead-letter-strategy", std::string("at-least-once")},
                 {"x-overflow", std::string("reject-publish")}});
        connection.BindQueue(retry_queue, retry_exchange, retry_queue);
    }
}

}  // namespace saga::runtime::amqp
