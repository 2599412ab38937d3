#pragma once

#include <array>
#include <string_view>

#include "events/enum_text.hpp"

namespace saga::events {

/// How a notification is delivered.
enum class NotificationChannel { kLog, kSmtp, kWebhook };

template <>
struct EnumTraits<NotificationChannel> {
    static constexpr std::array<std::string_view, 3> kNames{"log", "smtp", "webhook"};
};

}  // namespace saga::events
