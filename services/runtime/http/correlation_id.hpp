#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace saga::runtime::http {

/// A fresh random id (UUID v4 text, e.g. "0f8c…-4…"). Thread-safe.
std::string NewCorrelationId();

/// The id a request carries on: `incoming` when it is 1–128 visible ASCII characters, otherwise a new one
/// (so a hostile header can never reach logs or events unbounded).
std::string CorrelationIdFor(std::optional<std::string_view> incoming);

}  // namespace saga::runtime::http
