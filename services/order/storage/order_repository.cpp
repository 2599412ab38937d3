#include "order/storage/order_repository.hpp"

#include <map>
#include <pqxx/pqxx>

#include "runtime/pg/array_literal.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::order::storage {
namespace {

using domain::OrderStatus;
using runtime::pg::Transaction;

// Orders, their lines and their first history entries in one statement (one round trip, whatever
// the number of orders and lines), returning the columns the API shows so that POST answers
// without reading them back.
constexpr const char* kInsertOrders =
    "WITH input AS ("
    "  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])"
    "  WITH ORDINALITY AS i(order_id, customer_id, email, payment_token, correlation_id, event_id, n)),"
    " inserted AS ("
    "  INSERT INTO orders (order_id, customer_id, email, payment_token, status, correlation_id)"
    "  SELECT order_id, customer_id, email, payment_token, 'PENDING', correlation_id FROM input ORDER BY n"
    "  RETURNING seq, order_id, customer_id, email, status, reason, total_cents, currency, created_at, updated_at),"
    " lines AS ("
    "  INSERT INTO order_items (order_id, position, product_id, quantity)"
    "  SELECT * FROM unnest($7::text[], $8::int[], $9::text[], $10::int[])),"
    " history AS ("
    "  INSERT INTO order_history (order_id, status, event_id, at)"
    "  SELECT inserted.order_id, inserted.status, input.event_id, inserted.created_at"
    "  FROM inserted JOIN input ON input.order_id = inserted.order_id)"
    " SELECT seq, order_id, customer_id, email, status, reason, total_cents, currency,"
    " order_rfc3339(created_at) AS created_at, order_rfc3339(updated_at) AS updated_at FROM inserted";

constexpr const char* kLockOrder =
    "SELECT order_id, customer_id, email, status, total_cents, currency, correlation_id, reservation_event_id,"
    " extract(epoch FROM clock_timestamp() - created_at)::float8 AS age_seconds"
    " FROM orders WHERE order_id = $1 FOR UPDATE";

// The new status and its history entry in one statement.
constexpr const char* kTransition =
    "WITH updated AS ("
    "  UPDATE orders SET status = $2, reason = $3, updated_at = clock_timestamp() WHERE order_id = $1"
    "  RETURNING order_id)"
    " INSERT INTO order_history (order_id, status, reason, event_id) SELECT order_id, $2, $3, $4 FROM updated";

// As kTransition, for the reservation: the same row update also stores its total and expiry,
// and the lines get their unit prices.
constexpr const char* kTransitionReserved =
    "WITH updated AS ("
    "  UPDATE orders SET status = $2, reason = $3, updated_at = clock_timestamp(), total_cents = $5, currency = $6,"
    "  reservation_id = $7, expires_at = $8::timestamptz, reservation_event_id = $4 WHERE order_id = $1"
    "  RETURNING order_id),"
    " history AS ("
    "  INSERT INTO order_history (order_id, status, reason, event_id) SELECT order_id, $2, $3, $4 FROM updated)"
    " UPDATE order_items SET unit_price_cents = price.cents"
    " FROM unnest($9::text[], $10::bigint[]) AS price(product_id, cents)"
    " WHERE order_items.order_id = $1 AND order_items.product_id = price.product_id";

constexpr const char* kFindOrder =
    "SELECT seq, order_id, customer_id, email, status, reason, total_cents, currency,"
    " order_rfc3339(created_at) AS created_at, order_rfc3339(updated_at) AS updated_at"
    " FROM orders WHERE order_id = $1";

constexpr const char* kFindItems =
    "SELECT order_id, product_id, quantity, unit_price_cents FROM order_items"
    " WHERE order_id = ANY($1::text[]) ORDER BY order_id, position";

constexpr const char* kFindHistory =
    "SELECT status, reason, event_id, order_rfc3339(at) AS at"
    " FROM order_history WHERE order_id = $1 ORDER BY id";

// Newest first by `seq`; a parameter left null does not filter.
constexpr const char* kListOrders =
    "SELECT seq, order_id, customer_id, email, status, reason, total_cents, currency,"
    " order_rfc3339(created_at) AS created_at, order_rfc3339(updated_at) AS updated_at"
    " FROM orders"
    " WHERE ($1::text IS NULL OR customer_id = $1) AND ($2::text IS NULL OR status = $2)"
    "   AND ($3::bigint IS NULL OR seq < $3::bigint)"
    " ORDER BY seq DESC LIMIT $4";

constexpr const char* kLockExpired =
    "SELECT order_id FROM orders WHERE status = 'AWAITING_PAYMENT' AND expires_at <= clock_timestamp()"
    " ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED";

const char* OrNull(const std::optional<std::string>& text) { return text ? text->c_str() : nullptr; }

std::optional<std::string> OptionalText(const pqxx::field& field) {
    return field.is_null() ? std::nullopt : std::optional<std::string>(field.as<std::string>());
}

std::optional<std::int64_t> OptionalInt(const pqxx::field& field) {
    return field.is_null() ? std::nullopt : std::optional<std::int64_t>(field.as<std::int64_t>());
}

OrderStatus StatusOf(const pqxx::field& field) {
    const auto status = events::ParseEnum<OrderStatus>(field.as<std::string>());
    if (!status) throw std::runtime_error("orders: unknown status " + field.as<std::string>());
    return *status;
}

std::string StatusText(OrderStatus status) { return std::string(events::ToText(status)); }

domain::Order OrderOf(const pqxx::row& row) {
    domain::Order order;
    order.order_id = row["order_id"].as<std::string>();
    order.customer_id = row["customer_id"].as<std::string>();
    order.email = OptionalText(row["email"]);
    order.status = StatusOf(row["status"]);
    order.reason = OptionalText(row["reason"]);
    order.total_cents = OptionalInt(row["total_cents"]);
    order.currency = row["currency"].as<std::string>();
    order.created_at = row["created_at"].as<std::string>();
    order.updated_at = row["updated_at"].as<std::string>();
    return order;
}

// Fills the lines of `orders` with one query.
void LoadItems(pqxx::work& work, std::vector<domain::Order>& orders) {
    if (orders.empty()) return;
    std::map<std::string, domain::Order*> by_id;
    std::vector<std::string> ids;
    for (auto& order : orders) {
        by_id[order.order_id] = &order;
        ids.push_back(order.order_id);
    }
    for (const auto& row : runtime::pg::Exec(work, kFindItems, runtime::pg::ArrayLiteral(ids))) {
        by_id.at(row["order_id"].as<std::string>())
            ->items.push_back({.product_id = row["product_id"].as<std::string>(),
                               .quantity = row["quantity"].as<int>(),
                               .unit_price_cents = OptionalInt(row["unit_price_cents"])});
    }
}

}  // namespace

std::vector<domain::Order> OrderRepository::InsertAll(Transaction& tx, const std::vector<NewOrderRow>& rows) const {
    std::vector<std::string> ids, customers, tokens, correlations, events, line_orders, line_positions, line_products,
        line_quantities;
    std::vector<std::optional<std::string>> emails;
    for (const auto& row : rows) {
        ids.push_back(row.order_id);
        customers.push_back(row.request->customer_id);
        emails.push_back(row.request->email);
        tokens.push_back(row.request->payment_token);
        correlations.push_back(row.correlation_id);
        events.push_back(row.created_event_id);
        for (std::size_t position = 0; position < row.request->items.size(); ++position) {
            line_orders.push_back(row.order_id);
            line_positions.push_back(std::to_string(position));
            line_products.push_back(row.request->items[position].product_id);
            line_quantities.push_back(std::to_string(row.request->items[position].quantity));
        }
    }
    using runtime::pg::ArrayLiteral;
    const auto result = runtime::pg::Exec(
        tx.work(), kInsertOrders, ArrayLiteral(ids), ArrayLiteral(customers), runtime::pg::NullableArrayLiteral(emails),
        ArrayLiteral(tokens), ArrayLiteral(correlations), ArrayLiteral(events), ArrayLiteral(line_orders),
        ArrayLiteral(line_positions), ArrayLiteral(line_products), ArrayLiteral(line_quantities));
    std::map<std::string, domain::Order> stored;
    for (const auto& row : result) {
        auto order = OrderOf(row);
        stored.emplace(order.order_id, std::move(order));
    }
    std::vector<domain::Order> orders;
    orders.reserve(rows.size());
    for (const auto& row : rows) {
        domain::Order order = std::move(stored.at(row.order_id));
        for (const auto& item : row.request->items) {
            order.items.push_back({.product_id = item.product_id, .quantity = item.quantity, .unit_price_cents = {}});
        }
        order.history.push_back(
            {.status = order.status, .at = order.created_at, .reason = std::nullopt, .event_id = row.created_event_id});
        orders.push_back(std::move(order));
    }
    return orders;
}

std::optional<domain::OrderState> OrderRepository::Lock(Transaction& tx, const std::string& order_id) const {
    const auto result = runtime::pg::Exec(tx.work(), kLockOrder, order_id);
    if (result.empty()) return std::nullopt;
    const auto& row = result[0];
    return domain::OrderState{
        .order_id = row["order_id"].as<std::string>(),
        .customer_id = row["customer_id"].as<std::string>(),
        .email = OptionalText(row["email"]),
        .status = StatusOf(row["status"]),
        .total_cents = OptionalInt(row["total_cents"]),
        .currency = row["currency"].as<std::string>(),
        .correlation_id = row["correlation_id"].as<std::string>(),
        .reservation_event_id = OptionalText(row["reservation_event_id"]),
        .age_seconds = row["age_seconds"].as<double>(),
    };
}

void OrderRepository::Transition(Transaction& tx, const std::string& order_id, OrderStatus status,
                                 const std::optional<std::string>& reason, const std::string& event_id,
                                 const events::InventoryReserved* reservation) const {
    if (!reservation) {
        runtime::pg::Exec0(tx.work(), kTransition, order_id, StatusText(status), OrNull(reason), event_id);
        return;
    }
    std::vector<std::string> products;
    std::vector<std::string> prices;
    for (const auto& item : reservation->items) {
        products.push_back(item.product_id);
        prices.push_back(std::to_string(item.unit_price_cents));
    }
    runtime::pg::Exec0(tx.work(), kTransitionReserved, order_id, StatusText(status), OrNull(reason), event_id,
                       reservation->total_cents, reservation->currency, reservation->reservation_id,
                       reservation->expires_at, runtime::pg::ArrayLiteral(products), runtime::pg::ArrayLiteral(prices));
}

std::optional<domain::Order> OrderRepository::Find(Transaction& tx, const std::string& order_id) const {
    auto& work = tx.work();
    const auto result = runtime::pg::Exec(work, kFindOrder, order_id);
    if (result.empty()) return std::nullopt;
    std::vector<domain::Order> orders{OrderOf(result[0])};
    LoadItems(work, orders);
    for (const auto& row : runtime::pg::Exec(work, kFindHistory, order_id)) {
        orders[0].history.push_back({.status = StatusOf(row["status"]),
                                     .at = row["at"].as<std::string>(),
                                     .reason = OptionalText(row["reason"]),
                                     .event_id = OptionalText(row["event_id"])});
    }
    return std::move(orders[0]);
}

OrderPage OrderRepository::List(Transaction& tx, const domain::ListQuery& query) const {
    auto& work = tx.work();
    const std::optional<std::string> status =
        query.status ? std::optional<std::string>(StatusText(*query.status)) : std::nullopt;
    const std::optional<std::string> after =
        query.after ? std::optional<std::string>(std::to_string(*query.after)) : std::nullopt;
    // One row more than the page tells whether another page follows.
    const auto result =
        runtime::pg::Exec(work, kListOrders, OrNull(query.customer_id), OrNull(status), OrNull(after), query.limit + 1);
    OrderPage page;
    for (const auto& row : result) {
        if (static_cast<int>(page.orders.size()) == query.limit) {
            page.next = result[query.limit - 1]["seq"].as<std::int64_t>();
            break;
        }
        page.orders.push_back(OrderOf(row));
    }
    LoadItems(work, page.orders);
    return page;
}

std::vector<std::string> OrderRepository::LockExpired(Transaction& tx, int limit) const {
    std::vector<std::string> ids;
    for (const auto& row : runtime::pg::Exec(tx.work(), kLockExpired, limit)) ids.push_back(row[0].as<std::string>());
    return ids;
}

}  // namespace saga::order::storage
