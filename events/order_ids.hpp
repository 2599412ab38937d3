#pragma once

#include <string>
#include <vector>

#include "events/envelope.hpp"

namespace saga::events {

/// The `data.order_id` of each of `events` that has one (every saga event but the stock ones),
/// in their order, without repeats: e.g. the orders a consumer batch is about to change.
std::vector<std::string> OrderIdsOf(const std::vector<const Envelope*>& events);

}  // namespace saga::events
