#pragma once

#include <chrono>
#include <cstdint>
#include <stop_token>
#include <string>

#include "runtime/backoff.hpp"
#include "runtime/log/logger.hpp"

namespace saga::runtime::outbox {

struct RetentionOptions {
    std::string database_url;
    std::chrono::seconds sent_retention{std::chrono::hours{24}};  ///< outbox rows once published
    std::chrono::seconds inbox_retention{std::chrono::hours{24 * 30}};
    std::chrono::milliseconds interval{std::chrono::seconds{60}};
};

/// Deletes published outbox rows and inbox rows past their retention, on a thread and a
/// connection of its own, so that it never holds the relay or a consumer up. Every interval it
/// deletes in rounds of a bounded chunk, one round after the other while they come back full, so
/// it keeps up with any rate of writes. Reconnects with backoff.
class RetentionCleanup {
  public:
    RetentionCleanup(RetentionOptions options, log::Logger& logger);

    void Run(std::stop_token stop);

    /// Rounds of at most this many rows a table.
    static constexpr int kChunk = 2000;

  private:
    void CleanUp(std::stop_token stop);

    RetentionOptions options_;
    log::Logger& logger_;
    Backoff reconnect_backoff_{std::chrono::milliseconds{100}, std::chrono::seconds{5}};
};

}  // namespace saga::runtime::outbox
