#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/event_tap.hpp"
#include "support/http_client.hpp"
#include "support/live_stack.hpp"
#include "support/service_process.hpp"

namespace saga::test {

inline constexpr const char* kAdminToken = "e2e-admin-token";

/// The four real service binaries on a fresh vhost and four fresh databases, with a tap queue
/// that sees every event crossing the broker.
class SagaStack {
  public:
    using Env = std::map<std::string, std::string>;
    struct Options {
        Env order_env;
        Env inventory_env;
    };

    explicit SagaStack(Options options = {});

    ServiceProcess& order() { return *order_; }
    ServiceProcess& inventory() { return *inventory_; }
    ServiceProcess& payment() { return *payment_; }
    ServiceProcess& notification() { return *notification_; }
    EventTap& tap() { return tap_; }
    /// The fresh vhost the services run on (admin credentials in its amqp_url()).
    const TestVhost& vhost() const { return vhost_; }
    /// The database of "order", "inventory", "payment" or "notification".
    const TestDatabase& database(const std::string& service) const;

    /// POST /api/orders; returns the response.
    HttpResponse PlaceOrder(const nlohmann::json& body, HttpHeaders headers = {});
    nlohmann::json Order(const std::string& order_id);
    /// Waits until the order is in `status` (or, when settled elsewhere, fails the test).
    nlohmann::json WaitForStatus(const std::string& order_id, const std::string& status,
                                 std::chrono::milliseconds timeout = std::chrono::seconds{60});
    nlohmann::json Product(const std::string& product_id);
    nlohmann::json Payments(const std::string& order_id);
    nlohmann::json Notifications(const std::string& order_id);
    /// Creates a product through the admin API.
    void CreateProduct(const std::string& product_id, int quantity, double price = 10.0);
    /// initial + restocked = available + reserved + sold for every product.
    void CheckStockInvariant();
    /// Writes every event the tap saw to files and validates them with the JSON Schemas.
    void CheckEveryEventAgainstSchemas();

  private:
    Env Common(TestDatabase& db) const;

    TestVhost vhost_;
    TestDatabase order_db_, inventory_db_, payment_db_, notification_db_;
    EventTap tap_;
    std::unique_ptr<ServiceProcess> inventory_, payment_, notification_, order_;
};

}  // namespace saga::test
