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
    while (true) {
        try {
            verdict = Judge(expected, ReadTruth(stack));
            if (verdict.violations.empty()) return verdict;
        } catch (const std::exception& error) {
            verdict.violations = {std::string("reading the truth failed: ") + error.what()};
        }
        if (std::chrono::steady_clock::now() >= deadline) return verdict;
        std::this_thread::sleep_for(1s);
    }
}

void Report(const ChaosOptions& options, const ChaosCounts& counts, const Verdict& verdict, int orders) {
    std::cout << fmt::format(
                     "chaos: seed {} | {} s at {}/s | orders {} accepted {} settled {} | kills {} restarts {} "
                     "gremlin crashes {} (gremlin phase {}) | broker restarts {} database restarts {} | "
                     "duplicates injected {} | poison {} (extra dead-letter copies {}) | violations {}",
                     options.seed, options.duration.count(), options.rate, orders, verdict.accepted, verdict.settled,
                     counts.kills, counts.restarts, counts.gremlin_crashes, counts.gremlin_ran ? "ran" : "LEFT OUT",
                     counts.broker_restarts, counts.database_restarts, counts.duplicates, counts.poison,
                     verdict.dead_letter_copies, verdict.violations.size() + counts.unexpected_exits)
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
    CHECK(expected.orders.size() > 0);
    CHECK(monkey.counts().kills == options.kills_per_service * 4);
    CHECK(monkey.counts().unexpected_exits == 0);
    CHECK(verdict.violations.empty());
}

}  // namespace saga::test::chaos
