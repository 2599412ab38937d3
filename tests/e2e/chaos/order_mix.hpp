#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace saga::test::chaos {

inline constexpr const char* kPlentyProduct = "CHAOS-PLENTY";    ///< never runs out
inline constexpr const char* kLimitedProduct = "CHAOS-LIMITED";  ///< runs out during the run
inline constexpr const char* kScarceProduct = "CHAOS-SCARCE";    ///< always fewer than asked for
inline constexpr const char* kUnknownProduct = "CHAOS-NOSUCH";   ///< never created
inline constexpr int kScarceStock = 3;

/// What an order is meant to test; decides its items, token and the outcomes it may settle in.
enum class OrderKind { kHappy, kLimited, kDeclined, kOutOfStock, kUnknownProduct };

/// What became of the test's request to cancel an order.
enum class CancelAnswer {
    kNone,      ///< not asked
    kAccepted,  ///< 202: the order must end CANCELLED
    kRefused,   ///< only 409s: it was settled (rejected or cancelled) before
};

/// One order of the load: its inputs (derived from seed and index alone, so a seed replays the
/// same mix) and what the API answered.
struct OrderRecord {
    int index = 0;
    OrderKind kind = OrderKind::kHappy;
    std::string product;
    int quantity = 1;
    std::string token;
    std::string idempotency_key;
    bool wants_cancel = false;
    int cancel_delay_ms = 0;

    std::string order_id;   ///< empty while not accepted
    std::string api_error;  ///< a 4xx answer other than 409 (a bug: the body is valid)
    CancelAnswer cancel = CancelAnswer::kNone;
    bool cancel_uncertain = false;  ///< some cancel attempt got no definite answer (may have applied)

    nlohmann::json Body() const;
};

/// The inputs of order `index` of the run with `seed`.
OrderRecord MakeOrder(std::uint64_t seed, int index);

/// An order's final state as "STATUS" or "STATUS/reason".
using Outcome = std::string;

/// Every outcome the order may settle in, given its inputs and its cancel answer. A CONFIRMED
/// outcome of a limited-stock order is allowed here; the product check bounds how many there are.
std::set<Outcome> AllowedOutcomes(const OrderRecord& order);

/// The payment reason the simulated gateway gives a declined token.
std::string DeclineReason(const std::string& token);

const char* ToText(OrderKind kind);

}  // namespace saga::test::chaos
