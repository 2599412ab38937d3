#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "runtime/pg/folded_work.hpp"

namespace saga::runtime::pg {

struct OutboxRow {
    std::int64_t id = 0;
    std::string message_id;
    std::string event_type;
    std::string aggregate_id;
    std::string correlation_id;
    std::string source;
    std::string payload;
    std::int64_t created_unix = 0;
};

/// What one claim took: the rows to publish, and whether more may be waiting right now (the
/// claim was full, or held rows back behind another relay's batch), so the relay knows whether
/// claiming again at once can find anything.
struct OutboxClaim {
    std::vector<OutboxRow> rows;
    bool more_waiting = false;  ///< a full claim, or rows held back
    bool held_back = false;     ///< rows that wait behind an older row of their aggregate held elsewhere
};

struct OutboxBacklog {
    std::int64_t unsent = 0;
    double oldest_age_seconds = 0;
};

/// The relay's side of the outbox, on a connection of its own that LISTENs on the service's
/// channel. Not thread-safe. Throws DatabaseUnavailable when the connection is lost.
class OutboxStore {
  public:
    /// What finishing a batch does with the rows the broker confirmed: keeps them, marked sent
    /// (for the retention window, see pg::RetentionStore), or deletes them at once.
    enum class SentRows { kMark, kDelete };

    OutboxStore(const std::string& url, std::string channel, SentRows sent_rows = SentRows::kMark);
    ~OutboxStore();

    /// Opens a transaction and locks up to `limit` unsent rows (FOR UPDATE SKIP LOCKED, so
    /// several relays share the table). Rows whose aggregate has an older unsent row locked by
    /// another relay are left out, so each aggregate's events are published in order.
    OutboxClaim ClaimBatch(int limit);
    /// Marks `sent_ids` sent (or deletes them, by SentRows) and commits the claim transaction;
    /// other claimed rows stay unsent.
    void FinishBatch(const std::vector<std::int64_t>& sent_ids);
    /// Rolls the claim transaction back (nothing marked sent).
    void AbandonBatch();

    /// Blocks until a NOTIFY arrives on the channel, `wake_fd` becomes readable, or `timeout`.
    void WaitForWork(int wake_fd, std::chrono::milliseconds timeout);
    /// True if a NOTIFY on the channel arrived since the last call (or WaitForWork). Never blocks.
    bool Notified();

    OutboxBacklog ReadBacklog();

  private:
    class Listener;
    template <class F>
    auto Guard(F&& f) -> decltype(f());

    std::unique_ptr<pqxx::connection> connection_;
    std::unique_ptr<Listener> listener_;
    std::unique_ptr<FoldedWork> claim_;
    SentRows sent_rows_;
};

/// Backlog of one database's outbox, for health checks and `sagactl outbox status`.
OutboxBacklog ReadOutboxBacklog(pqxx::transaction_base& work);

}  // namespace saga::runtime::pg
