#include <doctest/doctest.h>

#include <mutex>
#include <thread>

#include "e2e/stack/saga_stack.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

/// Runs `requests` calls of `call(i)` on `threads` threads, each with its own client.
template <class Call>
void InParallel(int requests, int threads, Call call) {
    std::vector<std::jthread> pool;
    std::atomic<int> next{0};
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            for (int i = next++; i < requests; i = next++) call(i);
        });
    }
}

}  // namespace

TEST_CASE("saga e2e: 200 concurrent orders for 50 in stock: exactly 50 confirmed, 150 rejected out_of_stock") {
    SagaStack stack;
    stack.CreateProduct("E2E-LIMITED", 50, 19.99);
    std::mutex mutex;
    std::vector<std::string> ids;
    InParallel(200, 16, [&](int i) {
        const auto response =
            stack.PlaceOrder({{"customer_id", "c-" + std::to_string(i)},
                              {"items", json::array({{{"product_id", "E2E-LIMITED"}, {"quantity", 1}}})}});
        REQUIRE(response.status == 202);
        std::lock_guard lock(mutex);
        ids.push_back(response.Json()["order_id"]);
    });
    REQUIRE(ids.size() == 200);

    int confirmed = 0, rejected = 0;
    for (const auto& id : ids) {
        json order;
        REQUIRE(Eventually(
            [&] {
                order = stack.Order(id);
                return order["status"] == "CONFIRMED" || order["status"] == "REJECTED";
            },
            180s));
        if (order["status"] == "CONFIRMED") ++confirmed;
        if (order["status"] == "REJECTED" && order["reason"] == "out_of_stock") ++rejected;
    }
    CHECK(confirmed == 50);
    CHECK(rejected == 150);
    REQUIRE(Eventually(
        [&] {
            const auto p = stack.Product("E2E-LIMITED");
            return p["available"] == 0 && p["reserved"] == 0 && p["sold"] == 50;
        },
        30s));
    stack.CheckStockInvariant();
}

TEST_CASE(
    "saga e2e: the same POST 20 times at once and again after a restart makes one order, one reservation, one "
    "capture") {
    SagaStack stack;
    const json body = {{"customer_id", "c-idem"},
                       {"items", json::array({{{"product_id", "PROD-002"}, {"quantity", 3}}})}};
    const HttpHeaders key = {{"Idempotency-Key", "idem-" + RandomSuffix()}};
    std::mutex mutex;
    std::set<std::string> order_ids;
    int accepted = 0;
    InParallel(20, 20, [&](int) {
        const auto response = stack.PlaceOrder(body, key);
        std::lock_guard lock(mutex);
        // 409 = the same key is still in flight (SPEC): the client retries it later.
        CHECK((response.status == 202 || response.status == 409));
        if (response.status == 202) {
            ++accepted;
            order_ids.insert(response.Json()["order_id"].get<std::string>());
        }
    });
    CHECK(accepted >= 1);
    REQUIRE(order_ids.size() == 1);
    const std::string id = *order_ids.begin();
    stack.WaitForStatus(id, "CONFIRMED");

    const auto first = stack.PlaceOrder(body, key);
    stack.order().Restart();
    const auto replay = stack.PlaceOrder(body, key);
    CHECK(replay.status == 202);
    CHECK(replay.Json()["order_id"] == id);
    CHECK(replay.body == first.body);

    const auto list = HttpClient(stack.order().base_url()).Get("/api/orders?customer_id=c-idem");
    REQUIRE(list.status == 200);
    CHECK(list.Json()["orders"].size() == 1);
    REQUIRE(Eventually([&] { return stack.Product("PROD-002")["sold"] == 3; }, 30s));
    CHECK(stack.Product("PROD-002")["available"] == 72);
    CHECK(stack.Payments(id).size() == 1);
    CHECK(stack.tap().All("inventory.reserved", id).size() == 1);
    CHECK(stack.tap().All("payment.completed", id).size() == 1);
}

}  // namespace saga::test
