#include "inventory/storage/product_store.hpp"

#include <set>
#include <stdexcept>

#include "runtime/pg/array_literal.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::inventory::storage {
namespace {

constexpr const char* kColumns =
    "product_id, name, price_cents, currency, initial, restocked, available, reserved, sold";

domain::Product ToProduct(const pqxx::row& row) {
    return {
        .product_id = row["product_id"].as<std::string>(),
        .name = row["name"].as<std::string>(),
        .price_cents = row["price_cents"].as<std::int64_t>(),
        .currency = row["currency"].as<std::string>(),
        .initial = row["initial"].as<std::int64_t>(),
        .restocked = row["restocked"].as<std::int64_t>(),
        .available = row["available"].as<std::int64_t>(),
        .reserved = row["reserved"].as<std::int64_t>(),
        .sold = row["sold"].as<std::int64_t>(),
    };
}

/// The products this transaction locked, as it last saved them: a consumer batch reads a product
/// once however many of its orders move that product's stock, and writes the changed ones back
/// together just before the commit, where the table's balance check runs.
struct LockedProducts {
    std::map<std::string, domain::Product> rows;
    std::set<std::string> changed;
};

void WriteChangedStock(runtime::pg::Transaction& tx, const LockedProducts& locked) {
    std::vector<std::string> ids, restocked, available, reserved, sold;
    for (const auto& id : locked.changed) {
        const auto& p = locked.rows.at(id);
        ids.push_back(id);
        restocked.push_back(std::to_string(p.restocked));
        available.push_back(std::to_string(p.available));
        reserved.push_back(std::to_string(p.reserved));
        sold.push_back(std::to_string(p.sold));
    }
    const auto result = runtime::pg::Exec(
        tx.work(),
        "UPDATE products p SET restocked = c.restocked, available = c.available, reserved = c.reserved,"
        " sold = c.sold, updated_at = now()"
        " FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[])"
        " AS c(product_id, restocked, available, reserved, sold) WHERE p.product_id = c.product_id",
        runtime::pg::ArrayLiteral(ids), runtime::pg::ArrayLiteral(restocked), runtime::pg::ArrayLiteral(available),
        runtime::pg::ArrayLiteral(reserved), runtime::pg::ArrayLiteral(sold));
    if (result.affected_rows() != ids.size()) throw std::runtime_error("a product vanished while locked");
}

}  // namespace

std::vector<domain::Product> ListProducts(runtime::pg::Transaction& tx) {
    std::vector<domain::Product> products;
    for (const auto& row : tx.work().exec(std::string("SELECT ") + kColumns + " FROM products ORDER BY product_id")) {
        products.push_back(ToProduct(row));
    }
    return products;
}

std::optional<domain::Product> FindProduct(runtime::pg::Transaction& tx, const std::string& product_id) {
    const auto rows = runtime::pg::Exec(
        tx.work(), std::string("SELECT ") + kColumns + " FROM products WHERE product_id = $1", product_id);
    if (rows.empty()) return std::nullopt;
    return ToProduct(rows[0]);
}

std::map<std::string, domain::Product> LockProducts(runtime::pg::Transaction& tx,
                                                    const std::vector<std::string>& product_ids) {
    auto& locked = tx.Gathered<LockedProducts>();
    std::vector<std::string> not_yet_locked;
    for (const auto& id : product_ids) {
        if (!locked.rows.contains(id)) not_yet_locked.push_back(id);
    }
    if (!not_yet_locked.empty()) {
        const auto rows =
            runtime::pg::Exec(tx.work(),
                              std::string("SELECT ") + kColumns +
                                  " FROM products WHERE product_id = ANY($1::text[]) ORDER BY product_id FOR UPDATE",
                              runtime::pg::ArrayLiteral(not_yet_locked));
        for (const auto& row : rows) {
            auto product = ToProduct(row);
            locked.rows.emplace(product.product_id, std::move(product));
        }
    }
    std::map<std::string, domain::Product> products;
    for (const auto& id : product_ids) {
        if (const auto it = locked.rows.find(id); it != locked.rows.end()) products.emplace(id, it->second);
    }
    return products;
}

bool InsertProduct(runtime::pg::Transaction& tx, const domain::Product& p) {
    const auto rows = runtime::pg::Exec(
        tx.work(),
        "INSERT INTO products (product_id, name, price_cents, currency, initial, restocked, available, reserved, sold)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (product_id) DO NOTHING RETURNING product_id",
        p.product_id, p.name, p.price_cents, p.currency, p.initial, p.restocked, p.available, p.reserved, p.sold);
    return !rows.empty();
}

void SaveStock(runtime::pg::Transaction& tx, const domain::Product& product) {
    auto& locked = tx.Gathered<LockedProducts>();
    const auto it = locked.rows.find(product.product_id);
    if (it == locked.rows.end())
        throw std::logic_error("stock saved without locking the product: " + product.product_id);
    it->second = product;
    if (locked.changed.empty()) tx.BeforeCommit([&tx, &locked] { WriteChangedStock(tx, locked); });
    locked.changed.insert(product.product_id);
}

}  // namespace saga::inventory::storage
