#pragma once

#include <cstdint>

namespace saga::inventory::domain {

/// Which stock events a change of a product's availability calls for.
struct StockSignals {
    bool low_stock = false;      ///< availability fell below the threshold with this change
    bool back_in_stock = false;  ///< availability went from 0 to more

    bool operator==(const StockSignals&) const = default;
};

/// Decides on the change of `available` from `before` to `after`. Low stock fires once, when
/// the availability crosses from >= threshold to < threshold (not again while it stays low);
/// back in stock fires when it leaves 0.
StockSignals DecideStockSignals(std::int64_t before, std::int64_t after, std::int64_t low_stock_threshold);

}  // namespace saga::inventory::domain
