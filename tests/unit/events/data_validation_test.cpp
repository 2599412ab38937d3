#include <doctest/doctest.h>

#include <string>

#include "events/all.hpp"
#include "unit/events/error_matchers.hpp"

namespace saga::events {
namespace {

using testing::Fields;
using testing::HasError;

nlohmann::json OrderCreatedData() {
    return {
        {"order_id", "order-1"},
        {"customer_id", "c-42"},
        {"items", {{{"product_id", "PROD-001"}, {"quantity", 2}}, {{"product_id", "PROD-002"}, {"quantity", 1}}}},
        {"payment_token", "tok_visa"},
        {"created_at", "2026-11-22T10:00:00Z"},
    };
}

TEST_CASE("order.created: the sample data is valid") { CHECK(Validate<OrderCreated>(OrderCreatedData()).empty()); }

TEST_CASE("order.created: a quantity of 0 is rejected with its field path") {
    auto data = OrderCreatedData();
    data["items"][1]["quantity"] = 0;
    const auto errors = Validate<OrderCreated>(data);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "data.items[1].quantity");
    CHECK(errors[0].message == "must be between 1 and 1000");
}

TEST_CASE("order.created: quantities 1 and 1000 are accepted, 1001 is not") {
    auto data = OrderCreatedData();
    data["items"][0]["quantity"] = 1;
    data["items"][1]["quantity"] = 1000;
    CHECK(Validate<OrderCreated>(data).empty());
    data["items"][1]["quantity"] = 1001;
    CHECK(Fields(Validate<OrderCreated>(data)) == std::vector<std::string>{"data.items[1].quantity"});
}

TEST_CASE("order.created: every error is reported together") {
    auto data = OrderCreatedData();
    data.erase("customer_id");
    data["order_id"] = "has space";
    data["email"] = "no-at-sign";
    data["items"][0]["quantity"] = 0;
    data["items"][1]["colour"] = "red";
    data["created_at"] = "yesterday";
    data["coupon"] = "FREE";
    CHECK(Fields(Validate<OrderCreated>(data)) ==
          std::vector<std::string>{"data.order_id", "data.customer_id", "data.email", "data.items[0].quantity",
                                   "data.items[1].colour", "data.created_at", "data.coupon"});
}

TEST_CASE("order.created: integers must be JSON integers") {
    for (const nlohmann::json& bad : {nlohmann::json(2.5), nlohmann::json("2"), nlohmann::json(true),
                                      nlohmann::json(nullptr), nlohmann::json::array({2})}) {
        auto data = OrderCreatedData();
        data["items"][0]["quantity"] = bad;
        const auto errors = Validate<OrderCreated>(data);
        REQUIRE_MESSAGE(errors.size() == 1, bad.dump());
        CHECK(errors[0].field == "data.items[0].quantity");
        CHECK(errors[0].message == "must be an integer");
    }
}

TEST_CASE("order.created: 2.0 is an integer, as in JSON Schema, and decodes as 2") {
    auto data = OrderCreatedData();
    data["items"][0]["quantity"] = 2.0;
    CHECK(Validate<OrderCreated>(data).empty());
    CHECK(FromJson<OrderCreated>(data).items[0].quantity == 2);
}

TEST_CASE("order.created: no items and more than 50 items are rejected on items") {
    auto data = OrderCreatedData();
    data["items"] = nlohmann::json::array();
    CHECK(Fields(Validate<OrderCreated>(data)) == std::vector<std::string>{"data.items"});
    for (int i = 0; i < 51; ++i) {
        data["items"].push_back({{"product_id", "P" + std::to_string(i)}, {"quantity", 1}});
    }
    CHECK(Fields(Validate<OrderCreated>(data)) == std::vector<std::string>{"data.items"});
    data["items"].erase(50);
    CHECK(Validate<OrderCreated>(data).empty());
}

TEST_CASE("order.created: a repeated product id is rejected on the repeat") {
    auto data = OrderCreatedData();
    data["items"][1]["product_id"] = "PROD-001";
    const auto errors = Validate<OrderCreated>(data);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "data.items[1].product_id");
}

TEST_CASE("order.created: ids longer than 64 characters or with other characters are rejected") {
    auto data = OrderCreatedData();
    data["customer_id"] = std::string(64, 'c');
    CHECK(Validate<OrderCreated>(data).empty());
    data["customer_id"] = std::string(65, 'c');
    CHECK(Fields(Validate<OrderCreated>(data)) == std::vector<std::string>{"data.customer_id"});
    data["customer_id"] = "c/42";
    CHECK(Fields(Validate<OrderCreated>(data)) == std::vector<std::string>{"data.customer_id"});
    data["customer_id"] = "";
    CHECK(Fields(Validate<OrderCreated>(data)) == std::vector<std::string>{"data.customer_id"});
}

TEST_CASE("order.created: email is optional but checked when present") {
    auto data = OrderCreatedData();
    data["email"] = "a@b.example";
    CHECK(Validate<OrderCreated>(data).empty());
    data["email"] = nullptr;
    CHECK(Fields(Validate<OrderCreated>(data)) == std::vector<std::string>{"data.email"});
}

TEST_CASE("order.created: data that is not an object is one error on data") {
    const auto errors = Validate<OrderCreated>(nlohmann::json::array());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "data");
}

TEST_CASE("order.created: FromJson of invalid data throws ValidationError") {
    auto data = OrderCreatedData();
    data["items"][0]["quantity"] = 0;
    CHECK_THROWS_AS(FromJson<OrderCreated>(data), ValidationError);
}

TEST_CASE("inventory.reservation_failed: an unknown product must have nothing available") {
    const InventoryReservationFailed event{"order-1", ReservationFailureReason::kUnknownProduct, {{"NOPE", 2, 0}}};
    auto data = ToJson(event);
    CHECK(Validate<InventoryReservationFailed>(data).empty());
    data["shortfall"][0]["available"] = 1;
    CHECK(Fields(Validate<InventoryReservationFailed>(data)) ==
          std::vector<std::string>{"data.shortfall[0].available"});
    data["reason"] = "out_of_stock";
    CHECK(Validate<InventoryReservationFailed>(data).empty());
}

TEST_CASE("inventory.reservation_failed: a negative availability is rejected") {
    auto data = ToJson(InventoryReservationFailed{"o-1", ReservationFailureReason::kOutOfStock, {{"P", 2, 1}}});
    data["shortfall"][0]["available"] = -1;
    CHECK(HasError(Validate<InventoryReservationFailed>(data), "data.shortfall[0].available"));
}

TEST_CASE("payment.failed: a reason outside the enum is rejected and the message lists the choices") {
    auto data = ToJson(PaymentFailed{"o-1", "pay-1", 100, "USD", PaymentFailureReason::kCardDeclined});
    data["reason"] = "stolen_card";
    const auto errors = Validate<PaymentFailed>(data);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "data.reason");
    CHECK(errors[0].message == "must be one of: card_declined, insufficient_funds, invalid_token");
}

TEST_CASE("payment.completed: currency must be three uppercase letters and cents non-negative integers") {
    auto data = ToJson(PaymentCompleted{"o-1", "pay-1", 0, "USD"});
    CHECK(Validate<PaymentCompleted>(data).empty());
    data["currency"] = "usd";
    data["amount_cents"] = 19.99;
    CHECK(Fields(Validate<PaymentCompleted>(data)) == std::vector<std::string>{"data.amount_cents", "data.currency"});
    data["currency"] = "USD";
    data["amount_cents"] = kMaxSafeInteger;
    CHECK(Validate<PaymentCompleted>(data).empty());
    data["amount_cents"] = kMaxSafeInteger + 1;
    CHECK(Fields(Validate<PaymentCompleted>(data)) == std::vector<std::string>{"data.amount_cents"});
    data["amount_cents"] = 18446744073709551615ULL;  // parsed as unsigned
    CHECK(Fields(Validate<PaymentCompleted>(data)) == std::vector<std::string>{"data.amount_cents"});
}

TEST_CASE("inventory.released: nested items reject additional properties") {
    auto data =
        ToJson(InventoryReleased{"o-1", "r-1", {{"P", 1}}, ReleaseReason::kOrderCancelled, ReleasedFrom::kReserved});
    data["items"][0]["unit_price_cents"] = 5;
    CHECK(Fields(Validate<InventoryReleased>(data)) == std::vector<std::string>{"data.items[0].unit_price_cents"});
}

TEST_CASE("inventory.back_in_stock: nothing available is not back in stock") {
    CHECK(Fields(Validate<InventoryBackInStock>({{"product_id", "P"}, {"available", 0}})) ==
          std::vector<std::string>{"data.available"});
}

TEST_CASE("inventory.restocked: a restock adds at least one unit") {
    CHECK(Fields(Validate<InventoryRestocked>({{"product_id", "P"}, {"quantity", 0}, {"available", 0}})) ==
          std::vector<std::string>{"data.quantity"});
}

TEST_CASE("notification.failed: attempts start at 1 and the reason may not be empty") {
    auto data = ToJson(NotificationFailed{"n-1", "o-1", "order.confirmed", NotificationChannel::kLog, "x", "r", 1});
    CHECK(Validate<NotificationFailed>(data).empty());
    data["attempts"] = 0;
    data["reason"] = "";
    data["channel"] = "pigeon";
    CHECK(Fields(Validate<NotificationFailed>(data)) ==
          std::vector<std::string>{"data.channel", "data.reason", "data.attempts"});
}

TEST_CASE("order.rejected: detail length counts characters, not bytes") {
    std::string detail;
    for (int i = 0; i < 1000; ++i) {
        detail += "\u00e9";  // two bytes each
    }
    auto data = ToJson(OrderRejected{"o-1", "c-1", std::nullopt, OrderRejectionReason::kOutOfStock, detail});
    CHECK(Validate<OrderRejected>(data).empty());
    data["detail"] = detail + "x";
    CHECK(Fields(Validate<OrderRejected>(data)) == std::vector<std::string>{"data.detail"});
}

}  // namespace
}  // namespace saga::events
