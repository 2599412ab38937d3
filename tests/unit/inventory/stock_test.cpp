#include <doctest/doctest.h>

#include "inventory/domain/expiry.hpp"
#include "inventory/domain/stock_moves.hpp"
#include "inventory/domain/stock_signals.hpp"

using namespace saga::inventory::domain;

namespace {

Product Fresh(std::int64_t stock) {
    Product p;
    p.product_id = "P";
    p.initial = stock;
    p.available = stock;
    return p;
}

}  // namespace

TEST_CASE("stock moves: every move keeps the balance and moves exactly the quantity") {
    auto p = Reserve(Fresh(10), 4);
    CHECK(p.available == 6);
    CHECK(p.reserved == 4);
    CHECK(IsBalanced(p));
    p = Sell(p, 3);
    CHECK(p.reserved == 1);
    CHECK(p.sold == 3);
    CHECK(IsBalanced(p));
    p = Release(p, 1);
    CHECK(p.available == 7);
    CHECK(p.reserved == 0);
    CHECK(IsBalanced(p));
    p = ReturnSold(p, 3);
    CHECK(p.available == 10);
    CHECK(p.sold == 0);
    CHECK(IsBalanced(p));
    p = Restock(p, 5);
    CHECK(p.available == 15);
    CHECK(p.restocked == 5);
    CHECK(IsBalanced(p));
}

TEST_CASE("stock moves: taking more than a counter holds, or a non-positive quantity, throws") {
    CHECK_THROWS_AS(Reserve(Fresh(2), 3), StockMoveError);
    CHECK_THROWS_AS(Release(Fresh(2), 1), StockMoveError);
    CHECK_THROWS_AS(Sell(Fresh(2), 1), StockMoveError);
    CHECK_THROWS_AS(ReturnSold(Fresh(2), 1), StockMoveError);
    CHECK_THROWS_AS(Reserve(Fresh(2), 0), StockMoveError);
    CHECK_THROWS_AS(Restock(Fresh(2), 0), StockMoveError);
}

TEST_CASE("balance: a product whose counters do not add up is not balanced") {
    auto p = Fresh(5);
    p.sold = 1;
    CHECK_FALSE(IsBalanced(p));
}

TEST_CASE("stock signals: low stock fires once, when availability crosses below the threshold") {
    CHECK(DecideStockSignals(10, 9, 10).low_stock);
    CHECK(DecideStockSignals(50, 0, 10).low_stock);
    CHECK_FALSE(DecideStockSignals(11, 10, 10).low_stock);
    CHECK_FALSE(DecideStockSignals(9, 8, 10).low_stock);  // already low: no repeat
    CHECK_FALSE(DecideStockSignals(5, 20, 10).low_stock);
}

TEST_CASE("stock signals: back in stock fires when availability leaves zero") {
    CHECK(DecideStockSignals(0, 1, 10).back_in_stock);
    CHECK_FALSE(DecideStockSignals(1, 2, 10).back_in_stock);
    CHECK_FALSE(DecideStockSignals(0, 0, 10).back_in_stock);
}

TEST_CASE("expiry: now + ttl as RFC 3339 UTC with milliseconds") {
    const auto epoch = std::chrono::system_clock::time_point{std::chrono::milliseconds{1'795'860'000'123}};
    CHECK(ExpiresAt(epoch, std::chrono::minutes{15}) == "2026-11-28T10:15:00.123Z");
}
