#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace saga::runtime::http {

/// Request and response header name for the correlation id (SPEC §2).
inline constexpr std::string_view kCorrelationIdHeader = "X-Correlation-ID";

using HeaderList = std::vector<std::pair<std::string, std::string>>;
using ParamMap = std::map<std::string, std::string, std::less<>>;

/// One HTTP request as handlers see it: already decoded, no transport types.
/// A plain aggregate so tests can build one directly.
struct Request {
    std::string method;          ///< as sent, e.g. "GET" (methods are case-sensitive; clients send upper case)
    std::string path;            ///< percent-decoded, without the query, e.g. "/api/orders/o-1"
    ParamMap query;              ///< percent-decoded ('+' = space); first value wins for repeated names
    HeaderList headers;          ///< in arrival order, names as sent
    std::string body;            ///< raw bytes
    ParamMap path_params;        ///< filled by the Router from "{name}" segments of the matched pattern
    std::string correlation_id;  ///< the request's X-Correlation-ID, or a generated one; echoed on the response

    /// First header named `name` (case-insensitive), or nullopt.
    std::optional<std::string> Header(std::string_view name) const;
    /// Query parameter `name`, or nullopt.
    std::optional<std::string> Query(std::string_view name) const;
    /// Path parameter `name` of the matched route. Throws std::out_of_range when the pattern has no such
    /// parameter (a programming error, answered with 500).
    const std::string& PathParam(std::string_view name) const;
};

/// Case-insensitive ASCII comparison, as HTTP header names and media types need.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace saga::runtime::http
