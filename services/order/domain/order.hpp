#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "order/domain/order_status.hpp"

namespace saga::order::domain {

/// One order line; the unit price is known once inventory reserved the stock.
struct OrderLine {
    std::string product_id;
    int quantity = 0;
    std::optional<std::int64_t> unit_price_cents;
};

/// One status the order went through. `event_id` is the event that caused the transition
/// (consumed events) or announced it (order.created, order.cancelled, an expiry's order.rejected).
struct HistoryEntry {
    OrderStatus status = OrderStatus::kPending;
    std::string at;  ///< RFC 3339 UTC
    std::optional<std::string> reason;
    std::optional<std::string> event_id;
};

/// An order as the API shows it.
struct Order {
    std::string order_id;
    std::string customer_id;
    std::optional<std::string> email;
    OrderStatus status = OrderStatus::kPending;
    std::optional<std::string> reason;  ///< rejection reason (wire name)
    std::vector<OrderLine> items;
    std::optional<std::int64_t> total_cents;
    std::string currency;
    std::string created_at;  ///< RFC 3339 UTC
    std::string updated_at;  ///< RFC 3339 UTC
    std::vector<HistoryEntry> history;
};

/// What a transition needs to know about a locked order.
struct OrderState {
    std::string order_id;
    std::string customer_id;
    std::optional<std::string> email;
    OrderStatus status = OrderStatus::kPending;
    std::optional<std::int64_t> total_cents;
    std::string currency;
    std::string correlation_id;
    std::optional<std::string> reservation_event_id;  ///< the inventory.reserved that priced it
    double age_seconds = 0;                           ///< since created_at, when it was locked
    bool has_parked_events = false;                   ///< an event was parked for it (ever)
};

}  // namespace saga::order::domain
