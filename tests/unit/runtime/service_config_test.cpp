#include "runtime/service/service_config.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace std::chrono_literals;
using saga::runtime::config::ConfigError;
using saga::runtime::config::Env;
using saga::runtime::service::ServiceConfig;

namespace {

ServiceConfig ConfigOf(std::map<std::string, std::string> values) {
    values.emplace("DATABASE_URL", "postgresql://saga@127.0.0.1:5432/saga_order");
    values.emplace("AMQP_URL", "amqp://order-service:secret@127.0.0.1:5672/saga");
    const Env env([values](const std::string& name) -> std::optional<std::string> {
        const auto it = values.find(name);
        if (it == values.end()) return std::nullopt;
        return it->second;
    });
    return ServiceConfig::FromEnv(env, "order-service", 8081);
}

}  // namespace

TEST_CASE("service config: a saga consumer lingers for no batch unless CONSUMER_BATCH_LINGER sets one") {
    CHECK(ConfigOf({}).consumer_batch_linger == 0ms);
    CHECK(ConfigOf({}).consumer_batch_min_expected == 4);
    CHECK(ConfigOf({{"CONSUMER_BATCH_LINGER", "20ms"}}).consumer_batch_linger == 20ms);
    CHECK_THROWS_WITH_AS(ConfigOf({{"CONSUMER_BATCH_LINGER", "soon"}}), doctest::Contains("CONSUMER_BATCH_LINGER"),
                         ConfigError);
}

TEST_CASE("service config: published outbox rows stay a day unless OUTBOX_SENT_RETENTION says otherwise") {
    CHECK(ConfigOf({}).sent_retention == 24h);
    CHECK(ConfigOf({{"OUTBOX_SENT_RETENTION", "0"}}).sent_retention == 0s);
    CHECK(ConfigOf({{"OUTBOX_SENT_RETENTION", "90s"}}).sent_retention == 90s);
    // Retention counts whole seconds; a part of one keeps rows for the second rather than none.
    CHECK(ConfigOf({{"OUTBOX_SENT_RETENTION", "500ms"}}).sent_retention == 1s);
    CHECK_THROWS_WITH_AS(ConfigOf({{"OUTBOX_SENT_RETENTION", "-1h"}}), doctest::Contains("OUTBOX_SENT_RETENTION"),
                         ConfigError);
}
