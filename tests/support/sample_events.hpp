#pragma once

#include <string>

#include "events/envelope.hpp"

namespace saga::test {

/// A valid `order.created` envelope for `order_id` (one item), as the order service would emit.
events::Envelope SampleOrderCreated(const std::string& order_id);

}  // namespace saga::test
