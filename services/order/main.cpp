// order-service: owns the order state and decides the saga's outcome (docs/saga.md).
// Threads (see ServiceHost): HTTP I/O + handler pool, one consumer, one outbox relay, and the
// expiry sweeper task.
#include <iostream>

#include "events/order_ids.hpp"
#include "order/consumers/inventory_reservation_failed.hpp"
#include "order/consumers/inventory_reserved.hpp"
#include "order/consumers/payment_completed.hpp"
#include "order/consumers/payment_failed.hpp"
#include "order/handlers/cancel_order.hpp"
#include "order/handlers/create_order.hpp"
#include "order/handlers/get_order.hpp"
#include "order/handlers/list_orders.hpp"
#include "order/storage/idempotency_store.hpp"
#include "order/storage/order_repository.hpp"
#include "order/tasks/expiry_sweeper.hpp"
#include "order/workflow/order_transitions.hpp"
#include "runtime/config/env.hpp"
#include "runtime/service/service_host.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& OrderMigrations();
}

namespace {

using namespace saga;
using namespace saga::runtime;

constexpr std::uint16_t kDefaultPort = 8081;

struct OrderConfig {
    service::ServiceConfig service;
    std::chrono::milliseconds idempotency_wait;
    order::tasks::SweeperOptions sweeper;
};

OrderConfig ReadConfig(const config::Env& env) {
    OrderConfig c{.service = service::ServiceConfig::FromEnv(env, "order-service", kDefaultPort),
                  .idempotency_wait = env.Duration("IDEMPOTENCY_WAIT", std::chrono::milliseconds{0}),
                  .sweeper = {}};
    c.sweeper.interval = env.Duration("EXPIRY_SWEEP_INTERVAL", std::chrono::seconds{5});
    c.sweeper.key_retention =
        std::chrono::duration_cast<std::chrono::seconds>(env.Duration("IDEMPOTENCY_RETENTION", std::chrono::hours{24}));
    if (c.sweeper.interval.count() <= 0) throw config::ConfigError("EXPIRY_SWEEP_INTERVAL: must be positive");
    // Below a second it was cut to 0 s: every key deleted at the next sweep, and a client's retry a
    // few seconds later made a second order.
    if (c.sweeper.key_retention.count() < 1) throw config::ConfigError("IDEMPOTENCY_RETENTION: must be at least 1s");
    return c;
}

int Serve(const OrderConfig& config) {
    log::Logger logger(config.service.name, std::clog, config.service.log_level);
    service::ServiceHost host(config.service, logger);
    host.Migrate(embedded::OrderMigrations());

    const order::storage::OrderRepository orders;
    const order::storage::IdempotencyStore keys(config.idempotency_wait);
    const order::workflow::OutcomeMetrics outcomes(host.metrics());
    const order::workflow::OrderTransitions transitions(orders, host.outbox(), logger, config.service.name, &outcomes);

    auto& router = host.router();
    router.Add(
        "POST", "/api/orders",
        order::handlers::CreateOrder(host.database(), orders, keys, host.outbox(), config.service.name, &outcomes));
    router.Add("GET", "/api/orders", order::handlers::ListOrders(host.database(), orders));
    router.Add("GET", "/api/orders/{order_id}", order::handlers::GetOrder(host.database(), orders));
    router.Add("POST", "/api/orders/{order_id}/cancel",
               order::handlers::CancelOrder(host.database(), orders, transitions));

    auto consume = [&](auto handler) {
        return [&, handler](const events::Envelope& event, pg::Transaction& tx) {
            handler(transitions, orders, event, tx);
        };
    };
    host.events()
        .On("inventory.reserved", consume(order::consumers::OnInventoryReserved))
        .On("inventory.reservation_failed", consume(order::consumers::OnInventoryReservationFailed))
        .On("payment.completed", consume(order::consumers::OnPaymentCompleted))
        .On("payment.failed", consume(order::consumers::OnPaymentFailed))
        // The batch's orders locked in one statement; each handler then finds its order locked.
        .BeforeBatch([&](const auto& batch, pg::Transaction& tx) { orders.LockAll(tx, events::OrderIdsOf(batch)); });

    order::tasks::ExpirySweeper sweeper(host.database(), orders, keys, transitions, logger, config.sweeper);
    host.AddTask("expiry-sweeper", [&sweeper](std::stop_token stop) { sweeper.Run(stop); });

    return host.Run();
}

}  // namespace

int main() {
    OrderConfig config;
    try {
        config = ReadConfig(config::Env());
    } catch (const config::ConfigError& error) {
        std::cerr << "order-service: configuration error: " << error.what() << "\n";
        return 2;
    }
    try {
        return Serve(config);
    } catch (const std::exception& error) {
        std::cerr << "order-service: fatal: " << error.what() << "\n";
        return 1;
    }
}
