#include <doctest/doctest.h>

#include "e2e/stack/order_mix.hpp"
#include "e2e/stack/scaled_stack.hpp"
#include "instance_metrics.hpp"

using namespace std::chrono_literals;

namespace saga::test {

TEST_CASE("scale e2e: two processes of every service settle 300 mixed orders exactly once, and both do work") {
    const auto start = std::chrono::steady_clock::now();
    ScaledStack stack({.instances = 2, .amqp_url = {}});
    OrderMix mix(stack, {});
    mix.CreateProducts();
    mix.Place(0, mix.size());
    mix.WaitSettled(90s);
    mix.CheckEverything();
    mix.CheckNoDeadLetters();
    CheckEveryInstanceWorked(stack);
    const auto took = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start);
    MESSAGE("took ", took.count(), " s");  // printed, not checked: how long depends on the machine's load
}

}  // namespace saga::test
