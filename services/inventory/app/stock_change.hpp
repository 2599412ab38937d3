#pragma once

#include "inventory/app/cause.hpp"
#include "inventory/app/inventory.hpp"
#include "inventory/domain/product.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory {

/// Saves `after` (a product locked by `tx`, previously `before`) and appends to the outbox the
/// stock events its change of availability calls for: inventory.low_stock and
/// inventory.back_in_stock (subject = product id), continuing `cause`.
void ApplyStockChange(Inventory& inventory, runtime::pg::Transaction& tx, const domain::Product& before,
                      const domain::Product& after, const Cause& cause);

}  // namespace saga::inventory
