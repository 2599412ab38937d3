#pragma once

#include <string>
#include <utility>

#include "events/codec.hpp"
#include "events/envelope.hpp"

namespace saga::events {

/// Throws ValidationError listing every violation when `envelope` (data included) would not pass
/// Decode() on the receiving side.
void ThrowIfInvalid(const Envelope& envelope);

/// A new envelope for `event`: fresh id, current time and a new trace. Throws ValidationError
/// when the result would be rejected by consumers (a bad id, a quantity out of range, ...), so
/// invalid events are caught at their source rather than in a dead-letter queue.
template <class E>
Envelope MakeEnvelope(const E& event, std::string source, std::string subject, std::string correlation_id,
                      std::string causation_id) {
    Envelope envelope{
        .id = NewEventId(),
        .type = std::string(E::kType),
        .source = std::move(source),
        .time = NowRfc3339(),
        .subject = std::move(subject),
        .correlation_id = std::move(correlation_id),
        .causation_id = std::move(causation_id),
        .traceparent = NewTraceparent(),
        .data = ToJson(event),
    };
    ThrowIfInvalid(envelope);
    return envelope;
}

/// As MakeEnvelope, for an event caused by `cause`: same correlation id, causation id = cause.id,
/// and a traceparent continuing cause's trace.
template <class E>
Envelope MakeFollowUp(const E& event, std::string source, std::string subject, const Envelope& cause) {
    Envelope envelope{
        .id = NewEventId(),
        .type = std::string(E::kType),
        .source = std::move(source),
        .time = NowRfc3339(),
        .subject = std::move(subject),
        .correlation_id = cause.correlation_id,
        .causation_id = cause.id,
        .traceparent = ChildTraceparent(cause.traceparent),
        .data = ToJson(event),
    };
    ThrowIfInvalid(envelope);
    return envelope;
}

}  // namespace saga::events
