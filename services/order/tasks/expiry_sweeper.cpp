#include "order/tasks/expiry_sweeper.hpp"

#include "runtime/backoff.hpp"

namespace saga::order::tasks {

int ExpirySweeper::SweepOnce() {
    int rejected = 0;
    while (true) {
        const int batch = database_.InTransaction([&](runtime::pg::Transaction& tx) {
            int count = 0;
            for (const auto& order_id : orders_.LockExpired(tx, options_.batch)) {
                const auto result = transitions_.Apply(tx, order_id,
                                                       {.input = domain::OrderInput::kReservationExpired,
                                                        .reason = events::OrderRejectionReason::kReservationExpired,
                                                        .detail = "the stock reservation expired before payment"});
                if (result && result->verdict == domain::Verdict::kApply) ++count;
            }
            return count;
        });
        rejected += batch;
        if (batch < options_.batch) break;
    }
    if (rejected > 0) logger_.Info("expired reservations rejected", {{"orders", rejected}});
    return rejected;
}

void ExpirySweeper::Run(std::stop_token stop) {
    while (!stop.stop_requested()) {
        SweepOnce();
        database_.InTransaction(
            [&](runtime::pg::Transaction& tx) { return keys_.DeleteOlderThan(tx, options_.key_retention); });
        // Checked through the token: SleepUnlessStopped's result does not tell a stop apart.
        runtime::SleepUnlessStopped(stop, options_.interval);
    }
}

}  // namespace saga::order::tasks
