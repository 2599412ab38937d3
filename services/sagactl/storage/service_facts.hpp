#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

/// What sagactl reads from the service databases, read-only. Every function connects afresh with
/// short timeouts (3 s to connect, 10 s per statement) and closes its connections before it returns.
namespace saga::sagactl {

/// Service name ("order" | "inventory" | "payment" | "notification") -> libpq URL of its database.
/// Other names are accepted and read as far as the shared runtime tables (outbox, inbox) go.
using DatabaseUrls = std::map<std::string, std::string>;

/// One service's outbox: how many events wait to be published and for how long the oldest has.
struct OutboxStatus {
    std::string service;
    std::optional<long long> backlog;                 ///< unsent rows; empty when `error` is set
    std::optional<double> oldest_unsent_age_seconds;  ///< empty when nothing waits, or on error
    std::string error;                                ///< why the database could not be read; empty on success
};

/// One OutboxStatus per entry of `urls` (order, inventory, payment, notification first, then the
/// others by name). A database that cannot be read sets `error` there; it never throws for it.
std::vector<OutboxStatus> ReadOutboxStatus(const DatabaseUrls& urls);

/// One thing that happened to an order in one service.
struct TimelineEntry {
    std::string at;          ///< RFC 3339 UTC with milliseconds, e.g. "2026-12-01T06:35:55.123Z"
    std::string service;     ///< key of DatabaseUrls ("payment")
    std::string what;        ///< short phrase: "payment CAPTURED 59.98 USD", "published order.confirmed"
    nlohmann::json details;  ///< the database row(s) behind the entry, as JSON
};

/// The saga of `order_id` as the databases remember it, oldest first: order status changes,
/// the reservation, the payment, notifications, the events each service published about the order
/// (outbox rows with the order as subject, sent or still waiting) and the events each service
/// consumed of those (its inbox holds their message ids). Entries at the same instant keep cause
/// before effect within a service: consumed, then state, then published.
///
/// A database that cannot be read does not stop the others: it contributes one entry
/// `"database unreachable: …"` (or `"database error: …"`), stamped with the time of the attempt.
/// Empty when no database knows the order and every database could be read. Sent outbox rows and
/// inbox rows are deleted after the services' retention windows, so old sagas show fewer events.
std::vector<TimelineEntry> ReadOrderTimeline(const DatabaseUrls& urls, const std::string& order_id);

/// Whether `service` ("inventory", or its queue / consumer name "inventory-service") has handled
/// the message: a replay of it would be skipped as a duplicate. Empty when the database cannot
/// be reached or read. Throws std::invalid_argument when `service` has no URL in `urls`.
std::optional<bool> InboxHasMessage(const DatabaseUrls& urls, const std::string& service,
                                    const std::string& message_id);

/// The order as the order service holds it.
struct OrderState {
    std::string status;    ///< PENDING | AWAITING_PAYMENT | CONFIRMED | REJECTED | CANCELLED
    std::string reason;    ///< why it was rejected (out_of_stock, payment_declined, ...); empty otherwise
    bool settled = false;  ///< the saga has an outcome: CONFIRMED, REJECTED or CANCELLED (a CONFIRMED
                           ///< order can still be cancelled later)
};

/// The order's state from the "order" database; empty when the order is unknown. Throws
/// std::invalid_argument without an "order" URL and runtime::pg::DatabaseUnavailable when the
/// database cannot be reached.
std::optional<OrderState> ReadOrderState(const DatabaseUrls& urls, const std::string& order_id);

}  // namespace saga::sagactl
