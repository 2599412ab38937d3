#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "sagactl/commands/context.hpp"
#include "sagactl/output/facts_render.hpp"
#include "sagactl/timeline/saga_timeline.hpp"

namespace saga::sagactl {

int RunOutboxStatus(const OutboxStatusCommand& command, const Context& context) {
    const auto statuses = ReadOutboxStatus(context.settings.database_urls);
    if (command.json) {
        context.out << OutboxJson(statuses).dump(2) << '\n';
    } else {
        PrintOutboxTable(statuses, context.out);
    }
    const bool any_error =
        std::any_of(statuses.begin(), statuses.end(), [](const OutboxStatus& s) { return !s.error.empty(); });
    return any_error ? kExitFailure : kExitOk;
}

int RunOrder(const OrderCommand& command, const Context& context) {
    auto connection = context.Broker("order");
    const auto timeline = ReadSagaTimeline(context.settings.database_urls, *connection, command.order_id, context.err);
    if (timeline.entries.empty()) {
        context.err << fmt::format("sagactl: no order {} in the service databases or the DLQs\n", command.order_id);
        return kExitFailure;
    }
    if (command.json) {
        context.out << TimelineJson(command.order_id, timeline.entries).dump(2) << '\n';
    } else {
        PrintTimeline(timeline.entries, context.out);
    }
    return timeline.database_trouble ? kExitFailure : kExitOk;
}

}  // namespace saga::sagactl
