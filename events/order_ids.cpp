#include "events/order_ids.hpp"

#include <algorithm>

namespace saga::events {

std::vector<std::string> OrderIdsOf(const std::vector<const Envelope*>& events) {
    std::vector<std::string> ids;
    ids.reserve(events.size());
    for (const auto* event : events) {
        const auto id = event->data.find("order_id");
        if (id == event->data.end() || !id->is_string()) continue;
        const auto& text = id->get_ref<const std::string&>();
        if (std::find(ids.begin(), ids.end(), text) == ids.end()) ids.push_back(text);
    }
    return ids;
}

}  // namespace saga::events
