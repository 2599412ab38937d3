#include "runtime/http/json_body.hpp"

#include <fmt/format.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "runtime/http/error.hpp"

namespace saga::runtime::http {

namespace {

std::string_view Trim(std::string_view text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 5: ..."; the
// bracketed id means nothing to an API client, the rest is a useful explanation.
std::string ClientMessage(const nlohmann::json::exception& error) {
    std::string_view what = error.what();
    if (auto close = what.find("] "); what.starts_with("[json.exception.") && close != std::string_view::npos) {
        what.remove_prefix(close + 2);
    }
    return std::string(what);
}

}  // namespace

bool IsJsonContentType(std::string_view content_type) {
    return EqualsIgnoreCase(Trim(content_type.substr(0, content_type.find(';'))), "application/json");
}

nlohmann::json ParseJsonBody(const Request& request) {
    auto content_type = request.Header("Content-Type");
    if (!content_type || !IsJsonContentType(*content_type)) {
        throw HttpError(ErrorKind::kUnsupportedMediaType,
                        fmt::format("expected Content-Type: application/json, got {}",
                                    content_type ? "'" + *content_type + "'" : std::string("none")));
    }
    if (Trim(request.body).empty()) {
        throw HttpError(ErrorKind::kBadRequest, "the request body is empty; expected a JSON document");
    }
    // Checked during parsing: a 64 KiB body of '[' would otherwise become a tree that every recursive
    // consumer (dump, comparisons, validators) walks with the call stack.
    // And U+0000 ("\u0000"): no PostgreSQL text can hold it, and the driver cuts strings short at it.
    // And a name twice in one object: nlohmann keeps the last value, and whatever read the first
    // (a proxy, a log, the client's own validation) would have seen another request.
    std::vector<std::unordered_set<std::string>> names;  // of each object being parsed, innermost last
    auto guard = [&names](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (depth > kMaxJsonDepth) {
            throw HttpError(ErrorKind::kBadRequest,
                            fmt::format("the JSON document is nested deeper than {} levels", kMaxJsonDepth));
        }
        using Event = nlohmann::json::parse_event_t;
        if ((event == Event::key || event == Event::value) && parsed.is_string() &&
            parsed.get_ref<const std::string&>().find('\0') != std::string::npos) {
            throw HttpError(ErrorKind::kBadRequest, "a string in the JSON document holds U+0000, which is not allowed");
        }
        if (event == Event::object_start) {
            names.emplace_back();
        } else if (event == Event::object_end) {
            names.pop_back();
        } else if (event == Event::key && !names.back().insert(parsed.get<std::string>()).second) {
            const auto& name = parsed.get_ref<const std::string&>();  // named only when short: no cut UTF-8
            throw HttpError(ErrorKind::kBadRequest,
                            fmt::format("the name {}appears more than once in one JSON object",
                                        name.size() <= 64 ? "\"" + name + "\" " : std::string()));
        }
        return true;
    };
    try {
        return nlohmann::json::parse(request.body, guard);
    } catch (const nlohmann::json::exception& error) {
        // parse_error, and out_of_range for a number beyond double ("1e400").
        throw HttpError(ErrorKind::kBadRequest, "malformed JSON: " + ClientMessage(error));
    }
}

}  // namespace saga::runtime::http
