#include "runtime/http/error.hpp"

#include <utility>

namespace saga::runtime::http {

namespace {

struct KindInfo {
    int status;
    std::string_view type;
    std::string_view title;
};

// One table so that status, type URI and title of a kind can never drift apart.
KindInfo Info(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::kBadRequest:
            return {400, "https://saga.example/problems/bad-request", "Bad request"};
        case ErrorKind::kValidation:
            return {400, "https://saga.example/problems/validation", "Validation failed"};
        case ErrorKind::kUnauthorized:
            return {401, "https://saga.example/problems/unauthorized", "Unauthorized"};
        case ErrorKind::kNotFound:
            return {404, "https://saga.example/problems/not-found", "Not found"};
        case ErrorKind::kMethodNotAllowed:
            return {405, "https://saga.example/problems/method-not-allowed", "Method not allowed"};
        case ErrorKind::kConflict:
            return {409, "https://saga.example/problems/conflict", "Conflict"};
        case ErrorKind::kPayloadTooLarge:
            return {413, "https://saga.example/problems/payload-too-large", "Payload too large"};
        case ErrorKind::kUnsupportedMediaType:
            return {415, "https://saga.example/problems/unsupported-media-type", "Unsupported media type"};
        case ErrorKind::kUnprocessable:
            return {422, "https://saga.example/problems/unprocessable", "Unprocessable request"};
        case ErrorKind::kHeaderFieldsTooLarge:
            return {431, "https://saga.example/problems/header-fields-too-large", "Request header fields too large"};
        case ErrorKind::kInternal:
            return {500, "https://saga.example/problems/internal", "Internal server error"};
        case ErrorKind::kUnavailable:
            return {503, "https://saga.example/problems/unavailable", "Service unavailable"};
    }
    return {500, "https://saga.example/problems/internal", "Internal server error"};
}

std::string WhatOf(std::string_view title, std::string_view detail) {
    std::string what(title);
    if (!detail.empty()) {
        what.append(": ").append(detail);
    }
    return what;
}

}  // namespace

int HttpStatus(ErrorKind kind) { return Info(kind).status; }

std::string_view ProblemType(ErrorKind kind) { return Info(kind).type; }

std::string_view ProblemTitle(ErrorKind kind) { return Info(kind).title; }

HttpError::HttpError(ErrorKind kind, std::string detail, std::vector<FieldError> errors)
    : HttpError(kind, std::string(ProblemTitle(kind)), std::move(detail), std::move(errors)) {}

HttpError::HttpError(ErrorKind kind, std::string title, std::string detail, std::vector<FieldError> errors)
    : std::runtime_error(WhatOf(title, detail)),
      kind_(kind),
      title_(std::move(title)),
      detail_(std::move(detail)),
      errors_(std::move(errors)) {}

}  // namespace saga::runtime::http
