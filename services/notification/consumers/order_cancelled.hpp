#pragma once

#include "events/notification_channel.hpp"
#include "notification/delivery/delivery_wakeup.hpp"
#include "runtime/messaging/consumer_loop.hpp"

namespace saga::notification {

/// `order.cancelled` → one notification for the order (at most one per order and event type),
/// PENDING for delivery through `channel`. `wakeup` must outlive the handler.
runtime::messaging::EventHandler OnOrderCancelled(events::NotificationChannel channel, DeliveryWakeup& wakeup);

}  // namespace saga::notification
