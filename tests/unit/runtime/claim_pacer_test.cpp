#include "runtime/outbox/claim_pacer.hpp"

#include <doctest/doctest.h>

using namespace std::chrono_literals;
using saga::runtime::outbox::ClaimPacer;

namespace {

/// Claims `rows` rows every `every`, `claims` times from `start`; returns when the last one was.
ClaimPacer::Clock::time_point ClaimSteadily(ClaimPacer& pacer, ClaimPacer::Clock::time_point start,
                                            std::chrono::milliseconds every, std::size_t rows, int claims) {
    auto now = start;
    for (int i = 0; i < claims; ++i) {
        now += every;
        pacer.Claimed(rows, now);
    }
    return now;
}

}  // namespace

TEST_CASE("claim pacer: claims at once while rows trickle in slower than one per linger") {
    ClaimPacer pacer(10ms);
    const auto now = ClaimSteadily(pacer, ClaimPacer::Clock::now(), 50ms, 1, 40);  // 20 rows/s
    CHECK(pacer.WaitBeforeClaim(now) == 0ms);
}

TEST_CASE("claim pacer: waits the linger once rows arrive faster than one per linger") {
    ClaimPacer pacer(10ms);
    const auto start = ClaimPacer::Clock::now();
    CHECK(pacer.WaitBeforeClaim(start) == 0ms);                  // nothing measured yet
    const auto now = ClaimSteadily(pacer, start, 10ms, 3, 100);  // 300 rows/s
    CHECK(pacer.WaitBeforeClaim(now) == 10ms);
}

TEST_CASE("claim pacer: stops waiting when the load went away") {
    ClaimPacer pacer(10ms);
    const auto busy_until = ClaimSteadily(pacer, ClaimPacer::Clock::now(), 10ms, 3, 100);
    REQUIRE(pacer.WaitBeforeClaim(busy_until) == 10ms);
    CHECK(pacer.WaitBeforeClaim(busy_until + 5s) == 0ms);  // no claims since

    // Load that falls off is seen once its window ends.
    const auto quiet = ClaimSteadily(pacer, busy_until, 100ms, 1, 20);  // 10 rows/s
    CHECK(pacer.WaitBeforeClaim(quiet) == 0ms);
}

TEST_CASE("claim pacer: a linger of 0 never waits") {
    ClaimPacer pacer(0ms);
    const auto now = ClaimSteadily(pacer, ClaimPacer::Clock::now(), 1ms, 100, 1000);
    CHECK(pacer.WaitBeforeClaim(now) == 0ms);
}

TEST_CASE("claim pacer: asked for several rows per linger, waits only where that many are expected") {
    ClaimPacer pacer(20ms, 4.0);
    const auto start = ClaimPacer::Clock::now();
    const auto slow = ClaimSteadily(pacer, start, 20ms, 2, 50);  // 100 rows/s: 2 per linger
    CHECK(pacer.WaitBeforeClaim(slow) == 0ms);
    const auto fast = ClaimSteadily(pacer, slow, 10ms, 3, 100);  // 300 rows/s: 6 per linger
    CHECK(pacer.WaitBeforeClaim(fast) == 20ms);
}
