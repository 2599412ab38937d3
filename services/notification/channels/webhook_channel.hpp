#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "notification/channels/channel.hpp"

namespace saga::notification {

/// Delivers a notification as an HTTP POST of JSON (WebhookPayload) to `url`, with libcurl.
/// Any answer other than 2xx, or no answer, is a failure (retried).
class WebhookChannel : public Channel {
  public:
    WebhookChannel(std::string url, std::chrono::milliseconds timeout) : url_(std::move(url)), timeout_(timeout) {}
    void Send(const Notification& notification) override;

  private:
    std::string url_;
    std::chrono::milliseconds timeout_;
};

/// The webhook body: {notification_id, order_id, event_type, recipient, subject, body,
/// correlation_id}. Pure.
nlohmann::json WebhookPayload(const Notification& notification);

}  // namespace saga::notification
