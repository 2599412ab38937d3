// Idempotency-Key on POST /api/orders: durable, concurrent-safe, body-checked.
#include <doctest/doctest.h>

#include <pqxx/pqxx>
#include <thread>

#include "order_fixture.hpp"

namespace saga::test {

namespace {

struct Answer {
    long status;
    std::string location;
    std::string body;
    bool operator==(const Answer&) const = default;
};

Answer AnswerOf(const HttpResponse& response) {
    return {response.status, response.Header("Location").value_or(""), response.body};
}

}  // namespace

TEST_CASE(
    "idempotency: the same POST 20 times at once makes one order and 20 identical answers, also after a restart") {
    OrderFixture f;
    const auto body = OrderFixture::OrderBody("c-idem");
    const HttpHeaders headers = {{"Idempotency-Key", "key-concurrent-1"}};
    std::vector<Answer> answers(20);
    {
        std::vector<std::jthread> clients;
        for (auto& answer : answers) {
            clients.emplace_back([&] {
                HttpClient client(f.service.base_url());
                answer = AnswerOf(client.PostJson("/api/orders", body, headers));
            });
        }
    }
    REQUIRE(answers[0].status == 202);
    for (const auto& answer : answers) CHECK(answer == answers[0]);
    const std::string id = nlohmann::json::parse(answers[0].body)["order_id"];
    CHECK(f.db.QueryInt("SELECT count(*) FROM orders") == 1);
    f.Created(id);
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox WHERE event_type = 'order.created'") == 1);

    f.service.Restart();
    HttpClient after(f.service.base_url());
    CHECK(AnswerOf(after.PostJson("/api/orders", body, headers)) == answers[0]);
    // Key order and spacing do not change the request.
    CHECK(AnswerOf(after.Request("POST", "/api/orders", R"({"items":[{"quantity":2,"product_id":"PROD-001"}],
        "email":"a@b.example", "customer_id":"c-idem"})",
                                 {{"Content-Type", "application/json"}, {"Idempotency-Key", "key-concurrent-1"}})) ==
          answers[0]);
    CHECK(f.db.QueryInt("SELECT count(*) FROM orders") == 1);

    SUBCASE("the same key with another body is 422") {
        const auto other = after.PostJson("/api/orders", OrderFixture::OrderBody("c-someone-else"), headers);
        CHECK(other.status == 422);
        CHECK(other.Header("Content-Type") == "application/problem+json");
        CHECK(f.db.QueryInt("SELECT count(*) FROM orders") == 1);
    }
    SUBCASE("another key makes another order") {
        const auto other = after.PostJson("/api/orders", body, {{"Idempotency-Key", "key-concurrent-2"}});
        CHECK(other.status == 202);
        CHECK(f.db.QueryInt("SELECT count(*) FROM orders") == 2);
    }
}

TEST_CASE("idempotency: a key held by a request in flight is a 409 until that request ends") {
    OrderFixture f(std::map<std::string, std::string>{{"IDEMPOTENCY_WAIT", "300ms"}});
    // A first request that is still running: its transaction holds the key, uncommitted.
    pqxx::connection connection(f.db.url());
    pqxx::work first(connection);
    first.exec_params("INSERT INTO idempotency_keys (idempotency_key, request_hash) VALUES ($1, 'in-flight')",
                      "key-in-flight");

    const HttpHeaders headers = {{"Idempotency-Key", "key-in-flight"}};
    const auto conflict = f.http.PostJson("/api/orders", OrderFixture::OrderBody(), headers);
    CHECK(conflict.status == 409);
    CHECK(conflict.Header("Content-Type") == "application/problem+json");
    CHECK(f.db.QueryInt("SELECT count(*) FROM orders") == 0);

    first.abort();  // the first request failed: the key is free again
    const auto retried = f.http.PostJson("/api/orders", OrderFixture::OrderBody(), headers);
    CHECK(retried.status == 202);
    CHECK(f.db.QueryInt("SELECT count(*) FROM orders") == 1);
}

}  // namespace saga::test
