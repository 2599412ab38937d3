#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sagactl/storage/service_facts.hpp"

namespace saga::sagactl {

/// The entries of `urls` in the order sagactl shows services: order, inventory, payment,
/// notification, then any others by name.
std::vector<std::pair<std::string, std::string>> InDisplayOrder(const DatabaseUrls& urls);

/// The inbox `consumer` a service writes: its queue name, "<service>-service" (the runtime's
/// ServiceHost passes its service name, e.g. "inventory-service", as both).
std::string ConsumerName(const std::string& service);

/// "inventory-service" -> "inventory"; a short name is returned unchanged.
std::string ShortServiceName(const std::string& name);

}  // namespace saga::sagactl
