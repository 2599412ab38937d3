#include "runtime/pg/outbox_store.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <poll.h>

#include "runtime/pg/database.hpp"
#include "runtime/pg/errors.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::runtime::pg {
namespace {

// Claims the oldest unsent rows that no other relay holds. A row is published only if no
// older unsent row of its aggregate sits outside this batch (locked by another relay), which
// keeps per-aggregate order when relays run side by side; such rows come back flagged
// `held_back` (locked, not published). The check is a LATERAL probe with
// LIMIT 1 so that it uses the (aggregate_id, id) index per row: written as NOT EXISTS, the
// planner hash-joined the whole unsent backlog (35 ms per claim at 50k rows, 5 ms this way).
// "id > 0" (always true) selects the batch's index outbox_unsent, whose predicate carries it, and
// keeps the probe, which does not state it, from scanning that index (migration 0003).
constexpr const char* kClaimSql = R"sql(
WITH batch AS (
    SELECT id FROM outbox WHERE sent_at IS NULL AND id > 0 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
)
SELECT o.id, o.message_id, o.event_type, o.aggregate_id, o.correlation_id, o.source, o.payload,
       extract(epoch FROM o.created_at)::bigint, waiting.blocked IS NOT NULL AS held_back
FROM outbox o JOIN batch b ON b.id = o.id
LEFT JOIN LATERAL (
    SELECT 1 AS blocked FROM outbox older
    WHERE older.aggregate_id = o.aggregate_id AND older.sent_at IS NULL AND older.id < o.id
      AND older.id NOT IN (SELECT id FROM batch)
    LIMIT 1) waiting ON true
ORDER BY o.id)sql";

std::string ArrayLiteral(const std::vector<std::int64_t>& ids) { return fmt::format("{{{}}}", fmt::join(ids, ",")); }

}  // namespace

class OutboxStore::Listener : public pqxx::notification_receiver {
  public:
    Listener(pqxx::connection& connection, const std::string& channel)
        : pqxx::notification_receiver(connection, channel) {}
    void operator()(const std::string&, int) override {}
};

OutboxStore::OutboxStore(const std::string& url, std::string channel, SentRows sent_rows)
    : connection_(Connect(url)), sent_rows_(sent_rows) {
    // Marking rows sent (or deleting them) need not wait for the WAL flush: if a crash
    // loses a mark, the rows are published again and consumers drop the duplicates by their
    // inbox (at-least-once). Set for the session, so that no claim pays a round trip for it;
    // libpqxx restores it after a reconnect.
    connection_->set_variable("synchronous_commit", "off");
    listener_ = std::make_unique<Listener>(*connection_, channel);
}

OutboxStore::~OutboxStore() {
    claim_.reset();
    listener_.reset();
}

template <class F>
auto OutboxStore::Guard(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const std::exception& error) {
        if (IsUnavailable(error)) throw DatabaseUnavailable(error.what());
        throw;
    }
}

OutboxClaim OutboxStore::ClaimBatch(int limit) {
    return Guard([&] {
        claim_.reset();
        claim_ = std::make_unique<FoldedWork>(*connection_);
        const pqxx::result result = Exec(*claim_, kClaimSql, limit);
        OutboxClaim claim;
        claim.more_waiting = std::ssize(result) >= limit;
        claim.rows.reserve(result.size());
        for (const auto& r : result) {
            if (r[8].as<bool>()) {
                claim.more_waiting = claim.held_back = true;
                continue;
            }
            claim.rows.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(), r[2].as<std::string>(),
                                  r[3].as<std::string>(), r[4].as<std::string>(), r[5].as<std::string>(),
                                  r[6].as<std::string>(), r[7].as<std::int64_t>()});
        }
        return claim;
    });
}

void OutboxStore::FinishBatch(const std::vector<std::int64_t>& sent_ids) {
    Guard([&] {
        if (!sent_ids.empty()) {
            // Not a prepared statement: planned for the ids at hand each time. Prepared, the
            // server adopted a generic plan made while a fresh outbox was a few pages, a
            // sequential scan kept until autovacuum analyzed the table, so every mark read the
            // whole outbox (seen with auto_explain in bench/run-saga). Sent with the COMMIT.
            const std::string ids = Literal(*connection_, ArrayLiteral(sent_ids));
            claim_->QueueForCommit(sent_rows_ == SentRows::kMark
                                       ? "UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY(" + ids +
                                             "::bigint[])"
                                       : "DELETE FROM outbox WHERE id = ANY(" + ids + "::bigint[])");
        }
        claim_->Commit();
        claim_.reset();
    });
}

void OutboxStore::AbandonBatch() {
    Guard([&] { claim_.reset(); });
}

bool OutboxStore::Notified() {
    return Guard([&] { return connection_->get_notifs() > 0; });
}

void OutboxStore::WaitForWork(int wake_fd, std::chrono::milliseconds timeout) {
    Guard([&] {
        // Notifications that arrived with earlier results are already buffered.
        if (connection_->get_notifs() > 0) return;
        pollfd fds[2] = {{connection_->sock(), POLLIN, 0}, {wake_fd, POLLIN, 0}};
        if (poll(fds, 2, static_cast<int>(timeout.count())) > 0 && (fds[0].revents & POLLIN)) {
            connection_->get_notifs();
        }
        if (fds[0].revents & (POLLERR | POLLHUP)) throw DatabaseUnavailable("outbox listener connection lost");
    });
}

OutboxBacklog OutboxStore::ReadBacklog() {
    return Guard([&] {
        pqxx::work tx(*connection_);
        return ReadOutboxBacklog(tx);
    });
}

OutboxBacklog ReadOutboxBacklog(pqxx::transaction_base& work) {
    const auto row = work.exec1(
        "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8"
        " FROM outbox WHERE sent_at IS NULL");
    return {row[0].as<std::int64_t>(), row[1].as<double>()};
}

}  // namespace saga::runtime::pg
