#include <fmt/format.h>
#include <fmt/ranges.h>

#include <ostream>

#include "sagactl/commands/context.hpp"
#include "sagactl/dlq/collect.hpp"
#include "sagactl/dlq/purger.hpp"
#include "sagactl/dlq/replayer.hpp"
#include "sagactl/output/dlq_render.hpp"

namespace saga::sagactl {
namespace {

/// Reports ids asked for but not found; true when some are missing.
bool ReportAbsent(DlqReader& reader, const std::vector<std::string>& queues, const std::vector<std::string>& ids,
                  const Context& context) {
    if (ids.empty()) return false;
    const auto absent = AbsentIds(reader, queues, ids, context.err);
    for (const auto& id : absent)
        context.err << fmt::format("sagactl: no message {} in {}\n", id, fmt::join(queues, ", "));
    if (!absent.empty()) context.err << "nothing changed\n";
    return !absent.empty();
}

/// Reports ids that were there when the command began but that its walk did not meet (another
/// reader held them unacked meanwhile: the console's DLQ page, another sagactl); true when some were.
bool ReportUnreached(const Selection& selection, const std::vector<std::string>& reached,
                     const std::vector<std::string>& queues, const Context& context) {
    const auto unreached = MissingIds(selection, reached);
    for (const auto& id : unreached) {
        context.err << fmt::format(
            "sagactl: message {} was in {} but not when the walk reached it (another reader held it, such as the "
            "console's DLQ page or another sagactl); nothing was done with it, run the command again\n",
            id, fmt::join(queues, ", "));
    }
    return !unreached.empty();
}

/// False (with a message) when none of the queues exists, e.g. a mistyped --queue.
bool AnyQueueExists(DlqReader& reader, const std::vector<std::string>& queues, const Context& context) {
    for (const auto& queue : queues) {
        if (reader.Exists(queue)) return true;
    }
    context.err << fmt::format("sagactl: no such queue: {}\n", fmt::join(queues, ", "));
    return false;
}

}  // namespace

int RunDlqList(const DlqListCommand& command, const Context& context) {
    auto connection = context.Broker("dlq list");
    DlqReader reader(*connection);
    if (!AnyQueueExists(reader, command.queues, context)) return kExitFailure;
    const auto messages = CollectMessages(
        reader, command.queues, [&](const DlqMessage& m) { return Matches(command.filter, m); }, command.limit,
        context.err);
    if (command.json) {
        nlohmann::json array = nlohmann::json::array();
        for (const auto& m : messages) array.push_back(SummaryJson(m));
        context.out << array.dump(2) << '\n';
    } else if (messages.empty()) {
        context.out << "no dead-lettered messages\n";
    } else {
        PrintSummaryTable(messages, context.out);
    }
    return kExitOk;
}

int RunDlqShow(const DlqShowCommand& command, const Context& context) {
    auto connection = context.Broker("dlq show");
    DlqReader reader(*connection);
    if (!AnyQueueExists(reader, command.queues, context)) return kExitFailure;
    const auto messages = CollectMessages(
        reader, command.queues, [&](const DlqMessage& m) { return m.properties.message_id == command.message_id; },
        std::nullopt, context.err);
    if (messages.empty()) {
        context.err << fmt::format("sagactl: no message {} in {}\n", command.message_id,
                                   fmt::join(command.queues, ", "));
        return kExitFailure;
    }
    if (command.json) {
        // One object when the id is unique (the usual case), an array when it was dead-lettered more than once.
        if (messages.size() == 1) {
            context.out << DetailJson(messages.front()).dump(2) << '\n';
        } else {
            nlohmann::json array = nlohmann::json::array();
            for (const auto& m : messages) array.push_back(DetailJson(m));
            context.out << array.dump(2) << '\n';
        }
        return kExitOk;
    }
    for (std::size_t i = 0; i < messages.size(); ++i) {
        if (i > 0) context.out << "---\n";
        PrintDetail(messages[i], context.out);
    }
    return kExitOk;
}

int RunDlqReplay(const DlqReplayCommand& command, const Context& context) {
    auto reading = context.Broker("dlq replay (read)");
    DlqReader reader(*reading);
    if (!AnyQueueExists(reader, command.queues, context)) return kExitFailure;
    // A replay by id changes nothing unless every id is there.
    if (ReportAbsent(reader, command.queues, command.selection.ids, context)) return kExitFailure;
    auto publishing = context.Broker("dlq replay (publish)");
    Replayer replayer(reader, *publishing, context.settings.database_urls, context.out, context.err);
    const auto summary =
        replayer.Run(command.queues, {command.selection, command.limit, command.dry_run, command.body});
    const bool unreached = ReportUnreached(command.selection, summary.selected_ids, command.queues, context);
    if (command.dry_run) {
        context.out << fmt::format("dry run, nothing changed: {} selected\n", summary.matched);
        return unreached ? kExitFailure : kExitOk;
    }
    context.out << fmt::format("replayed {}, skipped {}, failed {}\n", summary.replayed, summary.skipped,
                               summary.failed);
    return summary.failed == 0 && !unreached ? kExitOk : kExitFailure;
}

int RunDlqPurge(const DlqPurgeCommand& command, const Context& context) {
    auto connection = context.Broker("dlq purge");
    DlqReader reader(*connection);
    if (!AnyQueueExists(reader, command.queues, context)) return kExitFailure;
    if (ReportAbsent(reader, command.queues, command.selection.ids, context)) return kExitFailure;
    const auto purged = Purge(reader, command.queues, command.selection, context.err);
    context.out << fmt::format("purged {}\n", purged.size());
    return ReportUnreached(command.selection, purged, command.queues, context) ? kExitFailure : kExitOk;
}

}  // namespace saga::sagactl
