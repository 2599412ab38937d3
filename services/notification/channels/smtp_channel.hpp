#pragma once

#include <chrono>
#include <string>

#include "notification/channels/channel.hpp"

namespace saga::notification {

/// Delivers a notification as an e-mail (RFC 5322, see mail_message.hpp) through the SMTP server
/// at `url` (smtp://host:port or smtps://), with libcurl. A recipient that is not an e-mail
/// address (an order without one) is a PermanentDeliveryError; anything the server or the
/// network refuses is an ordinary failure, retried.
class SmtpChannel : public Channel {
  public:
    SmtpChannel(std::string url, std::string from, std::chrono::milliseconds timeout)
        : url_(std::move(url)), from_(std::move(from)), timeout_(timeout) {}
    void Send(const Notification& notification) override;

  private:
    std::string url_;
    std::string from_;
    std::chrono::milliseconds timeout_;
};

}  // namespace saga::notification
