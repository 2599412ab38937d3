#pragma once

#include <string>

#include "runtime/pg/transaction.hpp"

namespace saga::runtime::pg {

/// Counts one more attempt by `consumer` to handle the redelivered `message_id`; returns the
/// attempts counted so far, this one included. Commit it before the handler runs, so that the
/// count survives the handler taking the process down.
int CountHandlingAttempt(Transaction& tx, const std::string& consumer, const std::string& message_id);

/// Forgets the attempts of `message_id`: call it in the transaction that handles the message.
void ForgetHandlingAttempts(Transaction& tx, const std::string& consumer, const std::string& message_id);

}  // namespace saga::runtime::pg
