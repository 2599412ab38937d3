#include "payment/domain/payment.hpp"

namespace saga::payment {

std::string_view ToText(PaymentStatus status) {
    switch (status) {
        case PaymentStatus::kCaptured:
            return "CAPTURED";
        case PaymentStatus::kDeclined:
            return "DECLINED";
        case PaymentStatus::kRefunded:
            return "REFUNDED";
    }
    return "UNKNOWN";
}

std::optional<PaymentStatus> ParsePaymentStatus(std::string_view text) {
    for (const auto status : {PaymentStatus::kCaptured, PaymentStatus::kDeclined, PaymentStatus::kRefunded}) {
        if (ToText(status) == text) return status;
    }
    return std::nullopt;
}

double CentsToAmount(std::int64_t cents) {
    // One correctly rounded division gives the double nearest to the decimal value, which the
    // JSON writer prints back as that decimal (1999 → 19.99).
    return static_cast<double>(cents) / 100.0;
}

}  // namespace saga::payment
