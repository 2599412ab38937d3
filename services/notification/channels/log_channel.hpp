#pragma once

#include "notification/channels/channel.hpp"
#include "runtime/log/logger.hpp"

namespace saga::notification {

/// Delivers a notification as one structured line of the service log (the default channel,
/// for local use and demos). Never fails.
class LogChannel : public Channel {
  public:
    explicit LogChannel(runtime::log::Logger& logger) : logger_(logger) {}
    void Send(const Notification& notification) override;

  private:
    runtime::log::Logger& logger_;
};

}  // namespace saga::notification
