#pragma once

#include <memory>

#include "notification/channels/channel.hpp"
#include "notification/notification_settings.hpp"
#include "runtime/log/logger.hpp"

namespace saga::notification {

/// The channel `settings` ask for. `logger` must outlive it.
std::unique_ptr<Channel> MakeChannel(const NotificationSettings& settings, runtime::log::Logger& logger);

}  // namespace saga::notification
