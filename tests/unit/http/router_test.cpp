#include "runtime/http/router.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

#include "runtime/http/error.hpp"

namespace http = saga::runtime::http;
using http::ErrorKind;

namespace {

http::Request Make(std::string method, std::string path) {
    http::Request request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.correlation_id = "test-correlation";
    return request;
}

http::Handler Answer(std::string text) {
    return [text](const http::Request&) { return http::Text(200, text); };
}

nlohmann::json ProblemOf(const http::Response& response) {
    REQUIRE(response.content_type == "application/problem+json");
    return nlohmann::json::parse(response.body);
}

}  // namespace

TEST_CASE("http router: placeholders capture their segments as path parameters") {
    http::Router router;
    router.Add("GET", "/api/orders/{order_id}",
               [](const http::Request& request) { return http::Text(200, "order " + request.PathParam("order_id")); });
    router.Add("POST", "/api/orders/{order_id}/cancel",
               [](const http::Request& request) { return http::Text(202, "cancel " + request.PathParam("order_id")); });

    auto get = Make("GET", "/api/orders/o-17");
    CHECK(router.Handle(get).body == "order o-17");
    CHECK(get.path_params == http::ParamMap{{"order_id", "o-17"}});

    auto cancel = Make("POST", "/api/orders/o-18/cancel");
    auto response = router.Handle(cancel);
    CHECK(response.status == 202);
    CHECK(response.body == "cancel o-18");
}

TEST_CASE("http router: a literal segment wins over a placeholder whatever the registration order") {
    http::Router router;
    router.Add("GET", "/api/inventory/{product_id}", Answer("by id"));
    router.Add("GET", "/api/inventory/low-stock", Answer("literal"));
    router.Add("GET", "/api/{area}/summary", Answer("area summary"));

    auto literal = Make("GET", "/api/inventory/low-stock");
    CHECK(router.Handle(literal).body == "literal");
    auto by_id = Make("GET", "/api/inventory/PROD-001");
    CHECK(router.Handle(by_id).body == "by id");
    auto summary = Make("GET", "/api/inventory/summary");
    CHECK(router.Handle(summary).body == "by id");
}

TEST_CASE("http router: an unknown path gets a 404 problem") {
    http::Router router;
    router.Add("GET", "/api/orders/{order_id}", Answer("order"));

    for (std::string path : {"/api/payments", "/api/orders", "/api/orders/", "/api/orders/o-1/extra", "/"}) {
        CAPTURE(path);
        auto request = Make("GET", path);
        auto response = router.Handle(request);
        CHECK(response.status == 404);
        CHECK(ProblemOf(response)["type"] == "https://saga.example/problems/not-found");
    }
}

TEST_CASE("http router: a known path with another method gets 405 listing the allowed methods") {
    http::Router router;
    router.Add("GET", "/api/inventory/{product_id}", Answer("get"));
    router.Add("PATCH", "/api/inventory/{product_id}", Answer("patch"));
    router.Add("POST", "/api/inventory", Answer("create"));

    auto request = Make("DELETE", "/api/inventory/PROD-001");
    auto response = router.Handle(request);

    CHECK(response.status == 405);
    CHECK(response.Header("Allow") == "GET, HEAD, PATCH");
    CHECK(ProblemOf(response)["status"] == 405);
}

TEST_CASE("http router: a GET route answers HEAD too (RFC 9110 9.3.2), and only GET routes do") {
    http::Router router;
    router.Add("GET", "/api/orders/{order_id}", Answer("get"));
    router.Add("POST", "/api/orders", Answer("create"));

    auto head = Make("HEAD", "/api/orders/o-1");
    CHECK(router.Handle(head).body == "get");
    CHECK(head.path_params.at("order_id") == "o-1");

    auto head_of_post = Make("HEAD", "/api/orders");
    auto response = router.Handle(head_of_post);
    CHECK(response.status == 405);
    CHECK(response.Header("Allow") == "POST");
}

TEST_CASE("http router: a handler's HttpError becomes its problem response") {
    http::Router router;
    router.Add("POST", "/api/orders", [](const http::Request&) -> http::Response {
        throw http::HttpError(ErrorKind::kValidation, "the order is invalid", {{"items", "must not be empty"}});
    });

    auto request = Make("POST", "/api/orders");
    auto response = router.Handle(request);

    CHECK(response.status == 400);
    auto problem = ProblemOf(response);
    CHECK(problem["detail"] == "the order is invalid");
    CHECK(problem["errors"] == nlohmann::json::array({{{"field", "items"}, {"message", "must not be empty"}}}));
}

TEST_CASE("http router: any other exception becomes a 500 problem that leaks nothing") {
    http::Router router;
    router.Add("GET", "/boom", [](const http::Request&) -> http::Response {
        throw std::runtime_error("password=hunter2 at db.internal:5432");
    });
    router.Add("GET", "/missing-param",
               [](const http::Request& request) { return http::Text(200, request.PathParam("nope")); });

    for (std::string path : {"/boom", "/missing-param"}) {
        CAPTURE(path);
        auto request = Make("GET", path);
        auto response = router.Handle(request);
        CHECK(response.status == 500);
        CHECK(ProblemOf(response)["type"] == "https://saga.example/problems/internal");
        CHECK(response.body.find("hunter2") == std::string::npos);
        CHECK(response.body.find("nope") == std::string::npos);
    }
}

TEST_CASE("http router: malformed or clashing patterns are refused when added") {
    http::Router router;
    router.Add("GET", "/api/orders/{order_id}", Answer("x"));

    CHECK_THROWS_AS(router.Add("GET", "/api/orders/{id}", Answer("y")), std::invalid_argument);
    CHECK_THROWS_AS(router.Add("GET", "api/orders", Answer("y")), std::invalid_argument);
    CHECK_THROWS_AS(router.Add("GET", "/api/{}", Answer("y")), std::invalid_argument);
    CHECK_THROWS_AS(router.Add("GET", "/api/order-{id}", Answer("y")), std::invalid_argument);
    CHECK_THROWS_AS(router.Add("GET", "/api/x", nullptr), std::invalid_argument);
    CHECK_NOTHROW(router.Add("DELETE", "/api/orders/{id}", Answer("y")));
}

TEST_CASE("http router: the observer sees the matched pattern, or <unmatched>, and the status") {
    http::Router router;
    router.Add("GET", "/api/orders/{order_id}", Answer("x"));
    std::vector<std::pair<std::string, int>> seen;
    router.Observe([&](const http::Exchange& exchange) { seen.emplace_back(exchange.route, exchange.status); });

    auto found = Make("GET", "/api/orders/o-1");
    router.Handle(found);
    auto missing = Make("GET", "/nowhere");
    router.Handle(missing);

    CHECK(seen == std::vector<std::pair<std::string, int>>{{"/api/orders/{order_id}", 200}, {"<unmatched>", 404}});
}
