#include "runtime/http/error.hpp"

#include <doctest/doctest.h>

#include "runtime/http/response.hpp"

namespace http = saga::runtime::http;
using http::ErrorKind;

TEST_CASE("http errors: every ErrorKind maps to its HTTP status") {
    const std::pair<ErrorKind, int> expected[] = {
        {ErrorKind::kBadRequest, 400},       {ErrorKind::kValidation, 400},
        {ErrorKind::kUnauthorized, 401},     {ErrorKind::kNotFound, 404},
        {ErrorKind::kMethodNotAllowed, 405}, {ErrorKind::kConflict, 409},
        {ErrorKind::kPayloadTooLarge, 413},  {ErrorKind::kUnsupportedMediaType, 415},
        {ErrorKind::kUnprocessable, 422},    {ErrorKind::kHeaderFieldsTooLarge, 431},
        {ErrorKind::kInternal, 500},         {ErrorKind::kUnavailable, 503},
    };
    for (auto [kind, status] : expected) {
        CAPTURE(static_cast<int>(kind));
        CHECK(http::HttpStatus(kind) == status);
        CHECK(http::ProblemType(kind).starts_with("https://saga.example/problems/"));
        CHECK_FALSE(http::ProblemTitle(kind).empty());
    }
    CHECK(http::ProblemType(ErrorKind::kValidation) == "https://saga.example/problems/validation");
    CHECK(http::ProblemType(ErrorKind::kBadRequest) != http::ProblemType(ErrorKind::kValidation));
}

TEST_CASE("http problem: the body has type, title, status, detail and field errors in RFC 9457 shape") {
    http::Response response = http::Problem(http::HttpError(ErrorKind::kValidation, "the order is invalid",
                                                            {{"items[0].quantity", "must be between 1 and 1000"}}));

    CHECK(response.status == 400);
    CHECK(response.content_type == "application/problem+json");
    auto body = nlohmann::json::parse(response.body);
    CHECK(body == nlohmann::json{
                      {"type", "https://saga.example/problems/validation"},
                      {"title", "Validation failed"},
                      {"status", 400},
                      {"detail", "the order is invalid"},
                      {"errors", {{{"field", "items[0].quantity"}, {"message", "must be between 1 and 1000"}}}},
                  });
}

TEST_CASE("http problem: an empty detail and an empty error list are left out") {
    auto body = nlohmann::json::parse(http::Problem(ErrorKind::kNotFound).body);

    CHECK(body ==
          nlohmann::json{{"type", "https://saga.example/problems/not-found"}, {"title", "Not found"}, {"status", 404}});
}

TEST_CASE("http problem: a custom title replaces the kind's standard one") {
    http::HttpError error(ErrorKind::kConflict, "Order already settled", "order o-1 is CONFIRMED", {});

    auto body = http::ProblemBody(error);
    CHECK(body["title"] == "Order already settled");
    CHECK(body["status"] == 409);
    CHECK(std::string(error.what()) == "Order already settled: order o-1 is CONFIRMED");
}

TEST_CASE("http problem: a 401 tells the client to use a bearer token") {
    auto response = http::Problem(ErrorKind::kUnauthorized, "missing bearer token");

    CHECK(response.status == 401);
    CHECK(response.Header("www-authenticate") == "Bearer");
}

TEST_CASE("http response: JSON with invalid UTF-8 is still serialised instead of throwing") {
    auto response = http::Json(200, {{"name", std::string("bad \xff byte")}});

    CHECK(response.content_type == "application/json");
    CHECK(nlohmann::json::parse(response.body)["name"].get<std::string>().starts_with("bad "));
}
