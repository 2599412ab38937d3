// order.created: all-or-nothing reservations, their events and their effect on stock.
#include <doctest/doctest.h>

#include <chrono>

#include "events/inventory_reservation_failed.hpp"
#include "events/inventory_reserved.hpp"
#include "inventory_fixture.hpp"

using namespace saga;
using namespace saga::test::inventory;
using events::ReservationFailureReason;

TEST_CASE("inventory: order.created with stock for every item reserves it and publishes inventory.reserved") {
    InventoryStack stack;
    const auto created = OrderCreated("ord-ok-1", {{"PROD-001", 2}, {"PROD-004", 1}});
    stack.Publish(created);

    const auto event = stack.tap().WaitFor("inventory.reserved", "ord-ok-1");
    CHECK(event.source == "inventory-service");
    CHECK(event.correlation_id == "saga-ord-ok-1");
    CHECK(event.causation_id == created.id);
    const auto reserved = events::DataAs<events::InventoryReserved>(event);
    CHECK(reserved.order_id == "ord-ok-1");
    CHECK(reserved.reservation_id.rfind("res-", 0) == 0);
    CHECK(reserved.items == std::vector<events::ReservedItem>{{"PROD-001", 2, 49999}, {"PROD-004", 1, 9999}});
    CHECK(reserved.total_cents == 2 * 49999 + 9999);
    CHECK(reserved.currency == "USD");
    const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    const double ttl = EpochSeconds(reserved.expires_at) - now;
    CHECK(ttl > 14 * 60);  // default RESERVATION_TTL = 15m
    CHECK(ttl <= 15 * 60);

    const auto ps5 = stack.Product("PROD-001");
    CHECK(ps5.at("available") == 98);
    CHECK(ps5.at("reserved") == 2);
    CHECK(ps5.at("sold") == 0);
    CHECK(ps5.at("price") == doctest::Approx(499.99));
    CHECK(ps5.at("currency") == "USD");
    CHECK(ps5.at("name") == "Gaming Console - PS5");
    CHECK(stack.Product("PROD-004").at("reserved") == 1);
    stack.CheckInvariant();
}

TEST_CASE("inventory: RESERVATION_TTL sets expires_at") {
    InventoryStack stack(ServiceEnv{{"RESERVATION_TTL", "2m"}});
    stack.Publish(OrderCreated("ord-ttl", {{"PROD-005", 1}}));
    const auto reserved =
        events::DataAs<events::InventoryReserved>(stack.tap().WaitFor("inventory.reserved", "ord-ttl"));
    const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    CHECK(EpochSeconds(reserved.expires_at) - now > 100);
    CHECK(EpochSeconds(reserved.expires_at) - now <= 120);
}

TEST_CASE("inventory: one item of two out of stock → nothing reserved, reservation_failed out_of_stock") {
    InventoryStack stack;
    stack.Publish(OrderCreated("ord-short", {{"PROD-003", 1}, {"PROD-002", 76}}));

    const auto failed = events::DataAs<events::InventoryReservationFailed>(
        stack.tap().WaitFor("inventory.reservation_failed", "ord-short"));
    CHECK(failed.reason == ReservationFailureReason::kOutOfStock);
    CHECK(failed.shortfall == std::vector<events::Shortfall>{{"PROD-002", 76, 75}});
    for (const char* id : {"PROD-002", "PROD-003"}) {
        const auto product = stack.Product(id);
        CHECK(product.at("reserved") == 0);
        CHECK(product.at("available") == product.at("initial"));
    }
    CHECK(stack.tap().All("inventory.reserved", "ord-short").empty());
    stack.CheckInvariant();
}

TEST_CASE("inventory: an unknown product → nothing reserved, reservation_failed unknown_product") {
    InventoryStack stack;
    stack.Publish(OrderCreated("ord-unknown", {{"PROD-001", 1}, {"NOPE-9", 3}}));

    const auto failed = events::DataAs<events::InventoryReservationFailed>(
        stack.tap().WaitFor("inventory.reservation_failed", "ord-unknown"));
    CHECK(failed.reason == ReservationFailureReason::kUnknownProduct);
    CHECK(failed.shortfall == std::vector<events::Shortfall>{{"NOPE-9", 3, 0}});
    CHECK(stack.Product("PROD-001").at("available") == 100);
    CHECK(stack.Product("PROD-001").at("reserved") == 0);
    stack.CheckInvariant();
}

TEST_CASE("inventory: a duplicated order.created (same id, or redelivered under a new id) reserves once") {
    InventoryStack stack;
    const auto created = OrderCreated("ord-dup", {{"PROD-002", 3}});
    stack.Publish(created);
    stack.Publish(created);
    stack.Publish(OrderCreated("ord-dup", {{"PROD-002", 3}}));
    stack.WaitHandled(3);
    stack.Sync();

    CHECK(stack.tap().All("inventory.reserved", "ord-dup").size() == 1);
    CHECK(stack.tap().All("inventory.reservation_failed", "ord-dup").empty());
    const auto xbox = stack.Product("PROD-002");
    CHECK(xbox.at("available") == 72);
    CHECK(xbox.at("reserved") == 3);
    CHECK(stack.database().QueryInt("SELECT count(*) FROM reservations WHERE order_id = 'ord-dup'") == 1);
    stack.CheckInvariant();
}

TEST_CASE("inventory: a failed order's order.created redelivered after a restock still reserves nothing") {
    InventoryStack stack;
    stack.Publish(OrderCreated("ord-late", {{"PROD-003", 60}}));
    stack.tap().WaitFor("inventory.reservation_failed", "ord-late");
    const auto restock = stack.http().Request(
        "PATCH", "/api/inventory/PROD-003", R"({"restock": 20})",
        {{"Content-Type", "application/json"}, {"Authorization", std::string("Bearer ") + kAdminToken}});
    REQUIRE(restock.status == 200);
    stack.Publish(OrderCreated("ord-late", {{"PROD-003", 60}}));
    stack.WaitHandled(2);
    stack.Sync();
    CHECK(stack.tap().All("inventory.reserved", "ord-late").empty());
    CHECK(stack.tap().All("inventory.reservation_failed", "ord-late").size() == 1);
    CHECK(stack.Product("PROD-003").at("available") == 70);
    stack.CheckInvariant();
}

TEST_CASE("inventory: availability falling below LOW_STOCK_THRESHOLD publishes inventory.low_stock once") {
    InventoryStack stack(ServiceEnv{{"LOW_STOCK_THRESHOLD", "45"}});
    stack.Publish(OrderCreated("ord-low-1", {{"PROD-003", 5}}));  // 50 → 45: not below
    stack.Publish(OrderCreated("ord-low-2", {{"PROD-003", 1}}));  // 45 → 44: crosses
    stack.Publish(OrderCreated("ord-low-3", {{"PROD-003", 1}}));  // 44 → 43: already low
    stack.tap().WaitFor("inventory.low_stock", "PROD-003");
    stack.tap().WaitFor("inventory.reserved", "ord-low-3");
    const auto low = stack.tap().All("inventory.low_stock", "PROD-003");
    REQUIRE(low.size() == 1);
    CHECK(low.front().data == nlohmann::json({{"product_id", "PROD-003"}, {"available", 44}, {"threshold", 45}}));
    CHECK(low.front().causation_id != "");
    CHECK(low.front().correlation_id == "saga-ord-low-2");
    stack.CheckInvariant();
}
