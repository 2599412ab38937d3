#include "sagactl/dlq/selection.hpp"

#include <algorithm>

namespace saga::sagactl {

bool Matches(const Selection& selection, const DlqMessage& message) {
    if (!selection.HasCriteria()) return false;
    if (!selection.ids.empty() &&
        std::find(selection.ids.begin(), selection.ids.end(), message.properties.message_id) == selection.ids.end()) {
        return false;
    }
    if (selection.type && TypeOf(message) != *selection.type) return false;
    if (selection.since || selection.until) {
        const auto at = FailedAt(message);
        if (!at) return false;
        if (selection.since && *at < *selection.since) return false;
        if (selection.until && *at >= *selection.until) return false;
    }
    return true;
}

std::vector<std::string> MissingIds(const Selection& selection, const std::vector<std::string>& seen) {
    std::vector<std::string> missing;
    for (const auto& id : selection.ids) {
        if (std::find(seen.begin(), seen.end(), id) == seen.end()) missing.push_back(id);
    }
    return missing;
}

}  // namespace saga::sagactl
