// GET /api/payments/{payment_id} and GET /api/payments?order_id=.
#include <doctest/doctest.h>

#include "events/payment_completed.hpp"
#include "payment_fixture.hpp"

namespace saga::test {

TEST_CASE("payment api: get by id and list by order show the payment — unknown ids 404 — bad order_id 400") {
    PaymentFixture f;
    const auto order = NewOrderId();
    f.Publish(f.OrderCreated(order, "tok_visa"));
    f.Publish(f.InventoryReserved(order, 12345));
    const auto completed = events::DataAs<events::PaymentCompleted>(f.tap.WaitFor("payment.completed", order));

    SUBCASE("get by id") {
        const auto response = f.http.Get("/api/payments/" + completed.payment_id);
        REQUIRE(response.status == 200);
        CHECK(response.Header("Content-Type").value_or("").starts_with("application/json"));
        const auto body = response.Json();
        CHECK(body["payment_id"] == completed.payment_id);
        CHECK(body["order_id"] == order);
        CHECK(body["amount"].dump() == "123.45");
        CHECK(body["currency"] == "USD");
        CHECK(body["status"] == "CAPTURED");
        CHECK_FALSE(body.contains("reason"));
    }
    SUBCASE("list by order, and an order without payments lists none") {
        const auto response = f.http.Get("/api/payments?order_id=" + order);
        REQUIRE(response.status == 200);
        const auto payments = response.Json().at("payments");
        REQUIRE(payments.size() == 1);
        CHECK(payments[0]["payment_id"] == completed.payment_id);
        CHECK(f.PaymentsOf("o-never-seen").empty());
    }
    SUBCASE("an unknown or malformed payment id is a 404 problem") {
        for (const std::string id : {"6f1c2b1e-8a51-4d6c-9d7e-0a8b7c6d5e4f", "not-a-uuid", "1"}) {
            CAPTURE(id);
            const auto response = f.http.Get("/api/payments/" + id);
            CHECK(response.status == 404);
            CHECK(response.Header("Content-Type").value_or("") == "application/problem+json");
            CHECK(response.Json()["status"] == 404);
        }
    }
    SUBCASE("a missing or malformed order_id is a 400 problem naming the field") {
        for (const std::string query : {"", "?order_id=", "?order_id=bad%20id", "?order_id=%27%3B--"}) {
            CAPTURE(query);
            const auto response = f.http.Get("/api/payments" + query);
            CHECK(response.status == 400);
            CHECK(response.Header("Content-Type").value_or("") == "application/problem+json");
            const auto body = response.Json();
            REQUIRE(body.contains("errors"));
            CHECK(body["errors"][0]["field"] == "order_id");
        }
    }
}

}  // namespace saga::test
