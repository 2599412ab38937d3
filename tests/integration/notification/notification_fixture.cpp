#include "notification_fixture.hpp"

#include <doctest/doctest.h>

#include "events/make_envelope.hpp"
#include "events/order_cancelled.hpp"
#include "events/order_confirmed.hpp"
#include "events/order_rejected.hpp"
#include "support/http_client.hpp"

namespace saga::test {

NotificationStack::NotificationStack(std::map<std::string, std::string> env) {
    // The tap first, so that it sees every event the service publishes.
    tap_ = std::make_unique<EventTap>(vhost_.amqp_url());
    env["DATABASE_URL"] = database_.url();
    env["AMQP_URL"] = vhost_.amqp_url();
    env.try_emplace("RETRY_DELAYS", "200ms,400ms");
    service_ = std::make_unique<ServiceProcess>(SAGA_NOTIFICATION_BINARY, env);
    // /health answers 200 while still "degraded"; until the consumer has declared and bound its
    // queue, a published event would reach no queue and be lost.
    REQUIRE(Eventually([&] { return vhost_.ConsumerCount("notification-service") >= 1; }, std::chrono::seconds{20}));
}

void NotificationStack::Publish(const events::Envelope& event) const { PublishEvent(vhost_.amqp_url(), event); }

nlohmann::json NotificationStack::Notifications(const std::string& order_id) const {
    HttpClient client(service_->base_url());
    const auto response = client.Get("/api/notifications?order_id=" + order_id);
    REQUIRE(response.status == 200);
    return response.Json().at("notifications");
}

std::string NewOrderId() { return "o-" + RandomSuffix(); }

events::Envelope OrderConfirmedEvent(const std::string& order_id, std::optional<std::string> email) {
    const events::OrderConfirmed event{
        .order_id = order_id, .customer_id = "c-42", .email = std::move(email), .total_cents = 4999, .currency = "USD"};
    return events::MakeEnvelope(event, "order-service", order_id, "saga-" + order_id, events::NewEventId());
}

events::Envelope OrderRejectedEvent(const std::string& order_id, std::optional<std::string> email) {
    const events::OrderRejected event{.order_id = order_id,
                                      .customer_id = "c-42",
                                      .email = std::move(email),
                                      .reason = events::OrderRejectionReason::kPaymentDeclined,
                                      .detail = "card_declined"};
    return events::MakeEnvelope(event, "order-service", order_id, "saga-" + order_id, events::NewEventId());
}

events::Envelope OrderCancelledEvent(const std::string& order_id, std::optional<std::string> email) {
    const events::OrderCancelled event{.order_id = order_id,
                                       .customer_id = "c-42",
                                       .email = std::move(email),
                                       .previous_status = events::CancelledFromStatus::kPending};
    return events::MakeEnvelope(event, "order-service", order_id, "saga-" + order_id, events::NewEventId());
}

}  // namespace saga::test
