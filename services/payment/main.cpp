// payment-service: wiring only. Threads (see ServiceHost): the HTTP I/O thread and its handler
// pool serve the API; one consumer thread applies events; one relay thread publishes the outbox.
#include <iostream>

#include "payment/consumers/batch_locks.hpp"
#include "payment/consumers/event_source.hpp"
#include "payment/consumers/inventory_reserved.hpp"
#include "payment/consumers/order_cancelled.hpp"
#include "payment/consumers/order_created.hpp"
#include "payment/consumers/order_rejected.hpp"
#include "payment/handlers/get_payment.hpp"
#include "payment/handlers/list_payments.hpp"
#include "runtime/config/env.hpp"
#include "runtime/service/service_host.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& PaymentMigrations();
}

namespace {

constexpr std::uint16_t kDefaultPort = 8083;

int Serve(const saga::runtime::service::ServiceConfig& config) {
    using namespace saga;
    using runtime::pg::Transaction;
    runtime::log::Logger logger(config.name, std::clog, config.log_level);
    try {
        runtime::service::ServiceHost host(config, logger);
        host.Migrate(embedded::PaymentMigrations());

        // Consumers that publish get the outbox (same transaction as their state change) and the log.
        auto publishing = [&](auto consume) {
            return [&, consume](const events::Envelope& event, Transaction& tx) {
                consume(event, tx, host.outbox(), logger);
            };
        };
        host.events()
            .On("order.created", publishing(payment::OnOrderCreated))
            .On("inventory.reserved", publishing(payment::OnInventoryReserved))
            .On("order.cancelled", publishing(payment::OnOrderCancelled))
            .On("order.rejected", publishing(payment::OnOrderRejected))
            .BeforeBatch(payment::LockBatch);

        host.router().Add("GET", "/api/payments", payment::ListPaymentsHandler(host.database()));
        host.router().Add("GET", "/api/payments/{payment_id}", payment::GetPaymentHandler(host.database()));
        return host.Run();
    } catch (const std::exception& error) {
        logger.Error("payment-service stopped", {{"error", error.what()}});
        return 1;
    }
}

}  // namespace

int main() {
    try {
        return Serve(saga::runtime::service::ServiceConfig::FromEnv(
            saga::runtime::config::Env(), std::string(saga::payment::kServiceName), kDefaultPort));
    } catch (const saga::runtime::config::ConfigError& error) {
        std::cerr << "payment-service: configuration error: " << error.what() << "\n";
        return 2;
    }
}
