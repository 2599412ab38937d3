#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "events/envelope.hpp"
#include "support/event_tap.hpp"
#include "support/http_client.hpp"
#include "support/live_stack.hpp"
#include "support/service_process.hpp"

namespace saga::test {

/// The real order-service on a fresh database and vhost, with a tap on every event. Tests play
/// inventory and payment by publishing their events.
struct OrderFixture {
    explicit OrderFixture(std::map<std::string, std::string> extra_env = {});

    TestDatabase db;
    TestVhost vhost;
    EventTap tap;
    ServiceProcess service;
    HttpClient http;

    /// A valid POST /api/orders body.
    static nlohmann::json OrderBody(const std::string& customer_id = "c-42");
    /// POSTs `body`, requires 202, returns the order id.
    std::string CreateOrder(const nlohmann::json& body = OrderBody(), const HttpHeaders& headers = {});
    /// The order.created the service published for `order_id`.
    events::Envelope Created(const std::string& order_id);

    /// inventory.reserved for `created` (PROD-001 at 499.99 per unit), expiring after `ttl`.
    events::Envelope Reserved(const events::Envelope& created,
                              std::chrono::milliseconds ttl = std::chrono::minutes{15});
    events::Envelope ReservationFailed(const events::Envelope& created);
    events::Envelope PaymentCompleted(const events::Envelope& reserved);
    events::Envelope PaymentFailed(const events::Envelope& reserved);
    void Publish(const events::Envelope& event);

    /// GET /api/orders/{order_id}, requires 200.
    nlohmann::json Order(const std::string& order_id);
    /// Waits until the order shows `status`; fails the test otherwise.
    nlohmann::json WaitForStatus(const std::string& order_id, const std::string& status,
                                 std::chrono::milliseconds timeout = std::chrono::seconds{20});
};

/// RFC 3339 UTC for now + `offset`.
std::string TimeFromNow(std::chrono::milliseconds offset);

}  // namespace saga::test
