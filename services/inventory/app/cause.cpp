#include "inventory/app/cause.hpp"

#include "events/formats.hpp"

namespace saga::inventory {

Cause Cause::Of(const events::Envelope& event) { return {event.correlation_id, event.id, event.traceparent}; }

Cause Cause::Of(const runtime::http::Request& request) {
    // The runtime generates a correlation id when the client sent none; a client's own one is
    // used only when it fits the envelope's format.
    const std::string id = events::IsTraceToken(request.correlation_id) ? request.correlation_id : events::NewEventId();
    return {id, id, ""};
}

}  // namespace saga::inventory
