#include <doctest/doctest.h>

#include <algorithm>

#include "e2e/stack/saga_stack.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

json OrderBody(const std::string& product, int quantity, const std::string& token = "tok_visa") {
    return {{"customer_id", "c-e2e"},
            {"email", "buyer@shop.example"},
            {"items", json::array({{{"product_id", product}, {"quantity", quantity}}})},
            {"payment_token", token}};
}

std::string Place(SagaStack& stack, const json& body) {
    const auto response = stack.PlaceOrder(body);
    INFO(response.body);
    REQUIRE(response.status == 202);
    const auto order = response.Json();
    CHECK(order["status"] == "PENDING");
    CHECK(response.Header("Location") == "/api/orders/" + order["order_id"].get<std::string>());
    return order["order_id"];
}

std::vector<std::string> HistoryStatuses(const json& order) {
    std::vector<std::string> out;
    for (const auto& entry : order["history"]) out.push_back(entry["status"]);
    return out;
}

/// Waits until the product shows these counters (compensation runs after the order settles).
void WaitForStock(SagaStack& stack, const std::string& product, long available, long reserved, long sold) {
    json p;
    const bool reached = Eventually(
        [&] {
            p = stack.Product(product);
            return p["available"] == available && p["reserved"] == reserved && p["sold"] == sold;
        },
        30s);
    INFO(product, " is ", p.dump());
    CHECK(reached);
}

/// Waits until the order's payments are all in `status` (and there are `count` of them).
void WaitForPayments(SagaStack& stack, const std::string& order_id, std::size_t count, const std::string& status) {
    json payments;
    const bool reached = Eventually(
        [&] {
            payments = stack.Payments(order_id);
            return payments.size() == count &&
                   std::all_of(payments.begin(), payments.end(), [&](const json& p) { return p["status"] == status; });
        },
        30s);
    INFO("payments: ", payments.dump());
    CHECK(reached);
}

void WaitForNotification(SagaStack& stack, const std::string& order_id, const std::string& event_type) {
    json notifications;
    const bool reached = Eventually(
        [&] {
            notifications = stack.Notifications(order_id);
            return std::any_of(notifications.begin(), notifications.end(),
                               [&](const json& n) { return n["event_type"] == event_type && n["status"] == "SENT"; });
        },
        30s);
    INFO("notifications: ", notifications.dump());
    CHECK(reached);
    CHECK(notifications.size() == 1);  // one per (order, event type), one settled outcome
}

}  // namespace

TEST_CASE("saga e2e: an order is reserved, captured, confirmed and notified — every event matches its schema") {
    SagaStack stack;
    const std::string id = Place(stack, OrderBody("PROD-001", 2));
    const json order = stack.WaitForStatus(id, "CONFIRMED");
    CHECK(HistoryStatuses(order) == std::vector<std::string>{"PENDING", "AWAITING_PAYMENT", "CONFIRMED"});

    WaitForStock(stack, "PROD-001", 98, 0, 2);
    WaitForPayments(stack, id, 1, "CAPTURED");
    WaitForNotification(stack, id, "order.confirmed");
    stack.CheckStockInvariant();

    // One correlation id across the whole saga, every event caused by another.
    const auto created = stack.tap().WaitFor("order.created", id);
    for (const auto& type : {"inventory.reserved", "payment.completed", "order.confirmed"}) {
        const auto event = stack.tap().WaitFor(type, id);
        CHECK(event.correlation_id == created.correlation_id);
    }
    stack.tap().WaitFor("notification.sent", id);
    stack.CheckEveryEventAgainstSchemas();
}

TEST_CASE("saga e2e: out of stock and unknown products reject the order and hold nothing") {
    SagaStack stack;
    const std::string too_many = Place(stack, OrderBody("PROD-003", 51));
    json unknown_body = OrderBody("PROD-003", 1);
    unknown_body["items"].push_back({{"product_id", "NO-SUCH-PRODUCT"}, {"quantity", 1}});
    const std::string unknown = Place(stack, unknown_body);

    CHECK(stack.WaitForStatus(too_many, "REJECTED")["reason"] == "out_of_stock");
    CHECK(stack.WaitForStatus(unknown, "REJECTED")["reason"] == "unknown_product");
    WaitForStock(stack, "PROD-003", 50, 0, 0);
    CHECK(stack.Payments(too_many).empty());
    CHECK(stack.Payments(unknown).empty());
    WaitForNotification(stack, too_many, "order.rejected");
    stack.CheckStockInvariant();
    stack.CheckEveryEventAgainstSchemas();
}

TEST_CASE("saga e2e: every declining token rejects the order and gives the reservation back") {
    SagaStack stack;
    for (const std::string token : {"tok_chargeDeclined", "tok_chargeDeclinedInsufficientFunds", "tok_unknown"}) {
        CAPTURE(token);
        const std::string id = Place(stack, OrderBody("PROD-004", 3, token));
        CHECK(stack.WaitForStatus(id, "REJECTED")["reason"] == "payment_declined");
        WaitForPayments(stack, id, 1, "DECLINED");
        stack.tap().WaitFor("inventory.released", id);
    }
    WaitForStock(stack, "PROD-004", 200, 0, 0);
    stack.CheckStockInvariant();
    stack.CheckEveryEventAgainstSchemas();
}

TEST_CASE("saga e2e: cancelling a confirmed order refunds the capture and restocks") {
    SagaStack stack;
    const std::string id = Place(stack, OrderBody("PROD-002", 5));
    stack.WaitForStatus(id, "CONFIRMED");
    WaitForStock(stack, "PROD-002", 70, 0, 5);

    const auto cancel = HttpClient(stack.order().base_url()).Request("POST", "/api/orders/" + id + "/cancel");
    CHECK(cancel.status == 202);
    stack.WaitForStatus(id, "CANCELLED");
    WaitForPayments(stack, id, 1, "REFUNDED");
    WaitForStock(stack, "PROD-002", 75, 0, 0);
    stack.CheckStockInvariant();

    // Settled: no second cancel.
    const auto again = HttpClient(stack.order().base_url()).Request("POST", "/api/orders/" + id + "/cancel");
    CHECK(again.status == 409);
}

TEST_CASE("saga e2e: cancelling while awaiting payment releases stock — a capture arriving later is refunded") {
    SagaStack stack;
    stack.payment().Stop();  // the order stays AWAITING_PAYMENT
    const std::string id = Place(stack, OrderBody("PROD-005", 4));
    stack.WaitForStatus(id, "AWAITING_PAYMENT");

    const auto cancel = HttpClient(stack.order().base_url()).Request("POST", "/api/orders/" + id + "/cancel");
    CHECK(cancel.status == 202);
    stack.WaitForStatus(id, "CANCELLED");
    WaitForStock(stack, "PROD-005", 150, 0, 0);

    stack.payment().Restart();  // its queue holds inventory.reserved, then order.cancelled
    WaitForPayments(stack, id, 1, "REFUNDED");
    stack.CheckStockInvariant();
}

TEST_CASE("saga e2e: cancelling before the reservation holds nothing and charges nothing") {
    SagaStack stack;
    stack.inventory().Stop();  // the order stays PENDING
    const std::string id = Place(stack, OrderBody("PROD-001", 1));
    const auto cancel = HttpClient(stack.order().base_url()).Request("POST", "/api/orders/" + id + "/cancel");
    CHECK(cancel.status == 202);
    stack.WaitForStatus(id, "CANCELLED");

    stack.inventory().Restart();  // order.created, then order.cancelled: reserves nothing
    // A later order proves inventory has worked through its queue.
    const std::string later = Place(stack, OrderBody("PROD-001", 1));
    stack.WaitForStatus(later, "CONFIRMED");
    WaitForStock(stack, "PROD-001", 99, 0, 1);
    CHECK(stack.Payments(id).empty());
    stack.CheckStockInvariant();
}

TEST_CASE("saga e2e: an expired reservation rejects the order — a late capture is refunded") {
    SagaStack stack({.order_env = {{"EXPIRY_SWEEP_INTERVAL", "200ms"}}, .inventory_env = {{"RESERVATION_TTL", "2s"}}});
    stack.payment().Stop();
    const std::string id = Place(stack, OrderBody("PROD-003", 2));
    CHECK(stack.WaitForStatus(id, "REJECTED")["reason"] == "reservation_expired");
    WaitForStock(stack, "PROD-003", 50, 0, 0);

    stack.payment().Restart();  // its queue holds inventory.reserved, then order.rejected
    WaitForPayments(stack, id, 1, "REFUNDED");
    CHECK(stack.Order(id)["status"] == "REJECTED");
    stack.CheckStockInvariant();
}

}  // namespace saga::test
