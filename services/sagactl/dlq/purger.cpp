#include "sagactl/dlq/purger.hpp"

#include <ostream>

namespace saga::sagactl {

std::vector<std::string> Purge(DlqReader& reader, const std::vector<std::string>& queues, const Selection& selection,
                               std::ostream& err) {
    std::vector<std::string> purged;
    for (const auto& queue : queues) {
        if (!reader.Available(queue, err)) continue;
        reader.Visit(queue, [&](const DlqMessage& message) {
            if (!Matches(selection, message)) return Step{Verdict::kKeep, false};
            purged.push_back(message.properties.message_id);
            return Step{Verdict::kRemove, false};
        });
    }
    return purged;
}

}  // namespace saga::sagactl
