#include "contract/sample_events.hpp"

#include <string>

#include "events/all.hpp"

namespace saga::contract {

namespace {

using namespace saga::events;

constexpr const char* kOrderId = "3f1d3c2e-8c5b-4c1e-9a57-1c2d3e4f5a6b";
constexpr const char* kCustomerId = "c-42";
constexpr const char* kEmail = "a@b.example";
// The cause of every sample: an event id, or a request id as the order service would use.
constexpr const char* kCausationId = "8d2e4b6a-1f3c-4e5d-a7b9-0c1d2e3f4a5b";

template <class E>
Envelope Sample(const E& event, const char* source, const std::string& subject) {
    return MakeEnvelope(event, source, subject, kOrderId, kCausationId);
}

}  // namespace

std::vector<Envelope> SampleEnvelopes() {
    const std::vector<ItemQuantity> items = {{"PROD-001", 2}, {"PROD-004", 1}};
    return {
        Sample(OrderCreated{kOrderId, kCustomerId, kEmail, items, "tok_visa", "2026-11-22T10:00:00.123Z"},
               "order-service", kOrderId),
        Sample(InventoryReserved{kOrderId,
                                 "res-7",
                                 {{"PROD-001", 2, 49999}, {"PROD-004", 1, 8999}},
                                 108997,
                                 "USD",
                                 "2026-11-22T10:15:00.123Z"},
               "inventory-service", kOrderId),
        Sample(InventoryReservationFailed{kOrderId, ReservationFailureReason::kOutOfStock, {{"PROD-001", 2, 1}}},
               "inventory-service", kOrderId),
        Sample(PaymentCompleted{kOrderId, "pay-9", 108997, "USD"}, "payment-service", kOrderId),
        Sample(PaymentFailed{kOrderId, "pay-9", 108997, "USD", PaymentFailureReason::kInsufficientFunds},
               "payment-service", kOrderId),
        Sample(InventoryReleased{kOrderId, "res-7", items, ReleaseReason::kOrderCancelled, ReleasedFrom::kSold},
               "inventory-service", kOrderId),
        Sample(PaymentRefunded{kOrderId, "pay-9", 108997, "USD", RefundReason::kOrderCancelled}, "payment-service",
               kOrderId),
        Sample(OrderConfirmed{kOrderId, kCustomerId, kEmail, 108997, "USD"}, "order-service", kOrderId),
        Sample(OrderRejected{kOrderId, kCustomerId, kEmail, OrderRejectionReason::kPaymentDeclined, "card_declined"},
               "order-service", kOrderId),
        Sample(OrderCancelled{kOrderId, kCustomerId, kEmail, CancelledFromStatus::kConfirmed}, "order-service",
               kOrderId),
        Sample(InventoryRestocked{"PROD-001", 10, 12}, "inventory-service", "PROD-001"),
        Sample(InventoryLowStock{"PROD-001", 4, 5}, "inventory-service", "PROD-001"),
        Sample(InventoryBackInStock{"PROD-001", 10}, "inventory-service", "PROD-001"),
        Sample(NotificationSent{"n-1", kOrderId, "order.confirmed", NotificationChannel::kSmtp, kEmail},
               "notification-service", kOrderId),
        Sample(NotificationFailed{"n-2", kOrderId, "order.rejected", NotificationChannel::kWebhook,
                                  "https://hooks.example/orders", "HTTP 503 from webhook", 5},
               "notification-service", kOrderId),
    };
}

}  // namespace saga::contract
