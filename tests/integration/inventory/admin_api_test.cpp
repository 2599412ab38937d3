// The HTTP API: reads for everyone, product creation and restocking for admins only.
#include <doctest/doctest.h>

#include <set>

#include "events/inventory_back_in_stock.hpp"
#include "events/inventory_restocked.hpp"
#include "inventory_fixture.hpp"

using namespace saga;
using namespace saga::test::inventory;
using test::HttpHeaders;

namespace {

HttpHeaders Json(std::optional<std::string> token = kAdminToken) {
    HttpHeaders headers{{"Content-Type", "application/json"}};
    if (token) headers.emplace_back("Authorization", "Bearer " + *token);
    return headers;
}

test::HttpResponse Post(InventoryStack& stack, const nlohmann::json& body,
                        std::optional<std::string> token = kAdminToken) {
    return stack.http().Request("POST", "/api/inventory", body.dump(), Json(std::move(token)));
}

test::HttpResponse Patch(InventoryStack& stack, const std::string& id, const nlohmann::json& body,
                         std::optional<std::string> token = kAdminToken) {
    return stack.http().Request("PATCH", "/api/inventory/" + id, body.dump(), Json(std::move(token)));
}

}  // namespace

TEST_CASE("inventory API: the seeded catalogue is listed with prices and stock — unknown ids are 404") {
    InventoryStack stack;
    const auto response = stack.http().Get("/api/inventory");
    REQUIRE(response.status == 200);
    const auto products = response.Json().at("products");
    REQUIRE(products.size() == 5);
    const std::vector<std::pair<std::string, int>> seeded{
        {"PROD-001", 100}, {"PROD-002", 75}, {"PROD-003", 50}, {"PROD-004", 200}, {"PROD-005", 150}};
    for (std::size_t i = 0; i < seeded.size(); ++i) {
        CHECK(products[i].at("product_id") == seeded[i].first);
        CHECK(products[i].at("available") == seeded[i].second);
        CHECK(products[i].at("reserved") == 0);
        CHECK(products[i].at("sold") == 0);
        CHECK(products[i].at("price").get<double>() > 0);
        CHECK(products[i].at("currency") == "USD");
    }
    CHECK(products[1].at("name") == "Gaming Console - Xbox Series X");

    const auto missing = stack.http().Get("/api/inventory/NOPE");
    CHECK(missing.status == 404);
    CHECK(missing.Header("Content-Type").value_or("") == "application/problem+json");
    // Bytes that are not UTF-8 text used to reach PostgreSQL, which refused them: a 500.
    CHECK(stack.http().Get("/api/inventory/%FF").status == 404);
    stack.CheckInvariant();
}

TEST_CASE("inventory API: without ADMIN_TOKEN the admin endpoints do not exist (404)") {
    InventoryStack stack(ServiceEnv{{"ADMIN_TOKEN", ""}});
    CHECK(Post(stack, {{"product_id", "NEW-1"}, {"name", "Mouse"}, {"price", 9.99}, {"quantity", 5}}).status == 404);
    CHECK(Patch(stack, "PROD-001", {{"restock", 5}}).status == 404);
    CHECK(stack.http().Get("/api/inventory/NEW-1").status == 404);
    CHECK(stack.Product("PROD-001").at("available") == 100);
}

TEST_CASE("inventory API: a name holding U+0000 is refused, not stored cut short at it") {
    InventoryStack stack;
    const auto response = Post(
        stack, {{"product_id", "NUL-1"}, {"name", std::string("Key\0board", 9)}, {"price", 9.99}, {"quantity", 5}});
    CHECK(response.status == 400);
    CHECK(stack.http().Get("/api/inventory/NUL-1").status == 404);
}

TEST_CASE("inventory API: admin endpoints refuse a missing or wrong token with 401") {
    InventoryStack stack;
    const nlohmann::json body = {{"product_id", "NEW-1"}, {"name", "Mouse"}, {"price", 9.99}, {"quantity", 5}};
    const auto anonymous = Post(stack, body, std::nullopt);
    CHECK(anonymous.status == 401);
    CHECK(anonymous.Header("WWW-Authenticate").has_value());
    CHECK(Post(stack, body, "wrong").status == 401);
    CHECK(Patch(stack, "PROD-001", {{"restock", 5}}, std::nullopt).status == 401);
    CHECK(Patch(stack, "PROD-001", {{"restock", 5}}, "test-admin-token-but-longer").status == 401);
    CHECK(stack.http().Get("/api/inventory/NEW-1").status == 404);
    CHECK(stack.Product("PROD-001").at("restocked") == 0);
}

TEST_CASE("inventory API: an admin creates a product (201, then 409) — invalid bodies are 400 with field errors") {
    InventoryStack stack;
    const nlohmann::json body = {{"product_id", "NEW-1"}, {"name", "Gaming Mouse"}, {"price", 59.99}, {"quantity", 30}};
    const auto created = Post(stack, body);
    REQUIRE(created.status == 201);
    CHECK(created.Header("Location") == "/api/inventory/NEW-1");
    const auto product = created.Json();
    CHECK(product.at("product_id") == "NEW-1");
    CHECK(product.at("price") == doctest::Approx(59.99));
    CHECK(product.at("available") == 30);

    const auto fetched = stack.Product("NEW-1");
    CHECK(fetched.at("name") == "Gaming Mouse");
    CHECK(fetched.at("available") == 30);
    CHECK(fetched.at("initial") == 30);

    auto again = body;
    again["quantity"] = 1;
    CHECK(Post(stack, again).status == 409);
    CHECK(stack.Product("NEW-1").at("available") == 30);

    const auto invalid = Post(stack, {{"product_id", "bad id"}, {"price", 1.234}, {"quantity", -1}});
    REQUIRE(invalid.status == 400);
    std::set<std::string> fields;
    const auto problem = invalid.Json();
    for (const auto& e : problem.at("errors")) fields.insert(e.at("field").get<std::string>());
    CHECK(fields == std::set<std::string>{"product_id", "name", "price", "quantity"});
    CHECK(stack.http().Request("POST", "/api/inventory", "{not json", Json()).status == 400);
    CHECK(stack.http()
              .Request("POST", "/api/inventory", body.dump(), {{"Authorization", "Bearer test-admin-token"}})
              .status == 415);

    // The new product takes part in reservations like a seeded one.
    stack.Publish(OrderCreated("ord-new", {{"NEW-1", 2}}));
    stack.tap().WaitFor("inventory.reserved", "ord-new");
    CHECK(stack.Product("NEW-1").at("reserved") == 2);
    stack.CheckInvariant();
}

TEST_CASE("inventory API: an admin restocks (200, inventory.restocked — back_in_stock when it was 0)") {
    InventoryStack stack;
    const auto restocked = Patch(stack, "PROD-004", {{"restock", 25}});
    REQUIRE(restocked.status == 200);
    CHECK(restocked.Json().at("available") == 225);
    CHECK(restocked.Json().at("restocked") == 25);
    const auto event = stack.tap().WaitFor("inventory.restocked", "PROD-004");
    CHECK(events::DataAs<events::InventoryRestocked>(event) == events::InventoryRestocked{"PROD-004", 25, 225});

    REQUIRE(Post(stack, {{"product_id", "EMPTY-1"}, {"name", "Preorder"}, {"price", 10}, {"quantity", 0}}).status ==
            201);
    REQUIRE(Patch(stack, "EMPTY-1", {{"restock", 3}}).status == 200);
    const auto back = stack.tap().WaitFor("inventory.back_in_stock", "EMPTY-1");
    CHECK(events::DataAs<events::InventoryBackInStock>(back) == events::InventoryBackInStock{"EMPTY-1", 3});
    stack.tap().WaitFor("inventory.restocked", "EMPTY-1");
    stack.Sync();
    CHECK(stack.tap().All("inventory.back_in_stock", "PROD-004").empty());

    CHECK(Patch(stack, "NOPE", {{"restock", 1}}).status == 404);
    CHECK(Patch(stack, "%C3", {{"restock", 1}}).status == 404);
    const auto zero = Patch(stack, "PROD-004", {{"restock", 0}});
    CHECK(zero.status == 400);
    CHECK(zero.Json().at("errors").at(0).at("field") == "restock");
    CHECK(Patch(stack, "PROD-004", {{"restock", "5"}}).status == 400);
    CHECK(stack.Product("PROD-004").at("available") == 225);
    stack.CheckInvariant();
}
