#include "runtime/gremlin/gremlin.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <sstream>
#include <thread>

using namespace saga::runtime;
using namespace std::chrono_literals;

namespace {

struct Fixture {
    std::ostringstream log_text;
    log::Logger logger{"test-service", log_text};
    metrics::Registry registry;
    std::vector<int> exits;
    std::vector<std::chrono::milliseconds> sleeps;

    // With the real wait (no sleep substitute), which Stop() and new settings end.
    gremlin::Gremlin MakeWaiting() {
        return gremlin::Gremlin(registry, logger,
                                {.seed = 1, .exit = [this](int code) { exits.push_back(code); }, .sleep = {}});
    }
    gremlin::Gremlin Make(std::uint64_t seed = 1) {
        return gremlin::Gremlin(registry, logger,
                                {.seed = seed,
                                 .exit = [this](int code) { exits.push_back(code); },
                                 .sleep = [this](std::chrono::milliseconds d) { sleeps.push_back(d); }});
    }
    bool MetricsContain(const std::string& line) const { return registry.Text().find(line) != std::string::npos; }
};

gremlin::GremlinSettings Latency(std::chrono::milliseconds latency, std::uint64_t every_nth) {
    gremlin::GremlinSettings settings;
    settings.latency = latency;
    settings.latency_when.every_nth = every_nth;
    return settings;
}

gremlin::GremlinSettings Failing(double rate) {
    gremlin::GremlinSettings settings;
    settings.failure_rate = rate;
    return settings;
}

gremlin::GremlinSettings Crashing(std::uint64_t every_nth) {
    gremlin::GremlinSettings settings;
    settings.crash_when.every_nth = every_nth;
    return settings;
}

}  // namespace

TEST_CASE("gremlin: off by default, it never delays, fails or crashes") {
    Fixture f;
    auto gremlin = f.Make();
    for (int i = 0; i < 100; ++i) {
        CHECK_NOTHROW(gremlin.BeforeHandler());
        gremlin.AfterCommit();
    }
    CHECK(f.sleeps.empty());
    CHECK(f.exits.empty());
    CHECK(gremlin.Description() == "off");
    CHECK(gremlin.State()["active"] == false);
    CHECK(f.MetricsContain("saga_gremlin_active 0"));
    CHECK(f.MetricsContain("saga_gremlin_injected_total{kind=\"crash\"} 0"));
}

TEST_CASE("gremlin: latency every Nth message sleeps the configured time and counts it") {
    Fixture f;
    auto gremlin = f.Make();
    gremlin.Configure(Latency(200ms, 2));
    for (int i = 0; i < 6; ++i) gremlin.BeforeHandler();
    CHECK(f.sleeps == std::vector<std::chrono::milliseconds>{200ms, 200ms, 200ms});
    CHECK(gremlin.State()["injected"]["latency"] == 3);
    CHECK(f.MetricsContain("saga_gremlin_active 1"));
    CHECK(f.MetricsContain("saga_gremlin_injected_total{kind=\"latency\"} 3"));
}

TEST_CASE("gremlin: failure rate 1 makes every handler run throw GremlinFailure") {
    Fixture f;
    auto gremlin = f.Make();
    gremlin.Configure(Failing(1.0));
    CHECK_THROWS_AS(gremlin.BeforeHandler(), gremlin::GremlinFailure);
    CHECK_THROWS_AS(gremlin.BeforeHandler(), gremlin::GremlinFailure);
    CHECK(f.MetricsContain("saga_gremlin_injected_total{kind=\"failure\"} 2"));
}

TEST_CASE("gremlin: crash after commit exits with the crash code on the Nth commit") {
    Fixture f;
    auto gremlin = f.Make();
    gremlin.Configure(Crashing(3));
    gremlin.AfterCommit();
    gremlin.AfterCommit();
    CHECK(f.exits.empty());
    gremlin.AfterCommit();
    CHECK(f.exits == std::vector<int>{gremlin::kCrashExitCode});
    CHECK(f.MetricsContain("saga_gremlin_injected_total{kind=\"crash\"} 1"));
}

TEST_CASE("gremlin: new settings restart the counts and Reset turns everything off") {
    Fixture f;
    auto gremlin = f.Make();
    gremlin.Configure(Crashing(2));
    gremlin.AfterCommit();
    gremlin.Configure(Crashing(2));
    gremlin.AfterCommit();
    CHECK(f.exits.empty());
    gremlin.Reset();
    CHECK(gremlin.settings() == gremlin::GremlinSettings{});
    CHECK(f.MetricsContain("saga_gremlin_active 0"));
    for (int i = 0; i < 10; ++i) gremlin.AfterCommit();
    CHECK(f.exits.empty());
}

TEST_CASE("gremlin: the state shows the seed, the settings and a description") {
    Fixture f;
    auto gremlin = f.Make(99);
    gremlin.Configure(Failing(0.25));
    const auto state = gremlin.State();
    CHECK(state["seed"] == 99);
    CHECK(state["failure_rate"] == 0.25);
    CHECK(state["description"] == "failure 25%");
    CHECK(state["latency_every_nth"].is_null());
}

namespace {

// Runs BeforeHandler on a thread under 30 s of latency, calls `interrupt` once the delay has
// begun, and returns how long BeforeHandler took.
std::chrono::steady_clock::duration TimeInterruptedDelay(gremlin::Gremlin& gremlin,
                                                         const std::function<void()>& interrupt) {
    gremlin.Configure(Latency(30s, 1));
    const auto started = std::chrono::steady_clock::now();
    std::thread handler([&] { gremlin.BeforeHandler(); });
    while (gremlin.State()["injected"]["latency"] == 0) std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(50ms);
    interrupt();
    handler.join();
    return std::chrono::steady_clock::now() - started;
}

}  // namespace

TEST_CASE("gremlin: Stop ends a latency in progress and injects none after it") {
    Fixture f;
    auto gremlin = f.MakeWaiting();
    CHECK(TimeInterruptedDelay(gremlin, [&] { gremlin.Stop(); }) < 10s);
    const auto started = std::chrono::steady_clock::now();
    gremlin.BeforeHandler();
    CHECK(std::chrono::steady_clock::now() - started < 10s);
    CHECK(gremlin.State()["injected"]["latency"] == 1);
}

TEST_CASE("gremlin: new settings end a latency in progress") {
    Fixture f;
    auto gremlin = f.MakeWaiting();
    CHECK(TimeInterruptedDelay(gremlin, [&] { gremlin.Reset(); }) < 10s);
}
