// notification-service: turns settled orders into notifications and delivers them.
// Threads: HTTP I/O + handler pool (GET /api/notifications, /health, /metrics); the consumer
// (order.confirmed/rejected/cancelled → PENDING rows); the outbox relay; and the delivery task
// (PENDING rows → channel → SENT/FAILED + notification.sent/failed).
#include <iostream>

#include "notification/channels/curl_easy.hpp"
#include "notification/channels/make_channel.hpp"
#include "notification/consumers/order_cancelled.hpp"
#include "notification/consumers/order_confirmed.hpp"
#include "notification/consumers/order_rejected.hpp"
#include "notification/delivery/delivery_worker.hpp"
#include "notification/handlers/list_notifications.hpp"
#include "notification/notification_settings.hpp"
#include "runtime/service/service_host.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& NotificationMigrations();
}

int main() {
    using namespace saga;
    using namespace saga::notification;
    runtime::service::ServiceConfig config;
    NotificationSettings settings;
    try {
        const runtime::config::Env env;
        config = runtime::service::ServiceConfig::FromEnv(env, "notification-service", 8084);
        settings = NotificationSettings::FromEnv(env);
        config.consumer_batch_linger = settings.batch_linger;
        config.consumer_batch_min_expected = 1;  // off the saga's path: lingers once one more is expected
    } catch (const runtime::config::ConfigError& error) {
        std::cerr << "notification-service: configuration error: " << error.what() << "\n";
        return 2;
    }
    runtime::log::Logger logger(config.name, std::clog, config.log_level);
    try {
        const CurlGlobal curl;
        runtime::service::ServiceHost host(config, logger);
        host.Migrate(embedded::NotificationMigrations());

        DeliveryWakeup wakeup;
        host.events()
            .On("order.confirmed", OnOrderConfirmed(settings.channel, wakeup))
            .On("order.rejected", OnOrderRejected(settings.channel, wakeup))
            .On("order.cancelled", OnOrderCancelled(settings.channel, wakeup));
        host.router().Add("GET", "/api/notifications", ListNotificationsHandler(host.database()));

        const auto channel = MakeChannel(settings, logger);
        DeliveryWorker worker({.source = config.name,
                               .channel = settings.channel,
                               .retry = settings.retry,
                               .poll_interval = settings.poll_interval,
                               .batch_linger = settings.batch_linger,
                               .send_timeout = settings.send_timeout},
                              host.database(), host.outbox(), *channel, wakeup, logger);
        host.AddTask("notification-delivery", [&worker](std::stop_token stop) { worker.Run(stop); });
        return host.Run();
    } catch (const std::exception& error) {
        logger.Error("notification-service stopped", {{"error", error.what()}});
        return 1;
    }
}
