#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "runtime/http/request.hpp"

namespace saga::runtime::http {

/// Deepest nesting ParseJsonBody accepts; deeper documents are refused with 400 before anything recurses on them.
inline constexpr int kMaxJsonDepth = 64;

/// True for "application/json", with any parameters ("; charset=utf-8") and in any letter case.
bool IsJsonContentType(std::string_view content_type);

/// The request body as JSON.
/// Throws HttpError(kUnsupportedMediaType) when Content-Type is missing or not application/json, and
/// HttpError(kBadRequest) with the position of the problem when the body is empty, malformed, or nested
/// deeper than kMaxJsonDepth.
nlohmann::json ParseJsonBody(const Request& request);

}  // namespace saga::runtime::http
