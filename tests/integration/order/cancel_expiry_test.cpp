// Cancellation by the customer and reservation expiry, and the late events that follow them.
#include <doctest/doctest.h>

#include <thread>

#include "events/order_cancelled.hpp"
#include "events/order_rejected.hpp"
#include "order_fixture.hpp"

namespace saga::test {

namespace {

events::CancelledFromStatus CancelAndWait(OrderFixture& f, const std::string& id) {
    const auto response = f.http.Request("POST", "/api/orders/" + id + "/cancel");
    REQUIRE_MESSAGE(response.status == 202, response.body);
    CHECK(response.Json()["status"] == "CANCELLED");
    const auto cancelled = f.tap.WaitFor("order.cancelled", id);
    CHECK(cancelled.correlation_id == f.Created(id).correlation_id);
    return events::DataAs<events::OrderCancelled>(cancelled).previous_status;
}

}  // namespace

TEST_CASE("order cancel: from PENDING, and a late reservation leaves it cancelled") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    const auto created = f.Created(id);
    CHECK(CancelAndWait(f, id) == events::CancelledFromStatus::kPending);
    const auto reserved = f.Reserved(created);
    f.Publish(reserved);
    f.Publish(f.PaymentCompleted(reserved));
    std::this_thread::sleep_for(std::chrono::milliseconds{1000});
    const auto order = f.Order(id);
    CHECK(order["status"] == "CANCELLED");
    CHECK(order["history"].size() == 2);
    f.tap.Collect();
    CHECK(f.tap.All("order.confirmed", id).empty());
}

TEST_CASE("order cancel: from AWAITING_PAYMENT") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    f.Publish(f.Reserved(f.Created(id)));
    f.WaitForStatus(id, "AWAITING_PAYMENT");
    CHECK(CancelAndWait(f, id) == events::CancelledFromStatus::kAwaitingPayment);
    CHECK(f.Order(id)["status"] == "CANCELLED");
}

TEST_CASE("order cancel: from CONFIRMED, and a second cancel is a 409") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    const auto reserved = f.Reserved(f.Created(id));
    f.Publish(reserved);
    f.WaitForStatus(id, "AWAITING_PAYMENT");
    f.Publish(f.PaymentCompleted(reserved));
    f.WaitForStatus(id, "CONFIRMED");
    CHECK(CancelAndWait(f, id) == events::CancelledFromStatus::kConfirmed);
    const auto again = f.http.Request("POST", "/api/orders/" + id + "/cancel");
    CHECK(again.status == 409);
    CHECK(again.Header("Content-Type") == "application/problem+json");
}

TEST_CASE("order cancel: a rejected order cannot be cancelled (409), an unknown one is 404") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    f.Publish(f.ReservationFailed(f.Created(id)));
    f.WaitForStatus(id, "REJECTED");
    const auto response = f.http.Request("POST", "/api/orders/" + id + "/cancel");
    CHECK(response.status == 409);
    CHECK(response.Json()["status"] == 409);
    CHECK(f.Order(id)["status"] == "REJECTED");
    CHECK(f.http.Request("POST", "/api/orders/ord-unknown/cancel").status == 404);
}

TEST_CASE("order expiry: an expired reservation rejects the order and a late payment leaves it rejected") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    const auto reserved = f.Reserved(f.Created(id), std::chrono::milliseconds{800});
    f.Publish(reserved);
    const auto rejected = f.tap.WaitFor("order.rejected", id);
    const auto data = events::DataAs<events::OrderRejected>(rejected);
    CHECK(data.reason == events::OrderRejectionReason::kReservationExpired);
    CHECK(rejected.causation_id == reserved.id);
    CHECK(rejected.correlation_id == reserved.correlation_id);
    auto order = f.WaitForStatus(id, "REJECTED");
    CHECK(order["reason"] == "reservation_expired");

    f.Publish(f.PaymentCompleted(reserved));
    std::this_thread::sleep_for(std::chrono::milliseconds{1000});
    order = f.Order(id);
    CHECK(order["status"] == "REJECTED");
    CHECK(order["history"].size() == 3);
    f.tap.Collect();
    CHECK(f.tap.All("order.confirmed", id).empty());
    CHECK(f.tap.All("order.rejected", id).size() == 1);
}

TEST_CASE("order expiry: a reservation that has not expired is left alone") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    f.Publish(f.Reserved(f.Created(id), std::chrono::minutes{10}));
    f.WaitForStatus(id, "AWAITING_PAYMENT");
    std::this_thread::sleep_for(std::chrono::milliseconds{700});  // several sweeps
    CHECK(f.Order(id)["status"] == "AWAITING_PAYMENT");
}

}  // namespace saga::test
