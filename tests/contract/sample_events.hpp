#pragma once

#include <vector>

#include "events/envelope.hpp"

namespace saga::contract {

/// One valid envelope per catalog type, built by MakeEnvelope from a typed event (optional data
/// fields filled in), in catalog order.
std::vector<events::Envelope> SampleEnvelopes();

}  // namespace saga::contract
