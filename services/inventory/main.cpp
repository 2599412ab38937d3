// inventory-service: owns stock and reservations (docs/saga.md "Inventory service").
// Threads are the ServiceHost's: HTTP I/O + handler pool, one consumer, one outbox relay.
#include <iostream>

#include "inventory/app/inventory.hpp"
#include "inventory/consumers/batch_locks.hpp"
#include "inventory/consumers/order_cancelled.hpp"
#include "inventory/consumers/order_confirmed.hpp"
#include "inventory/consumers/order_created.hpp"
#include "inventory/consumers/order_rejected.hpp"
#include "inventory/handlers/create_product.hpp"
#include "inventory/handlers/get_product.hpp"
#include "inventory/handlers/list_products.hpp"
#include "inventory/handlers/restock_product.hpp"
#include "inventory/storage/reservation_store.hpp"
#include "runtime/service/service_host.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& InventoryMigrations();
}

using namespace saga;
using namespace saga::inventory;

int main() {
    try {
        const runtime::config::Env env;
        auto config = runtime::service::ServiceConfig::FromEnv(env, kServiceName, kDefaultPort);
        const auto settings = InventorySettings::FromEnv(env);
        runtime::log::Logger logger(kServiceName, std::clog, config.log_level);
        runtime::service::ServiceHost host(std::move(config), logger);
        host.Migrate(embedded::InventoryMigrations());

        Inventory inventory{host.outbox(), logger, settings};
        const auto& token = host.config().admin_token;
        auto& routes = host.router();
        routes.Add("GET", "/api/inventory", handlers::ListProducts(host.database()));
        routes.Add("GET", "/api/inventory/{product_id}", handlers::GetProduct(host.database()));
        routes.Add("POST", "/api/inventory", handlers::CreateProduct(host.database(), token));
        routes.Add("PATCH", "/api/inventory/{product_id}", handlers::RestockProduct(host.database(), inventory, token));

        auto bind = [&inventory](auto consumer) {
            return [&inventory, consumer](const events::Envelope& event, runtime::pg::Transaction& tx) {
                consumer(inventory, event, tx);
            };
        };
        host.events()
            .On("order.created", bind(consumers::OnOrderCreated))
            .On("order.confirmed", bind(consumers::OnOrderConfirmed))
            .On("order.rejected", bind(consumers::OnOrderRejected))
            .On("order.cancelled", bind(consumers::OnOrderCancelled))
            .BeforeBatch(consumers::LockBatch);

        logger.Info("starting", {{"reservation_ttl_ms", settings.reservation_ttl.count()},
                                 {"low_stock_threshold", settings.low_stock_threshold}});
        return host.Run();
    } catch (const runtime::config::ConfigError& error) {
        std::cerr << "inventory-service: configuration error: " << error.what() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "inventory-service: " << error.what() << "\n";
        return 1;
    }
}
