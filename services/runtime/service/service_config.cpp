#include "runtime/service/service_config.hpp"

#include <charconv>

#include "runtime/amqp/connection.hpp"

namespace saga::runtime::service {

ServiceConfig ServiceConfig::FromEnv(const config::Env& env, std::string name, std::uint16_t default_port) {
    ServiceConfig c;
    c.name = std::move(name);
    c.database_url = env.RequiredUrl("DATABASE_URL", {"postgresql", "postgres"});
    c.amqp_url = env.RequiredUrl("AMQP_URL", {"amqp"});
    try {
        amqp::ValidateUrl(c.amqp_url);
    } catch (const std::invalid_argument& error) {
        throw config::ConfigError(std::string("AMQP_URL: ") + error.what());
    }
    c.bind_address = env.Optional("HTTP_BIND", "127.0.0.1");
    c.http_port = static_cast<std::uint16_t>(env.Int("HTTP_PORT", default_port, 0, 65535));
    try {
        c.log_level = log::ParseLevel(env.Optional("LOG_LEVEL", "info"));
    } catch (const std::invalid_argument& error) {
        throw config::ConfigError(std::string("LOG_LEVEL: ") + error.what());
    }
    const std::string token = env.Optional("ADMIN_TOKEN", "");
    if (!token.empty()) c.admin_token = token;
    c.retry.max_attempts = static_cast<int>(env.Int("RETRY_MAX_ATTEMPTS", 5, 1, 100));
    c.retry.delays = env.Durations("RETRY_DELAYS", c.retry.delays);
    c.prefetch = static_cast<std::uint16_t>(env.Int("CONSUMER_PREFETCH", 200, 1, 65535));
    c.relay_batch = static_cast<int>(env.Int("OUTBOX_BATCH", 500, 1, 10000));
    c.claim_linger = env.Duration("OUTBOX_CLAIM_LINGER", std::chrono::milliseconds{10});
    c.sent_retention =
        std::chrono::ceil<std::chrono::seconds>(env.Duration("OUTBOX_SENT_RETENTION", std::chrono::hours{24}));
    c.consumer_batch_linger = env.Duration("CONSUMER_BATCH_LINGER", std::chrono::milliseconds{0});
    c.consumer_batch_min_expected = 4;
    c.db_pool = static_cast<std::size_t>(env.Int("DB_POOL_SIZE", 8, 1, 256));
    // Blocked handlers are cheap, and requests handled at once are what order-service's POSTs
    // can share a commit with.
    c.http_handler_threads = static_cast<std::size_t>(env.Int("HTTP_HANDLER_THREADS", 16, 1, 512));
    if (const std::string seed = env.Optional("GREMLIN_SEED", ""); !seed.empty()) {
        std::uint64_t value = 0;
        const auto [end, error] = std::from_chars(seed.data(), seed.data() + seed.size(), value);
        if (error != std::errc{} || end != seed.data() + seed.size()) {
            throw config::ConfigError("GREMLIN_SEED: must be an unsigned integer, got '" + seed + "'");
        }
        c.gremlin_seed = value;
    }
    return c;
}

}  // namespace saga::runtime::service
