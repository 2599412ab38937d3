// Many orders for one product at once, handled by two service instances on one database: the
// row locks must hand out exactly the stock there is.
#include <doctest/doctest.h>

#include <pqxx/pqxx>
#include <set>
#include <thread>

#include "events/inventory_reservation_failed.hpp"
#include "inventory_fixture.hpp"

using namespace saga;
using namespace saga::test::inventory;

TEST_CASE("inventory: 200 orders for a product with stock 50 → exactly 50 reserved, 150 out_of_stock") {
    constexpr int kOrders = 200;
    constexpr int kStock = 50;  // PROD-003's seeded stock
    InventoryStack stack(ServiceEnv{}, 2);

    std::vector<events::Envelope> orders;
    for (int i = 0; i < kOrders; ++i)
        orders.push_back(OrderCreated("ord-rush-" + std::to_string(i), {{"PROD-003", 1}}));
    std::vector<std::jthread> publishers;
    for (int t = 0; t < 4; ++t) {
        publishers.emplace_back([&, t] {
            for (int i = t; i < kOrders; i += 4) stack.Publish(orders[i]);
        });
    }
    publishers.clear();  // joins

    std::set<std::string> reserved;
    std::set<std::string> failed;
    const bool all_answered = test::Eventually(
        [&] {
            reserved.clear();
            failed.clear();
            for (const auto& event : stack.tap().Collect()) {
                if (event.subject.rfind("ord-rush-", 0) != 0) continue;
                if (event.type == "inventory.reserved") reserved.insert(event.subject);
                if (event.type == "inventory.reservation_failed") {
                    const auto data = events::DataAs<events::InventoryReservationFailed>(event);
                    CHECK(data.reason == events::ReservationFailureReason::kOutOfStock);
                    CHECK(data.shortfall == std::vector<events::Shortfall>{{"PROD-003", 1, 0}});
                    failed.insert(event.subject);
                }
            }
            return reserved.size() + failed.size() >= kOrders;
        },
        std::chrono::seconds{60});
    REQUIRE(all_answered);
    CHECK(reserved.size() == kStock);
    CHECK(failed.size() == kOrders - kStock);
    for (const auto& order : reserved) CHECK(failed.count(order) == 0);

    const auto laptop = stack.Product("PROD-003");
    CHECK(laptop.at("available") == 0);
    CHECK(laptop.at("reserved") == kStock);
    CHECK(laptop.at("sold") == 0);
    CHECK(stack.tap().All("inventory.low_stock", "PROD-003").size() == 1);
    CHECK(stack.database().QueryInt("SELECT count(*) FROM reservations") == kStock);
    stack.CheckInvariant();
}

TEST_CASE("inventory: a cancel handled by one instance while another reserves for the order releases the stock") {
    // Prefetch 1: the cancel goes to the instance that is not busy with the order.created.
    InventoryStack stack(ServiceEnv{{"CONSUMER_PREFETCH", "1"}}, 2);
    const long long reserved_before = stack.Product("PROD-003")["reserved"].get<long long>();

    // Hold PROD-003's row, so the reservation stops after its "already decided?" checks.
    pqxx::connection blocker(stack.database().url());
    pqxx::work hold(blocker);
    hold.exec("SELECT 1 FROM products WHERE product_id = 'PROD-003' FOR UPDATE");

    const auto waiting_for_locks = [&] {
        return stack.database().QueryInt(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
    };
    stack.Publish(OrderCreated("ord-race", {{"PROD-003", 2}}));
    REQUIRE(test::Eventually([&] { return waiting_for_locks() == 1; }, std::chrono::seconds{20}));
    const long long handled = stack.Handled();
    stack.Publish(OrderCancelled("ord-race", events::CancelledFromStatus::kPending));
    // The other instance either settles the cancel now (the race) or waits for the order.
    REQUIRE(test::Eventually([&] { return stack.Handled() > handled || waiting_for_locks() == 2; },
                             std::chrono::seconds{20}));
    hold.abort();

    stack.WaitHandled(handled + 2);
    stack.Sync();
    CHECK(stack.Product("PROD-003")["reserved"].get<long long>() == reserved_before);
    stack.CheckInvariant();
}
