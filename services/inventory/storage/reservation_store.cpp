#include "inventory/storage/reservation_store.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "runtime/pg/advisory_locks.hpp"
#include "runtime/pg/array_literal.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::inventory::storage {
namespace {

// After the locks, in a statement of its own: one that had waited for them would answer from the
// snapshot it took before the wait, missing what the previous holder committed.
constexpr const char* kLoadOrders =
    "SELECT id AS order_id, r.reservation_id, r.items::text AS items, r.total_cents, r.currency, r.status,"
    " to_char(r.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS expires_at,"
    " EXISTS (SELECT 1 FROM reservation_failures f WHERE f.order_id = id) AS failed,"
    " EXISTS (SELECT 1 FROM order_tombstones t WHERE t.order_id = id) AS tombstone"
    " FROM unnest($1::text[]) AS id LEFT JOIN reservations r ON r.order_id = id";

// A transaction's changes in one statement. A reservation made in the transaction is inserted as
// the transaction left it (the update below does not see rows inserted by the same statement).
constexpr const char* kWriteChanges =
    "WITH inserted AS ("
    "  INSERT INTO reservations (reservation_id, order_id, items, total_cents, currency, status, expires_at)"
    "  SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::bigint[], $5::text[], $6::text[],"
    "    $7::timestamptz[])),"
    " settled AS ("
    "  UPDATE reservations r SET status = s.status, updated_at = now()"
    "  FROM unnest($8::text[], $9::text[]) AS s(reservation_id, status) WHERE r.reservation_id = s.reservation_id),"
    " failures AS ("
    "  INSERT INTO reservation_failures (order_id, reason, shortfall)"
    "  SELECT * FROM unnest($10::text[], $11::text[], $12::jsonb[]) ON CONFLICT (order_id) DO NOTHING)"
    " INSERT INTO order_tombstones (order_id, event_type, event_id)"
    " SELECT * FROM unnest($13::text[], $14::text[], $15::text[]) ON CONFLICT (order_id) DO NOTHING";

/// What this service knows of one locked order, as the transaction left it.
struct KnownOrder {
    std::optional<domain::Reservation> reservation;
    bool failed = false;
    bool tombstone = false;
    bool reservation_inserted = false;  ///< in this transaction
    bool status_changed = false;        ///< of a reservation made before it
};

struct Tombstone {
    std::string order_id;
    std::string event_type;
    std::string event_id;
};

/// The orders this transaction holds the advisory lock of, and its changes to them until the
/// commit.
struct LockedOrders {
    std::map<std::string, KnownOrder> orders;
    std::vector<events::InventoryReservationFailed> failures;
    std::vector<Tombstone> tombstones;
    bool write_registered = false;
};

domain::Reservation ToReservation(const pqxx::row& row) {
    domain::Reservation r;
    r.reservation_id = row["reservation_id"].as<std::string>();
    r.order_id = row["order_id"].as<std::string>();
    for (const auto& item : nlohmann::json::parse(row["items"].as<std::string>())) {
        r.items.push_back({item.at("product_id").get<std::string>(), item.at("quantity").get<int>(),
                           item.at("unit_price_cents").get<std::int64_t>()});
    }
    r.total_cents = row["total_cents"].as<std::int64_t>();
    r.currency = row["currency"].as<std::string>();
    const auto status = row["status"].as<std::string>();
    const auto parsed = events::ParseEnum<domain::ReservationStatus>(status);
    if (!parsed) throw std::runtime_error("unknown reservation status in the database: " + status);
    r.status = *parsed;
    r.expires_at = row["expires_at"].as<std::string>();
    return r;
}

void WriteChanges(runtime::pg::Transaction& tx, LockedOrders& locked) {
    std::vector<std::string> ids, orders, items, totals, currencies, statuses, expiries, settled_ids, settled_statuses;
    for (const auto& [order_id, known] : locked.orders) {
        if (known.reservation_inserted) {
            const auto& r = *known.reservation;
            ids.push_back(r.reservation_id);
            orders.push_back(r.order_id);
            items.push_back(events::ToJsonArray(r.items).dump());
            totals.push_back(std::to_string(r.total_cents));
            currencies.push_back(r.currency);
            statuses.push_back(std::string(events::ToText(r.status)));
            expiries.push_back(r.expires_at);
        } else if (known.status_changed) {
            settled_ids.push_back(known.reservation->reservation_id);
            settled_statuses.push_back(std::string(events::ToText(known.reservation->status)));
        }
    }
    std::vector<std::string> failed_orders, reasons, shortfalls, tombstone_orders, event_types, event_ids;
    for (const auto& failure : locked.failures) {
        failed_orders.push_back(failure.order_id);
        reasons.push_back(std::string(events::ToText(failure.reason)));
        shortfalls.push_back(events::ToJsonArray(failure.shortfall).dump());
    }
    for (const auto& tombstone : locked.tombstones) {
        tombstone_orders.push_back(tombstone.order_id);
        event_types.push_back(tombstone.event_type);
        event_ids.push_back(tombstone.event_id);
    }
    using runtime::pg::ArrayLiteral;
    tx.ExecAtCommit(kWriteChanges, ArrayLiteral(ids), ArrayLiteral(orders), ArrayLiteral(items), ArrayLiteral(totals),
                    ArrayLiteral(currencies), ArrayLiteral(statuses), ArrayLiteral(expiries), ArrayLiteral(settled_ids),
                    ArrayLiteral(settled_statuses), ArrayLiteral(failed_orders), ArrayLiteral(reasons),
                    ArrayLiteral(shortfalls), ArrayLiteral(tombstone_orders), ArrayLiteral(event_types),
                    ArrayLiteral(event_ids));
}

KnownOrder& Known(runtime::pg::Transaction& tx, const std::string& order_id) {
    auto& locked = tx.Gathered<LockedOrders>();
    const auto it = locked.orders.find(order_id);
    if (it == locked.orders.end()) throw std::logic_error("inventory: order used without locking it: " + order_id);
    return it->second;
}

/// As Known, for a change: the write at commit is scheduled.
KnownOrder& Changing(runtime::pg::Transaction& tx, const std::string& order_id) {
    auto& known = Known(tx, order_id);
    auto& locked = tx.Gathered<LockedOrders>();
    if (!locked.write_registered) {
        tx.BeforeCommit([&tx, &locked] { WriteChanges(tx, locked); });
        locked.write_registered = true;
    }
    return known;
}

}  // namespace

void LockOrder(runtime::pg::Transaction& tx, const std::string& order_id) { LockOrders(tx, {order_id}); }

void LockOrders(runtime::pg::Transaction& tx, const std::vector<std::string>& order_ids) {
    auto& locked = tx.Gathered<LockedOrders>();
    std::set<std::string> not_yet_locked;
    for (const auto& id : order_ids) {
        if (!locked.orders.contains(id)) not_yet_locked.insert(id);
    }
    if (not_yet_locked.empty()) return;
    runtime::pg::LockIds(tx, not_yet_locked);  // in id order: two batches sharing orders cannot deadlock
    const auto ids = runtime::pg::ArrayLiteral({not_yet_locked.begin(), not_yet_locked.end()});
    for (const auto& row : runtime::pg::Exec(tx.work(), kLoadOrders, ids)) {
        KnownOrder known;
        if (!row["reservation_id"].is_null()) known.reservation = ToReservation(row);
        known.failed = row["failed"].as<bool>();
        known.tombstone = row["tombstone"].as<bool>();
        locked.orders.emplace(row["order_id"].as<std::string>(), std::move(known));
    }
}

std::optional<domain::Reservation> FindReservation(runtime::pg::Transaction& tx, const std::string& order_id) {
    return Known(tx, order_id).reservation;
}

PriorOutcome FindPriorOutcome(runtime::pg::Transaction& tx, const std::string& order_id) {
    const auto& known = Known(tx, order_id);
    if (known.reservation) return PriorOutcome::kReserved;
    if (known.failed) return PriorOutcome::kReservationFailed;
    if (known.tombstone) return PriorOutcome::kTombstone;
    return PriorOutcome::kNothing;
}

void InsertReservation(runtime::pg::Transaction& tx, const domain::Reservation& reservation) {
    auto& known = Changing(tx, reservation.order_id);
    if (known.reservation) throw std::runtime_error("order " + reservation.order_id + " has a reservation already");
    known.reservation = reservation;
    known.reservation_inserted = true;
}

void SetReservationStatus(runtime::pg::Transaction& tx, const std::string& order_id, domain::ReservationStatus status) {
    auto& known = Changing(tx, order_id);
    if (!known.reservation) throw std::logic_error("inventory: no reservation to settle for order " + order_id);
    known.reservation->status = status;
    known.status_changed = true;
}

void InsertReservationFailure(runtime::pg::Transaction& tx, const events::InventoryReservationFailed& failure) {
    auto& known = Changing(tx, failure.order_id);
    if (known.failed) return;
    known.failed = true;
    tx.Gathered<LockedOrders>().failures.push_back(failure);
}

void InsertTombstone(runtime::pg::Transaction& tx, const std::string& order_id, const std::string& event_type,
                     const std::string& event_id) {
    auto& known = Changing(tx, order_id);
    if (known.tombstone) return;
    known.tombstone = true;
    tx.Gathered<LockedOrders>().tombstones.push_back({order_id, event_type, event_id});
}

}  // namespace saga::inventory::storage
