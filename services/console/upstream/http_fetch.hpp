#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace saga::console {

using UpstreamHeaders = std::vector<std::pair<std::string, std::string>>;

/// One request to a backend (a service API, the management API).
struct UpstreamRequest {
    std::string method = "GET";
    std::string url;  ///< absolute; may carry user:password@ for basic auth
    UpstreamHeaders headers;
    std::string body;  ///< sent when non-empty, or always for POST, PUT and PATCH
    std::chrono::milliseconds timeout{5000};
};

/// What a backend answered: any status, 5xx included.
struct UpstreamResponse {
    long status = 0;
    UpstreamHeaders headers;  ///< of the final response, names as sent
    std::string body;

    /// First header named `name` (case-insensitive), or nullopt.
    std::optional<std::string> Header(std::string_view name) const;
};

/// No HTTP response arrived. `timed_out` tells a slow backend (504) from an absent one (502).
class UpstreamError : public std::runtime_error {
  public:
    UpstreamError(bool timed_out, const std::string& what) : std::runtime_error(what), timed_out_(timed_out) {}
    bool timed_out() const { return timed_out_; }

  private:
    bool timed_out_;
};

/// libcurl's global state: create one in main() before any thread starts, destroy it last.
class UpstreamLibrary {
  public:
    UpstreamLibrary();
    ~UpstreamLibrary();
    UpstreamLibrary(const UpstreamLibrary&) = delete;
    UpstreamLibrary& operator=(const UpstreamLibrary&) = delete;
};

/// Sends `request` and waits for the whole response (blocking; thread-safe: one libcurl handle per
/// call, no shared state). Throws UpstreamError when no response arrives within the timeout.
UpstreamResponse Fetch(const UpstreamRequest& request);

/// Percent-encodes everything but RFC 3986 unreserved characters (and '/' when `keep_slash`).
std::string PercentEncode(std::string_view text, bool keep_slash = false);

}  // namespace saga::console
