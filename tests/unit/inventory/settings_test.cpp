#include <doctest/doctest.h>

#include <map>

#include "inventory/app/inventory.hpp"

using saga::inventory::InventorySettings;
using saga::runtime::config::ConfigError;
using saga::runtime::config::Env;

namespace {

Env FromMap(std::map<std::string, std::string> values) {
    return Env([values](const std::string& name) -> std::optional<std::string> {
        const auto it = values.find(name);
        if (it == values.end()) return std::nullopt;
        return it->second;
    });
}

}  // namespace

TEST_CASE("settings: defaults are a 15 minute reservation TTL and a low-stock threshold of 10") {
    const auto s = InventorySettings::FromEnv(FromMap({}));
    CHECK(s.reservation_ttl == std::chrono::minutes{15});
    CHECK(s.low_stock_threshold == 10);
}

TEST_CASE("settings: RESERVATION_TTL and LOW_STOCK_THRESHOLD are read — malformed ones name the variable") {
    const auto s = InventorySettings::FromEnv(FromMap({{"RESERVATION_TTL", "90s"}, {"LOW_STOCK_THRESHOLD", "3"}}));
    CHECK(s.reservation_ttl == std::chrono::seconds{90});
    CHECK(s.low_stock_threshold == 3);
    CHECK_THROWS_WITH_AS(InventorySettings::FromEnv(FromMap({{"RESERVATION_TTL", "soon"}})),
                         doctest::Contains("RESERVATION_TTL"), ConfigError);
    CHECK_THROWS_WITH_AS(InventorySettings::FromEnv(FromMap({{"RESERVATION_TTL", "0s"}})),
                         doctest::Contains("RESERVATION_TTL"), ConfigError);
    CHECK_THROWS_WITH_AS(InventorySettings::FromEnv(FromMap({{"LOW_STOCK_THRESHOLD", "-1"}})),
                         doctest::Contains("LOW_STOCK_THRESHOLD"), ConfigError);
}
