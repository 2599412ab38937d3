#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

namespace saga::console {

/// The vhost of an amqp:// URL ("amqp://u:p@h:5672/saga" → "saga", percent-decoded); "/" when the
/// URL has no path.
std::string VhostOf(const std::string& amqp_url);

/// {"queues": [{"name", "messages_ready", "messages_unacknowledged", "consumers"}]} for `vhost`,
/// from the RabbitMQ management API at `management_url` (credentials in the URL). Throws
/// runtime::http::HttpError(kUnavailable) when the API does not answer with the list.
nlohmann::json ReadQueueStats(const std::string& management_url, const std::string& vhost,
                              std::chrono::milliseconds timeout);

}  // namespace saga::console
