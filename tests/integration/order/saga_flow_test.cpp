// The saga as the order service sees it: inventory and payment are played by the test.
#include <doctest/doctest.h>

#include <thread>

#include "events/order_confirmed.hpp"
#include "events/order_created.hpp"
#include "events/order_rejected.hpp"
#include "order_fixture.hpp"
#include "runtime/amqp/topology.hpp"

namespace saga::test {

namespace {

std::vector<std::string> Statuses(const nlohmann::json& order) {
    std::vector<std::string> statuses;
    for (const auto& step : order.at("history")) statuses.push_back(step.at("status").get<std::string>());
    return statuses;
}

}  // namespace

TEST_CASE("order saga: the happy path reaches CONFIRMED with prices, total and history") {
    OrderFixture f;
    const auto response =
        f.http.PostJson("/api/orders", OrderFixture::OrderBody(), {{"X-Correlation-ID", "saga-happy-1"}});
    REQUIRE(response.status == 202);
    CHECK(response.Header("X-Correlation-ID") == "saga-happy-1");
    const auto body = response.Json();
    const std::string id = body.at("order_id");
    CHECK(response.Header("Location") == "/api/orders/" + id);
    CHECK(body["status"] == "PENDING");
    CHECK(body["customer_id"] == "c-42");
    CHECK(body["currency"] == "USD");
    CHECK(body["items"] == nlohmann::json::parse(R"([{"product_id": "PROD-001", "quantity": 2}])"));
    CHECK_FALSE(body.contains("total"));
    REQUIRE(body["history"].size() == 1);
    CHECK(body["history"][0]["at"] == body["created_at"]);

    const auto created = f.Created(id);
    CHECK(created.correlation_id == "saga-happy-1");
    CHECK(created.source == "order-service");
    const auto data = events::DataAs<events::OrderCreated>(created);
    CHECK(data.customer_id == "c-42");
    CHECK(data.email == "a@b.example");
    CHECK(data.payment_token == "tok_visa");
    CHECK(data.items.size() == 1);

    const auto reserved = f.Reserved(created);
    f.Publish(reserved);
    auto order = f.WaitForStatus(id, "AWAITING_PAYMENT");
    CHECK(order["items"][0]["unit_price"].dump() == "499.99");
    CHECK(order["total"].dump() == "999.98");

    const auto completed = f.PaymentCompleted(reserved);
    f.Publish(completed);
    const auto confirmed = f.tap.WaitFor("order.confirmed", id);
    CHECK(confirmed.correlation_id == "saga-happy-1");
    CHECK(confirmed.causation_id == completed.id);
    const auto confirmed_data = events::DataAs<events::OrderConfirmed>(confirmed);
    CHECK(confirmed_data.total_cents == 99998);
    CHECK(confirmed_data.email == "a@b.example");

    order = f.WaitForStatus(id, "CONFIRMED");
    CHECK(Statuses(order) == std::vector<std::string>{"PENDING", "AWAITING_PAYMENT", "CONFIRMED"});
    CHECK(order["history"][0]["event_id"] == created.id);
    CHECK(order["history"][1]["event_id"] == reserved.id);
    CHECK(order["history"][2]["event_id"] == completed.id);
    CHECK_FALSE(order.contains("reason"));
}

TEST_CASE("order saga: a failed reservation rejects the order with the inventory's reason") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    const auto created = f.Created(id);
    f.Publish(f.ReservationFailed(created));
    const auto rejected = f.tap.WaitFor("order.rejected", id);
    CHECK(rejected.correlation_id == created.correlation_id);
    const auto data = events::DataAs<events::OrderRejected>(rejected);
    CHECK(data.reason == events::OrderRejectionReason::kOutOfStock);
    const auto order = f.WaitForStatus(id, "REJECTED");
    CHECK(order["reason"] == "out_of_stock");
    CHECK(Statuses(order) == std::vector<std::string>{"PENDING", "REJECTED"});
    CHECK(order["history"][1]["reason"] == "out_of_stock");
}

TEST_CASE("order saga: a failed payment rejects the order as payment_declined") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    const auto reserved = f.Reserved(f.Created(id));
    f.Publish(reserved);
    f.WaitForStatus(id, "AWAITING_PAYMENT");
    f.Publish(f.PaymentFailed(reserved));
    const auto rejected = events::DataAs<events::OrderRejected>(f.tap.WaitFor("order.rejected", id));
    CHECK(rejected.reason == events::OrderRejectionReason::kPaymentDeclined);
    const auto order = f.WaitForStatus(id, "REJECTED");
    CHECK(order["reason"] == "payment_declined");
}

TEST_CASE("order saga: duplicate events have one effect") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    const auto reserved = f.Reserved(f.Created(id));
    f.Publish(reserved);
    f.Publish(reserved);  // redelivery: same message id
    f.WaitForStatus(id, "AWAITING_PAYMENT");
    const auto completed = f.PaymentCompleted(reserved);
    f.Publish(completed);
    f.Publish(completed);
    f.Publish(f.PaymentCompleted(reserved));  // a second message with the same meaning
    f.tap.WaitFor("order.confirmed", id);
    const auto order = f.WaitForStatus(id, "CONFIRMED");
    // Give the duplicates time to arrive, then check nothing moved twice.
    std::this_thread::sleep_for(std::chrono::milliseconds{1500});
    f.tap.Collect();
    CHECK(f.tap.All("order.confirmed", id).size() == 1);
    CHECK(Statuses(f.Order(id)) == std::vector<std::string>{"PENDING", "AWAITING_PAYMENT", "CONFIRMED"});
    CHECK(f.db.QueryInt("SELECT count(*) FROM order_history WHERE order_id = '" + id + "'") == 3);
    CHECK(order["updated_at"] == f.Order(id)["updated_at"]);
}

// With two attempts, a payment outcome that waited on the retry path would be dead-lettered
// within 200 ms; a parked one waits for its reservation however long it takes.
TEST_CASE("order saga: a payment outcome seen before its reservation is parked, spends no retries, and applies") {
    OrderFixture f(std::map<std::string, std::string>{{"RETRY_MAX_ATTEMPTS", "2"}});
    const auto order_dlq = runtime::amqp::DeadLetterQueueName("order-service");
    struct Case {
        const char* name;
        bool captured;
        const char* settled;
    };
    for (const Case& c : {Case{"captured", true, "CONFIRMED"}, Case{"declined", false, "REJECTED"}}) {
        CAPTURE(c.name);
        const auto id = f.CreateOrder();
        const auto reserved = f.Reserved(f.Created(id));
        const auto payment = c.captured ? f.PaymentCompleted(reserved) : f.PaymentFailed(reserved);
        f.Publish(payment);
        CHECK(Eventually(
            [&] {
                return f.db.QueryInt("SELECT count(*) FROM order_early_events WHERE event_id = '" + payment.id + "'") ==
                       1;
            },
            std::chrono::seconds{10}));
        std::this_thread::sleep_for(std::chrono::milliseconds{800});  // four times the whole retry budget
        CHECK(f.Order(id)["status"] == "PENDING");
        CHECK(f.vhost.MessageCount(order_dlq) == 0);

        f.Publish(reserved);
        const auto order = f.WaitForStatus(id, c.settled);
        CHECK(Statuses(order) == std::vector<std::string>{"PENDING", "AWAITING_PAYMENT", c.settled});
        CHECK(order["history"][2]["event_id"] == payment.id);
        CHECK(f.tap.WaitFor(c.captured ? "order.confirmed" : "order.rejected", id).causation_id == payment.id);
        CHECK(f.db.QueryInt("SELECT count(*) FROM order_early_events") == 0);
        CHECK(f.vhost.MessageCount(order_dlq) == 0);
    }
}

}  // namespace saga::test
