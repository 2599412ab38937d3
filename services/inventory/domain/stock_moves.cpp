#include "inventory/domain/stock_moves.hpp"

#include <string>

namespace saga::inventory::domain {
namespace {

void Take(std::int64_t& from, std::int64_t quantity, const Product& product, const char* counter) {
    if (quantity < 1) throw StockMoveError("stock move of a non-positive quantity for " + product.product_id);
    if (from < quantity) {
        throw StockMoveError("cannot take " + std::to_string(quantity) + " from " + counter + " (" +
                             std::to_string(from) + ") of " + product.product_id);
    }
    from -= quantity;
}

}  // namespace

bool IsBalanced(const Product& p) {
    return p.initial >= 0 && p.restocked >= 0 && p.available >= 0 && p.reserved >= 0 && p.sold >= 0 &&
           p.initial + p.restocked == p.available + p.reserved + p.sold;
}

Product Reserve(Product product, std::int64_t quantity) {
    Take(product.available, quantity, product, "available");
    product.reserved += quantity;
    return product;
}

Product Release(Product product, std::int64_t quantity) {
    Take(product.reserved, quantity, product, "reserved");
    product.available += quantity;
    return product;
}

Product Sell(Product product, std::int64_t quantity) {
    Take(product.reserved, quantity, product, "reserved");
    product.sold += quantity;
    return product;
}

Product ReturnSold(Product product, std::int64_t quantity) {
    Take(product.sold, quantity, product, "sold");
    product.available += quantity;
    return product;
}

Product Restock(Product product, std::int64_t quantity) {
    if (quantity < 1) throw StockMoveError("restock of a non-positive quantity for " + product.product_id);
    product.restocked += quantity;
    product.available += quantity;
    return product;
}

}  // namespace saga::inventory::domain
