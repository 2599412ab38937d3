#pragma once

#include <string_view>

namespace saga::fuzz {

/// Feeds `input` (raw bytes off a socket) through what a service does with a request: the Beast
/// request parser with the server's default header and body limits, ParseTarget, CorrelationIdFor,
/// a Router holding the services' routes whose handlers run ParseJsonBody (and, for POST /api/orders,
/// ParseOrderRequest), and Problem rendering. Checks that
/// - a target either parses to a path starting with '/' without NUL bytes, or is refused with 400;
/// - the correlation id is 1..128 visible ASCII characters;
/// - path parameters are non-empty;
/// - the response status is 200..599, a 405 names the allowed methods, and a problem body is JSON whose
///   "status" is the response status and whose "errors" each name a field ("" only for a
///   non-object body or a property named "");
/// - a parsed JSON body is nested at most kMaxJsonDepth deep and survives dump + parse unchanged.
/// Throws InvariantViolation otherwise.
void CheckHttpRequest(std::string_view input);

}  // namespace saga::fuzz
