#pragma once

#include <string_view>

namespace saga::payment {

/// The service's name: CloudEvents `source` of what it publishes, its queue and inbox consumer.
inline constexpr std::string_view kServiceName = "payment-service";

}  // namespace saga::payment
