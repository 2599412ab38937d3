#include "sagactl/dlq/selection.hpp"

#include <algorithm>
#include <charconv>

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

std::optional<std::size_t> ParseLimit(std::string_view text) {
    std::size_t value = 0;  // from_chars into an unsigned type: digits only, base 10, no sign
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value == 0) return std::nullopt;
    return value;
}

}  // namespace saga::sagactl
