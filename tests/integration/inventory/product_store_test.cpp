// The products table as a consumer batch uses it: several orders in one transaction move the
// stock of the same products.
#include "inventory/storage/product_store.hpp"

#include <doctest/doctest.h>

#include "runtime/pg/database.hpp"
#include "support/store_database.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& InventoryMigrations();
}

namespace saga::test {
namespace {

using inventory::storage::LockProducts;
using inventory::storage::SaveStock;

struct ProductsDatabase : StoreDatabase {
    ProductsDatabase() : StoreDatabase("inventory", embedded::InventoryMigrations()) {}
    long long Available(const std::string& id) const {
        return db.QueryInt("SELECT available FROM products WHERE product_id = '" + id + "'");
    }
};

/// Moves `quantity` of `id` from available to reserved, as a reservation does.
void Reserve(runtime::pg::Transaction& tx, const std::string& id, std::int64_t quantity) {
    auto product = LockProducts(tx, {id}).at(id);
    product.available -= quantity;
    product.reserved += quantity;
    SaveStock(tx, product);
}

}  // namespace

TEST_CASE(
    "inventory storage: a product locked again in the same transaction comes as last saved, and all is written at "
    "commit") {
    ProductsDatabase d;
    const auto before_1 = d.Available("PROD-001");
    const auto before_2 = d.Available("PROD-002");

    d.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        Reserve(tx, "PROD-001", 3);
        Reserve(tx, "PROD-002", 1);
        const auto again = LockProducts(tx, {"PROD-002", "PROD-001", "NO-SUCH"});
        CHECK(again.size() == 2);
        CHECK(again.at("PROD-001").available == before_1 - 3);
        CHECK(again.at("PROD-001").reserved == 3);
        Reserve(tx, "PROD-001", 4);
        // Nothing written yet: the row still holds what the transaction found.
        CHECK(tx.work().exec1("SELECT available FROM products WHERE product_id = 'PROD-001'")[0].as<long long>() ==
              before_1);
    });

    CHECK(d.Available("PROD-001") == before_1 - 7);
    CHECK(d.db.QueryInt("SELECT reserved FROM products WHERE product_id = 'PROD-001'") == 7);
    CHECK(d.Available("PROD-002") == before_2 - 1);
    CHECK(d.db.QueryInt("SELECT count(*) FROM products WHERE initial + restocked <> available + reserved + sold") == 0);
}

TEST_CASE("inventory storage: counters that break the balance check fail the commit and write nothing") {
    ProductsDatabase d;
    const auto before_1 = d.Available("PROD-001");
    const auto before_2 = d.Available("PROD-002");

    CHECK_THROWS(d.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        Reserve(tx, "PROD-002", 1);
        auto product = LockProducts(tx, {"PROD-001"}).at("PROD-001");
        product.available -= 1;  // taken from nowhere: the balance no longer holds
        SaveStock(tx, product);
    }));
    CHECK(d.Available("PROD-001") == before_1);
    CHECK(d.Available("PROD-002") == before_2);

    // Saving a product the transaction did not lock is a programming error, caught at once.
    inventory::domain::Product not_locked;
    not_locked.product_id = "PROD-001";
    CHECK_THROWS_AS(d.pool.InTransaction([&](runtime::pg::Transaction& tx) { SaveStock(tx, not_locked); }),
                    std::logic_error);
}

}  // namespace saga::test
