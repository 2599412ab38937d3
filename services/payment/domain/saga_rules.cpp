#include "payment/domain/saga_rules.hpp"

namespace saga::payment {

ChargeAction DecideCharge(const std::optional<OrderPaymentInfo>& order, bool already_charged) {
    if (!order) return ChargeAction::kWaitForOrder;
    if (order->closed()) return ChargeAction::kSkipClosed;
    if (already_charged) return ChargeAction::kSkipAlreadyCharged;
    // A row that an early inventory.reserved created lacks a token: wait for order.created.
    if (!order->payment_token) return ChargeAction::kWaitForOrder;
    return ChargeAction::kCharge;
}

events::RefundReason RefundReasonFor(events::OrderRejectionReason rejection) {
    return rejection == events::OrderRejectionReason::kReservationExpired ? events::RefundReason::kReservationExpired
                                                                          : events::RefundReason::kOrderRejected;
}

}  // namespace saga::payment
