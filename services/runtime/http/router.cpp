#include "runtime/http/router.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <utility>

#include "runtime/http/error.hpp"

namespace saga::runtime::http {

namespace {

constexpr std::string_view kUnmatchedRoute = "<unmatched>";

// "/a/b/" → {"a", "b", ""}: a trailing slash is a distinct (empty) segment, so "/api/orders/" is not
// "/api/orders".
std::vector<std::string_view> SplitPath(std::string_view path) {
    std::vector<std::string_view> parts;
    path.remove_prefix(1);
    while (true) {
        auto slash = path.find('/');
        parts.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) {
            return parts;
        }
        path.remove_prefix(slash + 1);
    }
}

void LogFailure(const Request& request, std::string_view what) {
    fmt::print(stderr, "http: {} {} failed with 500 (correlation id {}): {}\n", request.method, request.path,
               request.correlation_id, what);
}

}  // namespace

void Router::Add(std::string method, std::string_view pattern, Handler handler) {
    if (method.empty() || pattern.empty() || pattern.front() != '/' || !handler) {
        throw std::invalid_argument(
            fmt::format("route '{} {}': needs a method, a handler and a pattern starting "
                        "with '/'",
                        method, pattern));
    }
    Route route{.method = std::move(method), .pattern = std::string(pattern), .segments = {}, .handler = {}};
    for (std::string_view part : SplitPath(pattern)) {
        bool is_param = part.starts_with('{') && part.ends_with('}');
        if (is_param && part.size() == 2) {
            throw std::invalid_argument(fmt::format("route pattern '{}': empty placeholder name", pattern));
        }
        if (!is_param && (part.find('{') != std::string_view::npos || part.find('}') != std::string_view::npos)) {
            throw std::invalid_argument(
                fmt::format("route pattern '{}': a placeholder must fill a whole segment", pattern));
        }
        route.segments.push_back({std::string(is_param ? part.substr(1, part.size() - 2) : part), is_param});
    }
    for (const Route& existing : routes_) {
        bool same_shape = existing.method == route.method && existing.segments.size() == route.segments.size() &&
                          std::equal(existing.segments.begin(), existing.segments.end(), route.segments.begin(),
                                     [](const Segment& a, const Segment& b) {
                                         return a.is_param == b.is_param && (a.is_param || a.text == b.text);
                                     });
        if (same_shape) {
            throw std::invalid_argument(fmt::format("route '{} {}' clashes with '{} {}'", route.method, pattern,
                                                    existing.method, existing.pattern));
        }
    }
    route.handler = std::move(handler);
    routes_.push_back(std::move(route));
}

void Router::Observe(std::function<void(const Exchange&)> observer) { observer_ = std::move(observer); }

bool Router::Matches(const Route& route, const std::vector<std::string_view>& parts) {
    if (route.segments.size() != parts.size()) {
        return false;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Segment& segment = route.segments[i];
        if (segment.is_param ? parts[i].empty() : segment.text != parts[i]) {
            return false;
        }
    }
    return true;
}

bool Router::Answers(const Route& route, std::string_view method) {
    // HEAD is GET without the content (RFC 9110 9.3.2); the session drops the body.
    return route.method == method || (method == "HEAD" && route.method == "GET");
}

bool Router::MoreSpecific(const Route& a, const Route& b) {
    for (std::size_t i = 0; i < a.segments.size(); ++i) {
        if (a.segments[i].is_param != b.segments[i].is_param) {
            return !a.segments[i].is_param;
        }
    }
    return false;
}

Response Router::Dispatch(Request& request, std::string_view& route_label) const {
    if (request.path.empty() || request.path.front() != '/') {
        return Problem(ErrorKind::kNotFound, "no resource at '" + request.path + "'");
    }
    auto parts = SplitPath(request.path);
    const Route* best = nullptr;
    std::vector<std::string_view> allowed;
    for (const Route& route : routes_) {
        if (!Matches(route, parts)) {
            continue;
        }
        if (!Answers(route, request.method)) {
            allowed.push_back(route.method);
            if (route.method == "GET") allowed.push_back("HEAD");
        } else if (best == nullptr || MoreSpecific(route, *best)) {
            best = &route;
        }
    }
    if (best == nullptr) {
        if (allowed.empty()) {
            return Problem(ErrorKind::kNotFound, "no resource at '" + request.path + "'");
        }
        std::sort(allowed.begin(), allowed.end());
        allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
        std::string allow = fmt::format("{}", fmt::join(allowed, ", "));
        return Problem(ErrorKind::kMethodNotAllowed,
                       fmt::format("'{}' does not support {}; allowed: {}", request.path, request.method, allow))
            .WithHeader("Allow", allow);
    }
    route_label = best->pattern;
    request.path_params.clear();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (best->segments[i].is_param) {
            request.path_params.insert_or_assign(best->segments[i].text, std::string(parts[i]));
        }
    }
    return best->handler(request);
}

Response Router::Handle(Request& request) const {
    auto started = std::chrono::steady_clock::now();
    std::string_view route_label = kUnmatchedRoute;
    Response response;
    try {
        response = Dispatch(request, route_label);
    } catch (const HttpError& error) {
        response = Problem(error);
    } catch (const std::exception& error) {
        LogFailure(request, error.what());
        response = Problem(ErrorKind::kInternal, "the request failed on our side; quote the correlation id");
    } catch (...) {
        LogFailure(request, "a non-standard exception");
        response = Problem(ErrorKind::kInternal, "the request failed on our side; quote the correlation id");
    }
    if (observer_) {
        try {
            observer_(Exchange{.method = request.method,
                               .route = route_label,
                               .status = response.status,
                               .duration = std::chrono::steady_clock::now() - started});
        } catch (const std::exception& error) {
            fmt::print(stderr, "http: the exchange observer failed: {}\n", error.what());
        }
    }
    return response;
}

}  // namespace saga::runtime::http
