#include "support/sample_events.hpp"

#include "events/make_envelope.hpp"
#include "events/order_created.hpp"

namespace saga::test {

events::Envelope SampleOrderCreated(const std::string& order_id) {
    events::OrderCreated event;
    event.order_id = order_id;
    event.customer_id = "c-42";
    event.items = {{"PROD-001", 2}};
    event.payment_token = "tok_visa";
    event.created_at = events::NowRfc3339();
    return events::MakeEnvelope(event, "order-service", order_id, events::NewEventId(), "test");
}

}  // namespace saga::test
