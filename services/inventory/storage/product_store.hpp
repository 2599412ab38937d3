#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inventory/domain/product.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory::storage {

/// The products table. Every function runs in the caller's transaction.

/// Every product, ordered by product id.
std::vector<domain::Product> ListProducts(runtime::pg::Transaction& tx);

/// One product, or nullopt.
std::optional<domain::Product> FindProduct(runtime::pg::Transaction& tx, const std::string& product_id);

/// Locks (FOR UPDATE) and returns the products among `product_ids` that exist. Rows are locked
/// in product-id order, the one order every writer uses, so two transactions locking
/// overlapping sets wait for each other instead of deadlocking. A product this transaction
/// locked before is not read again: it comes as this transaction last saved it.
std::map<std::string, domain::Product> LockProducts(runtime::pg::Transaction& tx,
                                                    const std::vector<std::string>& product_ids);

/// Inserts a new product; false (and nothing written) when its id exists already.
bool InsertProduct(runtime::pg::Transaction& tx, const domain::Product& product);

/// Records the stock counters of a product locked by this transaction; the changed products are
/// written in one statement just before the commit, where the table's balance check rejects
/// (throws, and nothing commits) counters that break the invariant.
void SaveStock(runtime::pg::Transaction& tx, const domain::Product& product);

}  // namespace saga::inventory::storage
