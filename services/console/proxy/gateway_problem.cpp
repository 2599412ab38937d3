#include "console/proxy/gateway_problem.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace saga::console {

// The runtime's ErrorKind has no gateway kinds (a service never proxies), so the console builds these
// two problems itself, in the same shape.
runtime::http::Response GatewayProblem(const std::string& service, bool timed_out, const std::string& why) {
    const int status = timed_out ? 504 : 502;
    const nlohmann::json body = {
        {"type",
         timed_out ? "https://saga.example/problems/gateway-timeout" : "https://saga.example/problems/bad-gateway"},
        {"title", timed_out ? "Gateway timeout" : "Bad gateway"},
        {"status", status},
        {"detail", timed_out ? fmt::format("the {} service did not answer in time: {}", service, why)
                             : fmt::format("the {} service is unreachable: {}", service, why)},
        {"service", service},
    };
    return runtime::http::Response{.status = status,
                                   .content_type = "application/problem+json",
                                   .headers = {},
                                   .body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace saga::console
