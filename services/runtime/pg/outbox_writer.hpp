#pragma once

#include <string>

#include "events/envelope.hpp"
#include "runtime/outbox/wakeup.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::runtime::pg {

/// Appends events to the outbox inside the caller's transaction, so they exist exactly when
/// the state change they announce exists. The rows are written just before the commit, all of a
/// transaction's in one statement (ids in the order of the appends).
///
/// Wake-up: with an in-process relay, the writer signals it after commit (no database cost).
/// Without one (`wakeup` null: tools, or a process that only writes), it sends a NOTIFY on
/// `notify_channel` so a relay elsewhere wakes at once; relays also poll as a fallback.
class OutboxWriter {
  public:
    OutboxWriter(outbox::RelayWakeup* wakeup, std::string notify_channel);

    void Append(Transaction& tx, const events::Envelope& event);

  private:
    outbox::RelayWakeup* wakeup_;
    std::string notify_channel_;
};

/// The NOTIFY channel for one service's outbox.
std::string OutboxChannel(const std::string& service);

}  // namespace saga::runtime::pg
