#pragma once

#include <string>

#include "runtime/http/response.hpp"

namespace saga::console {

/// RFC 9457 problem for a backend the console could not use: 502 "Bad gateway" when `timed_out`
/// is false (refused, reset, no such host), 504 "Gateway timeout" when it is. The detail and an
/// extra "service" member name the backend, e.g. "order".
runtime::http::Response GatewayProblem(const std::string& service, bool timed_out, const std::string& why);

}  // namespace saga::console
