#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e/sagactl/sagactl_runner.hpp"
#include "e2e/stack/saga_stack.hpp"
#include "runtime/amqp/connection.hpp"
#include "runtime/outbox/relay.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

constexpr const char* kInventoryQueue = "inventory-service";
constexpr const char* kInventoryDlq = "inventory-service.dlq";

std::string PlaceOrder(SagaStack& stack, const std::string& product, int quantity) {
    const auto response = stack.PlaceOrder({{"customer_id", "c-ops"},
                                            {"items", json::array({{{"product_id", product}, {"quantity", quantity}}})},
                                            {"payment_token", "tok_visa"}});
    INFO(response.body);
    REQUIRE(response.status == 202);
    return response.Json()["order_id"];
}

/// How many consumed messages of a service ended with `outcome` ("handled", "duplicate"), summed
/// over event types from saga_events_consumed_total{type,outcome} on its /metrics.
long long Consumed(const ServiceProcess& service, const std::string& outcome) {
    const auto response = HttpClient(service.base_url()).Get("/metrics");
    REQUIRE(response.status == 200);
    long long total = 0;
    bool found = false;
    std::istringstream lines(response.body);
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with("saga_events_consumed_total{") ||
            line.find("outcome=\"" + outcome + "\"") == std::string::npos) {
            continue;
        }
        found = true;
        total += std::stoll(line.substr(line.rfind(' ') + 1));
    }
    INFO(response.body);
    REQUIRE(found);
    return total;
}

/// `dlq show --json` of one message, without the broker's delivery counter (which a requeue bumps).
json Shown(const SagaStack& stack, const std::string& id) {
    const auto run = RunSagactl(Against(stack, {"dlq", "show", id, "--json"}));
    INFO("stderr: ", run.err);
    REQUIRE(run.exit_code == 0);
    json shown = run.Json();
    shown["headers"].erase("x-delivery-count");
    return shown;
}

std::string WriteTempFile(const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("sagactl-body-" + RandomSuffix() + ".json");
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace

TEST_CASE("sagactl e2e: a poison order.created is listed, shown, replayed as an edited copy and the order settles") {
    SagaStack stack;
    stack.inventory().Stop();
    const std::string order_id = PlaceOrder(stack, "PROD-001", 2);
    const auto created = stack.tap().WaitFor("order.created", order_id);

    // Swap the real order.created in inventory's queue for a malformed copy (same id and properties).
    runtime::amqp::Connection admin({stack.vhost().amqp_url(), "e2e-admin"});
    std::optional<runtime::amqp::Delivery> original;
    REQUIRE(Eventually([&] { return (original = admin.Get(kInventoryQueue)).has_value(); }, 20s));
    REQUIRE(original->properties.message_id == created.id);
    admin.Ack(original->delivery_tag);
    json broken = json::parse(original->body);
    broken["data"]["items"] = "not a list of items";
    admin.EnableConfirms();
    const auto sequence = admin.Publish({"", kInventoryQueue, original->properties, broken.dump()});
    REQUIRE(admin.WaitForConfirms(sequence, 10s).complete);

    stack.inventory().Restart();
    REQUIRE(Eventually([&] { return stack.vhost().MessageCount(kInventoryDlq) == 1; }, 30s));

    const auto list = RunSagactl(Against(stack, {"dlq", "list", "--json"}));
    INFO("list stderr: ", list.err);
    REQUIRE(list.exit_code == 0);
    const json listed = list.Json();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["message_id"] == created.id);
    CHECK(listed[0]["queue"] == kInventoryDlq);
    CHECK(listed[0]["type"] == "order.created");
    CHECK(listed[0]["subject"] == order_id);
    CHECK(listed[0]["failure_reason"] == "poison");
    CHECK(listed[0]["original_queue"] == kInventoryQueue);

    const json shown = Shown(stack, created.id);
    const json& headers = shown["headers"];
    CHECK(headers["x-failure-reason"] == "poison");
    CHECK(headers["x-original-queue"] == kInventoryQueue);
    CHECK(headers["x-failed-service"] == "inventory-service");
    for (const char* name : {"x-original-exchange", "x-original-routing-key", "x-exception-type", "x-exception-message",
                             "x-attempts", "x-first-failed-at", "x-last-failed-at"}) {
        CAPTURE(name);
        CHECK(headers.contains(name));
    }
    CHECK(shown["body"]["data"]["items"] == "not a list of items");
    CHECK(shown["properties"]["correlation_id"] == created.correlation_id);

    const auto text = RunSagactl(Against(stack, {"dlq", "list", "--queue", "inventory"}));
    CHECK(text.exit_code == 0);
    CHECK(text.out.find(created.id) != std::string::npos);
    CHECK(text.out.find("poison") != std::string::npos);

    // While it is dead-lettered, the order's timeline shows it next to what the databases know.
    const auto stuck = RunSagactl(Against(stack, {"order", order_id, "--json"}));
    INFO("order stderr: ", stuck.err);
    CHECK(stuck.exit_code == 0);
    const json stuck_timeline = stuck.Json()["timeline"];
    CHECK(std::any_of(stuck_timeline.begin(), stuck_timeline.end(), [](const json& e) {
        return e["service"] == "inventory" && e["what"].get<std::string>().starts_with("dead-lettered order.created");
    }));

    const std::string fixed = WriteTempFile(original->body);
    // A dry run checks the body the way the consumer will: as it is, it would come straight back.
    const auto as_is = RunSagactl(Against(stack, {"dlq", "replay", "--id", created.id, "--dry-run"}));
    INFO("dry run as is: ", as_is.out, as_is.err);
    CHECK(as_is.exit_code == 0);
    CHECK(as_is.out.find("dead-lettered again as poison") != std::string::npos);
    const auto edited =
        RunSagactl(Against(stack, {"dlq", "replay", "--id", created.id, "--body-file", fixed, "--dry-run"}));
    INFO("dry run edited: ", edited.out, edited.err);
    CHECK(edited.out.find("would be replayed to inventory-service and handled") != std::string::npos);
    const auto replay = RunSagactl(Against(stack, {"dlq", "replay", "--id", created.id, "--body-file", fixed}));
    std::filesystem::remove(fixed);
    INFO("replay stdout: ", replay.out, "\nreplay stderr: ", replay.err);
    CHECK(replay.exit_code == 0);
    CHECK(replay.out.find("replayed 1, skipped 0, failed 0") != std::string::npos);

    stack.WaitForStatus(order_id, "CONFIRMED");
    CHECK(stack.vhost().MessageCount(kInventoryDlq) == 0);
    CHECK(stack.vhost().MessageCount("payment-service.dlq") == 0);

    const auto timeline = RunSagactl(Against(stack, {"order", order_id, "--json"}));
    INFO("order stderr: ", timeline.err);
    CHECK(timeline.exit_code == 0);
    const json settled = timeline.Json()["timeline"];
    CHECK_FALSE(settled.empty());
    CHECK(std::none_of(settled.begin(), settled.end(),
                       [](const json& e) { return e["what"].get<std::string>().starts_with("dead-lettered"); }));

    const auto outbox = RunSagactl(Against(stack, {"outbox", "status", "--json"}));
    INFO("outbox stderr: ", outbox.err);
    CHECK(outbox.exit_code == 0);
    const json statuses = outbox.Json();
    CHECK(statuses.size() == 4);
    for (const auto& s : statuses) CHECK(s["backlog"].is_number());
}

TEST_CASE("sagactl e2e: replaying an event whose effect happened is skipped by the inbox and reaches no other queue") {
    SagaStack stack;
    const std::string order_id = PlaceOrder(stack, "PROD-005", 1);
    stack.WaitForStatus(order_id, "CONFIRMED");
    json product;
    REQUIRE(Eventually(
        [&] {
            product = stack.Product("PROD-005");
            return product["sold"] == 1 && product["reserved"] == 0;
        },
        30s));
    const auto created = stack.tap().WaitFor("order.created", order_id);

    // A dead-lettered copy of an order.created that inventory did handle (say its ack was lost).
    runtime::pg::OutboxRow row{
        0,
        created.id,
        created.type,
        created.subject,
        created.correlation_id,
        created.source,
        events::Encode(created),
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count()};
    auto copy = runtime::outbox::ToMessage(row);
    copy.exchange = "";
    copy.routing_key = kInventoryDlq;
    const std::string now = events::NowRfc3339();
    copy.properties.headers = {{"x-original-exchange", std::string("saga.events")},
                               {"x-original-routing-key", std::string("order.created")},
                               {"x-original-queue", std::string(kInventoryQueue)},
                               {"x-failure-reason", std::string("retries_exhausted")},
                               {"x-exception-type", std::string("std::runtime_error")},
                               {"x-exception-message", std::string("the ack was lost after commit")},
                               {"x-attempts", std::int64_t{6}},
                               {"x-first-failed-at", now},
                               {"x-last-failed-at", now},
                               {"x-failed-service", std::string("inventory-service")}};
    {
        runtime::amqp::Connection admin({stack.vhost().amqp_url(), "e2e-admin"});
        admin.EnableConfirms();
        REQUIRE(admin.WaitForConfirms(admin.Publish(copy), 10s).complete);
    }
    REQUIRE(Eventually([&] { return stack.vhost().MessageCount(kInventoryDlq) == 1; }, 10s));
    const json before = Shown(stack, created.id);

    // A replay of an id that is not there fails and changes nothing.
    const auto missing = RunSagactl(Against(stack, {"dlq", "replay", "--id", "no-such-message"}));
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("no-such-message") != std::string::npos);
    CHECK(stack.vhost().MessageCount(kInventoryDlq) == 1);
    CHECK(Shown(stack, created.id) == before);

    // The dry run tells what would happen and changes nothing.
    const auto dry = RunSagactl(Against(stack, {"dlq", "replay", "--id", created.id, "--dry-run"}));
    INFO("dry run stdout: ", dry.out, "\ndry run stderr: ", dry.err);
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.find("skipped as a duplicate") != std::string::npos);
    CHECK(dry.out.find("replayed to inventory-service") != std::string::npos);
    CHECK(dry.out.find("CONFIRMED") != std::string::npos);
    CHECK(stack.vhost().MessageCount(kInventoryDlq) == 1);
    CHECK(Shown(stack, created.id) == before);

    const long long inventory_duplicates = Consumed(stack.inventory(), "duplicate");
    const long long inventory_handled = Consumed(stack.inventory(), "handled");
    const long long payment_duplicates = Consumed(stack.payment(), "duplicate");
    const long long payment_handled = Consumed(stack.payment(), "handled");
    const long long order_handled = Consumed(stack.order(), "handled");
    const long long order_duplicates = Consumed(stack.order(), "duplicate");

    const auto replay = RunSagactl(Against(stack, {"dlq", "replay", "--type", "order.created"}));
    INFO("replay stdout: ", replay.out, "\nreplay stderr: ", replay.err);
    CHECK(replay.exit_code == 0);
    CHECK(replay.out.find("replayed 1, skipped 0, failed 0") != std::string::npos);
    CHECK(Eventually([&] { return stack.vhost().MessageCount(kInventoryDlq) == 0; }, 10s));

    // Inventory saw it again and skipped it: no second reservation, stock unchanged.
    CHECK(Eventually([&] { return Consumed(stack.inventory(), "duplicate") == inventory_duplicates + 1; }, 20s));
    CHECK(Consumed(stack.inventory(), "handled") == inventory_handled);
    const json after = stack.Product("PROD-005");
    CHECK(after["available"] == product["available"]);
    CHECK(after["reserved"] == product["reserved"]);
    CHECK(after["sold"] == product["sold"]);
    CHECK(stack.database("inventory").QueryInt("SELECT count(*) FROM inbox WHERE message_id = '" + created.id + "'") ==
          1);

    // Nobody else received it: not on saga.events (the tap), not in the other services' queues.
    CHECK(stack.tap().All("order.created", order_id).size() == 1);
    CHECK(Consumed(stack.payment(), "duplicate") == payment_duplicates);
    CHECK(Consumed(stack.payment(), "handled") == payment_handled);
    CHECK(Consumed(stack.order(), "duplicate") == order_duplicates);
    CHECK(Consumed(stack.order(), "handled") == order_handled);
    CHECK(stack.Order(order_id)["status"] == "CONFIRMED");
    stack.CheckStockInvariant();
}

}  // namespace saga::test
