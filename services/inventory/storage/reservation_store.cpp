#include "inventory/storage/reservation_store.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "runtime/pg/array_literal.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::inventory::storage {
namespace {

constexpr const char* kLockReservation =
    "SELECT reservation_id, order_id, items::text AS items, total_cents, currency, status,"
    " to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS expires_at"
    " FROM reservations WHERE order_id = $1 FOR UPDATE";

/// The orders this transaction holds the advisory lock of (it is held until the transaction ends).
struct LockedOrderIds : std::set<std::string> {};

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

}  // namespace

std::optional<domain::Reservation> LockReservation(runtime::pg::Transaction& tx, const std::string& order_id) {
    const auto rows = runtime::pg::Exec(tx.work(), kLockReservation, order_id);
    if (rows.empty()) return std::nullopt;
    return ToReservation(rows[0]);
}

void LockOrder(runtime::pg::Transaction& tx, const std::string& order_id) { LockOrders(tx, {order_id}); }

void LockOrders(runtime::pg::Transaction& tx, const std::vector<std::string>& order_ids) {
    auto& locked = tx.Gathered<LockedOrderIds>();
    std::vector<std::string> not_yet_locked;
    for (const auto& id : order_ids) {
        if (!locked.contains(id)) not_yet_locked.push_back(id);
    }
    if (not_yet_locked.empty()) return;
    // Sorted before the locks are taken, so that two batches sharing orders cannot deadlock.
    runtime::pg::Exec(tx.work(),
                      "SELECT pg_advisory_xact_lock(hashtextextended(id, 0))"
                      " FROM (SELECT DISTINCT id FROM unnest($1::text[]) AS id ORDER BY id) AS sorted",
                      runtime::pg::ArrayLiteral(not_yet_locked));
    locked.insert(not_yet_locked.begin(), not_yet_locked.end());
}

PriorOutcome FindPriorOutcome(runtime::pg::Transaction& tx, const std::string& order_id) {
    const auto row = runtime::pg::Exec1(tx.work(),
                                        "SELECT EXISTS (SELECT 1 FROM reservations WHERE order_id = $1),"
                                        " EXISTS (SELECT 1 FROM reservation_failures WHERE order_id = $1),"
                                        " EXISTS (SELECT 1 FROM order_tombstones WHERE order_id = $1)",
                                        order_id);
    if (row[0].as<bool>()) return PriorOutcome::kReserved;
    if (row[1].as<bool>()) return PriorOutcome::kReservationFailed;
    if (row[2].as<bool>()) return PriorOutcome::kTombstone;
    return PriorOutcome::kNothing;
}

void InsertReservation(runtime::pg::Transaction& tx, const domain::Reservation& r) {
    runtime::pg::Exec(
        tx.work(),
        "INSERT INTO reservations (reservation_id, order_id, items, total_cents, currency, status, expires_at)"
        " VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::timestamptz)",
        r.reservation_id, r.order_id, events::ToJsonArray(r.items).dump(), r.total_cents, r.currency,
        std::string(events::ToText(r.status)), r.expires_at);
}

void SetReservationStatus(runtime::pg::Transaction& tx, const std::string& reservation_id,
                          domain::ReservationStatus status) {
    runtime::pg::Exec(tx.work(), "UPDATE reservations SET status = $2, updated_at = now() WHERE reservation_id = $1",
                      reservation_id, std::string(events::ToText(status)));
}

void InsertReservationFailure(runtime::pg::Transaction& tx, const events::InventoryReservationFailed& failure) {
    runtime::pg::Exec(tx.work(),
                      "INSERT INTO reservation_failures (order_id, reason, shortfall) VALUES ($1, $2, $3::jsonb)"
                      " ON CONFLICT (order_id) DO NOTHING",
                      failure.order_id, std::string(events::ToText(failure.reason)),
                      events::ToJsonArray(failure.shortfall).dump());
}

void InsertTombstone(runtime::pg::Transaction& tx, const std::string& order_id, const std::string& event_type,
                     const std::string& event_id) {
    runtime::pg::Exec(tx.work(),
                      "INSERT INTO order_tombstones (order_id, event_type, event_id) VALUES ($1, $2, $3)"
                      " ON CONFLICT (order_id) DO NOTHING",
                      order_id, event_type, event_id);
}

}  // namespace saga::inventory::storage
