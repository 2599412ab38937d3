#include <doctest/doctest.h>

#include "events/make_envelope.hpp"
#include "events/order_cancelled.hpp"
#include "events/order_created.hpp"
#include "payment/consumers/order_created.hpp"

namespace saga::payment {
namespace {

events::Envelope Created(const std::string& order_id, const std::string& token) {
    const events::OrderCreated created{.order_id = order_id,
                                       .customer_id = "c-" + order_id,
                                       .email = std::nullopt,
                                       .items = {{.product_id = "PROD-001", .quantity = 1}},
                                       .payment_token = token,
                                       .created_at = "2026-12-03T10:00:00.000Z"};
    return events::MakeEnvelope(created, "order-service", order_id, "corr-" + order_id, "cause-" + order_id);
}

events::Envelope Cancelled(const std::string& order_id) {
    const events::OrderCancelled cancelled{.order_id = order_id,
                                           .customer_id = "c-" + order_id,
                                           .email = std::nullopt,
                                           .previous_status = events::CancelledFromStatus::kPending};
    return events::MakeEnvelope(cancelled, "order-service", order_id, "corr-" + order_id, "cause-" + order_id);
}

TEST_CASE("OrdersCreatedFirst: the order.created that come first for their order, with their facts") {
    const auto a = Created("ord-a", "tok_visa");
    const auto b_cancelled = Cancelled("ord-b");
    const auto b = Created("ord-b", "tok_visa");
    const auto c = Created("ord-c", "tok_declined");
    const auto a_again = Created("ord-a", "tok_other");

    const auto orders = OrdersCreatedFirst({&a, &b_cancelled, &b, &c, &a_again});

    REQUIRE(orders.size() == 2);
    CHECK(orders[0].order_id == "ord-a");
    CHECK(orders[0].customer_id == "c-ord-a");
    CHECK(orders[0].payment_token == "tok_visa");
    CHECK(orders[1].order_id == "ord-c");
    CHECK(orders[1].payment_token == "tok_declined");
    CHECK(OrdersCreatedFirst({}).empty());
}

TEST_CASE("OrdersCreatedFirst: an order.created whose data does not decode is left to its handler") {
    auto broken = Created("ord-x", "tok_visa");
    broken.data.erase("payment_token");
    const auto fine = Created("ord-y", "tok_visa");

    const auto orders = OrdersCreatedFirst({&broken, &fine});

    REQUIRE(orders.size() == 1);
    CHECK(orders[0].order_id == "ord-y");
}

}  // namespace
}  // namespace saga::payment
