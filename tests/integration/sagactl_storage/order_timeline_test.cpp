#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "e2e/stack/saga_stack.hpp"
#include "events/envelope.hpp"
#include "sagactl/storage/service_facts.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

const std::string kUnreachableUrl = "postgresql://postgres@127.0.0.1:1/nothing";

sagactl::DatabaseUrls Urls(const SagaStack& stack) {
    sagactl::DatabaseUrls urls;
    for (const char* service : {"order", "inventory", "payment", "notification"}) {
        urls[service] = stack.database(service).url();
    }
    return urls;
}

std::string Place(SagaStack& stack, const std::string& token) {
    const auto response = stack.PlaceOrder({{"customer_id", "c-sagactl"},
                                            {"email", "buyer@shop.example"},
                                            {"items", json::array({{{"product_id", "PROD-001"}, {"quantity", 2}}})},
                                            {"payment_token", token}});
    INFO(response.body);
    REQUIRE(response.status == 202);
    return response.Json()["order_id"];
}

// Index of the first entry of `service` whose `what` starts with `prefix`, or -1.
long Find(const std::vector<sagactl::TimelineEntry>& timeline, const std::string& service, const std::string& prefix) {
    const auto it = std::find_if(timeline.begin(), timeline.end(), [&](const sagactl::TimelineEntry& e) {
        return e.service == service && e.what.starts_with(prefix);
    });
    return it == timeline.end() ? -1 : static_cast<long>(it - timeline.begin());
}

std::string Dump(const std::vector<sagactl::TimelineEntry>& timeline) {
    std::string out;
    for (const auto& e : timeline) out += e.at + "  " + e.service + "  " + e.what + "\n";
    return out;
}

// Waits until every entry in `expected` ({service, what prefix}) is in the order's timeline.
std::vector<sagactl::TimelineEntry> WaitForTimeline(const sagactl::DatabaseUrls& urls, const std::string& order_id,
                                                    const std::vector<std::pair<std::string, std::string>>& expected) {
    std::vector<sagactl::TimelineEntry> timeline;
    const bool complete = Eventually(
        [&] {
            timeline = sagactl::ReadOrderTimeline(urls, order_id);
            return std::all_of(expected.begin(), expected.end(),
                               [&](const auto& e) { return Find(timeline, e.first, e.second) >= 0; });
        },
        30s);
    INFO("timeline:\n", Dump(timeline));
    for (const auto& [service, what] : expected) CHECK_MESSAGE(Find(timeline, service, what) >= 0, service, ": ", what);
    REQUIRE(complete);
    return timeline;
}

// Times are RFC 3339 UTC, never decrease, and every consumed event comes after its publication.
void CheckOrdered(const std::vector<sagactl::TimelineEntry>& timeline) {
    INFO("timeline:\n", Dump(timeline));
    const std::regex rfc3339(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
    for (std::size_t i = 0; i < timeline.size(); ++i) {
        CHECK(std::regex_match(timeline[i].at, rfc3339));
        if (i > 0) CHECK(timeline[i - 1].at <= timeline[i].at);
        if (!timeline[i].what.starts_with("consumed ")) continue;
        const auto id = timeline[i].details.at("message_id");
        const auto published = std::find_if(timeline.begin(), timeline.end(), [&](const sagactl::TimelineEntry& e) {
            return e.what.starts_with("published ") && e.details.at("message_id") == id;
        });
        REQUIRE(published != timeline.end());
        CHECK(published - timeline.begin() < static_cast<long>(i));
    }
}

}  // namespace

TEST_CASE("sagactl storage: a confirmed order's timeline spans the four services in time order") {
    SagaStack stack;
    const auto urls = Urls(stack);
    const std::string order_id = Place(stack, "tok_visa");
    stack.WaitForStatus(order_id, "CONFIRMED");

    const auto timeline = WaitForTimeline(urls, order_id,
                                          {{"order", "order PENDING"},
                                           {"order", "published order.created"},
                                           {"inventory", "consumed order.created from order"},
                                           {"inventory", "stock RESERVED: 2 item(s), 999.98 USD"},
                                           {"payment", "consumed inventory.reserved from inventory"},
                                           {"payment", "payment CAPTURED 999.98 USD"},
                                           {"order", "order AWAITING_PAYMENT"},
                                           {"order", "consumed payment.completed from payment"},
                                           {"order", "order CONFIRMED"},
                                           {"inventory", "reservation SOLD"},
                                           {"notification", "consumed order.confirmed from order"},
                                           {"notification", "notification SENT for order.confirmed"},
                                           {"notification", "published notification.sent"}});
    CheckOrdered(timeline);
    std::set<std::string> services;
    for (const auto& e : timeline) services.insert(e.service);
    CHECK(services == std::set<std::string>{"order", "inventory", "payment", "notification"});
    CHECK(Find(timeline, "order", "order PENDING") < Find(timeline, "order", "order AWAITING_PAYMENT"));
    CHECK(Find(timeline, "payment", "payment CAPTURED") < Find(timeline, "order", "order CONFIRMED"));
    CHECK(timeline[Find(timeline, "payment", "payment CAPTURED")].details["amount_cents"] == 99998);

    const auto state = sagactl::ReadOrderState(urls, order_id);
    REQUIRE(state.has_value());
    CHECK(state->status == "CONFIRMED");
    CHECK(state->reason == "");
    CHECK(state->settled);
    CHECK_FALSE(sagactl::ReadOrderState(urls, "no-such-order").has_value());
    CHECK(sagactl::ReadOrderTimeline(urls, "no-such-order").empty());

    std::vector<sagactl::OutboxStatus> outboxes;
    const bool drained = Eventually(
        [&] {
            outboxes = sagactl::ReadOutboxStatus(urls);
            return std::all_of(outboxes.begin(), outboxes.end(), [](const auto& o) { return o.backlog == 0; });
        },
        30s);
    CHECK(drained);
    REQUIRE(outboxes.size() == 4);
    for (const auto& outbox : outboxes) {
        CHECK(outbox.error == "");
        CHECK_FALSE(outbox.oldest_unsent_age_seconds.has_value());
    }

    const std::string created_id = timeline[Find(timeline, "order", "published order.created")].details["message_id"];
    CHECK(sagactl::InboxHasMessage(urls, "inventory", created_id) == true);
    CHECK(sagactl::InboxHasMessage(urls, "payment-service", created_id) == true);
    CHECK(sagactl::InboxHasMessage(urls, "order", created_id) == false);
    CHECK(sagactl::InboxHasMessage(urls, "inventory", events::NewEventId()) == false);

    auto partly_down = urls;
    partly_down["notification"] = kUnreachableUrl;
    const auto partial = sagactl::ReadOrderTimeline(partly_down, order_id);
    INFO("timeline:\n", Dump(partial));
    CHECK(Find(partial, "order", "order CONFIRMED") >= 0);
    CHECK(Find(partial, "payment", "payment CAPTURED") >= 0);
    CHECK(Find(partial, "notification", "database unreachable: ") == static_cast<long>(partial.size()) - 1);
    CHECK(std::count_if(partial.begin(), partial.end(), [](const auto& e) { return e.service == "notification"; }) ==
          1);
    CHECK_FALSE(sagactl::InboxHasMessage(partly_down, "notification", created_id).has_value());
}

TEST_CASE("sagactl storage: cancelling a confirmed order adds the refund and the restock to its timeline") {
    SagaStack stack;
    const auto urls = Urls(stack);
    const std::string order_id = Place(stack, "tok_visa");
    stack.WaitForStatus(order_id, "CONFIRMED");
    const auto cancel = HttpClient(stack.order().base_url()).Request("POST", "/api/orders/" + order_id + "/cancel");
    REQUIRE(cancel.status == 202);

    const auto timeline = WaitForTimeline(urls, order_id,
                                          {{"order", "order CANCELLED"},
                                           {"order", "published order.cancelled"},
                                           {"payment", "consumed order.cancelled from order"},
                                           {"payment", "payment closed (order_cancelled)"},
                                           {"payment", "payment REFUNDED 999.98 USD"},
                                           {"payment", "published payment.refunded"},
                                           {"inventory", "consumed order.cancelled from order"},
                                           {"inventory", "reservation RESTOCKED"}});
    CheckOrdered(timeline);
    CHECK(Find(timeline, "payment", "payment CAPTURED 999.98 USD") < Find(timeline, "payment", "payment REFUNDED"));
    CHECK(Find(timeline, "order", "order CONFIRMED") < Find(timeline, "order", "order CANCELLED"));

    const auto state = sagactl::ReadOrderState(urls, order_id);
    REQUIRE(state.has_value());
    CHECK(state->status == "CANCELLED");
    CHECK(state->settled);
}

TEST_CASE("sagactl storage: a declined order's timeline shows the decline and the released stock") {
    SagaStack stack;
    const auto urls = Urls(stack);
    const std::string order_id = Place(stack, "tok_chargeDeclined");
    stack.WaitForStatus(order_id, "REJECTED");

    const auto timeline = WaitForTimeline(urls, order_id,
                                          {{"inventory", "stock RESERVED"},
                                           {"payment", "payment DECLINED 999.98 USD (card_declined)"},
                                           {"payment", "published payment.failed"},
                                           {"order", "consumed payment.failed from payment"},
                                           {"order", "order REJECTED (payment_declined)"},
                                           {"order", "published order.rejected"},
                                           {"inventory", "consumed order.rejected from order"},
                                           {"inventory", "reservation RELEASED"}});
    CheckOrdered(timeline);
    CHECK(Find(timeline, "payment", "payment CAPTURED") == -1);
    CHECK(Find(timeline, "order", "order REJECTED") < Find(timeline, "inventory", "reservation RELEASED"));

    const auto state = sagactl::ReadOrderState(urls, order_id);
    REQUIRE(state.has_value());
    CHECK(state->status == "REJECTED");
    CHECK(state->reason == "payment_declined");
    CHECK(state->settled);
}

TEST_CASE("sagactl storage: events parked because they came before the event they follow are in the timeline") {
    SagaStack stack;
    const auto urls = Urls(stack);
    const std::string order_id = Place(stack, "tok_visa");
    stack.WaitForStatus(order_id, "CONFIRMED");
    // The services park such events for milliseconds at a time, so the rows are written here as a
    // service leaves them while it waits: a payment outcome with the order in the order service,
    // and a reservation on a token-less row for an order the payment service has not seen.
    stack.database("order").Execute(
        "INSERT INTO order_early_events (event_id, order_id, envelope) VALUES ('evt-parked', '" + order_id +
        R"(', '{"id": "evt-parked", "type": "payment.completed", "subject": ")" + order_id + R"("}'))");
    const std::string unseen_order = "ord-parked-" + order_id;
    stack.database("payment").Execute(
        "INSERT INTO payment_orders (order_id, customer_id, early_reservation) VALUES ('" + unseen_order +
        R"(', 'c-sagactl', '{"id": "evt-reserved", "type": "inventory.reserved"}'))");

    const auto timeline = sagactl::ReadOrderTimeline(urls, order_id);
    INFO("timeline:\n", Dump(timeline));
    const auto parked = Find(timeline, "order", "payment.completed parked: arrived before inventory.reserved");
    REQUIRE(parked >= 0);
    CHECK(timeline[parked].details.at("event_id") == "evt-parked");
    CHECK(timeline[parked].details.at("event").at("type") == "payment.completed");

    const auto unseen = sagactl::ReadOrderTimeline(urls, unseen_order);
    INFO("timeline of the order payment has not seen:\n", Dump(unseen));
    REQUIRE(unseen.size() == 1);
    CHECK(unseen[0].what == "inventory.reserved parked: arrived before order.created, charged when it comes");
    CHECK(unseen[0].details.at("event").at("id") == "evt-reserved");
}

}  // namespace saga::test
