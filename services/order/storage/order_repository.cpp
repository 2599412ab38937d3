#include "order/storage/order_repository.hpp"

#include <map>
#include <pqxx/pqxx>
#include <stdexcept>
#include <utility>

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

constexpr const char* kLockedColumns =
    "SELECT order_id, customer_id, email, status, total_cents, currency, correlation_id, reservation_event_id,"
    " has_parked_events, extract(epoch FROM clock_timestamp() - created_at)::float8 AS age_seconds FROM orders";
// The changes of a transaction's orders in one statement: each changed row once, as last left,
// the history entries in the order they were made, and the unit prices of reserved lines.
constexpr const char* kWriteChanges =
    "WITH c AS ("
    "  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[],"
    "    $7::timestamptz[], $8::text[], $9::bool[], $10::bool[])"
    "  AS c(order_id, status, reason, total_cents, currency, reservation_id, expires_at, reservation_event_id,"
    "    has_parked_events, transitioned)),"
    " updated AS ("
    "  UPDATE orders o SET status = c.status, reason = c.reason, total_cents = c.total_cents,"
    "   currency = c.currency, reservation_id = coalesce(c.reservation_id, o.reservation_id),"
    "   expires_at = coalesce(c.expires_at, o.expires_at), reservation_event_id = c.reservation_event_id,"
    "   has_parked_events = c.has_parked_events,"
    "   updated_at = CASE WHEN c.transitioned THEN clock_timestamp() ELSE o.updated_at END"
    "  FROM c WHERE o.order_id = c.order_id RETURNING o.order_id),"
    " history AS ("
    "  INSERT INTO order_history (order_id, status, reason, event_id)"
    "  SELECT order_id, status, reason, event_id"
    "  FROM unnest($11::text[], $12::text[], $13::text[], $14::text[]) WITH ORDINALITY"
    "  AS h(order_id, status, reason, event_id, n) ORDER BY n),"
    " priced AS ("
    "  UPDATE order_items i SET unit_price_cents = p.cents"
    "  FROM unnest($15::text[], $16::text[], $17::bigint[]) AS p(order_id, product_id, cents)"
    "  WHERE i.order_id = p.order_id AND i.product_id = p.product_id)"
    " SELECT count(*) FROM updated";
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

/// What a transaction changed about one of its orders beyond OrderState, until it is written.
struct RowChange {
    std::optional<std::string> reason;
    std::optional<std::string> reservation_id;
    std::optional<std::string> expires_at;
    bool transitioned = false;
};

struct HistoryRow {
    std::string order_id;
    std::string status;
    std::optional<std::string> reason;
    std::string event_id;
};

struct PriceRow {
    std::string order_id;
    std::string product_id;
    std::int64_t cents = 0;
};

/// The orders this transaction locked, as its transitions left them, and what is still to be
/// written: a consumer batch locks its orders in one statement and writes their changes in one,
/// however many of its events move them.
struct LockedOrders {
    std::map<std::string, domain::OrderState> rows;
    std::map<std::string, RowChange> changed;
    std::vector<HistoryRow> history;
    std::vector<PriceRow> prices;
    bool write_registered = false;
};

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
void LoadItems(pqxx::transaction_base& work, std::vector<domain::Order>& orders) {
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

domain::OrderState StateOf(const pqxx::row& row) {
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
        .has_parked_events = row["has_parked_events"].as<bool>(),
    };
}

void WriteChanges(Transaction& tx, LockedOrders& locked) {
    if (locked.changed.empty()) return;
    std::vector<std::string> ids, statuses, currencies, parked, transitioned;
    std::vector<std::optional<std::string>> reasons, totals, reservations, expiries, reservation_events;
    for (const auto& [id, change] : locked.changed) {
        const auto& state = locked.rows.at(id);
        ids.push_back(id);
        statuses.push_back(StatusText(state.status));
        reasons.push_back(change.reason);
        totals.push_back(state.total_cents ? std::optional(std::to_string(*state.total_cents)) : std::nullopt);
        currencies.push_back(state.currency);
        reservations.push_back(change.reservation_id);
        expiries.push_back(change.expires_at);
        reservation_events.push_back(state.reservation_event_id);
        parked.push_back(state.has_parked_events ? "t" : "f");
        transitioned.push_back(change.transitioned ? "t" : "f");
    }
    std::vector<std::string> history_orders, history_statuses, history_events, price_orders, price_products,
        price_cents;
    std::vector<std::optional<std::string>> history_reasons;
    for (const auto& entry : locked.history) {
        history_orders.push_back(entry.order_id);
        history_statuses.push_back(entry.status);
        history_reasons.push_back(entry.reason);
        history_events.push_back(entry.event_id);
    }
    for (const auto& price : locked.prices) {
        price_orders.push_back(price.order_id);
        price_products.push_back(price.product_id);
        price_cents.push_back(std::to_string(price.cents));
    }
    using runtime::pg::ArrayLiteral;
    using runtime::pg::NullableArrayLiteral;
    const auto written =
        runtime::pg::Exec1(tx.work(), kWriteChanges, ArrayLiteral(ids), ArrayLiteral(statuses),
                           NullableArrayLiteral(reasons), NullableArrayLiteral(totals), ArrayLiteral(currencies),
                           NullableArrayLiteral(reservations), NullableArrayLiteral(expiries),
                           NullableArrayLiteral(reservation_events), ArrayLiteral(parked), ArrayLiteral(transitioned),
                           ArrayLiteral(history_orders), ArrayLiteral(history_statuses),
                           NullableArrayLiteral(history_reasons), ArrayLiteral(history_events),
                           ArrayLiteral(price_orders), ArrayLiteral(price_products), ArrayLiteral(price_cents))[0]
            .as<std::size_t>();
    if (written != ids.size()) throw std::runtime_error("orders: a locked order vanished");
    locked.changed.clear();
    locked.history.clear();
    locked.prices.clear();
}

/// The locked order `order_id` about to change, its change noted and the write scheduled.
std::pair<domain::OrderState&, RowChange&> Changing(Transaction& tx, const std::string& order_id) {
    auto& locked = tx.Gathered<LockedOrders>();
    const auto it = locked.rows.find(order_id);
    if (it == locked.rows.end()) throw std::logic_error("orders: changed without locking: " + order_id);
    if (!locked.write_registered) {
        tx.BeforeCommit([&tx, &locked] { WriteChanges(tx, locked); });
        locked.write_registered = true;
    }
    return {it->second, locked.changed[order_id]};
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
    auto& locked = tx.Gathered<LockedOrders>();
    if (const auto it = locked.rows.find(order_id); it != locked.rows.end()) return it->second;
    const auto result =
        runtime::pg::Exec(tx.work(), std::string(kLockedColumns) + " WHERE order_id = $1 FOR UPDATE", order_id);
    if (result.empty()) return std::nullopt;
    return locked.rows.emplace(order_id, StateOf(result[0])).first->second;
}

void OrderRepository::LockAll(Transaction& tx, const std::vector<std::string>& order_ids) const {
    auto& locked = tx.Gathered<LockedOrders>();
    std::vector<std::string> not_yet_locked;
    for (const auto& id : order_ids) {
        if (!locked.rows.contains(id)) not_yet_locked.push_back(id);
    }
    if (not_yet_locked.empty()) return;
    const auto result = runtime::pg::Exec(
        tx.work(), std::string(kLockedColumns) + " WHERE order_id = ANY($1::text[]) ORDER BY order_id FOR UPDATE",
        runtime::pg::ArrayLiteral(not_yet_locked));
    for (const auto& row : result) {
        auto state = StateOf(row);
        locked.rows.emplace(state.order_id, std::move(state));
    }
}

void OrderRepository::Transition(Transaction& tx, const std::string& order_id, OrderStatus status,
                                 const std::optional<std::string>& reason, const std::string& event_id,
                                 const events::InventoryReserved* reservation) const {
    auto [state, change] = Changing(tx, order_id);
    state.status = status;
    change.reason = reason;
    change.transitioned = true;
    if (reservation) {
        state.total_cents = reservation->total_cents;
        state.currency = reservation->currency;
        state.reservation_event_id = event_id;
        change.reservation_id = reservation->reservation_id;
        change.expires_at = reservation->expires_at;
    }
    auto& locked = tx.Gathered<LockedOrders>();
    locked.history.push_back({order_id, StatusText(status), reason, event_id});
    if (reservation) {
        for (const auto& item : reservation->items) {
            locked.prices.push_back({order_id, item.product_id, item.unit_price_cents});
        }
    }
}

void OrderRepository::MarkParked(Transaction& tx, const std::string& order_id) const {
    Changing(tx, order_id).first.has_parked_events = true;
}

std::optional<domain::Order> OrderRepository::Find(Transaction& tx, const std::string& order_id) const {
    WriteChanges(tx, tx.Gathered<LockedOrders>());
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
    WriteChanges(tx, tx.Gathered<LockedOrders>());
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
