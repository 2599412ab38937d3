#include "payment/consumers/inventory_reserved.hpp"

#include <stdexcept>

#include "events/inventory_reserved.hpp"
#include "events/make_envelope.hpp"
#include "events/payment_completed.hpp"
#include "events/payment_failed.hpp"
#include "payment/consumers/event_source.hpp"
#include "payment/domain/gateway.hpp"
#include "payment/domain/saga_rules.hpp"
#include "payment/storage/order_store.hpp"
#include "payment/storage/payment_store.hpp"

namespace saga::payment {
namespace {

events::Envelope Announce(const Payment& payment, const GatewayDecision& decision, const events::Envelope& cause) {
    const std::string source(kServiceName);
    if (decision.approved) {
        const events::PaymentCompleted completed{.order_id = payment.order_id,
                                                 .payment_id = payment.payment_id,
                                                 .amount_cents = payment.amount_cents,
                                                 .currency = payment.currency};
        return events::MakeFollowUp(completed, source, payment.order_id, cause);
    }
    const events::PaymentFailed failed{.order_id = payment.order_id,
                                       .payment_id = payment.payment_id,
                                       .amount_cents = payment.amount_cents,
                                       .currency = payment.currency,
                                       .reason = *decision.decline_reason};
    return events::MakeFollowUp(failed, source, payment.order_id, cause);
}

}  // namespace

void OnInventoryReserved(const events::Envelope& event, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                         runtime::log::Logger& logger) {
    const auto reserved = events::DataAs<events::InventoryReserved>(event);
    const nlohmann::json log_fields = {{"order_id", reserved.order_id}, {"event_id", event.id}};
    // The order row lock serialises this charge with a concurrent cancel or reject.
    auto order = OrderStore::Lock(tx, reserved.order_id);
    const bool charged = PaymentStore::ExistsForOrder(tx, reserved.order_id);
    auto action = DecideCharge(order, charged);
    if (action == ChargeAction::kWaitForOrder) {
        if (OrderStore::ParkReservation(tx, reserved.order_id, events::Encode(event))) {
            logger.Info("order.created not seen yet; reservation parked until it is", log_fields);
            return;
        }
        order = OrderStore::Lock(tx, reserved.order_id);  // order.created or a close committed meanwhile
        action = DecideCharge(order, charged);
    }
    switch (action) {
        case ChargeAction::kWaitForOrder:
            throw std::logic_error("order " + reserved.order_id +
                                   " still waits for order.created after parking failed");
        case ChargeAction::kSkipClosed:
            logger.Info("order already closed; nothing charged", log_fields);
            return;
        case ChargeAction::kSkipAlreadyCharged:
            logger.Info("order already charged; not charging twice", log_fields);
            return;
        case ChargeAction::kCharge:
            break;
    }

    const GatewayDecision decision = Authorize(*order->payment_token);
    Payment payment{
        .payment_id = events::NewEventId(),
        .order_id = reserved.order_id,
        .amount_cents = reserved.total_cents,
        .currency = reserved.currency,
        .status = decision.approved ? PaymentStatus::kCaptured : PaymentStatus::kDeclined,
        .reason = decision.decline_reason
                      ? std::optional<std::string>(std::string(events::ToText(*decision.decline_reason)))
                      : std::nullopt,
        .created_at = {},  // both set by the database
        .updated_at = {},
    };
    PaymentStore::Insert(tx, payment);
    outbox.Append(tx, Announce(payment, decision, event));
    logger.Info(decision.approved ? "payment captured" : "payment declined", {{"order_id", payment.order_id},
                                                                              {"payment_id", payment.payment_id},
                                                                              {"amount_cents", payment.amount_cents},
                                                                              {"reason", payment.reason.value_or("")}});
}

}  // namespace saga::payment
