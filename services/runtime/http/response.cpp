#include "runtime/http/response.hpp"

#include <utility>

namespace saga::runtime::http {

namespace {

constexpr std::string_view kJsonType = "application/json";
constexpr std::string_view kProblemType = "application/problem+json";

// Replacing invalid UTF-8 instead of throwing keeps a response (and the error path itself) from failing on
// odd bytes echoed back from client input.
std::string Dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Response& Response::WithHeader(std::string name, std::string value) & {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

Response&& Response::WithHeader(std::string name, std::string value) && {
    headers.emplace_back(std::move(name), std::move(value));
    return std::move(*this);
}

std::optional<std::string> Response::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (EqualsIgnoreCase(key, name)) {
            return value;
        }
    }
    return std::nullopt;
}

Response Json(int status, const nlohmann::json& body) {
    return Response{.status = status, .content_type = std::string(kJsonType), .headers = {}, .body = Dump(body)};
}

Response Text(int status, std::string body, std::string content_type) {
    return Response{.status = status, .content_type = std::move(content_type), .headers = {}, .body = std::move(body)};
}

nlohmann::json ProblemBody(const HttpError& error) {
    nlohmann::json body = {
        {"type", ProblemType(error.kind())},
        {"title", error.title()},
        {"status", HttpStatus(error.kind())},
    };
    if (!error.detail().empty()) {
        body["detail"] = error.detail();
    }
    if (!error.errors().empty()) {
        nlohmann::json errors = nlohmann::json::array();
        for (const auto& field_error : error.errors()) {
            errors.push_back({{"field", field_error.field}, {"message", field_error.message}});
        }
        body["errors"] = std::move(errors);
    }
    return body;
}

Response Problem(const HttpError& error) {
    Response response{.status = HttpStatus(error.kind()),
                      .content_type = std::string(kProblemType),
                      .headers = {},
                      .body = Dump(ProblemBody(error))};
    if (error.kind() == ErrorKind::kUnauthorized) {
        // RFC 9110 §15.5.2: a 401 must say which scheme to use.
        response.WithHeader("WWW-Authenticate", "Bearer");
    }
    return response;
}

Response Problem(ErrorKind kind, std::string detail, std::vector<FieldError> errors) {
    return Problem(HttpError(kind, std::move(detail), std::move(errors)));
}

}  // namespace saga::runtime::http
