#pragma once

#include "events/envelope.hpp"
#include "events/notification_channel.hpp"
#include "notification/delivery/delivery_wakeup.hpp"
#include "notification/domain/notification.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::notification {

/// What the order-event consumers share: stores `notification` for delivery through `channel`,
/// unless the order already has one for that event type (a duplicate or replayed event adds
/// nothing), and wakes the delivery task once the consumer's transaction has committed. No
/// network I/O happens here.
void RecordNotification(runtime::pg::Transaction& tx, const NewNotification& notification,
                        events::NotificationChannel channel, const events::Envelope& cause, DeliveryWakeup& wakeup);

}  // namespace saga::notification
