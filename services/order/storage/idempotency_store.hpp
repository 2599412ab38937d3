#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "runtime/pg/transaction.hpp"

namespace saga::order::storage {

/// A response as it was first given: replayed byte for byte for a repeated request.
struct StoredResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers{};  ///< Content-Type included
    std::string body;
};

/// The outcome of claiming an Idempotency-Key.
struct KeyClaim {
    enum class Kind {
        kClaimed,   ///< first use: go on and store the response with Complete() in this transaction
        kReplay,    ///< used before with the same request: answer `response`
        kMismatch,  ///< used before with a different request
    };
    Kind kind = Kind::kClaimed;
    std::optional<StoredResponse> response;
};

/// Another request holding the same key did not finish within the wait.
class KeyInFlight : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Idempotency keys of POST /api/orders, durable in PostgreSQL.
///
/// The key row is written in the same transaction as the order and its response, so a
/// committed key always has a complete response, and a crash at any point leaves either
/// nothing (the retry starts afresh) or everything (the retry replays). A request that finds
/// the key held by an uncommitted transaction is in flight beside it: KeyInFlight (409, SPEC and
/// the IETF Idempotency-Key draft) after `wait`, which is 0 by default (IDEMPOTENCY_WAIT); with a
/// wait, a holder that ends within it is replayed or, if it rolled back, the key claimed.
class IdempotencyStore {
  public:
    explicit IdempotencyStore(std::chrono::milliseconds wait) : wait_(wait) {}

    /// Claims `key` for a request whose canonical form is `request`. Throws KeyInFlight when
    /// another transaction still holds the key after the wait (the transaction is then unusable).
    KeyClaim Claim(runtime::pg::Transaction& tx, const std::string& key, const std::string& request) const;

    /// Records the response of a claimed key, with the order it created.
    void Complete(runtime::pg::Transaction& tx, const std::string& key, const std::string& order_id,
                  const StoredResponse& response) const;

    /// Forgets keys older than `age`; returns how many.
    long DeleteOlderThan(runtime::pg::Transaction& tx, std::chrono::seconds age) const;

  private:
    std::chrono::milliseconds wait_;
};

}  // namespace saga::order::storage
