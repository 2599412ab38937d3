#include "inventory/domain/product_input.hpp"

#include <doctest/doctest.h>

using namespace saga::inventory::domain;
using nlohmann::json;

namespace {

std::vector<std::string> Fields(const std::vector<FieldIssue>& errors) {
    std::vector<std::string> fields;
    for (const auto& e : errors) fields.push_back(e.field);
    return fields;
}

}  // namespace

TEST_CASE("prices: decimals up to cents become exact cents") {
    CHECK(PriceToCents(json::parse("499.99")) == 49999);
    CHECK(PriceToCents(json::parse("19.99")) == 1999);
    CHECK(PriceToCents(json::parse("0.1")) == 10);
    CHECK(PriceToCents(json::parse("12")) == 1200);
    CHECK(PriceToCents(json::parse("0")) == 0);
    CHECK(CentsToPrice(49999) == doctest::Approx(499.99));
}

TEST_CASE("prices: negatives, a third decimal, huge values and non-numbers are refused") {
    CHECK_FALSE(PriceToCents(json::parse("-1")));
    CHECK_FALSE(PriceToCents(json::parse("-0.01")));
    CHECK_FALSE(PriceToCents(json::parse("1.999")));
    CHECK_FALSE(PriceToCents(json::parse("1e300")));
    CHECK_FALSE(PriceToCents(json::parse("10000001")));
    CHECK_FALSE(PriceToCents(json("12.50")));
    CHECK_FALSE(PriceToCents(json(true)));
}

TEST_CASE("new product: a valid body is parsed") {
    const auto p = ParseNewProduct({{"product_id", "PROD-9"}, {"name", "Mouse"}, {"price", 24.5}, {"quantity", 7}});
    CHECK(p.errors.empty());
    CHECK(p.value.product_id == "PROD-9");
    CHECK(p.value.name == "Mouse");
    CHECK(p.value.price_cents == 2450);
    CHECK(p.value.quantity == 7);
}

TEST_CASE("new product: every bad or missing field is listed") {
    CHECK(Fields(ParseNewProduct(json::object()).errors) ==
          std::vector<std::string>{"product_id", "name", "price", "quantity"});
    const auto bad = ParseNewProduct({{"product_id", "bad id!"}, {"name", "  "}, {"price", -3}, {"quantity", 1.5}});
    CHECK(Fields(bad.errors) == std::vector<std::string>{"product_id", "name", "price", "quantity"});
    CHECK(Fields(ParseNewProduct({{"product_id", "X"}, {"name", std::string(201, 'n')}, {"price", 1}, {"quantity", -1}})
                     .errors) == std::vector<std::string>{"name", "quantity"});
    CHECK(Fields(ParseNewProduct(json::array()).errors) == std::vector<std::string>{""});
}

TEST_CASE("restock: a positive integer is required") {
    CHECK(ParseRestock({{"restock", 5}}).value == 5);
    CHECK(ParseRestock({{"restock", 5}}).errors.empty());
    CHECK(Fields(ParseRestock({{"restock", 0}}).errors) == std::vector<std::string>{"restock"});
    CHECK(Fields(ParseRestock({{"restock", -2}}).errors) == std::vector<std::string>{"restock"});
    CHECK(Fields(ParseRestock({{"restock", "3"}}).errors) == std::vector<std::string>{"restock"});
    CHECK(Fields(ParseRestock({{"restock", 2.5}}).errors) == std::vector<std::string>{"restock"});
    CHECK(Fields(ParseRestock(json::object()).errors) == std::vector<std::string>{"restock"});
}

TEST_CASE("new product and restock: a field they do not know is refused, never ignored") {
    // {"restock": 1, "price": 5} answered 200 and left the price as it was.
    CHECK(Fields(ParseRestock({{"restock", 1}, {"price", 5}}).errors) == std::vector<std::string>{"price"});
    CHECK(
        Fields(ParseNewProduct(
                   {{"product_id", "PROD-9"}, {"name", "Mouse"}, {"price", 24.5}, {"quantity", 7}, {"currency", "EUR"}})
                   .errors) == std::vector<std::string>{"currency"});
}
