#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/http/error.hpp"
#include "runtime/http/request.hpp"

namespace saga::runtime::http {

/// What a handler answers. The server adds Content-Length, Connection and X-Correlation-ID itself.
struct Response {
    int status = 200;
    std::string content_type;  ///< sent as Content-Type unless empty
    HeaderList headers;        ///< extra headers, e.g. {"Location", "/api/orders/o-1"}
    std::string body;

    /// Appends a header and returns *this, for chaining: Json(202, order).WithHeader("Location", url).
    Response& WithHeader(std::string name, std::string value) &;
    Response&& WithHeader(std::string name, std::string value) &&;
    /// First header named `name` (case-insensitive), or nullopt.
    std::optional<std::string> Header(std::string_view name) const;
};

/// `body` serialised as application/json. Invalid UTF-8 in strings is replaced, never thrown.
Response Json(int status, const nlohmann::json& body);

/// A plain-text response, e.g. for Prometheus: Text(200, metrics, "text/plain; version=0.0.4").
Response Text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");

/// RFC 9457 body: {"type", "title", "status", "detail" (when non-empty), "errors" (when non-empty)}.
nlohmann::json ProblemBody(const HttpError& error);

/// The application/problem+json response for `error`. 401 carries `WWW-Authenticate: Bearer`.
Response Problem(const HttpError& error);
/// Shorthand for Problem(HttpError(kind, detail, errors)).
Response Problem(ErrorKind kind, std::string detail = {}, std::vector<FieldError> errors = {});

}  // namespace saga::runtime::http
