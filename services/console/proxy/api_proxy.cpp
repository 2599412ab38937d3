#include "console/proxy/api_proxy.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "console/proxy/gateway_problem.hpp"
#include "console/upstream/http_fetch.hpp"
#include "runtime/http/error.hpp"

namespace saga::console {
namespace {

namespace http = runtime::http;

constexpr std::array<std::string_view, 5> kRequestHeaders = {"Content-Type", "Accept", "Idempotency-Key",
                                                             "Authorization", "X-Correlation-ID"};
constexpr std::array<std::string_view, 5> kResponseHeaders = {"Location", "X-Correlation-ID", "Allow",
                                                              "WWW-Authenticate", "Retry-After"};
constexpr std::array<const char*, 5> kMethods = {"GET", "POST", "PUT", "PATCH", "DELETE"};
constexpr int kMaxExtraSegments = 4;

// The path is percent-decoded, so "%2e%2e" and "%2f" arrive here as ".." and "/". Forwarded, a
// dot segment would leave the service's /api prefix (libcurl, like any client, resolves it) and
// reach the service's /metrics or, with the caller's Authorization header, its /admin API.
bool HasDotSegment(std::string_view path) {
    for (std::size_t start = 0; start <= path.size();) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, end - start);
        if (segment == "." || segment == "..") return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

std::string UpstreamTarget(const http::Request& request) {
    std::string target = PercentEncode(request.path, true);
    char separator = '?';
    for (const auto& [name, value] : request.query) {
        target += separator;
        target += PercentEncode(name) + "=" + PercentEncode(value);
        separator = '&';
    }
    return target;
}

ApiProxy::ApiProxy(std::string service, std::string base_url, std::chrono::milliseconds timeout)
    : service_(std::move(service)), base_url_(std::move(base_url)), timeout_(timeout) {}

http::Response ApiProxy::Forward(const http::Request& request) const {
    if (HasDotSegment(request.path)) {
        throw http::HttpError(http::ErrorKind::kNotFound, "no such resource: a path with a '.' or '..' segment");
    }
    UpstreamRequest out{.method = request.method,
                        .url = base_url_ + UpstreamTarget(request),
                        .headers = {},
                        .body = request.body,
                        .timeout = timeout_};
    for (std::string_view name : kRequestHeaders) {
        if (http::EqualsIgnoreCase(name, http::kCorrelationIdHeader)) {
            // Always set: the one the server generated when the browser sent none, so both logs agree.
            out.headers.emplace_back(std::string(name), request.correlation_id);
        } else if (auto value = request.Header(name)) {
            out.headers.emplace_back(std::string(name), *value);
        }
    }
    UpstreamResponse answer;
    try {
        answer = Fetch(out);
    } catch (const UpstreamError& error) {
        return GatewayProblem(service_, error.timed_out(), error.what());
    }
    http::Response response{.status = static_cast<int>(answer.status),
                            .content_type = answer.Header("Content-Type").value_or(""),
                            .headers = {},
                            .body = std::move(answer.body)};
    for (std::string_view name : kResponseHeaders) {
        if (auto value = answer.Header(name)) response.headers.emplace_back(std::string(name), *value);
    }
    return response;
}

void ApiProxy::Register(http::Router& router, const std::string& prefix) const {
    std::string pattern = prefix;
    for (int depth = 0; depth <= kMaxExtraSegments; ++depth) {
        for (const char* method : kMethods) {
            router.Add(method, pattern, [this](const http::Request& request) { return Forward(request); });
        }
        pattern += "/{p" + std::to_string(depth) + "}";
    }
}

}  // namespace saga::console
