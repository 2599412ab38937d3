#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "runtime/pg/transaction.hpp"

namespace saga::runtime::pg {

/// Records that `consumer` handles `message_id` in this transaction. Returns false when it
/// was already recorded: the message is a duplicate and its effects exist already.
bool RecordInInbox(Transaction& tx, const std::string& consumer, const std::string& message_id);

/// RecordInInbox for several messages in one statement, in id order. Element i says whether message_ids[i]
/// is new; a repeat of an earlier element counts as a duplicate too.
std::vector<bool> RecordAllInInbox(Transaction& tx, const std::string& consumer,
                                   const std::vector<std::string>& message_ids);

/// Whether `consumer` has handled `message_id` (for operators: would a replay be skipped?).
bool IsInInbox(pqxx::transaction_base& work, const std::string& consumer, const std::string& message_id);

}  // namespace saga::runtime::pg
