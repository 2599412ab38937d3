#include <doctest/doctest.h>

#include <map>
#include <tuple>
#include <vector>

#include "notification/notification_settings.hpp"

using namespace saga;
using namespace saga::notification;
using runtime::config::ConfigError;

namespace {

runtime::config::Env EnvOf(std::map<std::string, std::string> values) {
    return runtime::config::Env([values](const std::string& name) -> std::optional<std::string> {
        const auto it = values.find(name);
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    });
}

std::string ErrorOf(const std::map<std::string, std::string>& values) {
    try {
        NotificationSettings::FromEnv(EnvOf(values));
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("settings: defaults are the log channel, 5 attempts, 1s base delay") {
    const auto s = NotificationSettings::FromEnv(EnvOf({}));
    CHECK(s.channel == events::NotificationChannel::kLog);
    CHECK(s.retry.max_attempts == 5);
    CHECK(s.retry.base_delay == std::chrono::milliseconds{1000});
    CHECK(s.smtp_from == "saga@localhost");
    CHECK(s.batch_linger == std::chrono::milliseconds{50});
}

TEST_CASE("settings: NOTIFY_BATCH_LINGER sets the delivery task's linger, 0 turns it off") {
    CHECK(NotificationSettings::FromEnv(EnvOf({{"NOTIFY_BATCH_LINGER", "0"}})).batch_linger.count() == 0);
    CHECK(NotificationSettings::FromEnv(EnvOf({{"NOTIFY_BATCH_LINGER", "200ms"}})).batch_linger ==
          std::chrono::milliseconds{200});
}

TEST_CASE("settings: smtp and webhook read their URLs and the retry variables") {
    const auto smtp = NotificationSettings::FromEnv(EnvOf({{"NOTIFY_CHANNEL", "smtp"},
                                                           {"SMTP_URL", "smtp://127.0.0.1:2525"},
                                                           {"SMTP_FROM", "shop@example.com"},
                                                           {"NOTIFY_MAX_ATTEMPTS", "3"},
                                                           {"NOTIFY_RETRY_DELAY", "50ms"}}));
    CHECK(smtp.channel == events::NotificationChannel::kSmtp);
    CHECK(smtp.smtp_url == "smtp://127.0.0.1:2525");
    CHECK(smtp.smtp_from == "shop@example.com");
    CHECK(smtp.retry.max_attempts == 3);
    CHECK(smtp.retry.base_delay == std::chrono::milliseconds{50});
    const auto webhook =
        NotificationSettings::FromEnv(EnvOf({{"NOTIFY_CHANNEL", "webhook"}, {"WEBHOOK_URL", "http://h:1/x"}}));
    CHECK(webhook.channel == events::NotificationChannel::kWebhook);
    CHECK(webhook.webhook_url == "http://h:1/x");
}

TEST_CASE("settings: a missing URL for the chosen channel is an error naming the variable") {
    CHECK(ErrorOf({{"NOTIFY_CHANNEL", "smtp"}}).find("SMTP_URL") != std::string::npos);
    CHECK(ErrorOf({{"NOTIFY_CHANNEL", "webhook"}}).find("WEBHOOK_URL") != std::string::npos);
    CHECK(ErrorOf({{"NOTIFY_CHANNEL", "webhook"}, {"WEBHOOK_URL", "ftp://x"}}).find("WEBHOOK_URL") !=
          std::string::npos);
}

TEST_CASE("settings: a channel URL that libcurl cannot use is refused at start, not retried on every notification") {
    for (const auto& [variable, channel, url] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"WEBHOOK_URL", "webhook", "http://127.0.0.1:99999/"},
             {"WEBHOOK_URL", "webhook", "http://exa mple/hook"},
             {"SMTP_URL", "smtp", "smtp://:25"}}) {
        CAPTURE(url);
        const auto error = ErrorOf({{"NOTIFY_CHANNEL", channel}, {variable, url}});
        CHECK(error.find(variable) != std::string::npos);
        CHECK(error.find(url) == std::string::npos);  // it may hold credentials
    }
    CHECK(ErrorOf({{"NOTIFY_CHANNEL", "webhook"}, {"WEBHOOK_URL", "https://u:p@hooks.example:8443/h?token=t"}}) == "");
}

TEST_CASE("settings: malformed values are errors naming the variable") {
    CHECK(ErrorOf({{"NOTIFY_CHANNEL", "pigeon"}}).find("NOTIFY_CHANNEL") != std::string::npos);
    CHECK(ErrorOf({{"NOTIFY_MAX_ATTEMPTS", "0"}}).find("NOTIFY_MAX_ATTEMPTS") != std::string::npos);
    CHECK(ErrorOf({{"NOTIFY_RETRY_DELAY", "soon"}}).find("NOTIFY_RETRY_DELAY") != std::string::npos);
    CHECK(ErrorOf({{"NOTIFY_RETRY_DELAY", "0"}}).find("NOTIFY_RETRY_DELAY") != std::string::npos);
    CHECK(ErrorOf({{"SMTP_FROM", "nobody"}}).find("SMTP_FROM") != std::string::npos);
    CHECK(ErrorOf({{"NOTIFY_BATCH_LINGER", "-5ms"}}).find("NOTIFY_BATCH_LINGER") != std::string::npos);
}
