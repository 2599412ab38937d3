#include "notification/channels/make_channel.hpp"

#include "notification/channels/log_channel.hpp"
#include "notification/channels/smtp_channel.hpp"
#include "notification/channels/webhook_channel.hpp"

namespace saga::notification {

std::unique_ptr<Channel> MakeChannel(const NotificationSettings& settings, runtime::log::Logger& logger) {
    switch (settings.channel) {
        case events::NotificationChannel::kSmtp:
            return std::make_unique<SmtpChannel>(settings.smtp_url, settings.smtp_from, settings.send_timeout);
        case events::NotificationChannel::kWebhook:
            return std::make_unique<WebhookChannel>(settings.webhook_url, settings.send_timeout);
        case events::NotificationChannel::kLog:
            break;
    }
    return std::make_unique<LogChannel>(logger);
}

}  // namespace saga::notification
