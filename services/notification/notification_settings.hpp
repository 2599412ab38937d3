#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "events/notification_channel.hpp"
#include "notification/domain/failure.hpp"
#include "runtime/config/env.hpp"

namespace saga::notification {

/// The notification service's own configuration (on top of runtime ServiceConfig).
struct NotificationSettings {
    events::NotificationChannel channel = events::NotificationChannel::kLog;  ///< NOTIFY_CHANNEL: log|smtp|webhook
    std::string smtp_url;                           ///< SMTP_URL (smtp:// or smtps://), required for smtp
    std::string smtp_from;                          ///< SMTP_FROM, default saga@localhost
    std::string webhook_url;                        ///< WEBHOOK_URL (http:// or https://), required for webhook
    std::chrono::milliseconds send_timeout{10000};  ///< NOTIFY_SEND_TIMEOUT: one SMTP or HTTP exchange
    RetryPolicy retry;  ///< NOTIFY_MAX_ATTEMPTS (default 5), NOTIFY_RETRY_DELAY (default 1s)
    std::chrono::milliseconds poll_interval{1000};  ///< NOTIFY_POLL_INTERVAL: longest idle sleep
    /// NOTIFY_BATCH_LINGER: while events and notifications arrive faster than one per linger, the
    /// consumer gathers a batch for this long and the delivery task waits this long before each
    /// claim, so both work in fuller batches; 0 turns it off.
    std::chrono::milliseconds batch_linger{50};

    /// Reads and checks the variables above. Throws config::ConfigError naming the variable when
    /// one is malformed, or when the chosen channel's URL (SMTP_URL / WEBHOOK_URL) is missing.
    static NotificationSettings FromEnv(const runtime::config::Env& env);
};

}  // namespace saga::notification
