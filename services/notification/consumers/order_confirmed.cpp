#include "notification/consumers/order_confirmed.hpp"

#include "events/order_confirmed.hpp"
#include "notification/consumers/record_notification.hpp"
#include "notification/domain/new_notification.hpp"

namespace saga::notification {

runtime::messaging::EventHandler OnOrderConfirmed(events::NotificationChannel channel, DeliveryWakeup& wakeup) {
    return [channel, &wakeup](const events::Envelope& event, runtime::pg::Transaction& tx) {
        const auto order = events::DataAs<events::OrderConfirmed>(event);
        RecordNotification(tx, NotificationFor(order), channel, event, wakeup);
    };
}

}  // namespace saga::notification
