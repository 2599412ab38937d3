#pragma once

#include <chrono>
#include <cstdint>

#include "runtime/config/env.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/outbox_writer.hpp"

namespace saga::inventory {

/// The service name: queue, inbox consumer, event source.
inline constexpr const char* kServiceName = "inventory-service";
inline constexpr std::uint16_t kDefaultPort = 8082;

/// The inventory service's own settings.
struct InventorySettings {
    std::chrono::milliseconds reservation_ttl{std::chrono::minutes{15}};  ///< RESERVATION_TTL
    std::int64_t low_stock_threshold = 10;                                ///< LOW_STOCK_THRESHOLD

    /// Reads RESERVATION_TTL ("15m", "90s", ...; 1s to 24h) and LOW_STOCK_THRESHOLD (0 to 10^9);
    /// throws config::ConfigError naming a malformed one.
    static InventorySettings FromEnv(const runtime::config::Env& env);
};

/// What consumers and handlers share; lives as long as the service host.
struct Inventory {
    runtime::pg::OutboxWriter& outbox;
    runtime::log::Logger& logger;
    InventorySettings settings;
};

}  // namespace saga::inventory
