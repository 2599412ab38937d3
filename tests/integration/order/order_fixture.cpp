#include "order_fixture.hpp"

#include <doctest/doctest.h>

#include <ctime>

#include "events/inventory_reservation_failed.hpp"
#include "events/inventory_reserved.hpp"
#include "events/make_envelope.hpp"
#include "events/order_created.hpp"
#include "events/payment_completed.hpp"
#include "events/payment_failed.hpp"

namespace saga::test {

namespace {

constexpr std::int64_t kUnitPriceCents = 49999;

std::map<std::string, std::string> EnvFor(const TestDatabase& db, const TestVhost& vhost,
                                          std::map<std::string, std::string> extra) {
    std::map<std::string, std::string> env = {{"DATABASE_URL", db.url()},      {"AMQP_URL", vhost.amqp_url()},
                                              {"RETRY_DELAYS", "200ms,400ms"}, {"EXPIRY_SWEEP_INTERVAL", "200ms"},
                                              {"RETRY_MAX_ATTEMPTS", "10"},    {"LOG_LEVEL", "warn"}};
    for (auto& [name, value] : extra) env[name] = value;
    return env;
}

}  // namespace

std::string TimeFromNow(std::chrono::milliseconds offset) {
    const auto when = std::chrono::system_clock::now() + offset;
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count() % 1000;
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", text, static_cast<int>(millis));
    return out;
}

OrderFixture::OrderFixture(std::map<std::string, std::string> extra_env)
    : tap(vhost.amqp_url()),
      service(SAGA_ORDER_BINARY, EnvFor(db, vhost, std::move(extra_env))),
      http(service.base_url()) {}

nlohmann::json OrderFixture::OrderBody(const std::string& customer_id) {
    return {{"customer_id", customer_id},
            {"email", "a@b.example"},
            {"items", {{{"product_id", "PROD-001"}, {"quantity", 2}}}}};
}

std::string OrderFixture::CreateOrder(const nlohmann::json& body, const HttpHeaders& headers) {
    const auto response = http.PostJson("/api/orders", body, headers);
    REQUIRE_MESSAGE(response.status == 202, response.body);
    return response.Json().at("order_id").get<std::string>();
}

events::Envelope OrderFixture::Created(const std::string& order_id) { return tap.WaitFor("order.created", order_id); }

events::Envelope OrderFixture::Reserved(const events::Envelope& created, std::chrono::milliseconds ttl) {
    const auto order = events::DataAs<events::OrderCreated>(created);
    events::InventoryReserved reserved{.order_id = order.order_id,
                                       .reservation_id = "res-" + order.order_id.substr(4, 8),
                                       .items = {},
                                       .total_cents = 0,
                                       .currency = "USD",
                                       .expires_at = TimeFromNow(ttl)};
    for (const auto& item : order.items) {
        reserved.items.push_back(
            {.product_id = item.product_id, .quantity = item.quantity, .unit_price_cents = kUnitPriceCents});
        reserved.total_cents += kUnitPriceCents * item.quantity;
    }
    return events::MakeFollowUp(reserved, "inventory-service", order.order_id, created);
}

events::Envelope OrderFixture::ReservationFailed(const events::Envelope& created) {
    const auto order = events::DataAs<events::OrderCreated>(created);
    events::InventoryReservationFailed failed{
        .order_id = order.order_id, .reason = events::ReservationFailureReason::kOutOfStock, .shortfall = {}};
    for (const auto& item : order.items) {
        failed.shortfall.push_back({.product_id = item.product_id, .requested = item.quantity, .available = 1});
    }
    return events::MakeFollowUp(failed, "inventory-service", order.order_id, created);
}

events::Envelope OrderFixture::PaymentCompleted(const events::Envelope& reserved) {
    const auto data = events::DataAs<events::InventoryReserved>(reserved);
    return events::MakeFollowUp(events::PaymentCompleted{.order_id = data.order_id,
                                                         .payment_id = "pay-" + data.order_id.substr(4, 8),
                                                         .amount_cents = data.total_cents,
                                                         .currency = data.currency},
                                "payment-service", data.order_id, reserved);
}

events::Envelope OrderFixture::PaymentFailed(const events::Envelope& reserved) {
    const auto data = events::DataAs<events::InventoryReserved>(reserved);
    return events::MakeFollowUp(events::PaymentFailed{.order_id = data.order_id,
                                                      .payment_id = "pay-" + data.order_id.substr(4, 8),
                                                      .amount_cents = data.total_cents,
                                                      .currency = data.currency,
                                                      .reason = events::PaymentFailureReason::kCardDeclined},
                                "payment-service", data.order_id, reserved);
}

void OrderFixture::Publish(const events::Envelope& event) { PublishEvent(vhost.amqp_url(), event); }

nlohmann::json OrderFixture::Order(const std::string& order_id) {
    const auto response = http.Get("/api/orders/" + order_id);
    REQUIRE_MESSAGE(response.status == 200, response.body);
    return response.Json();
}

nlohmann::json OrderFixture::WaitForStatus(const std::string& order_id, const std::string& status,
                                           std::chrono::milliseconds timeout) {
    nlohmann::json order;
    const bool reached = Eventually(
        [&] {
            order = Order(order_id);
            return order.at("status") == status;
        },
        timeout);
    REQUIRE_MESSAGE(reached, "order " << order_id << " did not reach " << status << ": " << order.dump());
    return order;
}

}  // namespace saga::test
