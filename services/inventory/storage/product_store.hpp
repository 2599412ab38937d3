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
/// overlapping sets wait for each other instead of deadlocking.
std::map<std::string, domain::Product> LockProducts(runtime::pg::Transaction& tx,
                                                    const std::vector<std::string>& product_ids);

/// Inserts a new product; false (and nothing written) when its id exists already.
bool InsertProduct(runtime::pg::Transaction& tx, const domain::Product& product);

/// Writes the stock counters of a product locked by this transaction. The table's balance
/// check rejects (throws) counters that break the invariant.
void SaveStock(runtime::pg::Transaction& tx, const domain::Product& product);

}  // namespace saga::inventory::storage
