#include "payment/domain/payment.hpp"

#include <doctest/doctest.h>

#include "payment/handlers/payment_json.hpp"

using namespace saga::payment;

TEST_CASE("payment status: every status round-trips through its wire name — others are unknown") {
    for (const auto status : {PaymentStatus::kCaptured, PaymentStatus::kDeclined, PaymentStatus::kRefunded}) {
        CHECK(ParsePaymentStatus(ToText(status)) == status);
    }
    CHECK(ToText(PaymentStatus::kCaptured) == "CAPTURED");
    CHECK(ToText(PaymentStatus::kDeclined) == "DECLINED");
    CHECK(ToText(PaymentStatus::kRefunded) == "REFUNDED");
    CHECK_FALSE(ParsePaymentStatus("captured").has_value());
    CHECK_FALSE(ParsePaymentStatus("").has_value());
}

TEST_CASE("amount: cents become a decimal number that prints as the exact decimal") {
    CHECK(nlohmann::json(CentsToAmount(1999)).dump() == "19.99");
    CHECK(nlohmann::json(CentsToAmount(1)).dump() == "0.01");
    CHECK(nlohmann::json(CentsToAmount(0)).dump() == "0.0");
    CHECK(nlohmann::json(CentsToAmount(123456789)).dump() == "1234567.89");
    CHECK(CentsToAmount(2000) == 20.0);
}

TEST_CASE("payment json: the API fields, amount from cents, reason only when set") {
    Payment payment{.payment_id = "6f1c2b1e-8a51-4d6c-9d7e-0a8b7c6d5e4f",
                    .order_id = "o-1",
                    .amount_cents = 109998,
                    .currency = "USD",
                    .status = PaymentStatus::kCaptured,
                    .reason = std::nullopt,
                    .created_at = "2026-11-22T10:00:00.000Z",
                    .updated_at = "2026-11-22T10:00:00.000Z"};
    auto body = PaymentJson(payment);
    CHECK(body["payment_id"] == payment.payment_id);
    CHECK(body["order_id"] == "o-1");
    CHECK(body["amount"].dump() == "1099.98");
    CHECK(body["currency"] == "USD");
    CHECK(body["status"] == "CAPTURED");
    CHECK_FALSE(body.contains("reason"));

    payment.status = PaymentStatus::kDeclined;
    payment.reason = "card_declined";
    body = PaymentJson(payment);
    CHECK(body["status"] == "DECLINED");
    CHECK(body["reason"] == "card_declined");
}
