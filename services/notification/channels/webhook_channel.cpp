#include "notification/channels/webhook_channel.hpp"

#include <stdexcept>

#include "notification/channels/channel_url.hpp"
#include "notification/channels/curl_easy.hpp"

namespace saga::notification {

nlohmann::json WebhookPayload(const Notification& notification) {
    return {{"notification_id", notification.notification_id},
            {"order_id", notification.order_id},
            {"event_type", notification.event_type},
            {"recipient", notification.recipient},
            {"subject", notification.subject},
            {"body", notification.body},
            {"correlation_id", notification.cause.correlation_id}};
}

void WebhookChannel::Send(const Notification& notification) {
    CurlEasy curl(timeout_);
    const std::string body =
        WebhookPayload(notification).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const long status = curl.Post(
        url_, body, {"Content-Type: application/json", "Expect:", "Idempotency-Key: " + notification.notification_id});
    if (status < 200 || status > 299) {
        throw std::runtime_error("webhook " + UrlForMessages(url_) + " answered HTTP " + std::to_string(status));
    }
}

}  // namespace saga::notification
