#pragma once

#include <chrono>
#include <string>

#include "runtime/http/request.hpp"
#include "runtime/http/response.hpp"
#include "runtime/http/router.hpp"

namespace saga::console {

/// Forwards browser requests under one prefix ("/api/orders") to one service, unchanged: method,
/// path, query, body and the headers Content-Type, Accept, Idempotency-Key, X-Correlation-ID and
/// Authorization go out; status, body and Content-Type, Location, X-Correlation-ID (and Allow,
/// WWW-Authenticate, Retry-After) come back. A backend that does not answer gives 502, one slower
/// than `timeout` 504 (problem+json naming `service`). Thread-safe; holds no connection.
class ApiProxy {
  public:
    ApiProxy(std::string service, std::string base_url, std::chrono::milliseconds timeout);

    runtime::http::Response Forward(const runtime::http::Request& request) const;

    /// Adds routes for `prefix` and up to four further path segments below it, for every method the
    /// services use (GET, POST, PUT, PATCH, DELETE). The proxy must outlive the router.
    void Register(runtime::http::Router& router, const std::string& prefix) const;

  private:
    std::string service_;
    std::string base_url_;
    std::chrono::milliseconds timeout_;
};

/// The origin-form target for `request` as the backend must see it: the decoded path and query
/// encoded again ("/api/orders?customer_id=c%2042").
std::string UpstreamTarget(const runtime::http::Request& request);

}  // namespace saga::console
