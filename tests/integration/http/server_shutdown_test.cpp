// Graceful shutdown: Stop() and SIGTERM let requests in flight finish, close idle connections, and bound the wait.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <future>
#include <string>
#include <thread>

#include "integration/http/raw_connection.hpp"
#include "integration/http/running_server.hpp"
#include "support/http_client.hpp"

namespace http = saga::runtime::http;
using saga::test::HttpClient;
using saga::test::RawConnection;
using saga::test::RunningServer;

namespace {

constexpr auto kPatience = std::chrono::seconds(10);

// A handler that reports when it starts and finishes when the test lets it (or, should a test fail before that,
// after kPatience, so that a failure cannot turn into a hang).
struct Gate {
    std::promise<void> entered;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();

    http::Handler Handler() {
        return [this](const http::Request&) {
            entered.set_value();
            released.wait_for(kPatience);
            return http::Text(200, "finished");
        };
    }
};

http::Router Routes(Gate& gate) {
    http::Router router;
    router.Add("GET", "/ping", [](const http::Request&) { return http::Text(200, "pong"); });
    router.Add("GET", "/slow", gate.Handler());
    return router;
}

// Stop() is asynchronous; the listening socket closing is the visible sign that it has taken effect.
bool ListenerClosedWithin(std::uint16_t port, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (RawConnection::CanConnect(port)) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::yield();
    }
    return true;
}

}  // namespace

TEST_CASE("http server: Stop() while a request is in flight lets it finish, then Run() returns") {
    Gate gate;
    http::ServerConfig config;
    config.shutdown_grace = std::chrono::seconds(30);
    RunningServer server(Routes(gate), config);
    auto in_flight = std::async(std::launch::async, [&] { return HttpClient(server.base_url()).Get("/slow"); });
    REQUIRE(gate.entered.get_future().wait_for(kPatience) == std::future_status::ready);

    server.server().Stop();
    REQUIRE(ListenerClosedWithin(server.port(), kPatience));
    CHECK_FALSE(server.RunReturnedWithin(std::chrono::milliseconds(0)));
    gate.release.set_value();

    auto response = in_flight.get();
    CHECK(response.status == 200);
    CHECK(response.body == "finished");
    CHECK(response.Header("Connection") == "close");
    CHECK(server.RunReturnedWithin(kPatience));
}

TEST_CASE("http server: Stop() closes idle keep-alive connections at once instead of waiting for them") {
    Gate gate;
    http::ServerConfig config;
    config.shutdown_grace = std::chrono::seconds(60);
    config.idle_timeout = std::chrono::seconds(60);
    RunningServer server(Routes(gate), config);
    RawConnection idle(server.port());
    idle.Send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(idle.ReadResponse().status == 200);

    server.server().Stop();

    CHECK(server.RunReturnedWithin(kPatience));
    CHECK(idle.ReadUntilClosed() == "");
}

TEST_CASE("http server: a handler that outlives the shutdown grace no longer holds up Run()") {
    Gate gate;
    http::ServerConfig config;
    config.shutdown_grace = std::chrono::milliseconds(200);
    auto server = std::make_unique<RunningServer>(Routes(gate), config);
    auto in_flight = std::async(std::launch::async, [&] {
        HttpClient client(server->base_url());
        return client.Get("/slow");
    });
    REQUIRE(gate.entered.get_future().wait_for(kPatience) == std::future_status::ready);

    server->server().Stop();

    CHECK(server->RunReturnedWithin(kPatience));
    CHECK_THROWS_AS(in_flight.get(), std::runtime_error);
    gate.release.set_value();
    server.reset();
}

TEST_CASE("http server: SIGTERM stops a server that called StopOnSignals()") {
    http::Router router;
    router.Add("GET", "/ping", [](const http::Request&) { return http::Text(200, "pong"); });
    http::Server server(http::ServerConfig{}, std::move(router));
    server.StopOnSignals();
    auto run = std::async(std::launch::async, [&] { server.Run(); });
    REQUIRE(HttpClient("http://127.0.0.1:" + std::to_string(server.BoundPort())).Get("/ping").status == 200);

    std::raise(SIGTERM);

    bool stopped = run.wait_for(kPatience) == std::future_status::ready;
    CHECK(stopped);
    if (!stopped) {
        server.Stop();
    }
    run.get();
}

TEST_CASE("http server: a second SIGTERM ends a process whose shutdown hangs after the first") {
    int port_pipe[2];
    REQUIRE(pipe(port_pipe) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // A service whose drain hangs once the server stopped: a consumer thread that never
        // returns (waiting on a lock nobody releases, say), stood in for by a long sleep.
        http::Router router;
        router.Add("GET", "/ping", [](const http::Request&) { return http::Text(200, "pong"); });
        http::Server server(http::ServerConfig{}, std::move(router));
        server.StopOnSignals();
        const std::uint16_t port = server.BoundPort();
        if (write(port_pipe[1], &port, sizeof port) != sizeof port) _exit(3);
        server.Run();
        std::this_thread::sleep_for(std::chrono::seconds(60));
        _exit(0);
    }
    close(port_pipe[1]);
    std::uint16_t port = 0;
    REQUIRE(read(port_pipe[0], &port, sizeof port) == sizeof port);
    close(port_pipe[0]);
    REQUIRE(HttpClient("http://127.0.0.1:" + std::to_string(port)).Get("/ping").status == 200);

    kill(child, SIGTERM);
    CHECK(ListenerClosedWithin(port, kPatience));  // the first signal began the shutdown
    kill(child, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    pid_t reaped = 0;
    while ((reaped = waitpid(child, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (reaped == 0) {
        kill(child, SIGKILL);
        waitpid(child, &status, 0);
    }
    CHECK(reaped == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGTERM);
}
