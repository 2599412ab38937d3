#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "events/envelope.hpp"
#include "events/item_quantity.hpp"
#include "events/order_cancelled.hpp"
#include "events/order_rejected.hpp"
#include "support/event_tap.hpp"
#include "support/http_client.hpp"
#include "support/live_stack.hpp"
#include "support/service_process.hpp"

namespace saga::test::inventory {

inline constexpr const char* kAdminToken = "test-admin-token";

/// Extra environment for the service processes.
using ServiceEnv = std::map<std::string, std::string>;

/// A fresh database and vhost, an event tap, and `instances` inventory-service processes on
/// them (consuming the same queue), with fast retries. ADMIN_TOKEN is kAdminToken unless
/// `env` overrides it (an empty value disables admin endpoints).
class InventoryStack {
  public:
    explicit InventoryStack(ServiceEnv env = {}, int instances = 1);

    /// Publishes `event` as its owner's relay would.
    void Publish(const events::Envelope& event) const;
    /// Waits until the service instances have handled (or skipped as duplicates) `count` events
    /// in total since they started, per their /metrics.
    void WaitHandled(long long count) const;
    long long Handled() const;
    /// Waits until everything published before has been handled and its events relayed: sends
    /// an order.created for an unknown product (no stock effect) and waits for its
    /// reservation_failed. Counts as one handled event.
    void Sync();

    /// GET /api/inventory/{id} (200 expected).
    nlohmann::json Product(const std::string& product_id) const;
    /// Checks through GET /api/inventory that initial + restocked = available + reserved + sold
    /// for every product, with no negative counter.
    void CheckInvariant() const;

    HttpClient& http() const { return *http_; }
    EventTap& tap() { return *tap_; }
    TestDatabase& database() { return database_; }
    const std::string& amqp_url() const { return vhost_.amqp_url(); }

  private:
    TestDatabase database_;
    TestVhost vhost_;
    std::unique_ptr<EventTap> tap_;
    std::vector<std::unique_ptr<ServiceProcess>> services_;
    std::unique_ptr<HttpClient> http_;
    int syncs_ = 0;
};

/// Events as the order service would publish them; correlation id "saga-<order_id>".
events::Envelope OrderCreated(const std::string& order_id, std::vector<events::ItemQuantity> items);
events::Envelope OrderConfirmed(const std::string& order_id, std::int64_t total_cents);
events::Envelope OrderRejected(const std::string& order_id, events::OrderRejectionReason reason);
events::Envelope OrderCancelled(const std::string& order_id, events::CancelledFromStatus previous);

/// Every event of the inventory service's own types (inventory.*) about `subject` seen so far.
std::vector<events::Envelope> InventoryEventsFor(EventTap& tap, const std::string& subject);

/// Seconds since the epoch of an RFC 3339 UTC time ("...Z").
double EpochSeconds(const std::string& rfc3339);

}  // namespace saga::test::inventory
