// Error answers over real TCP: each refused request gets its problem+json, and the server goes on serving.
#include <doctest/doctest.h>

#include <string>

#include "integration/http/raw_connection.hpp"
#include "integration/http/running_server.hpp"
#include "runtime/http/json_body.hpp"
#include "support/http_client.hpp"

namespace http = saga::runtime::http;
using saga::test::HttpClient;
using saga::test::HttpResponse;
using saga::test::RawConnection;
using saga::test::RunningServer;

namespace {

constexpr std::size_t kLimit = 64 * 1024;

http::Router TestRoutes() {
    http::Router router;
    router.Add("GET", "/ping", [](const http::Request&) { return http::Json(200, {{"pong", true}}); });
    router.Add("POST", "/echo", [](const http::Request& request) {
        return http::Json(200, {{"received", http::ParseJsonBody(request)}});
    });
    router.Add("GET", "/boom",
               [](const http::Request&) -> http::Response { throw std::runtime_error("secret internals"); });
    return router;
}

nlohmann::json ProblemOf(const HttpResponse& response) {
    REQUIRE(response.Header("Content-Type") == "application/problem+json");
    auto problem = response.Json();
    CHECK(problem["status"] == response.status);
    CHECK(problem["type"].get<std::string>().starts_with("https://saga.example/problems/"));
    CHECK(problem["title"].is_string());
    return problem;
}

// A JSON document of exactly `size` bytes: a string padded with 'x'.
std::string JsonOfSize(std::size_t size) { return "\"" + std::string(size - 2, 'x') + "\""; }

void CheckStillServes(RunningServer& server) {
    HttpClient fresh(server.base_url());
    CHECK(fresh.Get("/ping").status == 200);
}

}  // namespace

TEST_CASE("http server: malformed JSON gets 400 problem+json and the server keeps serving") {
    RunningServer server(TestRoutes());
    HttpClient client(server.base_url());

    auto response = client.Request("POST", "/echo", R"({"items": [1, 2)", {{"Content-Type", "application/json"}});

    CHECK(response.status == 400);
    CHECK(ProblemOf(response)["detail"].get<std::string>().starts_with("malformed JSON"));
    CHECK(client.Get("/ping").status == 200);
}

TEST_CASE("http server: a body over 64 KiB gets 413 problem+json and the server keeps serving") {
    RunningServer server(TestRoutes());
    HttpClient client(server.base_url());
    const saga::test::HttpHeaders json_type{{"Content-Type", "application/json"}};

    SUBCASE("exactly 64 KiB is accepted") {
        CHECK(client.Request("POST", "/echo", JsonOfSize(kLimit), json_type).status == 200);
    }
    SUBCASE("with Content-Length") {
        auto response = client.Request("POST", "/echo", JsonOfSize(kLimit + 1), json_type);
        CHECK(response.status == 413);
        CHECK(ProblemOf(response)["detail"].get<std::string>().find("65536") != std::string::npos);
        CHECK(response.Header("Connection") == "close");
    }
    SUBCASE("chunked, so the limit is hit while reading the body") {
        auto chunked = json_type;
        chunked.emplace_back("Transfer-Encoding", "chunked");
        auto response = client.Request("POST", "/echo", JsonOfSize(4 * kLimit), chunked);
        CHECK(response.status == 413);
        ProblemOf(response);
    }
    SUBCASE("announced with Expect: 100-continue, refused before the body is sent") {
        auto expecting = json_type;
        expecting.emplace_back("Expect", "100-continue");
        auto response = client.Request("POST", "/echo", JsonOfSize(kLimit + 1), expecting);
        CHECK(response.status == 413);
    }
    CheckStillServes(server);
}

TEST_CASE("http server: a wrong content type gets 415 problem+json and the server keeps serving") {
    RunningServer server(TestRoutes());
    HttpClient client(server.base_url());

    auto wrong = client.Request("POST", "/echo", "{}", {{"Content-Type", "text/plain"}});
    auto missing = client.Request("POST", "/echo", "{}");

    CHECK(wrong.status == 415);
    ProblemOf(wrong);
    CHECK(missing.status == 415);
    CHECK(client.Get("/ping").status == 200);
}

TEST_CASE("http server: an unknown route gets 404 problem+json and the server keeps serving") {
    RunningServer server(TestRoutes());
    HttpClient client(server.base_url());

    auto response = client.Get("/api/nothing-here?x=1");

    CHECK(response.status == 404);
    CHECK(ProblemOf(response)["type"] == "https://saga.example/problems/not-found");
    CHECK(client.Get("/ping").status == 200);
}

TEST_CASE("http server: a wrong method gets 405 problem+json with Allow and the server keeps serving") {
    RunningServer server(TestRoutes());
    HttpClient client(server.base_url());

    auto response = client.Request("DELETE", "/ping");

    CHECK(response.status == 405);
    CHECK(response.Header("Allow") == "GET, HEAD");
    ProblemOf(response);
    CHECK(client.Get("/ping").status == 200);
}

TEST_CASE("http server: a throwing handler gets a 500 problem without internals and the server keeps serving") {
    RunningServer server(TestRoutes());
    HttpClient client(server.base_url());

    auto response = client.Get("/boom");

    CHECK(response.status == 500);
    ProblemOf(response);
    CHECK(response.body.find("secret") == std::string::npos);
    CHECK(client.Get("/ping").status == 200);
}

TEST_CASE("http server: malformed HTTP gets 400 problem+json, the connection closes, the server keeps serving") {
    RunningServer server(TestRoutes());

    for (std::string garbage : {"NOT HTTP AT ALL\r\n\r\n", "GET /ping HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n",
                                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                                "GET /a%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"}) {
        CAPTURE(garbage);
        RawConnection connection(server.port());
        connection.Send(garbage);
        auto reply = connection.ReadResponse();
        CHECK(reply.status == 400);
        CHECK(reply.Header("Content-Type") == "application/problem+json");
        CHECK(connection.ReadUntilClosed() == "");
    }
    CheckStillServes(server);
}

TEST_CASE("http server: a header section over the limit gets 431 and the server keeps serving") {
    RunningServer server(TestRoutes());
    RawConnection connection(server.port());

    connection.Send("GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(32 * 1024, 'a') + "\r\n\r\n");
    auto reply = connection.ReadResponse();

    CHECK(reply.status == 431);
    CHECK(reply.Header("Content-Type") == "application/problem+json");
    CHECK(connection.ReadUntilClosed() == "");
    CheckStillServes(server);
}
