// order.confirmed / order.rejected / order.cancelled: what settles a reservation, and why late,
// duplicated or out-of-order events change nothing.
#include <doctest/doctest.h>

#include "events/inventory_released.hpp"
#include "events/inventory_reserved.hpp"
#include "inventory_fixture.hpp"

using namespace saga;
using namespace saga::test::inventory;
using events::CancelledFromStatus;
using events::OrderRejectionReason;
using events::ReleasedFrom;
using events::ReleaseReason;

namespace {

events::InventoryReserved Reserve(InventoryStack& stack, const std::string& order_id,
                                  std::vector<events::ItemQuantity> items) {
    stack.Publish(OrderCreated(order_id, std::move(items)));
    return events::DataAs<events::InventoryReserved>(stack.tap().WaitFor("inventory.reserved", order_id));
}

}  // namespace

TEST_CASE("inventory: order.confirmed moves the reservation to sold — a duplicate changes nothing") {
    InventoryStack stack;
    const auto reserved = Reserve(stack, "ord-conf", {{"PROD-005", 4}});
    const auto confirmed = OrderConfirmed("ord-conf", reserved.total_cents);
    stack.Publish(confirmed);
    stack.Publish(confirmed);
    stack.Publish(OrderConfirmed("ord-conf", reserved.total_cents));
    stack.WaitHandled(4);
    stack.Sync();

    const auto keyboard = stack.Product("PROD-005");
    CHECK(keyboard.at("available") == 146);
    CHECK(keyboard.at("reserved") == 0);
    CHECK(keyboard.at("sold") == 4);
    CHECK(stack.tap().All("inventory.released", "ord-conf").empty());
    stack.CheckInvariant();
}

TEST_CASE("inventory: order.rejected releases a held reservation — a late order.confirmed is a no-op") {
    InventoryStack stack;
    const auto reserved = Reserve(stack, "ord-rej", {{"PROD-001", 3}, {"PROD-002", 1}});
    const auto rejected = OrderRejected("ord-rej", OrderRejectionReason::kPaymentDeclined);
    stack.Publish(rejected);

    const auto event = stack.tap().WaitFor("inventory.released", "ord-rej");
    CHECK(event.causation_id == rejected.id);
    CHECK(event.correlation_id == "saga-ord-rej");
    const auto released = events::DataAs<events::InventoryReleased>(event);
    CHECK(released.reservation_id == reserved.reservation_id);
    CHECK(released.reason == ReleaseReason::kPaymentFailed);
    CHECK(released.from == ReleasedFrom::kReserved);
    CHECK(released.items == std::vector<events::ItemQuantity>{{"PROD-001", 3}, {"PROD-002", 1}});

    stack.Publish(OrderConfirmed("ord-rej", reserved.total_cents));  // late: already released
    stack.Publish(rejected);                                         // duplicate
    stack.Publish(OrderRejected("ord-rej", OrderRejectionReason::kPaymentDeclined));
    stack.WaitHandled(5);
    stack.Sync();
    CHECK(stack.tap().All("inventory.released", "ord-rej").size() == 1);
    for (const char* id : {"PROD-001", "PROD-002"}) {
        const auto product = stack.Product(id);
        CHECK(product.at("reserved") == 0);
        CHECK(product.at("sold") == 0);
        CHECK(product.at("available") == product.at("initial"));
    }
    stack.CheckInvariant();
}

TEST_CASE("inventory: an expired reservation is released with reason reservation_expired") {
    InventoryStack stack;
    Reserve(stack, "ord-exp", {{"PROD-004", 2}});
    stack.Publish(OrderRejected("ord-exp", OrderRejectionReason::kReservationExpired));
    const auto released =
        events::DataAs<events::InventoryReleased>(stack.tap().WaitFor("inventory.released", "ord-exp"));
    CHECK(released.reason == ReleaseReason::kReservationExpired);
    CHECK(stack.Product("PROD-004").at("available") == 200);
    stack.CheckInvariant();
}

TEST_CASE("inventory: order.cancelled while held releases the reservation (order_cancelled, from reserved)") {
    InventoryStack stack;
    Reserve(stack, "ord-can-held", {{"PROD-003", 2}});
    stack.Publish(OrderCancelled("ord-can-held", CancelledFromStatus::kAwaitingPayment));
    const auto released =
        events::DataAs<events::InventoryReleased>(stack.tap().WaitFor("inventory.released", "ord-can-held"));
    CHECK(released.reason == ReleaseReason::kOrderCancelled);
    CHECK(released.from == ReleasedFrom::kReserved);
    CHECK(stack.Product("PROD-003").at("available") == 50);
    CHECK(stack.Product("PROD-003").at("reserved") == 0);
    stack.CheckInvariant();
}

TEST_CASE("inventory: order.cancelled after order.confirmed restocks the sale (order_cancelled, from sold)") {
    InventoryStack stack;
    const auto reserved = Reserve(stack, "ord-can-sold", {{"PROD-001", 5}});
    stack.Publish(OrderConfirmed("ord-can-sold", reserved.total_cents));
    stack.WaitHandled(2);
    CHECK(stack.Product("PROD-001").at("sold") == 5);

    const auto cancelled = OrderCancelled("ord-can-sold", CancelledFromStatus::kConfirmed);
    stack.Publish(cancelled);
    const auto released =
        events::DataAs<events::InventoryReleased>(stack.tap().WaitFor("inventory.released", "ord-can-sold"));
    CHECK(released.reason == ReleaseReason::kOrderCancelled);
    CHECK(released.from == ReleasedFrom::kSold);
    CHECK(released.items == std::vector<events::ItemQuantity>{{"PROD-001", 5}});

    stack.Publish(OrderCancelled("ord-can-sold", CancelledFromStatus::kConfirmed));  // redelivered
    stack.Publish(OrderConfirmed("ord-can-sold", reserved.total_cents));             // late
    stack.WaitHandled(5);
    stack.Sync();
    CHECK(stack.tap().All("inventory.released", "ord-can-sold").size() == 1);
    const auto ps5 = stack.Product("PROD-001");
    CHECK(ps5.at("available") == 100);
    CHECK(ps5.at("reserved") == 0);
    CHECK(ps5.at("sold") == 0);
    CHECK(ps5.at("restocked") == 0);  // a returned sale is not a restock
    stack.CheckInvariant();
}

TEST_CASE("inventory: order.cancelled before order.created → tombstone — order.created reserves and publishes nothing") {
    InventoryStack stack;
    stack.Publish(OrderCancelled("ord-early", CancelledFromStatus::kPending));
    stack.WaitHandled(1);
    stack.Publish(OrderCreated("ord-early", {{"PROD-002", 2}}));
    stack.WaitHandled(2);
    // A later order on the same queue: once its reservation is out, nothing more is coming for
    // the cancelled one.
    stack.Publish(OrderCreated("ord-after", {{"PROD-002", 1}}));
    stack.tap().WaitFor("inventory.reserved", "ord-after");

    CHECK(InventoryEventsFor(stack.tap(), "ord-early").empty());
    const auto xbox = stack.Product("PROD-002");
    CHECK(xbox.at("available") == 74);
    CHECK(xbox.at("reserved") == 1);
    CHECK(stack.database().QueryInt("SELECT count(*) FROM reservations WHERE order_id = 'ord-early'") == 0);
    stack.CheckInvariant();
}

TEST_CASE("inventory: order.rejected without a reservation is remembered — a late order.created reserves nothing") {
    InventoryStack stack;
    stack.Publish(OrderRejected("ord-rej-early", OrderRejectionReason::kReservationExpired));
    stack.WaitHandled(1);
    stack.Publish(OrderCreated("ord-rej-early", {{"PROD-004", 1}}));
    stack.WaitHandled(2);
    stack.Sync();
    CHECK(InventoryEventsFor(stack.tap(), "ord-rej-early").empty());
    CHECK(stack.Product("PROD-004").at("available") == 200);
    stack.CheckInvariant();
}
