#include "console/handlers/dlq_handlers.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "console/handlers/admin_auth.hpp"
#include "runtime/http/json_body.hpp"
#include "sagactl/dlq/selection.hpp"
#include "sagactl/dlq/time_text.hpp"

namespace saga::console {
namespace {

namespace http = runtime::http;
using http::ErrorKind;
using http::HttpError;

constexpr std::size_t kDefaultLimit = 200;
constexpr std::size_t kMaxLimit = 1000;

[[noreturn]] void Invalid(const std::string& field, const std::string& message) {
    throw HttpError(ErrorKind::kValidation, field + ": " + message, {{field, message}});
}

std::optional<sagactl::TimePoint> TimeParam(const http::Request& request, const char* name) {
    const auto text = request.Query(name);
    if (!text || text->empty()) return std::nullopt;
    auto time = sagactl::ParseTimeArgument(*text, sagactl::Now());
    if (!time) Invalid(name, "expected an RFC 3339 time or a duration back from now (15m, 2h, 7d)");
    return time;
}

DeadLetters::ListQuery ListQueryOf(const http::Request& request) {
    DeadLetters::ListQuery query;
    if (auto queue = request.Query("queue"); queue && !queue->empty()) query.queue = *queue;
    if (auto type = request.Query("type"); type && !type->empty()) query.filter.type = *type;
    query.filter.since = TimeParam(request, "since");
    query.filter.until = TimeParam(request, "until");
    if (query.filter.EmptyTimeWindow()) Invalid("until", "must be after since; no message can be in that window");
    query.limit = kDefaultLimit;
    if (auto limit = request.Query("limit"); limit && !limit->empty()) {
        const auto parsed = sagactl::ParseLimit(*limit);
        if (!parsed || *parsed > kMaxLimit) Invalid("limit", "expected a whole number from 1 to 1000");
        query.limit = *parsed;
    }
    return query;
}

std::vector<std::string> Ids(const nlohmann::json& body, bool required) {
    const auto found = body.find("ids");
    if (found == body.end()) {
        if (required) Invalid("ids", "required: a non-empty list of message ids");
        return {};
    }
    if (!found->is_array() || found->empty()) Invalid("ids", "expected a non-empty list of message ids");
    std::vector<std::string> ids;
    for (const auto& id : *found) {
        if (!id.is_string() || id.get<std::string>().empty()) Invalid("ids", "every id must be a non-empty string");
        ids.push_back(id.get<std::string>());
    }
    return ids;
}

std::optional<std::string> Queue(const nlohmann::json& body) {
    const auto found = body.find("queue");
    if (found == body.end() || found->is_null()) return std::nullopt;
    if (!found->is_string()) Invalid("queue", "expected a queue name");
    return found->get<std::string>();
}

/// The body as a JSON object with no member outside `known`: these endpoints change the DLQs, and
/// a member they ignored ("type", "dry_run", a misspelt "id") would widen what they change.
nlohmann::json ObjectBody(const http::Request& request, std::initializer_list<std::string_view> known) {
    auto body = http::ParseJsonBody(request);
    if (!body.is_object()) throw HttpError(ErrorKind::kValidation, "the body must be a JSON object");
    for (const auto& [name, value] : body.items()) {
        if (std::find(known.begin(), known.end(), name) == known.end()) Invalid(name, "unknown field");
    }
    return body;
}

}  // namespace

void AddDlqRoutes(http::Router& router, const DeadLetters& dead_letters, const std::string& admin_token) {
    router.Add("GET", "/console/api/dlq", [&dead_letters](const http::Request& request) {
        return http::Json(200, dead_letters.List(ListQueryOf(request)));
    });
    router.Add("POST", "/console/api/dlq/replay", [&dead_letters, &admin_token](const http::Request& request) {
        RequireAdmin(request, admin_token);
        const auto body = ObjectBody(request, {"ids", "queue"});
        return http::Json(200, dead_letters.Replay(Ids(body, true), Queue(body)));
    });
    router.Add("POST", "/console/api/dlq/purge", [&dead_letters, &admin_token](const http::Request& request) {
        RequireAdmin(request, admin_token);
        const auto body = ObjectBody(request, {"ids", "all", "queue"});
        const auto all = body.find("all");
        const bool purge_all = all != body.end() && all->is_boolean() && all->get<bool>();
        if (all != body.end() && !all->is_boolean()) Invalid("all", "expected true or false");
        const auto ids = Ids(body, false);
        if (purge_all == !ids.empty()) Invalid("ids", "give either a list of ids or \"all\": true");
        return http::Json(200, dead_letters.Purge(ids, purge_all, Queue(body)));
    });
}

}  // namespace saga::console
