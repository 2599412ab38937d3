#include "inventory/storage/product_store.hpp"

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
    const auto rows =
        runtime::pg::Exec(tx.work(),
                          std::string("SELECT ") + kColumns +
                              " FROM products WHERE product_id = ANY($1::text[]) ORDER BY product_id FOR UPDATE",
                          runtime::pg::ArrayLiteral(product_ids));
    std::map<std::string, domain::Product> products;
    for (const auto& row : rows) {
        auto product = ToProduct(row);
        products.emplace(product.product_id, std::move(product));
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

void SaveStock(runtime::pg::Transaction& tx, const domain::Product& p) {
    const auto result = runtime::pg::Exec(
        tx.work(),
        "UPDATE products SET restocked = $2, available = $3, reserved = $4, sold = $5, updated_at = now()"
        " WHERE product_id = $1",
        p.product_id, p.restocked, p.available, p.reserved, p.sold);
    if (result.affected_rows() != 1) throw std::runtime_error("product vanished while locked: " + p.product_id);
}

}  // namespace saga::inventory::storage
