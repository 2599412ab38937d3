#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sagactl/dlq/dlq_message.hpp"
#include "sagactl/dlq/selection.hpp"

namespace saga::console {

/// The dead-letter queues as the console's API offers them, through the same code as `sagactl dlq`
/// (sagactl_lib: reader, replayer, purger). Each call opens its own AMQP connection as the admin
/// user and closes it; calls may run concurrently. Unknown queues and ids are runtime::http::
/// HttpError(kNotFound) (nothing changed); a broker fault is HttpError(kUnavailable).
class DeadLetters {
  public:
    DeadLetters(std::string amqp_url, std::map<std::string, std::string> database_urls);

    struct ListQuery {
        std::optional<std::string>
            queue;  ///< "inventory", "inventory-service" or "inventory-service.dlq"; all four when empty
        sagactl::Selection filter;  ///< type / since / until; `all` is set by List
        std::size_t limit = 200;
    };
    /// {"messages": [MessageJson...]}; messages stay in their queues.
    nlohmann::json List(ListQuery query) const;

    /// Replays the messages with `ids` to their original queues. {"replayed", "skipped", "failed",
    /// "lines": [what the replayer reported, line by line]}.
    nlohmann::json Replay(const std::vector<std::string>& ids, const std::optional<std::string>& queue) const;

    /// Deletes the messages with `ids`, or every message when `all`. {"purged": n}.
    nlohmann::json Purge(const std::vector<std::string>& ids, bool all, const std::optional<std::string>& queue) const;

  private:
    template <typename Work>
    auto WithBroker(const char* purpose, Work&& work) const;

    std::string amqp_url_;
    std::map<std::string, std::string> database_urls_;
};

/// One message: {"queue", "message_id", "type", "subject", "reason", "attempts", "failed_at",
/// "replays", "error", "headers": {...}, "body": "<raw text>"} (absent values null; replays 0).
nlohmann::json MessageJson(const sagactl::DlqMessage& message);

}  // namespace saga::console
