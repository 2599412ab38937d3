// Idempotency-Key on POST /api/orders: durable, concurrent-safe, body-checked.
#include <doctest/doctest.h>

#include <algorithm>
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

TEST_CASE("idempotency: the same POST 20 times at once makes one order, each answer it or 409, also after a restart") {
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
    // One of them made the order; each other one either came after and replays its answer, or
    // came while it was in flight and got 409 (SPEC; the IETF Idempotency-Key draft's MUST).
    const auto made = std::find_if(answers.begin(), answers.end(), [](const Answer& a) { return a.status == 202; });
    REQUIRE(made != answers.end());
    const Answer first = *made;
    for (auto& answer : answers) {
        CHECK((answer == first || answer.status == 409));
        if (answer.status == 409)
            answer = AnswerOf(HttpClient(f.service.base_url()).PostJson("/api/orders", body, headers));
    }
    answers[0] = first;
    for (const auto& answer : answers) CHECK(answer == first);
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

TEST_CASE("idempotency: by default a key held by a request in flight is a 409 at once, not after a wait") {
    OrderFixture f;
    pqxx::connection connection(f.db.url());
    pqxx::work first(connection);
    first.exec_params("INSERT INTO idempotency_keys (idempotency_key, request_hash) VALUES ($1, 'in-flight')",
                      "key-in-flight-default");
    // The first request fails 3 s from now. A POST that waited for it (IDEMPOTENCY_WAIT was 5 s by
    // default) would then claim the key and make the order; one answered at once gets the 409.
    std::jthread fails_later([&] {
        std::this_thread::sleep_for(std::chrono::seconds{3});
        first.abort();
    });
    const auto conflict =
        f.http.PostJson("/api/orders", OrderFixture::OrderBody(), {{"Idempotency-Key", "key-in-flight-default"}});
    CHECK(conflict.status == 409);
    CHECK(conflict.Header("Content-Type") == "application/problem+json");
    fails_later.join();
    CHECK(f.db.QueryInt("SELECT count(*) FROM orders") == 0);
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

namespace saga::test {

TEST_CASE("idempotency config: a key retention under a second refuses to start") {
    // "500ms" was cut to 0 s: every key deleted at the next sweep, so a retry made a second order.
    TestDatabase database;
    TestVhost vhost;
    for (const char* retention : {"500ms", "0"}) {
        CAPTURE(std::string(retention));
        CHECK_THROWS_WITH_AS(ServiceProcess(SAGA_ORDER_BINARY, {{"DATABASE_URL", database.url()},
                                                                {"AMQP_URL", vhost.amqp_url()},
                                                                {"IDEMPOTENCY_RETENTION", retention}}),
                             doctest::Contains("exited during start"), std::runtime_error);
    }
}

}  // namespace saga::test
