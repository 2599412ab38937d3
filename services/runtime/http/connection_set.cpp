#include "runtime/http/connection_set.hpp"

#include <utility>

namespace saga::runtime::http {

void ConnectionSet::Add(Connection& connection) { live_.insert(&connection); }

void ConnectionSet::Remove(Connection& connection) {
    live_.erase(&connection);
    if (draining_ && live_.empty() && on_drained_) {
        std::exchange(on_drained_, nullptr)();
    }
}

void ConnectionSet::BeginDrain(std::function<void()> on_drained) {
    draining_ = true;
    on_drained_ = std::move(on_drained);
    for (Connection* connection : live_) {
        if (connection->idle) {
            // Cancelling (not closing) lets the session's own cleanup shut the socket down politely.
            boost::system::error_code ignored;
            connection->socket.cancel(ignored);
        }
    }
    if (live_.empty() && on_drained_) {
        std::exchange(on_drained_, nullptr)();
    }
}

void ConnectionSet::Abandon() {
    on_drained_ = nullptr;
    for (Connection* connection : live_) {
        boost::system::error_code ignored;
        connection->socket.close(ignored);
    }
}

}  // namespace saga::runtime::http
