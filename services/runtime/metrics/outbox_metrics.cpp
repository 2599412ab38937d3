#include "runtime/metrics/outbox_metrics.hpp"

namespace saga::runtime::metrics {

OutboxMetrics::OutboxMetrics(Registry& registry)
    : backlog_(registry.AddGauge("saga_outbox_backlog", "Outbox rows not yet confirmed by the broker")),
      age_(registry.AddGauge("saga_outbox_oldest_unsent_age_seconds",
                             "Age of the oldest unsent outbox row, seconds (0 when none)")) {}

void OutboxMetrics::Set(std::int64_t backlog, double oldest_unsent_age_seconds) {
    std::lock_guard lock(mutex_);
    backlog_.With({}).Set(static_cast<double>(backlog));
    age_.With({}).Set(oldest_unsent_age_seconds);
}

void OutboxMetrics::Unknown() {
    std::lock_guard lock(mutex_);
    backlog_.Remove({});
    age_.Remove({});
}

}  // namespace saga::runtime::metrics
