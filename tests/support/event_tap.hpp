#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "events/envelope.hpp"

namespace saga::test {

/// A quorum queue bound to every event on `saga.events` of a vhost: sees what crosses the
/// broker. Declares the exchange if needed. Deleted when destroyed.
class EventTap {
  public:
    explicit EventTap(std::string amqp_url, std::string queue = "test-tap");
    ~EventTap();

    /// Reads what has arrived so far (acks it) into the collected list, and returns that list.
    const std::vector<events::Envelope>& Collect();
    /// Waits until an event satisfying `match` has arrived; returns it. Throws on timeout.
    events::Envelope WaitFor(const std::function<bool(const events::Envelope&)>& match,
                             std::chrono::milliseconds timeout = std::chrono::seconds{20});
    /// Waits for an event of `type` with subject `subject`.
    events::Envelope WaitFor(const std::string& type, const std::string& subject,
                             std::chrono::milliseconds timeout = std::chrono::seconds{20});
    /// Every collected event of `type` for `subject`.
    std::vector<events::Envelope> All(const std::string& type, const std::string& subject);
    /// Raw bodies collected (for schema checks).
    const std::vector<std::string>& bodies() const { return bodies_; }

  private:
    std::string amqp_url_;
    std::string queue_;
    std::vector<events::Envelope> events_;
    std::vector<std::string> bodies_;
};

/// Publishes `event` to saga.events as its source service's relay would (properties mirrored).
void PublishEvent(const std::string& amqp_url, const events::Envelope& event);

}  // namespace saga::test
