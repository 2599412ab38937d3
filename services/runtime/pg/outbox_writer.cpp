#include "runtime/pg/outbox_writer.hpp"

#include <utility>

#include "runtime/pg/array_literal.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::runtime::pg {
namespace {

/// The outbox rows of one transaction, written in one statement in the message that commits
/// it: a consumer batch or a group of POSTs appends several, and each statement is a round
/// trip and an executor start in the database.
struct GatheredRows {
    std::vector<std::string> message_id, event_type, aggregate_id, correlation_id, source, payload;
    std::size_t size() const { return message_id.size(); }
};

/// Writes the gathered rows and empties them: an Append after this (from a BeforeCommit that runs
/// later) gathers anew and registers another write.
void Write(Transaction& tx, GatheredRows& gathered) {
    const GatheredRows rows = std::exchange(gathered, {});
    if (rows.size() == 1) {
        tx.ExecAtCommit(
            "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            rows.message_id[0], rows.event_type[0], rows.aggregate_id[0], rows.correlation_id[0], rows.source[0],
            rows.payload[0]);
        return;
    }
    // In append order, so that ids (the relay's publishing order) follow it.
    tx.ExecAtCommit(
        "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload)"
        " SELECT m, t, a, c, s, p FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],"
        " $6::text[]) WITH ORDINALITY AS r(m, t, a, c, s, p, n) ORDER BY n",
        ArrayLiteral(rows.message_id), ArrayLiteral(rows.event_type), ArrayLiteral(rows.aggregate_id),
        ArrayLiteral(rows.correlation_id), ArrayLiteral(rows.source), ArrayLiteral(rows.payload));
}

}  // namespace

OutboxWriter::OutboxWriter(outbox::RelayWakeup* wakeup, std::string notify_channel)
    : wakeup_(wakeup), notify_channel_(std::move(notify_channel)) {}

std::string OutboxChannel(const std::string& service) { return "outbox_" + service; }

void OutboxWriter::Append(Transaction& tx, const events::Envelope& event) {
    auto& rows = tx.Gathered<GatheredRows>();
    const bool first = rows.size() == 0;
    rows.message_id.push_back(event.id);
    rows.event_type.push_back(event.type);
    rows.aggregate_id.push_back(event.subject);
    rows.correlation_id.push_back(event.correlation_id);
    rows.source.push_back(event.source);
    rows.payload.push_back(events::Encode(event));
    if (first) tx.BeforeCommit([&tx, &rows] { Write(tx, rows); });
    if (wakeup_ != nullptr) {
        tx.AfterCommit([wakeup = wakeup_] { wakeup->Signal(); });
    } else {
        Exec(tx.work(), "SELECT pg_notify($1, '')", notify_channel_);
    }
}

}  // namespace saga::runtime::pg
