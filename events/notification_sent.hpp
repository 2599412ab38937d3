#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"
#include "events/notification_channel.hpp"

namespace saga::events {

/// `notification.sent` (notification service): a notification about an order event was delivered.
struct NotificationSent {
    static constexpr std::string_view kType = "notification.sent";

    std::string notification_id;
    std::string order_id;
    std::string event_type;  ///< the type of the event notified about, e.g. "order.confirmed"
    NotificationChannel channel = NotificationChannel::kLog;
    std::string recipient;  ///< 1..2048 characters: address, URL or log name

    bool operator==(const NotificationSent&) const = default;
};

nlohmann::json ToJson(const NotificationSent& event);
template <>
std::vector<FieldError> Validate<NotificationSent>(const nlohmann::json& data);
template <>
NotificationSent FromJson<NotificationSent>(const nlohmann::json& data);

}  // namespace saga::events
