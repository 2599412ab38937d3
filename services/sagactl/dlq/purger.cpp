#include "sagactl/dlq/purger.hpp"

#include <ostream>

namespace saga::sagactl {

std::size_t Purge(DlqReader& reader, const std::vector<std::string>& queues, const Selection& selection,
                  std::ostream& err) {
    std::size_t purged = 0;
    for (const auto& queue : queues) {
        if (!reader.Available(queue, err)) continue;
        reader.Visit(queue, [&](const DlqMessage& message) {
            if (!Matches(selection, message)) return Step{Verdict::kKeep, false};
            ++purged;
            return Step{Verdict::kRemove, false};
        });
    }
    return purged;
}

}  // namespace saga::sagactl
