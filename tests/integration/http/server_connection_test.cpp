// Connection behaviour over real TCP: keep-alive, concurrency of slow handlers, timeouts, correlation ids.
#include <doctest/doctest.h>

#include <future>
#include <string>

#include "integration/http/raw_connection.hpp"
#include "integration/http/running_server.hpp"
#include "support/http_client.hpp"

namespace http = saga::runtime::http;
using saga::test::HttpClient;
using saga::test::RawConnection;
using saga::test::RunningServer;

namespace {

constexpr auto kPatience = std::chrono::seconds(10);

http::Router EchoRoutes() {
    http::Router router;
    router.Add("GET", "/ping", [](const http::Request&) { return http::Json(200, {{"pong", true}}); });
    router.Add("GET", "/items/{item_id}", [](const http::Request& request) {
        return http::Json(200, {{"item_id", request.PathParam("item_id")},
                                {"correlation_id", request.correlation_id},
                                {"q", request.Query("q").value_or("")}});
    });
    router.Add("POST", "/echo", [](const http::Request& request) { return http::Text(200, request.body); });
    return router;
}

std::string Get(std::string_view path) { return "GET " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n\r\n"; }

}  // namespace

TEST_CASE("http server: keep-alive serves several requests on one connection") {
    RunningServer server(EchoRoutes());
    RawConnection connection(server.port());

    for (std::string id : {"a", "b", "c"}) {
        connection.Send(Get("/items/" + id + "?q=x%20y"));
        auto reply = connection.ReadResponse();
        CHECK(reply.status == 200);
        CHECK(nlohmann::json::parse(reply.body)["item_id"] == id);
        CHECK(nlohmann::json::parse(reply.body)["q"] == "x y");
        CHECK_FALSE(reply.Header("Connection") == "close");
    }

    // Pipelined: two requests in one write are answered in order.
    connection.Send(Get("/items/d") + Get("/items/e"));
    CHECK(nlohmann::json::parse(connection.ReadResponse().body)["item_id"] == "d");
    CHECK(nlohmann::json::parse(connection.ReadResponse().body)["item_id"] == "e");

    HttpClient client(server.base_url());
    CHECK(client.Get("/ping").status == 200);
    CHECK(client.Get("/ping").status == 200);
    CHECK(client.NewConnectionsInLastRequest() == 0);
}

TEST_CASE(
    "http server: a HEAD response has the GET's headers and no body, so the next response on the connection is "
    "intact") {
    RunningServer server(EchoRoutes());
    RawConnection connection(server.port());
    connection.Send(Get("/ping"));
    const auto get = connection.ReadResponse();

    connection.Send("HEAD /ping HTTP/1.1\r\nHost: test\r\n\r\n" + Get("/items/after-head"));
    const auto head = connection.ReadHeadResponse();
    CHECK(head.status == 200);
    CHECK(head.Header("Content-Length") == get.Header("Content-Length"));
    CHECK(head.Header("Content-Type") == get.Header("Content-Type"));
    const auto next = connection.ReadResponse();
    REQUIRE(next.status == 200);
    CHECK(nlohmann::json::parse(next.body)["item_id"] == "after-head");

    // An error answer to HEAD has no body either.
    connection.Send("HEAD /nowhere HTTP/1.1\r\nHost: test\r\n\r\n" + Get("/ping"));
    CHECK(connection.ReadHeadResponse().status == 404);
    CHECK(connection.ReadResponse().status == 200);
}

TEST_CASE("http server: Connection: close and HTTP/1.0 get one response and then the connection closes") {
    RunningServer server(EchoRoutes());

    for (std::string request :
         {"GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /ping HTTP/1.0\r\n\r\n"}) {
        CAPTURE(request);
        RawConnection connection(server.port());
        connection.Send(request);
        CHECK(connection.ReadResponse().status == 200);
        CHECK(connection.ReadUntilClosed() == "");
    }
}

TEST_CASE("http server: a slow handler does not block another request") {
    std::promise<void> slow_entered;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    http::Router router = EchoRoutes();
    router.Add("GET", "/slow", [&](const http::Request&) {
        slow_entered.set_value();
        released.wait_for(kPatience);
        return http::Text(200, "slow done");
    });
    RunningServer server(std::move(router));

    auto slow = std::async(std::launch::async, [&] { return HttpClient(server.base_url()).Get("/slow"); });
    REQUIRE(slow_entered.get_future().wait_for(kPatience) == std::future_status::ready);

    HttpClient other(server.base_url(), std::chrono::seconds(5));
    CHECK(other.Get("/ping").status == 200);
    CHECK(slow.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);

    release.set_value();
    auto response = slow.get();
    CHECK(response.status == 200);
    CHECK(response.body == "slow done");
}

TEST_CASE("http server: the correlation id is echoed when sent and generated when absent") {
    RunningServer server(EchoRoutes());
    HttpClient client(server.base_url());

    auto echoed = client.Get("/items/i-1", {{"X-Correlation-ID", "saga-42"}});
    CHECK(echoed.Header("X-Correlation-ID") == "saga-42");
    CHECK(echoed.Json()["correlation_id"] == "saga-42");

    auto first = client.Get("/items/i-2");
    auto second = client.Get("/items/i-3");
    REQUIRE(first.Header("X-Correlation-ID").has_value());
    CHECK(first.Header("X-Correlation-ID")->size() == 36);
    CHECK(first.Json()["correlation_id"] == *first.Header("X-Correlation-ID"));
    CHECK(first.Header("X-Correlation-ID") != second.Header("X-Correlation-ID"));

    auto problem = client.Get("/nowhere", {{"X-Correlation-ID", "saga-43"}});
    CHECK(problem.status == 404);
    CHECK(problem.Header("X-Correlation-ID") == "saga-43");
}

TEST_CASE("http server: Expect: 100-continue gets 100 Continue before the body is sent") {
    RunningServer server(EchoRoutes());
    RawConnection connection(server.port());

    connection.Send(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
        "Expect: 100-continue\r\n\r\n");
    CHECK(connection.ReadResponse().status == 100);
    connection.Send("hello");
    auto reply = connection.ReadResponse();

    CHECK(reply.status == 200);
    CHECK(reply.body == "hello");
}

TEST_CASE("http server: a request that stalls past the read timeout is dropped without an answer") {
    http::ServerConfig config;
    config.read_timeout = std::chrono::milliseconds(200);
    RunningServer server(EchoRoutes(), config);
    RawConnection connection(server.port());

    connection.Send("GET /ping HTTP/1.1\r\nHost: x\r\n");

    CHECK(connection.ReadUntilClosed() == "");
    HttpClient client(server.base_url());
    CHECK(client.Get("/ping").status == 200);
}

TEST_CASE("http server: an idle keep-alive connection is closed after the idle timeout") {
    http::ServerConfig config;
    config.idle_timeout = std::chrono::milliseconds(200);
    RunningServer server(EchoRoutes(), config);
    RawConnection connection(server.port());

    connection.Send(Get("/ping"));
    CHECK(connection.ReadResponse().status == 200);

    CHECK(connection.ReadUntilClosed() == "");
}
