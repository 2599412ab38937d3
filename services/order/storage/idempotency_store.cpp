#include "order/storage/idempotency_store.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "runtime/pg/prepared.hpp"

namespace saga::order::storage {
namespace {

constexpr const char* kLockNotAvailable = "55P03";

constexpr const char* kClaim =
    "INSERT INTO idempotency_keys (idempotency_key, request_hash)"
    " VALUES ($1, encode(sha256(convert_to($2, 'UTF8')), 'hex'))"
    " ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1";

constexpr const char* kExisting =
    "SELECT request_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex') AS same_request,"
    " response_status, response_headers, response_body"
    " FROM idempotency_keys WHERE idempotency_key = $1";

constexpr const char* kComplete =
    "UPDATE idempotency_keys SET order_id = $2, response_status = $3, response_headers = $4, response_body = $5"
    " WHERE idempotency_key = $1";

constexpr const char* kDeleteOld =
    "DELETE FROM idempotency_keys WHERE created_at < clock_timestamp() - make_interval(secs => $1)";

}  // namespace

KeyClaim IdempotencyStore::Claim(runtime::pg::Transaction& tx, const std::string& key,
                                 const std::string& request) const {
    auto& work = tx.work();
    // The insert waits for a concurrent holder of the key to commit or roll back; bound it.
    work.exec("SET LOCAL lock_timeout = " + std::to_string(std::max<long>(1, wait_.count())));
    try {
        if (!runtime::pg::Exec(work, kClaim, key, request).empty()) return {KeyClaim::Kind::kClaimed, std::nullopt};
    } catch (const pqxx::sql_error& error) {
        if (error.sqlstate() == kLockNotAvailable)
            throw KeyInFlight("Idempotency-Key is in use by a request in flight");
        throw;
    }
    const auto row = runtime::pg::Exec1(work, kExisting, key, request);
    if (!row["same_request"].as<bool>()) return {KeyClaim::Kind::kMismatch, std::nullopt};
    StoredResponse response{.status = row["response_status"].as<int>(), .body = row["response_body"].as<std::string>()};
    for (const auto& header : nlohmann::json::parse(row["response_headers"].as<std::string>())) {
        response.headers.emplace_back(header.at(0).get<std::string>(), header.at(1).get<std::string>());
    }
    return {KeyClaim::Kind::kReplay, std::move(response)};
}

void IdempotencyStore::Complete(runtime::pg::Transaction& tx, const std::string& key, const std::string& order_id,
                                const StoredResponse& response) const {
    nlohmann::json headers = nlohmann::json::array();
    for (const auto& [name, value] : response.headers) headers.push_back({name, value});
    runtime::pg::Exec0(tx.work(), kComplete, key, order_id, response.status, headers.dump(), response.body);
}

long IdempotencyStore::DeleteOlderThan(runtime::pg::Transaction& tx, std::chrono::seconds age) const {
    return static_cast<long>(
        runtime::pg::Exec0(tx.work(), kDeleteOld, static_cast<double>(age.count())).affected_rows());
}

}  // namespace saga::order::storage
