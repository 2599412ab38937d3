#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "runtime/config/env.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/messaging/failure_policy.hpp"

namespace saga::runtime::service {

/// What every service reads from its environment (SPEC §1, 12-factor). A missing or malformed
/// variable throws config::ConfigError naming it.
struct ServiceConfig {
    std::string name;                        ///< "order-service": queue, inbox consumer, AMQP app id
    std::string database_url;                ///< DATABASE_URL (required)
    std::string amqp_url;                    ///< AMQP_URL (required)
    std::string bind_address;                ///< HTTP_BIND, default 127.0.0.1
    std::uint16_t http_port;                 ///< HTTP_PORT
    log::Level log_level;                    ///< LOG_LEVEL: debug|info|warn|error
    std::optional<std::string> admin_token;  ///< ADMIN_TOKEN; admin endpoints are off without it
    messaging::RetryPolicy retry;            ///< RETRY_MAX_ATTEMPTS, RETRY_DELAYS ("1s,5s,30s")
    std::uint16_t prefetch;                  ///< CONSUMER_PREFETCH
    int relay_batch;                         ///< OUTBOX_BATCH
    std::chrono::milliseconds claim_linger;  ///< OUTBOX_CLAIM_LINGER
    /// OUTBOX_SENT_RETENTION, default 24h: how long published outbox rows stay (for `sagactl
    /// order`'s timeline); 0 deletes each row as soon as the broker confirmed it.
    std::chrono::seconds sent_retention;
    /// CONSUMER_BATCH_LINGER, default 0: the consumer's messaging::ConsumerOptions::batch_linger,
    /// which trades settle latency for fewer transactions under load (bench/README step 19).
    /// notification-service, off the saga's path, sets its own (NOTIFY_BATCH_LINGER).
    std::chrono::milliseconds consumer_batch_linger;
    /// ConsumerOptions::batch_linger_min_expected: 4, so that a saga consumer lingers only where
    /// batches are large enough for the linger to save CPU (not at tens of orders/s).
    double consumer_batch_min_expected;
    std::size_t db_pool;                        ///< DB_POOL_SIZE (HTTP handler connections)
    std::size_t http_handler_threads;           ///< HTTP_HANDLER_THREADS: requests handled at once
    std::optional<std::uint64_t> gremlin_seed;  ///< GREMLIN_SEED: fault injection's random seed

    static ServiceConfig FromEnv(const config::Env& env, std::string name, std::uint16_t default_port);
};

}  // namespace saga::runtime::service
