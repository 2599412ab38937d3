#include "inventory_fixture.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <sstream>

#include "events/make_envelope.hpp"
#include "events/order_confirmed.hpp"
#include "events/order_created.hpp"

namespace saga::test::inventory {
namespace {

// The sum of a counter's samples whose line contains `label` (0 when none).
long long MetricSum(const std::string& text, const std::string& name, const std::string& label) {
    std::istringstream lines(text);
    long long sum = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(name + "{", 0) == 0 && line.find(label) != std::string::npos) {
            sum += std::stoll(line.substr(line.rfind(' ') + 1));
        }
    }
    return sum;
}

events::Envelope FromOrderService(const auto& event, const std::string& order_id) {
    return events::MakeEnvelope(event, "order-service", order_id, "saga-" + order_id, "test-" + order_id);
}

}  // namespace

InventoryStack::InventoryStack(ServiceEnv env, int instances) {
    tap_ = std::make_unique<EventTap>(vhost_.amqp_url());
    env.emplace("DATABASE_URL", database_.url());
    env.emplace("AMQP_URL", vhost_.amqp_url());
    env.emplace("RETRY_DELAYS", "200ms,400ms");
    env.emplace("ADMIN_TOKEN", kAdminToken);
    for (int i = 0; i < instances; ++i) {
        services_.push_back(std::make_unique<ServiceProcess>(SAGA_INVENTORY_BINARY, env));
    }
    // /health answers before the consumer has declared and subscribed to its queue; events
    // published before that would be routed nowhere.
    REQUIRE(
        Eventually([&] { return vhost_.ConsumerCount("inventory-service") >= instances; }, std::chrono::seconds{20}));
    http_ = std::make_unique<HttpClient>(services_.front()->base_url());
}

void InventoryStack::Publish(const events::Envelope& event) const { PublishEvent(vhost_.amqp_url(), event); }

long long InventoryStack::Handled() const {
    long long total = 0;
    for (const auto& service : services_) {
        HttpClient client(service->base_url());
        const auto metrics = client.Get("/metrics").body;
        total += MetricSum(metrics, "saga_events_consumed_total", "outcome=\"handled\"") +
                 MetricSum(metrics, "saga_events_consumed_total", "outcome=\"duplicate\"");
    }
    return total;
}

void InventoryStack::WaitHandled(long long count) const {
    REQUIRE_MESSAGE(Eventually([&] { return Handled() >= count; }, std::chrono::seconds{20}),
                    "the service did not handle ", count, " events");
}

void InventoryStack::Sync() {
    const auto order_id = "sync-" + std::to_string(++syncs_);
    Publish(OrderCreated(order_id, {{"NO-SUCH-PRODUCT", 1}}));
    tap_->WaitFor("inventory.reservation_failed", order_id);
}

nlohmann::json InventoryStack::Product(const std::string& product_id) const {
    const auto response = http_->Get("/api/inventory/" + product_id);
    REQUIRE(response.status == 200);
    return response.Json();
}

void InventoryStack::CheckInvariant() const {
    const auto response = http_->Get("/api/inventory");
    REQUIRE(response.status == 200);
    const auto products = response.Json().at("products");
    REQUIRE(products.size() >= 5);
    for (const auto& p : products) {
        INFO(p.dump());
        for (const char* counter : {"initial", "restocked", "available", "reserved", "sold"}) {
            CHECK(p.at(counter).get<long long>() >= 0);
        }
        CHECK(p.at("initial").get<long long>() + p.at("restocked").get<long long>() ==
              p.at("available").get<long long>() + p.at("reserved").get<long long>() + p.at("sold").get<long long>());
    }
}

events::Envelope OrderCreated(const std::string& order_id, std::vector<events::ItemQuantity> items) {
    events::OrderCreated event;
    event.order_id = order_id;
    event.customer_id = "c-42";
    event.items = std::move(items);
    event.payment_token = "tok_visa";
    event.created_at = events::NowRfc3339();
    return FromOrderService(event, order_id);
}

events::Envelope OrderConfirmed(const std::string& order_id, std::int64_t total_cents) {
    return FromOrderService(events::OrderConfirmed{order_id, "c-42", std::nullopt, total_cents, "USD"}, order_id);
}

events::Envelope OrderRejected(const std::string& order_id, events::OrderRejectionReason reason) {
    return FromOrderService(events::OrderRejected{order_id, "c-42", std::nullopt, reason, std::nullopt}, order_id);
}

events::Envelope OrderCancelled(const std::string& order_id, events::CancelledFromStatus previous) {
    return FromOrderService(events::OrderCancelled{order_id, "c-42", std::nullopt, previous}, order_id);
}

std::vector<events::Envelope> InventoryEventsFor(EventTap& tap, const std::string& subject) {
    std::vector<events::Envelope> out;
    for (const auto& event : tap.Collect()) {
        if (event.type.rfind("inventory.", 0) == 0 && event.subject == subject) out.push_back(event);
    }
    return out;
}

double EpochSeconds(const std::string& rfc3339) {
    std::tm tm{};
    double seconds = 0;
    REQUIRE(std::sscanf(rfc3339.c_str(), "%d-%d-%dT%d:%d:%lfZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                        &tm.tm_min, &seconds) == 6);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<double>(timegm(&tm)) + seconds;
}

}  // namespace saga::test::inventory
