#include "runtime/config/env.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace std::chrono_literals;
using saga::runtime::config::ConfigError;
using saga::runtime::config::Env;

namespace {

Env FromMap(std::map<std::string, std::string> values) {
    return Env([values](const std::string& name) -> std::optional<std::string> {
        auto it = values.find(name);
        if (it == values.end()) return std::nullopt;
        return it->second;
    });
}

}  // namespace

TEST_CASE("config: a missing required variable fails with its name") {
    CHECK_THROWS_WITH_AS(FromMap({}).Required("DATABASE_URL"), doctest::Contains("DATABASE_URL"), ConfigError);
}

TEST_CASE("config: malformed numbers, flags, durations and URLs fail with the variable's name") {
    const auto env = FromMap({{"PORT", "80x"},
                              {"BIG", "70000"},
                              {"FLAG", "maybe"},
                              {"TTL", "5 minutes"},
                              {"DELAYS", "1s,,5s"},
                              {"AMQP_URL", "http://x"}});
    CHECK_THROWS_WITH_AS(env.Int("PORT", 1, 1, 65535), doctest::Contains("PORT"), ConfigError);
    CHECK_THROWS_WITH_AS(env.Int("BIG", 1, 1, 65535), doctest::Contains("BIG"), ConfigError);
    CHECK_THROWS_WITH_AS(env.Flag("FLAG", false), doctest::Contains("FLAG"), ConfigError);
    CHECK_THROWS_WITH_AS(env.Duration("TTL", 1s), doctest::Contains("TTL"), ConfigError);
    CHECK_THROWS_WITH_AS(env.Durations("DELAYS", {}), doctest::Contains("DELAYS"), ConfigError);
    CHECK_THROWS_WITH_AS(env.RequiredUrl("AMQP_URL", {"amqp"}), doctest::Contains("AMQP_URL"), ConfigError);
}

TEST_CASE("config: values parse with units, and absent optional values fall back") {
    const auto env = FromMap(
        {{"PORT", "8081"}, {"TTL", "15m"}, {"DELAYS", "250ms,2s,1h"}, {"ON", "true"}, {"DB", "postgresql://u@h/d"}});
    CHECK(env.Int("PORT", 1, 1, 65535) == 8081);
    CHECK(env.Duration("TTL", 1s) == 15min);
    CHECK(env.Durations("DELAYS", {}) == std::vector<std::chrono::milliseconds>{250ms, 2s, 1h});
    CHECK(env.Flag("ON", false));
    CHECK(env.RequiredUrl("DB", {"postgres", "postgresql"}) == "postgresql://u@h/d");
    CHECK(env.Optional("ABSENT", "x") == "x");
    CHECK(env.Duration("ABSENT", 3s) == 3s);
}

TEST_CASE("config: a duration too long for the clocks to add is an error, not a wrapped-around value") {
    // 3e12 h in milliseconds overflows a long: it came out negative, and a negative
    // OUTBOX_SENT_RETENTION means "delete sent rows at once".
    const auto env = FromMap({{"HUGE", "3000000000000h"}, {"LONG", "1000001h"}, {"MOST", "1000000h"}});
    CHECK_THROWS_WITH_AS(env.Duration("HUGE", 1s), doctest::Contains("HUGE"), ConfigError);
    CHECK_THROWS_WITH_AS(env.Duration("LONG", 1s), doctest::Contains("at most 1000000h"), ConfigError);
    CHECK(env.Duration("MOST", 1s) == 1000000h);
    CHECK_FALSE(saga::runtime::config::ParseDuration("9223372036854775807s").has_value());
}
