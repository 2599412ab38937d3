#include "e2e/chaos/order_mix.hpp"

#include <fmt/format.h>

#include <random>

namespace saga::test::chaos {

nlohmann::json OrderRecord::Body() const {
    return {{"customer_id", fmt::format("chaos-{}", index)},
            {"email", fmt::format("c{}@chaos.example", index)},
            {"items", nlohmann::json::array({{{"product_id", product}, {"quantity", quantity}}})},
            {"payment_token", token}};
}

OrderRecord MakeOrder(std::uint64_t seed, int index) {
    std::mt19937_64 random(seed * 1000003ULL + static_cast<std::uint64_t>(index));
    auto percent = [&] { return static_cast<int>(random() % 100); };
    OrderRecord order;
    order.index = index;
    order.idempotency_key = fmt::format("chaos-{}-{}", seed, index);
    order.token = "tok_visa";
    const int pick = percent();
    if (pick < 45) {
        order.kind = OrderKind::kHappy;
        order.product = kPlentyProduct;
        order.quantity = 1 + static_cast<int>(random() % 3);
    } else if (pick < 60) {
        order.kind = OrderKind::kLimited;
        order.product = kLimitedProduct;
    } else if (pick < 78) {
        static const char* const kDeclined[] = {"tok_chargeDeclined", "tok_chargeDeclinedInsufficientFunds",
                                                "tok_bogus"};
        order.kind = OrderKind::kDeclined;
        order.product = kPlentyProduct;
        order.token = kDeclined[random() % 3];
    } else if (pick < 92) {
        order.kind = OrderKind::kOutOfStock;
        order.product = kScarceProduct;
        order.quantity = kScarceStock + 1 + static_cast<int>(random() % 50);
    } else {
        order.kind = OrderKind::kUnknownProduct;
        order.product = kUnknownProduct;
    }
    order.wants_cancel = percent() < 20;
    order.cancel_delay_ms = static_cast<int>(random() % 1500);
    return order;
}

std::set<Outcome> AllowedOutcomes(const OrderRecord& order) {
    std::set<Outcome> natural;
    switch (order.kind) {
        case OrderKind::kHappy:
            natural = {"CONFIRMED"};
            break;
        case OrderKind::kLimited:
            natural = {"CONFIRMED", "REJECTED/out_of_stock"};
            break;
        case OrderKind::kDeclined:
            natural = {"REJECTED/payment_declined"};
            break;
        case OrderKind::kOutOfStock:
            natural = {"REJECTED/out_of_stock"};
            break;
        case OrderKind::kUnknownProduct:
            natural = {"REJECTED/unknown_product"};
            break;
    }
    if (order.cancel == CancelAnswer::kAccepted) return {"CANCELLED"};
    if (order.cancel == CancelAnswer::kRefused) {
        // A 409 means the order was rejected already, or cancelled by an earlier attempt whose
        // answer was lost.
        std::set<Outcome> allowed;
        for (const auto& outcome : natural) {
            if (outcome.starts_with("REJECTED")) allowed.insert(outcome);
        }
        if (order.cancel_uncertain) allowed.insert("CANCELLED");
        return allowed;
    }
    if (order.cancel_uncertain) natural.insert("CANCELLED");
    return natural;
}

std::string DeclineReason(const std::string& token) {
    if (token == "tok_chargeDeclined") return "card_declined";
    if (token == "tok_chargeDeclinedInsufficientFunds") return "insufficient_funds";
    return "invalid_token";
}

const char* ToText(OrderKind kind) {
    switch (kind) {
        case OrderKind::kHappy:
            return "happy";
        case OrderKind::kLimited:
            return "limited";
        case OrderKind::kDeclined:
            return "declined";
        case OrderKind::kOutOfStock:
            return "out_of_stock";
        case OrderKind::kUnknownProduct:
            return "unknown_product";
    }
    return "?";
}

}  // namespace saga::test::chaos
