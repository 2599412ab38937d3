#include "console/status/service_health.hpp"

#include <future>
#include <vector>

#include "console/upstream/http_fetch.hpp"

namespace saga::console {
namespace {

nlohmann::json Unreachable(const std::string& why) {
    return {{"status", "unreachable"}, {"checks", nlohmann::json::object()}, {"detail", why}};
}

nlohmann::json ProbeOne(const std::string& base_url, std::chrono::milliseconds timeout) {
    UpstreamResponse response;
    try {
        response = Fetch({.method = "GET", .url = base_url + "/health", .headers = {}, .body = {}, .timeout = timeout});
    } catch (const UpstreamError& error) {
        return Unreachable(error.what());
    }
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (!body.is_object() || !body.contains("status") || !body["status"].is_string()) {
        return Unreachable("GET /health answered " + std::to_string(response.status) + " without a health document");
    }
    const std::string status = body["status"];
    if (status != "ok" && status != "degraded" && status != "down") {
        return Unreachable("GET /health reported an unknown status '" + status + "'");
    }
    return {{"status", status}, {"checks", body.value("checks", nlohmann::json::object())}};
}

}  // namespace

nlohmann::json ProbeServices(const std::map<std::string, std::string>& service_urls,
                             std::chrono::milliseconds timeout) {
    std::vector<std::pair<std::string, std::future<nlohmann::json>>> probes;
    for (const auto& [name, url] : service_urls) {
        probes.emplace_back(name, std::async(std::launch::async, ProbeOne, url, timeout));
    }
    nlohmann::json services = nlohmann::json::object();
    for (auto& [name, probe] : probes) services[name] = probe.get();
    return services;
}

}  // namespace saga::console
