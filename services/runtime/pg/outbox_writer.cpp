#include "runtime/pg/outbox_writer.hpp"

#include "runtime/pg/prepared.hpp"

namespace saga::runtime::pg {

OutboxWriter::OutboxWriter(outbox::RelayWakeup* wakeup, std::string notify_channel)
    : wakeup_(wakeup), notify_channel_(std::move(notify_channel)) {}

std::string OutboxChannel(const std::string& service) { return "outbox_" + service; }

void OutboxWriter::Append(Transaction& tx, const events::Envelope& event) {
    Exec(tx.work(),
         "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload)"
         " VALUES ($1, $2, $3, $4, $5, $6)",
         event.id, event.type, event.subject, event.correlation_id, event.source, events::Encode(event));
    if (wakeup_ != nullptr) {
        tx.AfterCommit([wakeup = wakeup_] { wakeup->Signal(); });
    } else {
        Exec(tx.work(), "SELECT pg_notify($1, '')", notify_channel_);
    }
}

}  // namespace saga::runtime::pg
