#pragma once

#include <string>

#include "events/envelope.hpp"
#include "events/make_envelope.hpp"
#include "inventory/app/inventory.hpp"
#include "runtime/http/request.hpp"

namespace saga::inventory {

/// What an event this service publishes continues: the saga (correlation id), the event or HTTP
/// request that caused it (causation id) and its trace.
struct Cause {
    std::string correlation_id;
    std::string causation_id;
    std::string traceparent;  ///< empty: start a new trace

    /// Caused by a consumed event.
    static Cause Of(const events::Envelope& event);
    /// Caused by an HTTP request: its X-Correlation-ID is both the correlation and causation id
    /// (a request has no id of its own).
    static Cause Of(const runtime::http::Request& request);
};

/// An envelope for `event` from this service, about `subject`, continuing `cause`. Throws
/// events::ValidationError when the event would be refused by consumers.
template <class E>
events::Envelope Announce(const E& event, std::string subject, const Cause& cause) {
    auto envelope =
        events::MakeEnvelope(event, kServiceName, std::move(subject), cause.correlation_id, cause.causation_id);
    if (!cause.traceparent.empty()) envelope.traceparent = events::ChildTraceparent(cause.traceparent);
    return envelope;
}

}  // namespace saga::inventory
