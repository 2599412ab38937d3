#include "sagactl/timeline/saga_timeline.hpp"

#include <algorithm>

#include "sagactl/dlq/collect.hpp"
#include "sagactl/output/facts_render.hpp"

namespace saga::sagactl {

SagaTimeline ReadSagaTimeline(const DatabaseUrls& urls, runtime::amqp::Connection& broker, const std::string& order_id,
                              std::ostream& err) {
    SagaTimeline timeline;
    timeline.entries = ReadOrderTimeline(urls, order_id);
    timeline.database_trouble =
        std::any_of(timeline.entries.begin(), timeline.entries.end(), [](const TimelineEntry& e) {
            return e.what.starts_with("database unreachable") || e.what.starts_with("database error");
        });
    DlqReader reader(broker);
    for (const auto& message : CollectMessages(
             reader, DefaultDeadLetterQueues(), [&](const DlqMessage& m) { return SubjectOf(m) == order_id; },
             std::nullopt, err)) {
        timeline.entries.push_back(DeadLetterEntry(message));
    }
    timeline.entries = SortedTimeline(std::move(timeline.entries));
    return timeline;
}

}  // namespace saga::sagactl
