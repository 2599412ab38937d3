#include "fuzz/checks/http_checks.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <string>
#include <utility>
#include <variant>

#include "fuzz/checks/invariant.hpp"
#include "order/domain/order_request.hpp"
#include "runtime/http/correlation_id.hpp"
#include "runtime/http/json_body.hpp"
#include "runtime/http/router.hpp"
#include "runtime/http/server.hpp"
#include "runtime/http/target.hpp"

namespace saga::fuzz {

namespace {

namespace bhttp = boost::beast::http;
using runtime::http::ErrorKind;
using runtime::http::HttpError;
using runtime::http::Request;
using runtime::http::Response;

int Depth(const nlohmann::json& value) {
    int deepest = 0;
    if (value.is_structured()) {
        for (const auto& child : value) {
            deepest = std::max(deepest, Depth(child));
        }
        return deepest + 1;
    }
    return 0;
}

bool IsVisibleAscii(std::string_view text) {
    for (const char c : text) {
        if (c < 0x21 || c > 0x7e) {
            return false;
        }
    }
    return true;
}

// The body handlers of the services: parse JSON, and validate an order where the order service does.
Response JsonEndpoint(const Request& request) {
    for (const auto& [name, value] : request.path_params) {
        Require(!value.empty(), "empty path parameter " + name);
    }
    const nlohmann::json body = runtime::http::ParseJsonBody(request);
    Require(Depth(body) <= runtime::http::kMaxJsonDepth, "ParseJsonBody let a too deep document through");
    Require(nlohmann::json::parse(body.dump()) == body, "a parsed body does not survive dump + parse");
    if (request.path == "/api/orders") {
        auto parsed = order::domain::ParseOrderRequest(body);
        if (auto* errors = std::get_if<std::vector<events::FieldError>>(&parsed)) {
            std::vector<runtime::http::FieldError> fields;
            for (auto& error : *errors) {
                fields.push_back({error.field, error.message});
            }
            throw HttpError(ErrorKind::kValidation, "the order is invalid", std::move(fields));
        }
    }
    return runtime::http::Json(201, body);
}

Response PlainEndpoint(const Request& request) {
    for (const auto& [name, value] : request.path_params) {
        Require(!value.empty(), "empty path parameter " + name);
    }
    return runtime::http::Json(200, {{"path", request.path}, {"query", request.query}});
}

runtime::http::Router ServicesRouter() {
    runtime::http::Router router;
    router.Add("POST", "/api/orders", JsonEndpoint);
    router.Add("GET", "/api/orders", PlainEndpoint);
    router.Add("GET", "/api/orders/{order_id}", PlainEndpoint);
    router.Add("POST", "/api/orders/{order_id}/cancel", PlainEndpoint);
    router.Add("GET", "/api/inventory", PlainEndpoint);
    router.Add("GET", "/api/inventory/{product_id}", PlainEndpoint);
    router.Add("POST", "/api/inventory", JsonEndpoint);
    router.Add("PATCH", "/api/inventory/{product_id}", JsonEndpoint);
    router.Add("GET", "/api/payments/{payment_id}", PlainEndpoint);
    router.Add("GET", "/health", PlainEndpoint);
    return router;
}

// Field "" names the whole document (a body that is not an object) or a property whose name is empty.
bool MayNameEmptyField(const std::string& body) {
    try {
        const auto document = nlohmann::json::parse(body);
        return !document.is_object() || document.contains("");
    } catch (const nlohmann::json::exception&) {
        return true;
    }
}

void CheckResponse(const Response& response, bool empty_field_ok) {
    Require(response.status >= 200 && response.status <= 599, "status out of range");
    if (response.status == 405) {
        Require(response.Header("Allow").has_value(), "405 without Allow");
    }
    if (response.content_type != "application/problem+json") {
        return;
    }
    nlohmann::json problem;
    try {
        problem = nlohmann::json::parse(response.body);
    } catch (const nlohmann::json::parse_error&) {
        throw InvariantViolation("a problem body is not JSON: " + response.body);
    }
    Require(problem.value("status", 0) == response.status, "problem status differs from the response's");
    Require(problem.contains("type") && problem["type"].is_string(), "problem without type");
    Require(problem.contains("title") && problem["title"].is_string(), "problem without title");
    if (problem.contains("errors")) {
        for (const auto& error : problem["errors"]) {
            Require(empty_field_ok || !error.value("field", std::string()).empty(),
                    "a problem error names no field: " + problem.dump());
        }
    }
}

void CheckTarget(std::string_view raw, Request& request) {
    runtime::http::Target target = runtime::http::ParseTarget(raw);
    Require(target.path.starts_with('/'), "a parsed path does not start with '/'");
    Require(target.path.find('\0') == std::string::npos, "a NUL byte in a parsed path");
    for (const auto& [name, value] : target.query) {
        Require(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos,
                "a NUL byte in a parsed query");
    }
    request.path = std::move(target.path);
    request.query = std::move(target.query);
}

}  // namespace

void CheckHttpRequest(std::string_view input) {
    static const runtime::http::Router router = ServicesRouter();
    const runtime::http::ServerConfig config;

    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
    parser.body_limit(config.body_limit);
    parser.eager(true);
    boost::beast::error_code ec;
    boost::asio::const_buffer bytes(input.data(), input.size());
    while (bytes.size() > 0 && !parser.is_done()) {
        const std::size_t used = parser.put(bytes, ec);
        if (ec || used == 0) {
            break;
        }
        bytes += used;
    }
    if (ec == bhttp::error::need_more || (!ec && !parser.is_done())) {
        ec = {};
        parser.put_eof(ec);
    }
    if (ec || !parser.is_done()) {
        return;  // the session answers 400/413/431 or closes; no request reaches the services
    }

    bhttp::request<bhttp::string_body> wire = parser.release();
    Request request;
    request.method = std::string(wire.method_string());
    for (const auto& field : wire) {
        request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(wire.body());
    const auto incoming = request.Header(runtime::http::kCorrelationIdHeader);
    request.correlation_id =
        runtime::http::CorrelationIdFor(incoming ? std::optional<std::string_view>(*incoming) : std::nullopt);
    Require(!request.correlation_id.empty() && request.correlation_id.size() <= 128 &&
                IsVisibleAscii(request.correlation_id),
            "a correlation id that is not 1..128 visible ASCII characters");
    try {
        CheckTarget(wire.target(), request);
    } catch (const HttpError& error) {
        Require(error.kind() == ErrorKind::kBadRequest, "a bad target is not refused with 400");
        CheckResponse(runtime::http::Problem(error), false);
        return;
    }
    const Response response = router.Handle(request);
    // The endpoints here throw nothing but HttpError, so a 500 is an InvariantViolation or an unexpected
    // exception from the code under test, which the router has logged with its message.
    Require(response.status != 500, "a handler failed (the router logged why above)");
    CheckResponse(response, MayNameEmptyField(request.body));
}

}  // namespace saga::fuzz
