#include "order/handlers/order_json.hpp"

#include <doctest/doctest.h>

#include "order/domain/money.hpp"

using namespace saga::order;

TEST_CASE("money: cents become decimal amounts that print exactly") {
    CHECK(nlohmann::json(domain::CentsToAmount(49999)).dump() == "499.99");
    CHECK(nlohmann::json(domain::CentsToAmount(10)).dump() == "0.1");
    CHECK(nlohmann::json(domain::CentsToAmount(0)).dump() == "0.0");
    CHECK(nlohmann::json(domain::CentsToAmount(123456789012345)).dump() == "1234567890123.45");
}

TEST_CASE("order json: optional fields appear only when known") {
    domain::Order order{.order_id = "o-1",
                        .customer_id = "c-1",
                        .email = std::nullopt,
                        .status = domain::OrderStatus::kPending,
                        .reason = std::nullopt,
                        .items = {{.product_id = "P1", .quantity = 2, .unit_price_cents = std::nullopt}},
                        .total_cents = std::nullopt,
                        .currency = "USD",
                        .created_at = "2026-11-22T10:00:00.000Z",
                        .updated_at = "2026-11-22T10:00:00.000Z",
                        .history = {{.status = domain::OrderStatus::kPending,
                                     .at = "2026-11-22T10:00:00.000Z",
                                     .reason = std::nullopt,
                                     .event_id = "e-1"}}};
    auto json = handlers::OrderToJson(order);
    CHECK(json["status"] == "PENDING");
    CHECK(!json.contains("total"));
    CHECK(!json.contains("reason"));
    CHECK(!json["items"][0].contains("unit_price"));
    CHECK(json["history"][0] ==
          nlohmann::json{{"status", "PENDING"}, {"at", "2026-11-22T10:00:00.000Z"}, {"event_id", "e-1"}});

    order.status = domain::OrderStatus::kRejected;
    order.reason = "payment_declined";
    order.total_cents = 99998;
    order.items[0].unit_price_cents = 49999;
    json = handlers::OrderToJson(order, false);
    CHECK(json["reason"] == "payment_declined");
    CHECK(json["total"].dump() == "999.98");
    CHECK(json["items"][0]["unit_price"].dump() == "499.99");
    CHECK(!json.contains("history"));
}
