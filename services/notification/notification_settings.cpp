#include "notification/notification_settings.hpp"

#include "events/enum_text.hpp"
#include "events/formats.hpp"
#include "notification/channels/channel_url.hpp"

namespace saga::notification {

using runtime::config::ConfigError;

NotificationSettings NotificationSettings::FromEnv(const runtime::config::Env& env) {
    NotificationSettings s;
    const std::string channel = env.Optional("NOTIFY_CHANNEL", "log");
    const auto parsed = events::ParseEnum<events::NotificationChannel>(channel);
    if (!parsed) throw ConfigError("NOTIFY_CHANNEL: must be log, smtp or webhook, not '" + channel + "'");
    s.channel = *parsed;
    // Checked now: a URL that libcurl refuses would fail every notification after its retries.
    auto usable_url = [&](const std::string& name, const std::vector<std::string>& schemes) {
        std::string url = env.RequiredUrl(name, schemes);
        if (const auto problem = UrlProblem(url)) throw ConfigError(name + ": not a usable URL: " + *problem);
        return url;
    };
    if (s.channel == events::NotificationChannel::kSmtp) s.smtp_url = usable_url("SMTP_URL", {"smtp", "smtps"});
    if (s.channel == events::NotificationChannel::kWebhook)
        s.webhook_url = usable_url("WEBHOOK_URL", {"http", "https"});
    s.smtp_from = env.Optional("SMTP_FROM", "saga@localhost");
    if (!events::IsEmail(s.smtp_from)) throw ConfigError("SMTP_FROM: must be an e-mail address");
    s.send_timeout = env.Duration("NOTIFY_SEND_TIMEOUT", s.send_timeout);
    s.retry.max_attempts = static_cast<int>(env.Int("NOTIFY_MAX_ATTEMPTS", s.retry.max_attempts, 1, 100));
    s.retry.base_delay = env.Duration("NOTIFY_RETRY_DELAY", s.retry.base_delay);
    s.poll_interval = env.Duration("NOTIFY_POLL_INTERVAL", s.poll_interval);
    s.batch_linger = env.Duration("NOTIFY_BATCH_LINGER", s.batch_linger);
    if (s.poll_interval.count() <= 0) throw ConfigError("NOTIFY_POLL_INTERVAL: must be more than 0");
    if (s.send_timeout.count() <= 0) throw ConfigError("NOTIFY_SEND_TIMEOUT: must be more than 0");
    // 0 would spend every attempt at once: a channel down for a second fails its notifications.
    if (s.retry.base_delay.count() <= 0) throw ConfigError("NOTIFY_RETRY_DELAY: must be more than 0");
    return s;
}

}  // namespace saga::notification
