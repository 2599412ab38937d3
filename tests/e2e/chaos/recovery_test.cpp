#include "e2e/chaos/recovery.hpp"

#include <doctest/doctest.h>

namespace saga::test::chaos {
namespace {

using namespace std::chrono_literals;

const std::vector<std::string> kNames = {"order", "inventory", "payment", "notification"};

TEST_CASE("chaos recovery: services healthy one at a time, never all at once, count as recovered") {
    // A crash loop: in each round only one service is up.
    int round = 0;
    const auto unhealthy = WaitUntilEachHealthy(
        kNames, [&](const std::string& name) { return name == kNames[static_cast<std::size_t>(round) % 4]; },
        [&] {
            ++round;
            return std::set<std::string>{};
        },
        5s);
    CHECK(unhealthy.empty());
    CHECK(round == 4);
}

TEST_CASE("chaos recovery: a service never seen healthy is named when the wait gives up") {
    int rounds = 0;
    const auto unhealthy = WaitUntilEachHealthy(
        kNames, [](const std::string& name) { return name != "payment"; },
        [&] {
            ++rounds;
            return std::set<std::string>{};
        },
        100ms);
    CHECK(unhealthy == std::set<std::string>{"payment"});
    CHECK(rounds > 1);
}

TEST_CASE("chaos recovery: a service restarted between rounds counts, though it is down whenever it is asked") {
    // The watchdog's restart waited for /health to say ok; the gremlin crashed it again since.
    int rounds = 0;
    const auto unhealthy = WaitUntilEachHealthy(
        kNames, [](const std::string& name) { return name != "order"; },
        [&] { return ++rounds == 3 ? std::set<std::string>{"order"} : std::set<std::string>{}; }, 5s);
    CHECK(unhealthy.empty());
    CHECK(rounds == 3);
}

}  // namespace
}  // namespace saga::test::chaos
