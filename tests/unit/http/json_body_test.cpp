#include "runtime/http/json_body.hpp"

#include <doctest/doctest.h>

#include <string>

#include "runtime/http/error.hpp"

namespace http = saga::runtime::http;
using http::ErrorKind;

namespace {

http::Request WithBody(std::string body, std::optional<std::string> content_type = "application/json") {
    http::Request request;
    request.method = "POST";
    request.path = "/api/orders";
    if (content_type) {
        request.headers.emplace_back("Content-Type", *content_type);
    }
    request.body = std::move(body);
    return request;
}

http::HttpError ErrorFrom(const http::Request& request) {
    try {
        http::ParseJsonBody(request);
    } catch (const http::HttpError& error) {
        return error;
    }
    FAIL("ParseJsonBody accepted the request");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("http json body: application/json is accepted with parameters and in any letter case") {
    CHECK(http::IsJsonContentType("application/json"));
    CHECK(http::IsJsonContentType("Application/JSON; charset=utf-8"));
    CHECK(http::IsJsonContentType(" application/json ;charset=UTF-8"));
    CHECK_FALSE(http::IsJsonContentType("application/jsonx"));
    CHECK_FALSE(http::IsJsonContentType("text/plain"));
    CHECK_FALSE(http::IsJsonContentType(""));

    auto request = WithBody(R"({"customer_id": "c-42"})", "APPLICATION/json; charset=utf-8");
    CHECK(http::ParseJsonBody(request) == nlohmann::json{{"customer_id", "c-42"}});
}

TEST_CASE("http json body: a missing or different content type is refused with 415") {
    auto missing = ErrorFrom(WithBody("{}", std::nullopt));
    CHECK(missing.kind() == ErrorKind::kUnsupportedMediaType);
    CHECK(missing.detail().find("none") != std::string::npos);

    auto form = ErrorFrom(WithBody("{}", "application/x-www-form-urlencoded"));
    CHECK(form.kind() == ErrorKind::kUnsupportedMediaType);
    CHECK(form.detail().find("application/x-www-form-urlencoded") != std::string::npos);
}

TEST_CASE("http json body: malformed JSON is refused with 400 that says where it broke") {
    auto error = ErrorFrom(WithBody(R"({"customer_id": )"));

    CHECK(error.kind() == ErrorKind::kBadRequest);
    CHECK(error.detail().starts_with("malformed JSON: "));
    CHECK(error.detail().find("line 1, column") != std::string::npos);
    CHECK(error.detail().find("json.exception") == std::string::npos);
}

TEST_CASE("http json body: a string or name holding U+0000 is refused with 400: no PostgreSQL text can store it") {
    for (std::string body :
         {R"({"email": "a\u0000b@x.example"})", R"({"items": [{"name": "Key\u0000board"}]})", R"({"a\u0000": 1})"}) {
        CAPTURE(body);
        auto error = ErrorFrom(WithBody(body));
        CHECK(error.kind() == ErrorKind::kBadRequest);
        CHECK(error.detail().find("U+0000") != std::string::npos);
    }
    CHECK_NOTHROW(http::ParseJsonBody(WithBody(R"({"email": "a\u0001b"})")));
}

TEST_CASE("http json body: an empty body is refused with 400") {
    auto error = ErrorFrom(WithBody("  "));

    CHECK(error.kind() == ErrorKind::kBadRequest);
    CHECK(error.detail().find("empty") != std::string::npos);
}

TEST_CASE("http json body: nesting deeper than the limit is refused with 400, the limit itself is fine") {
    auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };

    CHECK_NOTHROW(http::ParseJsonBody(WithBody(nested(http::kMaxJsonDepth))));
    auto error = ErrorFrom(WithBody(nested(20000)));
    CHECK(error.kind() == ErrorKind::kBadRequest);
    CHECK(error.detail().find("nested deeper") != std::string::npos);
}

TEST_CASE("http json body: a name twice in one object is refused with 400, in separate objects it is fine") {
    // nlohmann keeps the last value: {"quantity": 1, "quantity": 1000} ordered 1000 of an item,
    // where a proxy or log that reads the first value saw 1.
    for (std::string body :
         {R"({"quantity": 1, "quantity": 1000})",
          R"({"items": [{"product_id": "P", "quantity": 1, "product_id": "Q"}]})", R"({"a": {"b": 1}, "a": 2})"}) {
        CAPTURE(body);
        auto error = ErrorFrom(WithBody(body));
        CHECK(error.kind() == ErrorKind::kBadRequest);
        CHECK(error.detail().find("more than once") != std::string::npos);
    }
    const auto fine = http::ParseJsonBody(WithBody(
        R"({"items": [{"product_id": "P", "quantity": 1}, {"product_id": "Q", "quantity": 2}], "quantity": 3})"));
    CHECK(fine["items"].size() == 2);
    CHECK(fine["quantity"] == 3);
}
