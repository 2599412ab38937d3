#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "sagactl/commands/context.hpp"
#include "sagactl/dlq/collect.hpp"
#include "sagactl/output/facts_render.hpp"

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
    auto entries = ReadOrderTimeline(context.settings.database_urls, command.order_id);
    const bool database_trouble = std::any_of(entries.begin(), entries.end(), [](const TimelineEntry& e) {
        return e.what.starts_with("database unreachable") || e.what.starts_with("database error");
    });
    auto connection = context.Broker("order");
    DlqReader reader(*connection);
    for (const auto& message : CollectMessages(
             reader, DefaultDeadLetterQueues(), [&](const DlqMessage& m) { return SubjectOf(m) == command.order_id; },
             std::nullopt, context.err)) {
        entries.push_back(DeadLetterEntry(message));
    }
    entries = SortedTimeline(std::move(entries));
    if (entries.empty()) {
        context.err << fmt::format("sagactl: no order {} in the service databases or the DLQs\n", command.order_id);
        return kExitFailure;
    }
    if (command.json) {
        context.out << TimelineJson(command.order_id, entries).dump(2) << '\n';
    } else {
        PrintTimeline(entries, context.out);
    }
    return database_trouble ? kExitFailure : kExitOk;
}

}  // namespace saga::sagactl
