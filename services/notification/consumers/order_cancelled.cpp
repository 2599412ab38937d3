#include "notification/consumers/order_cancelled.hpp"

#include "events/order_cancelled.hpp"
#include "notification/consumers/record_notification.hpp"
#include "notification/domain/new_notification.hpp"

namespace saga::notification {

runtime::messaging::EventHandler OnOrderCancelled(events::NotificationChannel channel, DeliveryWakeup& wakeup) {
    return [channel, &wakeup](const events::Envelope& event, runtime::pg::Transaction& tx) {
        const auto order = events::DataAs<events::OrderCancelled>(event);
        RecordNotification(tx, NotificationFor(order), channel, event, wakeup);
    };
}

}  // namespace saga::notification
