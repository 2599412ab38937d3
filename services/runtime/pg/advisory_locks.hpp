#pragma once

#include <set>
#include <string>

#include "runtime/pg/transaction.hpp"

namespace saga::runtime::pg {

/// Takes the transaction-scoped advisory lock of each id (e.g. a consumer batch's order ids), in
/// one statement, in id order: two transactions locking overlapping sets cannot deadlock on them.
/// Rows the caller reads after this need a statement of their own, which sees what the previous
/// holder committed; one that had waited for the locks would answer from before the wait.
void LockIds(Transaction& tx, const std::set<std::string>& ids);

}  // namespace saga::runtime::pg
