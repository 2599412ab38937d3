#include "payment_fixture.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "events/inventory_reserved.hpp"
#include "events/make_envelope.hpp"
#include "events/order_cancelled.hpp"
#include "events/order_created.hpp"

using namespace std::chrono_literals;

namespace saga::test {
namespace {

std::string Correlation(const std::string& order_id) { return "saga-" + order_id; }

}  // namespace

PaymentFixture::PaymentFixture()
    : tap(vhost.amqp_url()),
      service(SAGA_PAYMENT_BINARY, {{"DATABASE_URL", db.url()},
                                    {"AMQP_URL", vhost.amqp_url()},
                                    {"RETRY_DELAYS", "200ms,400ms"},
                                    {"RETRY_MAX_ATTEMPTS", "30"},
                                    {"LOG_LEVEL", "warn"}}),
      http(service.base_url()) {
    REQUIRE(Eventually([&] { return vhost.ConsumerCount("payment-service") == 1; }, 20s));
}

void PaymentFixture::Publish(const events::Envelope& event) const { PublishEvent(vhost.amqp_url(), event); }

events::Envelope PaymentFixture::OrderCreated(const std::string& order_id, const std::string& token) const {
    events::OrderCreated event{.order_id = order_id,
                               .customer_id = "c-42",
                               .email = std::nullopt,
                               .items = {{"PROD-001", 2}},
                               .payment_token = token,
                               .created_at = events::NowRfc3339()};
    return events::MakeEnvelope(event, "order-service", order_id, Correlation(order_id), Correlation(order_id));
}

events::Envelope PaymentFixture::InventoryReserved(const std::string& order_id, std::int64_t total_cents) const {
    events::InventoryReserved event{
        .order_id = order_id,
        .reservation_id = "r-" + order_id,
        .items = {{.product_id = "PROD-001", .quantity = 1, .unit_price_cents = total_cents}},
        .total_cents = total_cents,
        .currency = "USD",
        .expires_at = "2099-01-01T00:00:00.000Z"};
    return events::MakeEnvelope(event, "inventory-service", order_id, Correlation(order_id), events::NewEventId());
}

events::Envelope PaymentFixture::OrderCancelled(const std::string& order_id) const {
    events::OrderCancelled event{.order_id = order_id,
                                 .customer_id = "c-42",
                                 .email = std::nullopt,
                                 .previous_status = events::CancelledFromStatus::kAwaitingPayment};
    return events::MakeEnvelope(event, "order-service", order_id, Correlation(order_id), events::NewEventId());
}

events::Envelope PaymentFixture::OrderRejected(const std::string& order_id, events::OrderRejectionReason reason) const {
    events::OrderRejected event{
        .order_id = order_id, .customer_id = "c-42", .email = std::nullopt, .reason = reason, .detail = std::nullopt};
    return events::MakeEnvelope(event, "order-service", order_id, Correlation(order_id), events::NewEventId());
}

void PaymentFixture::Settle() {
    const auto marker = NewOrderId();
    Publish(OrderCreated(marker, "tok_visa"));
    Publish(InventoryReserved(marker, 100));
    tap.WaitFor("payment.completed", marker);
}

std::vector<events::Envelope> PaymentFixture::PaymentEvents(const std::string& order_id) {
    std::vector<events::Envelope> out;
    for (const auto& event : tap.Collect()) {
        if (event.subject == order_id && event.type.starts_with("payment.")) out.push_back(event);
    }
    return out;
}

nlohmann::json PaymentFixture::PaymentsOf(const std::string& order_id) {
    const auto response = http.Get("/api/payments?order_id=" + order_id);
    REQUIRE(response.status == 200);
    return response.Json().at("payments");
}

long long PaymentFixture::Metric(const std::string& name, const std::string& label) {
    std::istringstream lines(http.Get("/metrics").body);
    long long sum = -1;
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with(name + "{") || line.find(label) == std::string::npos) continue;
        if (sum < 0) sum = 0;
        sum += std::stoll(line.substr(line.rfind(' ') + 1));
    }
    return sum;
}

std::string NewOrderId() { return "o-" + RandomSuffix(); }

}  // namespace saga::test
