#include <doctest/doctest.h>

#include <set>

#include "events/make_envelope.hpp"
#include "events/payment_completed.hpp"
#include "metrics_scrape.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

json OrderBody(const std::string& product, const std::string& token) {
    return {{"customer_id", "c-metrics"},
            {"items", json::array({{{"product_id", product}, {"quantity", 1}}})},
            {"payment_token", token}};
}

std::string Place(SagaStack& stack, const json& body) {
    const auto response = stack.PlaceOrder(body);
    INFO(response.body);
    REQUIRE(response.status == 202);
    return response.Json()["order_id"];
}

/// Events seen by the tap for `subjects`, as source service → type → count.
using Published = std::map<std::string, std::map<std::string, int>>;

Published PublishedFor(SagaStack& stack, const std::set<std::string>& subjects) {
    Published published;
    for (const auto& event : stack.tap().Collect()) {
        if (subjects.contains(event.subject)) ++published[event.source][event.type];
    }
    return published;
}

/// What the scrapes `after` − `before` disagree on with the events the tap saw; empty when the
/// counters match them: each service published exactly what the tap saw from it, each consumer
/// handled every event of the types it consumes once (with one handler timing each), and nothing
/// was dead-lettered.
std::vector<std::string> Mismatches(const Scrapes& before, const Scrapes& after, const Published& published) {
    std::vector<std::string> out;
    auto expect = [&](const std::string& what, double actual, double expected) {
        if (actual != expected) {
            out.push_back(what + ": moved by " + std::to_string(actual) + ", expected " + std::to_string(expected));
        }
    };
    std::map<std::string, int> by_type;
    for (const auto& [source, types] : published) {
        for (const auto& [type, count] : types) {
            by_type[type] += count;
            expect(source + " published " + type,
                   Delta(before.at(source), after.at(source), "saga_events_published_total", {{"type", type}}), count);
        }
    }
    for (const auto& [service, scrape] : after) {
        const auto& old = before.at(service);
        for (const auto& type : ConsumedTypes(old)) {
            const double handled =
                Delta(old, scrape, "saga_events_consumed_total", {{"type", type}, {"outcome", "handled"}});
            expect(service + " handled " + type, handled, by_type[type]);
            expect(service + " handler timings of " + type,
                   Delta(old, scrape, "saga_handler_duration_seconds_count", {{"type", type}}), handled);
        }
        expect(service + " dead-lettered", Delta(old, scrape, "saga_events_dead_lettered_total"), 0);
        expect(service + " consumed as dead_lettered",
               Delta(old, scrape, "saga_events_consumed_total", {{"outcome", "dead_lettered"}}), 0);
        expect(service + " outbox backlog", scrape.Sum("saga_outbox_backlog"), 0);
    }
    return out;
}

void CheckAgreedTypes(const Scrapes& scrapes) {
    const std::map<std::string, std::string> every_service = {
        {"saga_http_requests_total", "counter"},    {"saga_http_request_duration_seconds", "histogram"},
        {"saga_events_consumed_total", "counter"},  {"saga_events_dead_lettered_total", "counter"},
        {"saga_events_published_total", "counter"}, {"saga_handler_duration_seconds", "histogram"},
        {"saga_outbox_backlog", "gauge"},           {"saga_outbox_oldest_unsent_age_seconds", "gauge"},
    };
    for (const auto& [service, scrape] : scrapes) {
        for (const auto& [name, type] : every_service) {
            CAPTURE(service);
            CAPTURE(name);
            CHECK(scrape.types.contains(name));
            if (scrape.types.contains(name)) CHECK(scrape.types.at(name) == type);
        }
    }
    const auto& order = scrapes.at("order-service");
    CHECK(order.types.at("saga_orders_created_total") == "counter");
    CHECK(order.types.at("saga_orders_settled_total") == "counter");
    CHECK(order.types.at("saga_order_settle_duration_seconds") == "histogram");
}

}  // namespace

TEST_CASE("metrics e2e: a confirmed and a payment-declined saga move every service's counters by the right amounts") {
    SagaStack stack;
    const Scrapes before = ScrapeAll(stack);

    const std::string confirmed = Place(stack, OrderBody("PROD-001", "tok_visa"));
    const std::string declined = Place(stack, OrderBody("PROD-002", "tok_chargeDeclined"));
    stack.WaitForStatus(confirmed, "CONFIRMED");
    CHECK(stack.WaitForStatus(declined, "REJECTED")["reason"] == "payment_declined");
    stack.tap().WaitFor("notification.sent", confirmed);
    stack.tap().WaitFor("notification.sent", declined);

    // The relay counts after the broker confirmed and the rows are marked sent, so the tap may
    // be a little ahead: wait until counters and tap agree.
    Scrapes after;
    std::vector<std::string> mismatches;
    const bool agreed = Eventually(
        [&] {
            const auto published = PublishedFor(stack, {confirmed, declined});
            after = ScrapeAll(stack);
            mismatches = Mismatches(before, after, published);
            return mismatches.empty();
        },
        30s);
    std::string report;
    for (const auto& mismatch : mismatches) report += "\n  " + mismatch;
    CHECK_MESSAGE(agreed, "counters and the tap disagree:", report);
    CheckAgreedTypes(after);

    const auto& order0 = before.at("order-service");
    const auto& order1 = after.at("order-service");
    const auto& inventory0 = before.at("inventory-service");
    const auto& inventory1 = after.at("inventory-service");
    const auto& payment0 = before.at("payment-service");
    const auto& payment1 = after.at("payment-service");
    const auto& notification0 = before.at("notification-service");
    const auto& notification1 = after.at("notification-service");
    const std::string published = "saga_events_published_total";
    const std::string consumed = "saga_events_consumed_total";

    {  // events published and consumed by type
        CHECK(Delta(order0, order1, published, {{"type", "order.created"}}) == 2);
        CHECK(Delta(order0, order1, published, {{"type", "order.confirmed"}}) == 1);
        CHECK(Delta(order0, order1, published, {{"type", "order.rejected"}}) == 1);
        CHECK(Delta(inventory0, inventory1, published, {{"type", "inventory.reserved"}}) == 2);
        CHECK(Delta(payment0, payment1, published, {{"type", "payment.completed"}}) == 1);
        CHECK(Delta(payment0, payment1, published, {{"type", "payment.failed"}}) == 1);
        CHECK(Delta(notification0, notification1, published, {{"type", "notification.sent"}}) == 2);

        CHECK(Delta(order0, order1, consumed, {{"type", "inventory.reserved"}, {"outcome", "handled"}}) == 2);
        CHECK(Delta(order0, order1, consumed, {{"type", "payment.completed"}, {"outcome", "handled"}}) == 1);
        CHECK(Delta(order0, order1, consumed, {{"type", "payment.failed"}, {"outcome", "handled"}}) == 1);
        CHECK(Delta(inventory0, inventory1, consumed, {{"type", "order.created"}, {"outcome", "handled"}}) == 2);
        CHECK(Delta(payment0, payment1, consumed, {{"type", "inventory.reserved"}, {"outcome", "handled"}}) == 2);
        CHECK(Delta(notification0, notification1, consumed, {{"type", "order.confirmed"}, {"outcome", "handled"}}) ==
              1);
        CHECK(Delta(notification0, notification1, consumed, {{"type", "order.rejected"}, {"outcome", "handled"}}) == 1);
        CHECK(Delta(order0, order1, "saga_handler_duration_seconds_count", {{"type", "inventory.reserved"}}) == 2);
        CHECK(Delta(payment0, payment1, "saga_handler_duration_seconds_count", {{"type", "inventory.reserved"}}) == 2);
        CHECK(Delta(order0, order1, "saga_handler_duration_seconds_sum") > 0);
    }

    {  // saga outcomes and settle latency
        CHECK(Delta(order0, order1, "saga_orders_created_total") == 2);
        CHECK(Delta(order0, order1, "saga_orders_settled_total", {{"outcome", "confirmed"}, {"reason", ""}}) == 1);
        CHECK(Delta(order0, order1, "saga_orders_settled_total",
                    {{"outcome", "rejected"}, {"reason", "payment_declined"}}) == 1);
        CHECK(Delta(order0, order1, "saga_orders_settled_total") == 2);
        CHECK(Delta(order0, order1, "saga_order_settle_duration_seconds_count") == 2);
        CHECK(Delta(order0, order1, "saga_order_settle_duration_seconds_count", {{"outcome", "confirmed"}}) == 1);
        CHECK(Delta(order0, order1, "saga_order_settle_duration_seconds_count", {{"outcome", "rejected"}}) == 1);
        const double seconds = Delta(order0, order1, "saga_order_settle_duration_seconds_sum");
        CHECK(seconds > 0);
        CHECK(seconds < 120);
        // Every outcome and rejection reason is there from the start, at zero.
        CHECK(order0.Count("saga_orders_settled_total") == 6);
        CHECK(order0.Sum("saga_orders_settled_total") == 0);
    }

    {  // HTTP requests and their durations by route
        CHECK(Delta(order0, order1, "saga_http_requests_total",
                    {{"method", "POST"}, {"route", "/api/orders"}, {"status", "202"}}) == 2);
        CHECK(Delta(order0, order1, "saga_http_request_duration_seconds_count",
                    {{"method", "POST"}, {"route", "/api/orders"}}) == 2);
        CHECK(Delta(order0, order1, "saga_http_requests_total",
                    {{"method", "GET"}, {"route", "/api/orders/{order_id}"}, {"status", "200"}}) >= 2);
        CHECK(order1.Sum("saga_http_requests_total", {{"route", "/metrics"}}) >= 1);
    }

    {  // outbox gauges
        for (const auto& [service, scrape] : after) {
            CAPTURE(service);
            CHECK(scrape.Count("saga_outbox_backlog") == 1);
            CHECK(scrape.Count("saga_outbox_oldest_unsent_age_seconds") == 1);
            CHECK(scrape.Sum("saga_outbox_oldest_unsent_age_seconds") == 0);
        }
    }
}

TEST_CASE("health e2e: every service reports status, its name and the three checks (SPEC 2)") {
    SagaStack stack;
    for (const auto& [name, process] : Services(stack)) {
        CAPTURE(name);
        HttpClient client(process->base_url());
        const auto response = client.Get("/health");
        REQUIRE(response.status == 200);
        CHECK(response.Header("Content-Type").value_or("").starts_with("application/json"));
        const auto health = response.Json();
        CHECK(health == json{{"status", "ok"},
                             {"service", name},
                             {"checks", {{"postgres", "ok"}, {"rabbitmq", "ok"}, {"outbox_backlog", 0}}}});
    }
}

TEST_CASE("metrics e2e: a poison message counts as dead-lettered by type and reason") {
    SagaStack stack;
    const Scrapes before = ScrapeAll(stack);

    auto event = events::MakeEnvelope(
        events::PaymentCompleted{.order_id = "ord-nope", .payment_id = "pay-1", .amount_cents = 100, .currency = "USD"},
        "payment-service", "ord-nope", "saga-poison", "saga-poison");
    event.data["amount_cents"] = -1;  // breaks the schema
    PublishEvent(stack.vhost().amqp_url(), event);

    const auto& order0 = before.at("order-service");
    Scrapes after;
    REQUIRE(Eventually(
        [&] {
            after = ScrapeAll(stack);
            // A scrape is not a snapshot: it can read one of these two counters before the consumer
            // bumps both and the other after, so wait until it shows both.
            const auto& order = after.at("order-service");
            return Delta(order0, order, "saga_events_dead_lettered_total") >= 1 &&
                   Delta(order0, order, "saga_events_consumed_total", {{"outcome", "dead_lettered"}}) >= 1;
        },
        20s));
    const auto& order1 = after.at("order-service");
    CHECK(Delta(order0, order1, "saga_events_dead_lettered_total",
                {{"type", "payment.completed"}, {"reason", "poison"}}) == 1);
    CHECK(Delta(order0, order1, "saga_events_dead_lettered_total") == 1);
    CHECK(Delta(order0, order1, "saga_events_consumed_total",
                {{"type", "payment.completed"}, {"outcome", "dead_lettered"}}) == 1);
    CHECK(Delta(order0, order1, "saga_events_consumed_total", {{"outcome", "handled"}}) == 0);
    CHECK(Eventually([&] { return stack.vhost().MessageCount("order-service.dlq") == 1; }, 10s));
}

}  // namespace saga::test
