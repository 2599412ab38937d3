#pragma once

#include <cstdint>
#include <stdexcept>

#include "inventory/domain/product.hpp"

namespace saga::inventory::domain {

/// A move that the counters cannot make (e.g. releasing more than is reserved). It means the
/// caller's bookkeeping is wrong; the database's balance check would refuse it as well.
class StockMoveError : public std::logic_error {
  public:
    using std::logic_error::logic_error;
};

/// Each move returns the product after it and keeps IsBalanced(); `quantity` must be >= 1 and
/// the source counter must hold it, else StockMoveError.
Product Reserve(Product product, std::int64_t quantity);     ///< available → reserved
Product Release(Product product, std::int64_t quantity);     ///< reserved → available
Product Sell(Product product, std::int64_t quantity);        ///< reserved → sold
Product ReturnSold(Product product, std::int64_t quantity);  ///< sold → available
Product Restock(Product product, std::int64_t quantity);     ///< new units → available

}  // namespace saga::inventory::domain
