#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "events/envelope.hpp"
#include "support/event_tap.hpp"
#include "support/live_stack.hpp"
#include "support/service_process.hpp"

namespace saga::test {

/// A fresh database and vhost, an EventTap on the vhost, and the real notification-service
/// binary started against them with `env` added (NOTIFY_CHANNEL, URLs, retry settings).
class NotificationStack {
  public:
    explicit NotificationStack(std::map<std::string, std::string> env = {});

    TestDatabase& database() { return database_; }
    EventTap& tap() { return *tap_; }
    ServiceProcess& service() { return *service_; }
    const std::string& amqp_url() const { return vhost_.amqp_url(); }

    /// Publishes `event` as the order service's relay would.
    void Publish(const events::Envelope& event) const;
    /// GET /api/notifications?order_id=<order_id> → the "notifications" array (asserts 200).
    nlohmann::json Notifications(const std::string& order_id) const;

  private:
    TestDatabase database_;
    TestVhost vhost_;
    std::unique_ptr<EventTap> tap_;
    std::unique_ptr<ServiceProcess> service_;
};

/// A fresh order id, e.g. "o-kq3x...".
std::string NewOrderId();

/// Order events as the order service would publish them (fresh event id; correlation id
/// "saga-<order_id>").
events::Envelope OrderConfirmedEvent(const std::string& order_id, std::optional<std::string> email);
events::Envelope OrderRejectedEvent(const std::string& order_id, std::optional<std::string> email);
events::Envelope OrderCancelledEvent(const std::string& order_id, std::optional<std::string> email);

}  // namespace saga::test
