#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/http/request.hpp"
#include "runtime/http/response.hpp"

namespace saga::runtime::http {

/// A blocking endpoint: may do database work; runs on a handler thread, never on the I/O thread.
/// Throw HttpError for client-facing failures; any other exception becomes a 500 with no details.
using Handler = std::function<Response(const Request&)>;

/// One finished request, for metrics. `route` is the matched pattern ("/api/orders/{order_id}"), or
/// "<unmatched>" for 404s, so that label values stay bounded.
struct Exchange {
    std::string_view method;
    std::string_view route;
    int status;
    std::chrono::steady_clock::duration duration;
};

/// Maps (method, path) to handlers. Build it completely, then hand it to the Server; Handle() is then
/// called concurrently from handler threads and only reads.
class Router {
  public:
    /// Registers `handler` for `method` on `pattern`: an absolute path whose segments are literals or
    /// "{name}" placeholders, e.g. "/api/orders/{order_id}/cancel". A placeholder matches one non-empty
    /// segment; where several patterns match, literal segments win over placeholders, left to right.
    /// Throws std::invalid_argument for a malformed pattern or a second handler for the same method and
    /// pattern shape.
    void Add(std::string method, std::string_view pattern, Handler handler);

    /// Called after every Handle() with its outcome. Must be thread-safe; exceptions from it are logged.
    void Observe(std::function<void(const Exchange&)> observer);

    /// Routes `request`, fills its path_params and runs the handler. Never throws:
    /// unknown path → 404 problem; known path, other method → 405 problem with `Allow`;
    /// HttpError → its problem; any other exception → 500 problem, logged to stderr with the correlation id.
    Response Handle(Request& request) const;

  private:
    struct Segment {
        std::string text;
        bool is_param;
    };
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<Segment> segments;
        Handler handler;
    };

    static bool Matches(const Route& route, const std::vector<std::string_view>& parts);
    static bool MoreSpecific(const Route& a, const Route& b);
    static bool Answers(const Route& route, std::string_view method);
    Response Dispatch(Request& request, std::string_view& route_label) const;

    std::vector<Route> routes_;
    std::function<void(const Exchange&)> observer_;
};

}  // namespace saga::runtime::http
