#include "order/domain/list_query.hpp"

#include <doctest/doctest.h>

using namespace saga::order::domain;

namespace {

std::vector<std::string> FieldsOf(const std::optional<std::string>& customer, const std::optional<std::string>& status,
                                  const std::optional<std::string>& limit, const std::optional<std::string>& after) {
    auto parsed = ParseListQuery(customer, status, limit, after);
    std::vector<std::string> fields;
    if (auto* errors = std::get_if<std::vector<saga::events::FieldError>>(&parsed)) {
        for (const auto& error : *errors) fields.push_back(error.field);
    }
    return fields;
}

}  // namespace

TEST_CASE("list query: no parameters means the first 20 of everything") {
    const auto query = std::get<ListQuery>(ParseListQuery({}, {}, {}, {}));
    CHECK(query.limit == 20);
    CHECK(!query.customer_id);
    CHECK(!query.status);
    CHECK(!query.after);
}

TEST_CASE("list query: filters, limit and cursor are read") {
    const auto query = std::get<ListQuery>(ParseListQuery("c-1", "AWAITING_PAYMENT", "100", EncodeCursor(42)));
    CHECK(query.customer_id == "c-1");
    CHECK(query.status == OrderStatus::kAwaitingPayment);
    CHECK(query.limit == 100);
    CHECK(query.after == 42);
}

TEST_CASE("list query: invalid parameters are named") {
    CHECK(FieldsOf("bad id", {}, {}, {}) == std::vector<std::string>{"customer_id"});
    CHECK(FieldsOf({}, "SHIPPED", {}, {}) == std::vector<std::string>{"status"});
    CHECK(FieldsOf({}, {}, "0", {}) == std::vector<std::string>{"limit"});
    CHECK(FieldsOf({}, {}, "101", {}) == std::vector<std::string>{"limit"});
    CHECK(FieldsOf({}, {}, "ten", {}) == std::vector<std::string>{"limit"});
    CHECK(FieldsOf({}, {}, "5x", {}) == std::vector<std::string>{"limit"});
    CHECK(FieldsOf({}, {}, {}, "garbage") == std::vector<std::string>{"after"});
    CHECK(FieldsOf({}, {}, {}, "o-5") == std::vector<std::string>{"after"});
}

TEST_CASE("list query: a cursor round-trips") {
    CHECK(DecodeCursor(EncodeCursor(1)) == 1);
    CHECK(DecodeCursor(EncodeCursor(9007199254740991)) == 9007199254740991);
    CHECK(!DecodeCursor(""));
    CHECK(!DecodeCursor("o"));
    CHECK(!DecodeCursor("o0"));
}
