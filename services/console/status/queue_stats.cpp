#include "console/status/queue_stats.hpp"

#include "console/upstream/http_fetch.hpp"
#include "runtime/http/error.hpp"
#include "runtime/http/target.hpp"

namespace saga::console {

namespace http = runtime::http;

namespace {
long long Count(const nlohmann::json& queue, const char* key) {
    const auto found = queue.find(key);
    return found != queue.end() && found->is_number() ? found->get<long long>() : 0;
}
}  // namespace

std::string VhostOf(const std::string& amqp_url) {
    const auto scheme_end = amqp_url.find("://");
    const auto slash = amqp_url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
    if (slash == std::string::npos || slash + 1 >= amqp_url.size()) return "/";
    std::string raw = amqp_url.substr(slash + 1);
    raw = raw.substr(0, raw.find('?'));
    return http::PercentDecode(raw, false).value_or(raw);
}

nlohmann::json ReadQueueStats(const std::string& management_url, const std::string& vhost,
                              std::chrono::milliseconds timeout) {
    const std::string url = management_url + "/api/queues/" + PercentEncode(vhost) +
                            "?columns=name,messages_ready,messages_unacknowledged,consumers";
    UpstreamResponse response;
    try {
        response = Fetch(
            {.method = "GET", .url = url, .headers = {{"Accept", "application/json"}}, .body = {}, .timeout = timeout});
    } catch (const UpstreamError& error) {
        throw http::HttpError(http::ErrorKind::kUnavailable,
                              std::string("the RabbitMQ management API is unreachable: ") + error.what());
    }
    const auto listed = nlohmann::json::parse(response.body, nullptr, false);
    if (response.status != 200 || !listed.is_array()) {
        throw http::HttpError(http::ErrorKind::kUnavailable,
                              "the RabbitMQ management API answered " + std::to_string(response.status));
    }
    nlohmann::json queues = nlohmann::json::array();
    for (const auto& q : listed) {
        queues.push_back({{"name", q.value("name", "")},
                          {"messages_ready", Count(q, "messages_ready")},
                          {"messages_unacknowledged", Count(q, "messages_unacknowledged")},
                          {"consumers", Count(q, "consumers")}});
    }
    return {{"queues", queues}};
}

}  // namespace saga::console
