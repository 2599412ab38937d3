#include "notification/domain/new_notification.hpp"

#include <fmt/format.h>

namespace saga::notification {
namespace {

std::string_view RejectionText(events::OrderRejectionReason reason) {
    switch (reason) {
        case events::OrderRejectionReason::kOutOfStock:
            return "some of the items are out of stock";
        case events::OrderRejectionReason::kUnknownProduct:
            return "some of the items are not in our catalogue";
        case events::OrderRejectionReason::kPaymentDeclined:
            return "the payment was declined";
        case events::OrderRejectionReason::kReservationExpired:
            return "the payment did not arrive before the reserved items were released";
    }
    return "it could not be completed";
}

std::string_view CancellationText(events::CancelledFromStatus previous) {
    switch (previous) {
        case events::CancelledFromStatus::kPending:
            return "Nothing was charged.";
        case events::CancelledFromStatus::kAwaitingPayment:
            return "Any amount charged will be refunded.";
        case events::CancelledFromStatus::kConfirmed:
            return "Your payment will be refunded.";
    }
    return "";
}

}  // namespace

std::string Recipient(const std::optional<std::string>& email, const std::string& customer_id) {
    return email && !email->empty() ? *email : customer_id;
}

std::string FormatMoney(std::int64_t cents, std::string_view currency) {
    const char* sign = cents < 0 ? "-" : "";
    // Negate as unsigned so that the most negative value does not overflow.
    const std::uint64_t magnitude =
        cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    return fmt::format("{}{}.{:02} {}", sign, magnitude / 100, magnitude % 100, currency);
}

NewNotification NotificationFor(const events::OrderConfirmed& event) {
    return {
        .order_id = event.order_id,
        .event_type = std::string(events::OrderConfirmed::kType),
        .recipient = Recipient(event.email, event.customer_id),
        .subject = fmt::format("Order {} confirmed", event.order_id),
        .body = fmt::format(
            "Hello {},\n\nyour order {} is confirmed. Total charged: {}.\n\nThank you for shopping with us.\n",
            event.customer_id, event.order_id, FormatMoney(event.total_cents, event.currency)),
    };
}

NewNotification NotificationFor(const events::OrderRejected& event) {
    std::string detail = event.detail ? fmt::format("\nDetails: {}\n", *event.detail) : std::string();
    return {
        .order_id = event.order_id,
        .event_type = std::string(events::OrderRejected::kType),
        .recipient = Recipient(event.email, event.customer_id),
        .subject = fmt::format("Order {} could not be completed", event.order_id),
        .body = fmt::format(
            "Hello {},\n\nwe could not complete your order {}: {} (reason: {}).\n{}\nAny amount charged will be "
            "refunded.\n",
            event.customer_id, event.order_id, RejectionText(event.reason), events::ToText(event.reason), detail),
    };
}

NewNotification NotificationFor(const events::OrderCancelled& event) {
    return {
        .order_id = event.order_id,
        .event_type = std::string(events::OrderCancelled::kType),
        .recipient = Recipient(event.email, event.customer_id),
        .subject = fmt::format("Order {} cancelled", event.order_id),
        .body = fmt::format("Hello {},\n\nyour order {} has been cancelled as requested. {}\n", event.customer_id,
                            event.order_id, CancellationText(event.previous_status)),
    };
}

}  // namespace saga::notification
