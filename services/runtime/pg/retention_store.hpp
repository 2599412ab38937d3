#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <pqxx/pqxx>
#include <string>

namespace saga::runtime::pg {

/// Deletes what the outbox and the inbox keep past their retention, on a connection of its own.
/// Not thread-safe. Throws DatabaseUnavailable when the connection is lost.
class RetentionStore {
  public:
    explicit RetentionStore(const std::string& url);

    /// Deletes up to `limit` outbox rows sent before now - `retention`; returns how many.
    std::int64_t DeleteSentBefore(std::chrono::seconds retention, int limit);
    /// Deletes up to `limit` inbox rows, and up to `limit` handling attempts, older than
    /// `retention`; returns how many.
    std::int64_t DeleteInboxBefore(std::chrono::seconds retention, int limit);

  private:
    std::unique_ptr<pqxx::connection> connection_;
};

}  // namespace saga::runtime::pg
