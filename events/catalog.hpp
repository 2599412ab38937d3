#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "events/envelope.hpp"

namespace saga::events {

/// True when `type` is one of the event types of SPEC §3.
bool IsKnownType(std::string_view type);

/// Every event type of the catalog, in SPEC §3 order.
std::vector<std::string_view> AllTypes();

/// Every violation of `type`'s data schema by `data` (paths prefixed "data."); a single error on
/// field "type" when `type` is not in the catalog.
std::vector<FieldError> ValidateData(std::string_view type, const nlohmann::json& data);

}  // namespace saga::events
