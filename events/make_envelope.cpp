#include "events/make_envelope.hpp"

#include "events/validation.hpp"

namespace saga::events {

void ThrowIfInvalid(const Envelope& envelope) { ThrowIfErrors(ValidateEnvelope(ToJson(envelope))); }

}  // namespace saga::events
