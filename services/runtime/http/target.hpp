#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runtime/http/request.hpp"

namespace saga::runtime::http {

/// An origin-form request target ("/path?query") split and decoded.
struct Target {
    std::string path;
    ParamMap query;
};

/// Splits and percent-decodes `target`. In the query, '+' means space and a name without '=' has an
/// empty value; the first of repeated names wins.
/// Throws HttpError(kBadRequest) when the target does not start with '/', holds a bad %-escape, or
/// decodes to a NUL byte.
Target ParseTarget(std::string_view target);

/// Decodes %XX escapes (and '+' as space when `plus_is_space`); nullopt on a malformed escape or a NUL byte.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace saga::runtime::http
