#include "sagactl/dlq/collect.hpp"

#include <ostream>

#include "sagactl/dlq/selection.hpp"

namespace saga::sagactl {

std::vector<DlqMessage> CollectMessages(DlqReader& reader, const std::vector<std::string>& queues,
                                        const std::function<bool(const DlqMessage&)>& wanted,
                                        std::optional<std::size_t> limit, std::ostream& err) {
    std::vector<DlqMessage> found;
    Budget budget(limit);
    for (const auto& queue : queues) {
        if (budget.Exhausted()) break;
        if (!reader.Available(queue, err)) continue;
        reader.Visit(queue, [&](const DlqMessage& message) {
            if (wanted(message) && budget.Take()) found.push_back(message);
            return Step{Verdict::kKeep, budget.Exhausted()};
        });
    }
    return found;
}

std::vector<std::string> AbsentIds(DlqReader& reader, const std::vector<std::string>& queues,
                                   const std::vector<std::string>& ids, std::ostream& err) {
    Selection by_id;
    by_id.ids = ids;
    std::vector<std::string> seen;
    for (const auto& message : CollectMessages(
             reader, queues, [&](const DlqMessage& m) { return Matches(by_id, m); }, std::nullopt, err)) {
        seen.push_back(message.properties.message_id);
    }
    return MissingIds(by_id, seen);
}

}  // namespace saga::sagactl
