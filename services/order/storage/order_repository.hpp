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

/// The orders tables (orders, order_items, order_history). Stateless: every call works in the
/// caller's transaction, so state changes and their outbox rows commit together.
class OrderRepository {
  public:
    /// Inserts a PENDING order, its lines and its first history entry (caused by the event
    /// `created_event_id`). Returns the order as stored.
    domain::Order Insert(runtime::pg::Transaction& tx, const std::string& order_id, const domain::OrderRequest& request,
                         const std::string& correlation_id, const std::string& created_event_id) const;

    /// Locks the order row (SELECT ... FOR UPDATE) until the transaction ends; nullopt if unknown.
    std::optional<domain::OrderState> Lock(runtime::pg::Transaction& tx, const std::string& order_id) const;

    /// Sets status and rejection reason (null unless rejected), touches updated_at and appends the
    /// history entry naming `event_id`. With `reservation` (the event `event_id`), the same
    /// statement stores its total, currency, reservation and expiry, and the lines' unit prices.
    void Transition(runtime::pg::Transaction& tx, const std::string& order_id, domain::OrderStatus status,
                    const std::optional<std::string>& reason, const std::string& event_id,
                    const events::InventoryReserved* reservation = nullptr) const;

    /// The order with its lines and history; nullopt if unknown.
    std::optional<domain::Order> Find(runtime::pg::Transaction& tx, const std::string& order_id) const;

    /// One page of orders matching `query`.
    OrderPage List(runtime::pg::Transaction& tx, const domain::ListQuery& query) const;

    /// Locks up to `limit` AWAITING_PAYMENT orders whose reservation expired, skipping rows
    /// that others hold (they are being moved on right now). Returns their ids.
    std::vector<std::string> LockExpired(runtime::pg::Transaction& tx, int limit) const;
};

}  // namespace saga::order::storage
