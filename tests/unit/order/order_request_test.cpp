#include "order/domain/order_request.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

using namespace saga::order::domain;
using nlohmann::json;

namespace {

std::vector<saga::events::FieldError> ErrorsOf(const json& body) {
    auto parsed = ParseOrderRequest(body);
    REQUIRE(std::holds_alternative<std::vector<saga::events::FieldError>>(parsed));
    return std::get<std::vector<saga::events::FieldError>>(parsed);
}

bool HasField(const std::vector<saga::events::FieldError>& errors, const std::string& field) {
    return std::any_of(errors.begin(), errors.end(), [&](const auto& error) { return error.field == field; });
}

json Valid() { return {{"customer_id", "c-42"}, {"items", {{{"product_id", "PROD-001"}, {"quantity", 2}}}}}; }

}  // namespace

TEST_CASE("order request: a minimal body gets the default payment token") {
    const auto parsed = ParseOrderRequest(Valid());
    REQUIRE(std::holds_alternative<OrderRequest>(parsed));
    const auto& request = std::get<OrderRequest>(parsed);
    CHECK(request.customer_id == "c-42");
    CHECK(!request.email);
    CHECK(request.payment_token == "tok_visa");
    REQUIRE(request.items.size() == 1);
    CHECK(request.items[0].product_id == "PROD-001");
    CHECK(request.items[0].quantity == 2);
}

TEST_CASE("order request: email and payment token are taken when given") {
    auto body = Valid();
    body["email"] = "a@b.example";
    body["payment_token"] = "tok_chargeDeclined";
    const auto request = std::get<OrderRequest>(ParseOrderRequest(body));
    CHECK(request.email == "a@b.example");
    CHECK(request.payment_token == "tok_chargeDeclined");
}

TEST_CASE("order request: errors name the offending field paths") {
    json body = {{"customer_id", "bad id!"},
                 {"email", "not-an-email"},
                 {"payment_token", 7},
                 {"items",
                  {{{"product_id", "PROD-001"}, {"quantity", 0}},
                   {{"product_id", "PROD-002"}, {"quantity", 1001}},
                   {{"product_id", "PROD-001"}, {"quantity", 2.5}},
                   {{"quantity", 1}}}}};
    const auto errors = ErrorsOf(body);
    CHECK(HasField(errors, "customer_id"));
    CHECK(HasField(errors, "email"));
    CHECK(HasField(errors, "payment_token"));
    CHECK(HasField(errors, "items[0].quantity"));
    CHECK(HasField(errors, "items[1].quantity"));
    CHECK(HasField(errors, "items[2].quantity"));
    CHECK(HasField(errors, "items[2].product_id"));  // duplicates items[0]
    CHECK(HasField(errors, "items[3].product_id"));  // missing
}

TEST_CASE("order request: items must hold 1 to 50 lines") {
    auto body = Valid();
    body["items"] = json::array();
    CHECK(HasField(ErrorsOf(body), "items"));
    json many = json::array();
    for (int i = 0; i < 51; ++i) many.push_back({{"product_id", fmt::format("P{}", i)}, {"quantity", 1}});
    body["items"] = many;
    CHECK(HasField(ErrorsOf(body), "items"));
    many.erase(many.begin());
    body["items"] = many;
    CHECK(std::holds_alternative<OrderRequest>(ParseOrderRequest(body)));
}

TEST_CASE("order request: missing fields, unknown fields and non-objects are refused") {
    CHECK(HasField(ErrorsOf(json::object()), "customer_id"));
    CHECK(HasField(ErrorsOf(json::object()), "items"));
    auto body = Valid();
    body["coupon"] = "FREE";
    CHECK(HasField(ErrorsOf(body), "coupon"));
    CHECK(!ErrorsOf(json::array()).empty());
    CHECK(HasField(ErrorsOf({{"customer_id", std::string(65, 'c')}, {"items", Valid()["items"]}}), "customer_id"));
}

TEST_CASE("idempotency key: 1 to 255 visible ASCII characters") {
    CHECK(IsValidIdempotencyKey("k-1"));
    CHECK(IsValidIdempotencyKey(std::string(255, 'k')));
    CHECK(!IsValidIdempotencyKey(std::string(256, 'k')));
    CHECK(!IsValidIdempotencyKey(""));
    CHECK(!IsValidIdempotencyKey("with space"));
}
