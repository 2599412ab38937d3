#include <doctest/doctest.h>

#include "events/all.hpp"

namespace saga::events {
namespace {

constexpr const char* kOrder = "3f1d3c2e-8c5b-4c1e-9a57-1c2d3e4f5a6b";

// typed -> data JSON -> typed, and typed -> envelope text -> Decode -> typed; the data stays
// closed to unknown properties.
template <class E>
void CheckRoundTrip(const E& event, const std::string& subject = kOrder) {
    const nlohmann::json data = ToJson(event);
    CHECK(Validate<E>(data).empty());
    CHECK(FromJson<E>(data) == event);

    nlohmann::json extended = data;
    extended["unexpected"] = 1;
    const auto errors = Validate<E>(extended);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "data.unexpected");

    const Envelope sent = MakeEnvelope(event, "test-service", subject, "corr-1", "cause-1");
    const Envelope received = Decode(Encode(sent));
    CHECK(received.type == E::kType);
    CHECK(received.id == sent.id);
    CHECK(received.subject == subject);
    CHECK(DataAs<E>(received) == event);
}

const std::vector<ItemQuantity> kItems = {{"PROD-001", 2}, {"PROD-004", 1}};

TEST_CASE("order.created: round trips with and without the optional email") {
    CheckRoundTrip(OrderCreated{kOrder, "c-42", "a@b.example", kItems, "tok_visa", "2026-11-22T10:00:00.123Z"});
    CheckRoundTrip(OrderCreated{kOrder, "c-42", std::nullopt, kItems, "tok_visa", "2026-11-22T10:00:00Z"});
}

TEST_CASE("order.created: an absent email is omitted from the data, not null") {
    const auto data = ToJson(OrderCreated{kOrder, "c-42", std::nullopt, kItems, "tok_visa", "2026-11-22T10:00:00Z"});
    CHECK_FALSE(data.contains("email"));
}

TEST_CASE("inventory.reserved: round trips") {
    CheckRoundTrip(InventoryReserved{
        kOrder, "res-7", {{"PROD-001", 2, 49999}, {"PROD-004", 1, 0}}, 99998, "USD", "2026-11-22T10:15:00.000Z"});
}

TEST_CASE("inventory.reservation_failed: round trips for both reasons") {
    CheckRoundTrip(InventoryReservationFailed{kOrder, ReservationFailureReason::kOutOfStock, {{"PROD-001", 5, 3}}});
    CheckRoundTrip(InventoryReservationFailed{kOrder, ReservationFailureReason::kUnknownProduct, {{"NOPE", 1, 0}}});
}

TEST_CASE("payment.completed: round trips") { CheckRoundTrip(PaymentCompleted{kOrder, "pay-9", 99998, "USD"}); }

TEST_CASE("payment.failed: round trips every reason") {
    for (auto reason : {PaymentFailureReason::kCardDeclined, PaymentFailureReason::kInsufficientFunds,
                        PaymentFailureReason::kInvalidToken}) {
        CheckRoundTrip(PaymentFailed{kOrder, "pay-9", 99998, "USD", reason});
    }
}

TEST_CASE("inventory.released: round trips every reason and origin") {
    for (auto reason : {ReleaseReason::kPaymentFailed, ReleaseReason::kOrderCancelled, ReleaseReason::kOrderRejected,
                        ReleaseReason::kReservationExpired}) {
        for (auto from : {ReleasedFrom::kReserved, ReleasedFrom::kSold}) {
            CheckRoundTrip(InventoryReleased{kOrder, "res-7", kItems, reason, from});
        }
    }
}

TEST_CASE("payment.refunded: round trips every reason") {
    for (auto reason :
         {RefundReason::kOrderCancelled, RefundReason::kOrderRejected, RefundReason::kReservationExpired}) {
        CheckRoundTrip(PaymentRefunded{kOrder, "pay-9", 99998, "USD", reason});
    }
}

TEST_CASE("order.confirmed: round trips with and without the optional email") {
    CheckRoundTrip(OrderConfirmed{kOrder, "c-42", "a@b.example", 99998, "USD"});
    CheckRoundTrip(OrderConfirmed{kOrder, "c-42", std::nullopt, 0, "EUR"});
}

TEST_CASE("order.rejected: round trips every reason, with and without the optional fields") {
    for (auto reason : {OrderRejectionReason::kOutOfStock, OrderRejectionReason::kUnknownProduct,
                        OrderRejectionReason::kPaymentDeclined, OrderRejectionReason::kReservationExpired}) {
        CheckRoundTrip(OrderRejected{kOrder, "c-42", "a@b.example", reason, "details for people"});
        CheckRoundTrip(OrderRejected{kOrder, "c-42", std::nullopt, reason, std::nullopt});
    }
}

TEST_CASE("order.cancelled: round trips every previous status") {
    for (auto status :
         {CancelledFromStatus::kPending, CancelledFromStatus::kAwaitingPayment, CancelledFromStatus::kConfirmed}) {
        CheckRoundTrip(OrderCancelled{kOrder, "c-42", "a@b.example", status});
    }
}

TEST_CASE("inventory.restocked: round trips") { CheckRoundTrip(InventoryRestocked{"PROD-001", 10, 12}, "PROD-001"); }

TEST_CASE("inventory.low_stock: round trips") { CheckRoundTrip(InventoryLowStock{"PROD-001", 0, 5}, "PROD-001"); }

TEST_CASE("inventory.back_in_stock: round trips") { CheckRoundTrip(InventoryBackInStock{"PROD-001", 1}, "PROD-001"); }

TEST_CASE("notification.sent: round trips every channel") {
    for (auto channel : {NotificationChannel::kLog, NotificationChannel::kSmtp, NotificationChannel::kWebhook}) {
        CheckRoundTrip(NotificationSent{"n-1", kOrder, "order.confirmed", channel, "a@b.example"});
    }
}

TEST_CASE("notification.failed: round trips") {
    CheckRoundTrip(NotificationFailed{"n-1", kOrder, "order.rejected", NotificationChannel::kWebhook,
                                      "https://hooks.example/x", "HTTP 503", 5});
}

TEST_CASE("DataAs: an envelope of another type is a ValidationError on type") {
    const Envelope envelope = MakeEnvelope(PaymentCompleted{kOrder, "pay-9", 1, "USD"}, "s", kOrder, "c", "c");
    CHECK_THROWS_AS(DataAs<PaymentRefunded>(envelope), ValidationError);
}

TEST_CASE("MakeEnvelope: an invalid event is refused at the source") {
    CHECK_THROWS_AS(MakeEnvelope(PaymentCompleted{kOrder, "pay-9", -1, "USD"}, "s", kOrder, "c", "c"), ValidationError);
    CHECK_THROWS_AS(MakeEnvelope(PaymentCompleted{kOrder, "pay-9", 1, "USD"}, "bad source", kOrder, "c", "c"),
                    ValidationError);
}

TEST_CASE("MakeFollowUp: continues the cause's saga and trace") {
    const Envelope cause =
        MakeEnvelope(PaymentCompleted{kOrder, "pay-9", 1, "USD"}, "payment-service", kOrder, "saga-1", "request-1");
    const Envelope next =
        MakeFollowUp(OrderConfirmed{kOrder, "c-42", std::nullopt, 1, "USD"}, "order-service", kOrder, cause);
    CHECK(next.correlation_id == "saga-1");
    CHECK(next.causation_id == cause.id);
    CHECK(next.traceparent.substr(0, 36) == cause.traceparent.substr(0, 36));
    CHECK(next.traceparent != cause.traceparent);
    CHECK(next.id != cause.id);
}

}  // namespace
}  // namespace saga::events
