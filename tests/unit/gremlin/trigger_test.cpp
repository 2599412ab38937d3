#include "runtime/gremlin/trigger.hpp"

#include <doctest/doctest.h>

using namespace saga::runtime::gremlin;

TEST_CASE("gremlin trigger: every Nth fires on the Nth, 2Nth and 3Nth event only") {
    Random random(1);
    std::uint64_t seen = 0;
    const Trigger every_third{.every_nth = 3, .fraction = 0};
    std::vector<int> fired;
    for (int event = 1; event <= 9; ++event) {
        if (Fires(every_third, seen, random)) fired.push_back(event);
    }
    CHECK(fired == std::vector<int>{3, 6, 9});
}

TEST_CASE("gremlin trigger: a group of events fires when it crosses a multiple of N") {
    Random random(1);
    std::uint64_t seen = 0;
    const Trigger every_fifth{.every_nth = 5, .fraction = 0};
    CHECK_FALSE(Fires(every_fifth, seen, random, 4));
    CHECK(Fires(every_fifth, seen, random, 3));  // 5 lies in 5..7
    CHECK_FALSE(Fires(every_fifth, seen, random, 2));
    CHECK(Fires(every_fifth, seen, random, 1));  // the 10th
}

TEST_CASE("gremlin trigger: an off trigger and fraction 0 never fire, fraction 1 always fires") {
    Random random(7);
    std::uint64_t seen = 0;
    for (int i = 0; i < 1000; ++i) {
        CHECK_FALSE(Fires(Trigger{}, seen, random));
        CHECK_FALSE(Chance(0.0, random));
        CHECK(Fires(Trigger{.every_nth = 0, .fraction = 1.0}, seen, random));
    }
}

TEST_CASE("gremlin trigger: a fraction fires for about that share of the events") {
    Random random(42);
    std::uint64_t seen = 0;
    int fired = 0;
    for (int i = 0; i < 20000; ++i) fired += Fires(Trigger{.every_nth = 0, .fraction = 0.1}, seen, random) ? 1 : 0;
    CHECK(fired > 1700);
    CHECK(fired < 2300);
}

TEST_CASE("gremlin trigger: the same seed gives the same decisions, another seed others") {
    auto run = [](std::uint64_t seed) {
        Random random(seed);
        std::uint64_t seen = 0;
        std::vector<bool> decisions;
        for (int i = 0; i < 200; ++i)
            decisions.push_back(Fires(Trigger{.every_nth = 0, .fraction = 0.5}, seen, random));
        return decisions;
    };
    CHECK(run(123) == run(123));
    CHECK(run(123) != run(124));
}
