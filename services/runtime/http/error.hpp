#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace saga::runtime::http {

/// What went wrong, independent of the wire. HttpStatus() is the one place that maps a kind to a status code.
enum class ErrorKind {
    kBadRequest,            ///< 400: the request cannot be read (malformed JSON, bad target, bad HTTP)
    kValidation,            ///< 400: the request is readable but breaks the API's rules
    kUnauthorized,          ///< 401: missing or wrong credentials
    kNotFound,              ///< 404: no such resource or route
    kMethodNotAllowed,      ///< 405: the route exists, the method does not
    kConflict,              ///< 409: the resource's state forbids the request now
    kPayloadTooLarge,       ///< 413: body over the server's limit
    kUnsupportedMediaType,  ///< 415: body in a content type the endpoint does not take
    kUnprocessable,         ///< 422: well-formed but semantically refused (e.g. idempotency key reuse)
    kHeaderFieldsTooLarge,  ///< 431: header section over the server's limit
    kInternal,              ///< 500: a fault on our side; details stay in the log
    kUnavailable,           ///< 503: a dependency is down; retry later
};

/// The HTTP status code for `kind`.
int HttpStatus(ErrorKind kind);

/// RFC 9457 "type": a stable URI per kind, e.g. "https://saga.example/problems/validation".
std::string_view ProblemType(ErrorKind kind);

/// RFC 9457 "title": the short summary that belongs to the problem type, e.g. "Validation failed".
std::string_view ProblemTitle(ErrorKind kind);

/// One offending input field, e.g. {"items[0].quantity", "must be between 1 and 1000"}.
struct FieldError {
    std::string field;
    std::string message;

    bool operator==(const FieldError&) const = default;
};

/// Thrown by handlers (and the runtime) to answer with an RFC 9457 problem instead of a normal response.
/// The server turns it into `application/problem+json` with HttpStatus(kind()).
class HttpError : public std::runtime_error {
  public:
    /// Title is the kind's standard title; `detail` explains this occurrence to the client.
    HttpError(ErrorKind kind, std::string detail, std::vector<FieldError> errors = {});
    /// For a title that differs from the kind's standard one.
    HttpError(ErrorKind kind, std::string title, std::string detail, std::vector<FieldError> errors);

    ErrorKind kind() const { return kind_; }
    const std::string& title() const { return title_; }
    const std::string& detail() const { return detail_; }
    const std::vector<FieldError>& errors() const { return errors_; }

  private:
    ErrorKind kind_;
    std::string title_;
    std::string detail_;
    std::vector<FieldError> errors_;
};

}  // namespace saga::runtime::http
