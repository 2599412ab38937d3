#include "runtime/backoff.hpp"

#include <doctest/doctest.h>

#include <thread>

using namespace std::chrono_literals;

TEST_CASE("sleep unless stopped: true after sleeping the full time, false when a stop ends it early") {
    std::stop_source running;
    CHECK(saga::runtime::SleepUnlessStopped(running.get_token(), 10ms));

    std::stop_source stopping;
    std::jthread stopper([&] {
        std::this_thread::sleep_for(20ms);
        stopping.request_stop();
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(saga::runtime::SleepUnlessStopped(stopping.get_token(), 60s));
    CHECK(std::chrono::steady_clock::now() - start < 30s);

    CHECK_FALSE(saga::runtime::SleepUnlessStopped(stopping.get_token(), 60s));  // already stopped
}

TEST_CASE("backoff: delays grow, stay within the cap, and start over after a reset") {
    saga::runtime::Backoff backoff(100ms, 1s);
    const auto first = backoff.Next();
    CHECK(first >= 50ms);
    CHECK(first <= 100ms);
    for (int i = 0; i < 10; ++i) CHECK(backoff.Next() <= 1s);
    CHECK(backoff.Next() >= 500ms);
    backoff.Reset();
    CHECK(backoff.Next() <= 100ms);
}
