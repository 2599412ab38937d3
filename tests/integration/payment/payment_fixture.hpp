#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "events/envelope.hpp"
#include "events/order_rejected.hpp"
#include "support/event_tap.hpp"
#include "support/http_client.hpp"
#include "support/live_stack.hpp"
#include "support/service_process.hpp"

namespace saga::test {

/// The real payment-service binary on a fresh database and vhost, with a tap that sees every
/// event. The test plays the order and inventory services by publishing their events.
struct PaymentFixture {
    TestDatabase db;
    TestVhost vhost;
    EventTap tap;
    ServiceProcess service;
    HttpClient http;

    /// Starts the service and waits until it consumes its queue (so nothing published is lost).
    PaymentFixture();

    void Publish(const events::Envelope& event) const;

    /// What the other services would publish for `order_id` (correlation id "saga-<order_id>").
    events::Envelope OrderCreated(const std::string& order_id, const std::string& token) const;
    events::Envelope InventoryReserved(const std::string& order_id, std::int64_t total_cents) const;
    events::Envelope OrderCancelled(const std::string& order_id) const;
    events::Envelope OrderRejected(const std::string& order_id, events::OrderRejectionReason reason) const;

    /// Publishes order.created + inventory.reserved for a fresh tok_visa order and waits for its
    /// payment.completed. The queue is handled in order, so everything published before has
    /// been handled (and its events relayed) when this returns.
    void Settle();

    /// The payment events (completed, failed, refunded) published so far for `order_id`.
    std::vector<events::Envelope> PaymentEvents(const std::string& order_id);

    /// GET /api/payments?order_id=… → the "payments" array (the request must succeed).
    nlohmann::json PaymentsOf(const std::string& order_id);

    /// The sum of a counter's samples in /metrics whose line contains `label`, e.g.
    /// Metric("saga_events_consumed_total", "outcome=\"retried\""); -1 when there is none.
    long long Metric(const std::string& name, const std::string& label = "");
};

/// A fresh order id, unique across tests.
std::string NewOrderId();

}  // namespace saga::test
