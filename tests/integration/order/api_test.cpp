// The HTTP contract of the order API: validation, content types, 404s and the listing.
#include <doctest/doctest.h>

#include <set>
#include <thread>
#include <vector>

#include "order_fixture.hpp"

namespace saga::test {

namespace {

std::set<std::string> FieldsOf(const HttpResponse& response) {
    std::set<std::string> fields;
    for (const auto& error : response.Json().value("errors", nlohmann::json::array())) fields.insert(error["field"]);
    return fields;
}

}  // namespace

TEST_CASE("order api: 40 orders posted at once without a key each get their own order, answer and order.created") {
    // Orders that arrive together share a transaction: no answer may belong to another request.
    OrderFixture f;
    constexpr int kOrders = 40;
    std::vector<HttpResponse> answers(kOrders);
    {
        std::vector<std::jthread> clients;
        for (int i = 0; i < kOrders; ++i) {
            clients.emplace_back([&, i] {
                HttpClient client(f.service.base_url());
                answers[static_cast<std::size_t>(i)] =
                    client.PostJson("/api/orders", OrderFixture::OrderBody("c-batch-" + std::to_string(i)));
            });
        }
    }
    std::set<std::string> ids;
    for (int i = 0; i < kOrders; ++i) {
        const auto& answer = answers[static_cast<std::size_t>(i)];
        INFO("answer ", i, ": ", answer.body);
        REQUIRE(answer.status == 202);
        const auto order = answer.Json();
        CHECK(order["customer_id"] == "c-batch-" + std::to_string(i));
        CHECK(answer.Header("Location") == "/api/orders/" + order["order_id"].get<std::string>());
        ids.insert(order["order_id"].get<std::string>());
        const auto stored = f.Order(order["order_id"]);
        CHECK(stored["customer_id"] == order["customer_id"]);
        CHECK(stored["items"] == order["items"]);
        REQUIRE(stored["history"].size() == 1);
        const auto created = f.Created(order["order_id"]);
        CHECK(stored["history"][0]["event_id"] == created.id);
        CHECK(created.data["customer_id"] == order["customer_id"]);
    }
    CHECK(ids.size() == kOrders);
    CHECK(f.db.QueryInt("SELECT count(*) FROM orders") == kOrders);
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox WHERE event_type = 'order.created'") == kOrders);
}

TEST_CASE("order api: invalid bodies are 400 problems naming every field path") {
    OrderFixture f;
    const auto response = f.http.PostJson("/api/orders", {{"customer_id", "bad id"},
                                                          {"email", "nope"},
                                                          {"items",
                                                           {{{"product_id", "PROD-001"}, {"quantity", 0}},
                                                            {{"product_id", "PROD-001"}, {"quantity", 1}},
                                                            {{"product_id", "P 3"}, {"quantity", "2"}}}}});
    CHECK(response.status == 400);
    CHECK(response.Header("Content-Type") == "application/problem+json");
    CHECK(response.Json()["type"] == "https://saga.example/problems/validation");
    CHECK(FieldsOf(response) == std::set<std::string>{"customer_id", "email", "items[0].quantity",
                                                      "items[1].product_id", "items[2].product_id",
                                                      "items[2].quantity"});

    CHECK(FieldsOf(f.http.PostJson("/api/orders", {{"customer_id", "c-1"}, {"items", nlohmann::json::array()}})) ==
          std::set<std::string>{"items"});
    CHECK(FieldsOf(f.http.PostJson("/api/orders", nlohmann::json::object())) ==
          std::set<std::string>{"customer_id", "items"});
    CHECK(f.db.QueryInt("SELECT count(*) FROM orders") == 0);
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox") == 0);
}

TEST_CASE("order api: wrong content type is 415, malformed JSON 400, oversized body 413") {
    OrderFixture f;
    const auto body = OrderFixture::OrderBody().dump();
    CHECK(f.http.Request("POST", "/api/orders", body, {{"Content-Type", "text/plain"}}).status == 415);
    CHECK(f.http.Request("POST", "/api/orders", body).status == 415);
    const auto malformed =
        f.http.Request("POST", "/api/orders", R"({"customer_id": "c-1", )", {{"Content-Type", "application/json"}});
    CHECK(malformed.status == 400);
    CHECK(malformed.Header("Content-Type") == "application/problem+json");
    HttpClient fresh(f.service.base_url());
    const auto huge =
        fresh.Request("POST", "/api/orders", std::string(70 * 1024, ' '), {{"Content-Type", "application/json"}});
    CHECK(huge.status == 413);
    const auto bad_key =
        f.http.PostJson("/api/orders", OrderFixture::OrderBody(), {{"Idempotency-Key", std::string(256, 'k')}});
    CHECK(bad_key.status == 400);
    CHECK(FieldsOf(bad_key) == std::set<std::string>{"Idempotency-Key"});
    // U+0000 passed the e-mail's pattern, and the insert then failed in the database: a 500.
    auto with_nul = OrderFixture::OrderBody();
    with_nul["email"] = std::string("a\0b@x.example", 13);
    CHECK(f.http.PostJson("/api/orders", with_nul).status == 400);
    CHECK(f.http.PostJson("/api/orders", with_nul, {{"Idempotency-Key", "nul-1"}}).status == 400);
}

TEST_CASE("order api: unknown orders are 404 problems") {
    OrderFixture f;
    const auto response = f.http.Get("/api/orders/ord-does-not-exist");
    CHECK(response.status == 404);
    CHECK(response.Header("Content-Type") == "application/problem+json");
    CHECK(f.http.Get("/api/orders/%20%27").status == 404);
    // Bytes that are not UTF-8 text used to reach PostgreSQL, which refused them: a 500.
    CHECK(f.http.Get("/api/orders/%FF").status == 404);
    CHECK(f.http.PostJson("/api/orders/%C3/cancel", nlohmann::json::object()).status == 404);
}

TEST_CASE("order api: the listing pages through a customer's orders with a cursor, newest first") {
    OrderFixture f;
    std::vector<std::string> mine;
    for (int i = 0; i < 5; ++i) mine.push_back(f.CreateOrder(OrderFixture::OrderBody("c-pages")));
    f.CreateOrder(OrderFixture::OrderBody("c-other"));

    std::vector<std::string> seen;
    std::string path = "/api/orders?customer_id=c-pages&limit=2";
    std::vector<std::size_t> page_sizes;
    for (int guard = 0; guard < 10; ++guard) {
        const auto response = f.http.Get(path);
        REQUIRE_MESSAGE(response.status == 200, response.body);
        const auto body = response.Json();
        page_sizes.push_back(body["orders"].size());
        for (const auto& order : body["orders"]) {
            CHECK(order["customer_id"] == "c-pages");
            CHECK(order["status"] == "PENDING");
            CHECK(order["items"].size() == 1);
            seen.push_back(order["order_id"]);
        }
        if (body["next"].is_null()) break;
        path = "/api/orders?customer_id=c-pages&limit=2&after=" + body["next"].get<std::string>();
    }
    CHECK(page_sizes == std::vector<std::size_t>{2, 2, 1});
    CHECK(seen == std::vector<std::string>(mine.rbegin(), mine.rend()));

    const auto all = f.http.Get("/api/orders").Json();
    CHECK(all["orders"].size() == 6);
    CHECK(all["next"].is_null());

    f.Publish(f.ReservationFailed(f.Created(mine[0])));
    f.WaitForStatus(mine[0], "REJECTED");
    const auto rejected = f.http.Get("/api/orders?status=REJECTED").Json();
    REQUIRE(rejected["orders"].size() == 1);
    CHECK(rejected["orders"][0]["order_id"] == mine[0]);
    CHECK(f.http.Get("/api/orders?status=PENDING&customer_id=c-pages").Json()["orders"].size() == 4);
}

TEST_CASE("order api: invalid listing parameters are 400 problems naming them") {
    OrderFixture f;
    CHECK(FieldsOf(f.http.Get("/api/orders?limit=0")) == std::set<std::string>{"limit"});
    CHECK(FieldsOf(f.http.Get("/api/orders?limit=101")) == std::set<std::string>{"limit"});
    CHECK(FieldsOf(f.http.Get("/api/orders?limit=abc")) == std::set<std::string>{"limit"});
    CHECK(FieldsOf(f.http.Get("/api/orders?status=SHIPPED")) == std::set<std::string>{"status"});
    CHECK(FieldsOf(f.http.Get("/api/orders?after=xyz")) == std::set<std::string>{"after"});
    CHECK(FieldsOf(f.http.Get("/api/orders?customer_id=a%20b")) == std::set<std::string>{"customer_id"});
    CHECK(f.http.Get("/api/orders?limit=100").status == 200);
}

}  // namespace saga::test
