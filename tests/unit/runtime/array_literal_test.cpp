#include "runtime/pg/array_literal.hpp"

#include <doctest/doctest.h>

using saga::runtime::pg::ArrayLiteral;
using saga::runtime::pg::NullableArrayLiteral;

TEST_CASE("array literal: every element is quoted, quotes and backslashes are escaped") {
    CHECK(ArrayLiteral({}) == "{}");
    CHECK(ArrayLiteral({"PROD-001", "2"}) == R"({"PROD-001","2"})");
    CHECK(ArrayLiteral({R"(a"b\c)", "x,y", "{}", "NULL"}) == R"({"a\"b\\c","x,y","{}","NULL"})");
}

TEST_CASE("array literal: an empty optional element is NULL, the text \"NULL\" stays text") {
    CHECK(NullableArrayLiteral({}) == "{}");
    CHECK(NullableArrayLiteral({std::nullopt, "NULL", R"(a"b)"}) == R"({NULL,"NULL","a\"b"})");
}
