#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"
#include "events/notification_channel.hpp"

namespace saga::events {

/// `notification.failed` (notification service): delivery gave up after `attempts` tries.
struct NotificationFailed {
    static constexpr std::string_view kType = "notification.failed";

    std::string notification_id;
    std::string order_id;
    std::string event_type;  ///< the type of the event notified about, e.g. "order.confirmed"
    NotificationChannel channel = NotificationChannel::kLog;
    std::string recipient;      ///< 1..2048 characters
    std::string reason;         ///< 1..1000 characters, for people
    std::int64_t attempts = 0;  ///< >= 1

    bool operator==(const NotificationFailed&) const = default;
};

nlohmann::json ToJson(const NotificationFailed& event);
template <>
std::vector<FieldError> Validate<NotificationFailed>(const nlohmann::json& data);
template <>
NotificationFailed FromJson<NotificationFailed>(const nlohmann::json& data);

}  // namespace saga::events
