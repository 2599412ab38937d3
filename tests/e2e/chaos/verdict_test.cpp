#include "e2e/chaos/verdict.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace saga::test::chaos {
namespace {

/// One confirmed happy order, one declined order, one poison message: a consistent world.
struct World {
    Expectations expected;
    Truth truth;

    World() {
        OrderRecord happy = MakeOrder(1, 0);
        happy.kind = OrderKind::kHappy;
        happy.product = kPlentyProduct;
        happy.quantity = 2;
        happy.token = "tok_visa";
        happy.wants_cancel = false;
        happy.order_id = "o-happy";
        OrderRecord declined = happy;
        declined.kind = OrderKind::kDeclined;
        declined.token = "tok_chargeDeclined";
        declined.order_id = "o-declined";
        expected.orders = {happy, declined};
        expected.poison["payment-service.dlq"] = {"p-1"};
        expected.limited_stock = 10;

        truth.orders["o-happy"] = {"CONFIRMED", "", kPlentyProduct, 2};
        truth.orders["o-declined"] = {"REJECTED", "payment_declined", kPlentyProduct, 2};
        truth.products[kPlentyProduct] = {100, 0, 98, 0, 2};
        truth.products[kLimitedProduct] = {10, 0, 10, 0, 0};
        truth.products[kScarceProduct] = {3, 0, 3, 0, 0};
        truth.payments["o-happy"] = {{"CAPTURED", ""}};
        truth.payments["o-declined"] = {{"DECLINED", "card_declined"}};
        truth.events[{"payment.completed", "o-happy"}] = {"e-1"};
        truth.notifications[{"o-happy", "order.confirmed"}] = "SENT";
        truth.notifications[{"o-declined", "order.rejected"}] = "SENT";
        truth.notices_sent[{"o-happy", "order.confirmed"}] = 1;
        truth.notices_sent[{"o-declined", "order.rejected"}] = 1;
        truth.dead_letters["payment-service.dlq"] = {{"p-1", "poison", "payment-service"}};
    }

    bool Fails(const std::string& fragment) const {
        const auto verdict = Judge(expected, truth);
        return std::any_of(verdict.violations.begin(), verdict.violations.end(),
                           [&](const std::string& v) { return v.find(fragment) != std::string::npos; });
    }
};

}  // namespace

TEST_CASE("chaos verdict: a consistent world has no violations") {
    const World world;
    const auto verdict = Judge(world.expected, world.truth);
    CHECK(verdict.violations.empty());
    CHECK(verdict.accepted == 2);
    CHECK(verdict.settled == 2);
}

TEST_CASE("chaos verdict: each broken invariant is reported") {
    World world;
    SUBCASE("a stuck order") {
        world.truth.orders["o-happy"].status = "AWAITING_PAYMENT";
        CHECK(world.Fails("stuck in AWAITING_PAYMENT"));
    }
    SUBCASE("an outcome its inputs do not allow") {
        world.truth.orders["o-declined"] = {"CONFIRMED", "", kPlentyProduct, 2};
        CHECK(world.Fails("inputs allow"));
    }
    SUBCASE("a cancel that was accepted but did not cancel") {
        world.expected.orders[0].cancel = CancelAnswer::kAccepted;
        CHECK(world.Fails("settled CONFIRMED but inputs allow {CANCELLED}"));
    }
    SUBCASE("a second capture") {
        world.truth.events[{"payment.completed", "o-happy"}].insert("e-2");
        CHECK(world.Fails("2 captures"));
    }
    SUBCASE("an unrefunded capture of a cancelled order") {
        world.truth.orders["o-happy"].status = "CANCELLED";
        world.truth.notifications[{"o-happy", "order.cancelled"}] = "SENT";
        world.truth.notices_sent[{"o-happy", "order.cancelled"}] = 1;
        world.truth.products[kPlentyProduct] = {100, 0, 100, 0, 0};
        world.expected.orders[0].cancel = CancelAnswer::kAccepted;
        CHECK(world.Fails("1 captures but 0 refunds"));
        CHECK(world.Fails("still CAPTURED"));
    }
    SUBCASE("stock out of balance, oversold or left reserved") {
        world.truth.products[kLimitedProduct] = {10, 0, 0, 1, 10};
        CHECK(world.Fails("!= available"));
        CHECK(world.Fails("still reserved"));
        CHECK(world.Fails("sold 10 but confirmed orders hold 0"));
    }
    SUBCASE("a second notification, or none for the outcome") {
        world.truth.notices_sent[{"o-happy", "order.confirmed"}] = 2;
        world.truth.notifications.erase({"o-declined", "order.rejected"});
        CHECK(world.Fails("2 notification.sent events for order o-happy order.confirmed"));
        CHECK(world.Fails("no notification for order.rejected"));
    }
    SUBCASE("a notification of the outcome never sent, or sent without its event") {
        world.truth.notifications[{"o-happy", "order.confirmed"}] = "PENDING";
        world.truth.notices_sent.erase({"o-declined", "order.rejected"});
        CHECK(world.Fails("order.confirmed is PENDING, not SENT"));
        CHECK(world.Fails("no notification.sent for order.rejected"));
    }
    SUBCASE("a notification waiting out a lease is not a violation") {
        world.truth.notifications[{"o-happy", "order.confirmed"}] = "WAITING";
        world.truth.notices_sent.erase({"o-happy", "order.confirmed"});
        const auto verdict = Judge(world.expected, world.truth);
        CHECK(verdict.violations.empty());
        CHECK(verdict.notifications_waiting == 1);
    }
    SUBCASE("a cancel that never got an answer") {
        world.expected.orders[0].wants_cancel = true;
        world.expected.orders[0].cancel_uncertain = true;
        CHECK(world.Fails("its cancel never got an answer"));
    }
    SUBCASE("a DLQ with a stranger, a missing poison or the wrong reason") {
        world.truth.dead_letters["order-service.dlq"] = {{"e-9", "retries_exhausted", "order-service"}};
        world.truth.dead_letters["payment-service.dlq"] = {};
        CHECK(world.Fails("not poison we sent"));
        CHECK(world.Fails("lacks poison message p-1"));
        world.truth.dead_letters["payment-service.dlq"] = {{"p-1", "retries_exhausted", "payment-service"}};
        CHECK(world.Fails("with reason 'retries_exhausted'"));
    }
    SUBCASE("a declined payment with the wrong reason") {
        world.truth.payments["o-declined"] = {{"DECLINED", "insufficient_funds"}};
        CHECK(world.Fails("without one DECLINED card_declined payment"));
    }
    SUBCASE("a system not at rest") {
        world.truth.outbox_backlog = 3;
        world.truth.queued = 1;
        CHECK(world.Fails("3 outbox rows unsent"));
        CHECK(world.Fails("1 messages still queued"));
    }
    SUBCASE("an accepted order missing, or never accepted") {
        world.truth.orders.erase("o-declined");
        world.expected.orders[0].order_id.clear();
        CHECK(world.Fails("is not in the order database"));
        CHECK(world.Fails("was never accepted"));
    }
}

}  // namespace saga::test::chaos
