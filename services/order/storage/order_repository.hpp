#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "events/inventory_reserved.hpp"
#include "order/domain/list_query.hpp"
#include "order/domain/order.hpp"
#include "order/domain/order_request.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::order::storage {

/// One page of GET /api/orders: orders without their history, newest first.
struct OrderPage {
    std::vector<domain::Order> orders;
    std::optional<std::int64_t> next;  ///< position of the last order when more follow
};

/// The orders tables (orders, order_items, order_history). Holds no state itself: every call works
/// in the caller's transaction, so state changes and their outbox rows commit together, and the
/// transaction keeps the orders it locked and their changes until they are written.
class OrderRepository {
  public:
    /// A new order to insert.
    struct NewOrderRow {
        std::string order_id;
        const domain::OrderRequest* request;
        std::string correlation_id;
        std::string created_event_id;  ///< the order.created its first history entry names
    };

    /// Inserts PENDING orders with their lines and first history entries, all in one statement.
    /// Returns the orders as stored, in the order of `rows`.
    std::vector<domain::Order> InsertAll(runtime::pg::Transaction& tx, const std::vector<NewOrderRow>& rows) const;

    /// Locks the order row (SELECT ... FOR UPDATE) until the transaction ends; nullopt if unknown.
    /// An order this transaction locked already comes without a statement, as its transitions
    /// left it.
    std::optional<domain::OrderState> Lock(runtime::pg::Transaction& tx, const std::string& order_id) const;

    /// Locks the orders among `order_ids` that this transaction has not locked yet, in one
    /// statement and in id order (a consumer batch's orders, before its events are handled).
    /// Unknown ids are skipped.
    void LockAll(runtime::pg::Transaction& tx, const std::vector<std::string>& order_ids) const;

    /// Moves a locked order to `status` with its rejection reason (null unless rejected) and a
    /// history entry naming `event_id`. With `reservation` (the event `event_id`), also its total,
    /// currency, reservation and expiry, and the lines' unit prices. Written, with every other
    /// change of the transaction's orders, in one statement just before the commit (or before a
    /// Find or List of this transaction). Throws std::logic_error if the order is not locked.
    void Transition(runtime::pg::Transaction& tx, const std::string& order_id, domain::OrderStatus status,
                    const std::optional<std::string>& reason, const std::string& event_id,
                    const events::InventoryReserved* reservation = nullptr) const;

    /// Notes on a locked order that an event was parked for it (EarlyEventStore), written as
    /// Transition is. Throws std::logic_error if the order is not locked.
    void MarkParked(runtime::pg::Transaction& tx, const std::string& order_id) const;

    /// The order with its lines and history; nullopt if unknown.
    std::optional<domain::Order> Find(runtime::pg::Transaction& tx, const std::string& order_id) const;

    /// One page of orders matching `query`.
    OrderPage List(runtime::pg::Transaction& tx, const domain::ListQuery& query) const;

    /// Locks up to `limit` AWAITING_PAYMENT orders whose reservation expired, skipping rows
    /// that others hold (they are being moved on right now). Returns their ids.
    std::vector<std::string> LockExpired(runtime::pg::Transaction& tx, int limit) const;
};

}  // namespace saga::order::storage
