#include "notification/consumers/record_notification.hpp"

#include "notification/storage/notification_store.hpp"

namespace saga::notification {

void RecordNotification(runtime::pg::Transaction& tx, const NewNotification& notification,
                        events::NotificationChannel channel, const events::Envelope& cause, DeliveryWakeup& wakeup) {
    const EventCause origin{
        .event_id = cause.id, .correlation_id = cause.correlation_id, .traceparent = cause.traceparent};
    InsertNotification(tx, notification, channel, origin, [&wakeup] { wakeup.Signal(); });
}

}  // namespace saga::notification
