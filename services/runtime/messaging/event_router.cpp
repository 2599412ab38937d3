#include "runtime/messaging/event_router.hpp"

#include <stdexcept>

namespace saga::runtime::messaging {

EventRouter& EventRouter::On(std::string type, EventHandler handler) {
    if (!handlers_.emplace(std::move(type), std::move(handler)).second) {
        throw std::invalid_argument("a handler for this event type exists already");
    }
    return *this;
}

EventRouter& EventRouter::BeforeBatch(BatchPreparer preparer) {
    if (preparer_) throw std::invalid_argument("a batch preparer exists already");
    preparer_ = std::move(preparer);
    return *this;
}

std::vector<std::string> EventRouter::Types() const {
    std::vector<std::string> types;
    for (const auto& [type, handler] : handlers_) types.push_back(type);
    return types;
}

EventHandler EventRouter::AsHandler() const {
    return [this](const events::Envelope& event, pg::Transaction& tx) {
        const auto it = handlers_.find(event.type);
        if (it == handlers_.end()) throw std::logic_error("no handler for event type " + event.type);
        it->second(event, tx);
    };
}

}  // namespace saga::runtime::messaging
