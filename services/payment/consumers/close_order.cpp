#include "payment/consumers/close_order.hpp"

#include "events/make_envelope.hpp"
#include "payment/consumers/event_source.hpp"
#include "payment/storage/order_store.hpp"
#include "payment/storage/payment_store.hpp"

namespace saga::payment {

void CloseOrderAndRefund(const events::Envelope& cause, const std::string& order_id, const std::string& customer_id,
                         events::RefundReason reason, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                         runtime::log::Logger& logger) {
    const std::string reason_text(events::ToText(reason));
    // Closing first takes the order's row lock, so a concurrent charge either finished before
    // (and is refunded below) or sees the order closed and charges nothing.
    OrderStore::Close(tx, order_id, customer_id, reason_text);
    const auto refunded = PaymentStore::RefundCaptured(tx, order_id, reason_text);
    if (!refunded) return;
    const events::PaymentRefunded event{.order_id = refunded->order_id,
                                        .payment_id = refunded->payment_id,
                                        .amount_cents = refunded->amount_cents,
                                        .currency = refunded->currency,
                                        .reason = reason};
    outbox.Append(tx, events::MakeFollowUp(event, std::string(kServiceName), order_id, cause));
    logger.Info("payment refunded", {{"order_id", order_id},
                                     {"payment_id", refunded->payment_id},
                                     {"amount_cents", refunded->amount_cents},
                                     {"reason", reason_text}});
}

}  // namespace saga::payment
