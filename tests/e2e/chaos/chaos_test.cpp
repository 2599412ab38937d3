#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <thread>

#include "e2e/chaos/chaos_monkey.hpp"
#include "e2e/chaos/chaos_options.hpp"
#include "e2e/chaos/load_generator.hpp"
#include "e2e/chaos/verdict.hpp"

using namespace std::chrono_literals;

namespace saga::test::chaos {
namespace {

/// Polls the truth until every invariant holds (the system is at rest and consistent) or the
/// timeout passes; returns the last verdict. Reading everything takes a moment, so it polls once
/// a second rather than Eventually's 20 ms.
Verdict WaitForQuiescence(SagaStack& stack, const Expectations& expected, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    Verdict verdict;
    auto judge = [&] {
        try {
            verdict = Judge(expected, ReadTruth(stack));
        } catch (const std::exception& error) {
            verdict.violations = {std::string("reading the truth failed: ") + error.what()};
        }
        return verdict.violations.empty();
    };
    while (true) {
        // Twice, a few seconds apart: a late duplicate or redelivery must not change the verdict.
        if (judge()) {
            std::this_thread::sleep_for(3s);
            if (judge()) return verdict;
        }
        if (std::chrono::steady_clock::now() >= deadline) return verdict;
        std::this_thread::sleep_for(1s);
    }
}

void Report(const ChaosOptions& options, const ChaosCounts& counts, const Verdict& verdict, int orders) {
    std::cout
        << fmt::format(
               "chaos: seed {} | {} s at {}/s | orders {} accepted {} settled {} | kills {} (preempted by a crash {}) "
               "restarts {} gremlin crashes {} (gremlin phase {}) | broker restarts {} database restarts {} | "
               "duplicates injected {} | poison {} (extra dead-letter copies {}) | notifications waiting out a "
               "lease {} | violations {}",
               options.seed, options.duration.count(), options.rate, orders, verdict.accepted, verdict.settled,
               counts.kills, counts.kills_preempted, counts.restarts, counts.gremlin_crashes,
               counts.gremlin_ran ? "ran" : "LEFT OUT", counts.broker_restarts, counts.database_restarts,
               counts.duplicates, counts.poison, verdict.dead_letter_copies, verdict.notifications_waiting,
               verdict.violations.size() + counts.unexpected_exits)
        << std::endl;
    std::string outcomes;
    for (const auto& [outcome, n] : verdict.outcomes) outcomes += fmt::format(" {}={}", outcome, n);
    std::cout << "chaos: outcomes" << outcomes << std::endl;
    // Per-order violations can run to thousands; the global ones (stock, DLQs, backlog) come
    // after them in the list, so they are printed in full and the per-order ones cut short.
    std::size_t per_order = 0;
    for (const auto& violation : verdict.violations) {
        const bool about_one_order = violation.starts_with("order ");
        if (about_one_order && ++per_order > 30) continue;
        std::cout << "chaos: VIOLATION " << violation << std::endl;
    }
    if (per_order > 30) std::cout << fmt::format("chaos: … and {} more order violations", per_order - 30) << std::endl;
}

/// Where the messages are when the run failed: ready, unacked (held by a consumer) and consumers.
void ReportQueues(SagaStack& stack) {
    for (const auto& queue : WorkQueues()) {
        try {
            const auto info = stack.vhost().Queue(queue);
            std::cout << fmt::format("chaos: queue {}: ready {} unacked {} consumers {}", queue,
                                     info.value("messages_ready", -1), info.value("messages_unacknowledged", -1),
                                     info.value("consumers", -1))
                      << std::endl;
        } catch (const std::exception& error) {
            std::cout << fmt::format("chaos: queue {}: cannot read it: {}", queue, error.what()) << std::endl;
        }
    }
}

}  // namespace

TEST_CASE(
    "chaos: under load with kills, outages, duplicates, poison and gremlins every order settles and every invariant "
    "holds") {
    const auto options = ChaosOptions::FromEnv();
    std::cout << fmt::format("chaos: seed {} (replay with SAGA_CHAOS_SEED={}), {} s, {} orders/s, {} kills per service",
                             options.seed, options.seed, options.duration.count(), options.rate,
                             options.kills_per_service)
              << std::endl;
    // The services inherit the test's environment: the gremlins' decisions follow the seed too.
    setenv("GREMLIN_SEED", std::to_string(options.seed).c_str(), 1);

    SagaStack stack;
    stack.CreateProduct(kPlentyProduct, 1000000, 5.0);
    stack.CreateProduct(kLimitedProduct, options.limited_stock, 50.0);
    stack.CreateProduct(kScarceProduct, kScarceStock, 20.0);

    LoadGenerator load(stack.order().base_url(), options.seed, options.rate);
    ChaosMonkey monkey(stack, options);
    monkey.Run();
    Expectations expected{load.Finish(std::chrono::steady_clock::now() + 60s), monkey.poison(), options.limited_stock};
    if (options.break_expectation) expected.poison["order-service.dlq"].insert("poison-never-sent");

    const auto settling = std::chrono::steady_clock::now();
    const auto verdict = WaitForQuiescence(stack, expected, options.settle_timeout);
    std::cout << fmt::format("chaos: faults over; at rest and judged after {:.1f} s",
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - settling).count())
              << std::endl;
    Report(options, monkey.counts(), verdict, static_cast<int>(expected.orders.size()));
    if (!verdict.violations.empty()) ReportQueues(stack);
    // The load ran at about its rate, and every kind of order reached its own outcome.
    // (Four load threads, each pausing up to 1.5 s before a cancel, place at most about 25 a second.)
    CHECK(verdict.accepted >= std::min(options.rate, 20.0) * static_cast<double>(options.duration.count()) / 2);
    for (const char* outcome :
         {"CONFIRMED", "CANCELLED", "REJECTED/payment_declined", "REJECTED/out_of_stock", "REJECTED/unknown_product"}) {
        CAPTURE(std::string(outcome));
        CHECK(verdict.outcomes.contains(outcome));
    }
    // Every fault was injected, as often as planned.
    const auto& counts = monkey.counts();
    CHECK(counts.kills + counts.kills_preempted == options.kills_per_service * 4);
    if (options.kills_per_service > 0) CHECK(counts.kills > 0);
    CHECK(counts.unexpected_exits == 0);
    CHECK(counts.broker_restarts == options.outages);
    CHECK(counts.database_restarts == options.outages);
    CHECK(counts.poison == options.poison);
    CHECK(counts.duplicates > 0);
    if (options.gremlin) {
        CHECK(counts.gremlin_ran);
        CHECK(counts.gremlin_crashes > 0);
    }
    CHECK(verdict.violations.empty());
}

}  // namespace saga::test::chaos
