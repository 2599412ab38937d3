#include "inventory/domain/stock_signals.hpp"

namespace saga::inventory::domain {

StockSignals DecideStockSignals(std::int64_t before, std::int64_t after, std::int64_t low_stock_threshold) {
    return {
        .low_stock = before >= low_stock_threshold && after < low_stock_threshold,
        .back_in_stock = before == 0 && after > 0,
    };
}

}  // namespace saga::inventory::domain
