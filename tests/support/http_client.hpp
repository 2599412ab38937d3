#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace saga::test {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// A received response. Headers are those of the final response (not of a 100 Continue).
struct HttpResponse {
    long status = 0;
    HttpHeaders headers;
    std::string body;

    /// First header named `name` (case-insensitive), or nullopt.
    std::optional<std::string> Header(std::string_view name) const;
    /// The body parsed as JSON; throws nlohmann::json::parse_error when it is not.
    nlohmann::json Json() const;
};

/// A small blocking HTTP/1.1 client over libcurl for tests. One instance keeps one connection alive
/// between requests (when the server allows), so requests on one client reuse the connection.
/// Not thread-safe: use one client per thread.
class HttpClient {
  public:
    /// `base_url` like "http://127.0.0.1:8081"; request paths are appended to it.
    explicit HttpClient(std::string base_url, std::chrono::milliseconds timeout = std::chrono::seconds(30));
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// Sends `method` to base_url + `path` with `body` and `headers` exactly as given: no Content-Type is
    /// added for you, and no `Expect: 100-continue` unless you pass it. Throws std::runtime_error when no
    /// HTTP response arrives (refused, reset, timed out); any status, 5xx included, is a normal return.
    HttpResponse Request(std::string_view method, std::string_view path, std::string_view body = {},
                         const HttpHeaders& headers = {});

    HttpResponse Get(std::string_view path, const HttpHeaders& headers = {});
    /// POST with Content-Type: application/json.
    HttpResponse PostJson(std::string_view path, const nlohmann::json& body, HttpHeaders headers = {});

    /// How many new connections the last request opened (0 when it reused the kept-alive one).
    long NewConnectionsInLastRequest() const { return last_new_connections_; }

  private:
    std::string base_url_;
    std::chrono::milliseconds timeout_;
    void* curl_;  // CURL*, kept out of the header
    long last_new_connections_ = 0;
};

}  // namespace saga::test
