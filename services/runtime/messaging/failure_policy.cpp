#include "runtime/messaging/failure_policy.hpp"

#include <algorithm>

#include "runtime/amqp/topology.hpp"

namespace saga::runtime::messaging {
namespace {

constexpr std::size_t kMaxExceptionMessage = 1000;

amqp::Headers FailureHeaders(const amqp::Delivery& delivery, const std::string& queue, const std::string& service,
                             const Failure& failure) {
    amqp::Headers headers = delivery.properties.headers;
    headers.try_emplace("x-original-exchange", delivery.exchange);
    headers.try_emplace("x-original-routing-key", delivery.routing_key);
    headers.try_emplace("x-first-failed-at", failure.now);
    headers["x-original-queue"] = queue;
    headers["x-last-failed-at"] = failure.now;
    headers["x-attempts"] = std::int64_t{failure.attempts};
    headers["x-exception-type"] = failure.exception_type;
    headers["x-exception-message"] = failure.exception_message.substr(0, kMaxExceptionMessage);
    headers["x-failed-service"] = service;
    return headers;
}

}  // namespace

std::optional<std::chrono::milliseconds> RetryPolicy::DelayAfter(int failed_attempts) const {
    if (failed_attempts >= max_attempts || delays.empty() || failed_attempts < 1) return std::nullopt;
    const auto index = std::min<std::size_t>(static_cast<std::size_t>(failed_attempts - 1), delays.size() - 1);
    return delays[index];
}

int FailedAttempts(const amqp::Delivery& delivery) {
    return static_cast<int>(amqp::IntHeader(delivery.properties.headers, "x-attempts").value_or(0));
}

amqp::OutgoingMessage DeadLetterCopy(const amqp::Delivery& delivery, const std::string& queue,
                                     const std::string& service, const std::string& reason, const Failure& failure) {
    amqp::OutgoingMessage message{amqp::kDeadLetterExchange, queue, delivery.properties, delivery.body};
    message.properties.headers = FailureHeaders(delivery, queue, service, failure);
    message.properties.headers["x-failure-reason"] = reason;
    message.properties.persistent = true;
    message.mandatory = true;  // a DLQ that is gone must not swallow it
    return message;
}

amqp::OutgoingMessage RetryCopy(const amqp::Delivery& delivery, const std::string& queue, const std::string& service,
                                std::chrono::milliseconds delay, const Failure& failure) {
    // Through the service's own retry exchange into the delay queue, whose dead-lettering brings
    // it back to `queue` alone: a retry never reaches other subscribers.
    amqp::OutgoingMessage message{amqp::RetryExchangeName(queue), amqp::RetryQueueName(queue, delay),
                                  delivery.properties, delivery.body};
    message.properties.headers = FailureHeaders(delivery, queue, service, failure);
    message.properties.persistent = true;
    message.mandatory = true;  // a delay queue that is gone must not swallow it
    return message;
}

}  // namespace saga::runtime::messaging
