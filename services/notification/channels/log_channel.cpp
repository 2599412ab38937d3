#include "notification/channels/log_channel.hpp"

namespace saga::notification {

void LogChannel::Send(const Notification& notification) {
    logger_.Info("notification", {{"notification_id", notification.notification_id},
                                  {"order_id", notification.order_id},
                                  {"event_type", notification.event_type},
                                  {"recipient", notification.recipient},
                                  {"subject", notification.subject},
                                  {"body", notification.body},
                                  {"correlation_id", notification.cause.correlation_id}});
}

}  // namespace saga::notification
