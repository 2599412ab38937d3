#include "notification/notification_settings.hpp"

#include "events/enum_text.hpp"
#include "events/formats.hpp"

namespace saga::notification {

using runtime::config::ConfigError;

NotificationSettings NotificationSettings::FromEnv(const runtime::config::Env& env) {
    NotificationSettings s;
    const std::string channel = env.Optional("NOTIFY_CHANNEL", "log");
    const auto parsed = events::ParseEnum<events::NotificationChannel>(channel);
    if (!parsed) throw ConfigError("NOTIFY_CHANNEL: must be log, smtp or webhook, not '" + channel + "'");
    s.channel = *parsed;
    if (s.channel == events::NotificationChannel::kSmtp) s.smtp_url = env.RequiredUrl("SMTP_URL", {"smtp", "smtps"});
    if (s.channel == events::NotificationChannel::kWebhook) {
        s.webhook_url = env.RequiredUrl("WEBHOOK_URL", {"http", "https"});
    }
    s.smtp_from = env.Optional("SMTP_FROM", "saga@localhost");
    if (!events::IsEmail(s.smtp_from)) throw ConfigError("SMTP_FROM: must be an e-mail address");
    s.send_timeout = env.Duration("NOTIFY_SEND_TIMEOUT", s.send_timeout);
    s.retry.max_attempts = static_cast<int>(env.Int("NOTIFY_MAX_ATTEMPTS", s.retry.max_attempts, 1, 100));
    s.retry.base_delay = env.Duration("NOTIFY_RETRY_DELAY", s.retry.base_delay);
    s.poll_interval = env.Duration("NOTIFY_POLL_INTERVAL", s.poll_interval);
    s.batch_linger = env.Duration("NOTIFY_BATCH_LINGER", s.batch_linger);
    if (s.poll_interval.count() <= 0) throw ConfigError("NOTIFY_POLL_INTERVAL: must be more than 0");
    if (s.send_timeout.count() <= 0) throw ConfigError("NOTIFY_SEND_TIMEOUT: must be more than 0");
    return s;
}

}  // namespace saga::notification
