#include "inventory/app/inventory.hpp"

namespace saga::inventory {

InventorySettings InventorySettings::FromEnv(const runtime::config::Env& env) {
    InventorySettings settings;
    settings.reservation_ttl = env.Duration("RESERVATION_TTL", settings.reservation_ttl);
    if (settings.reservation_ttl < std::chrono::seconds{1} || settings.reservation_ttl > std::chrono::hours{24}) {
        throw runtime::config::ConfigError("RESERVATION_TTL: must be between 1s and 24h");
    }
    settings.low_stock_threshold = env.Int("LOW_STOCK_THRESHOLD", settings.low_stock_threshold, 0, 1'000'000'000);
    return settings;
}

}  // namespace saga::inventory
