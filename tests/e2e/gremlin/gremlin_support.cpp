#include "e2e/gremlin/gremlin_support.hpp"

#include <doctest/doctest.h>

namespace saga::test {

HttpResponse GremlinRequest(ServiceProcess& service, const std::string& method,
                            const std::optional<nlohmann::json>& body, const std::optional<std::string>& token) {
    HttpHeaders headers;
    if (token) headers.emplace_back("Authorization", "Bearer " + *token);
    if (body) headers.emplace_back("Content-Type", "application/json");
    return HttpClient(service.base_url()).Request(method, "/admin/gremlin", body ? body->dump() : "", headers);
}

nlohmann::json SetGremlin(ServiceProcess& service, const nlohmann::json& settings) {
    const auto response = GremlinRequest(service, "PUT", settings);
    INFO(response.body);
    REQUIRE(response.status == 200);
    return response.Json();
}

PromExposition Scrape(ServiceProcess& service) {
    const auto response = HttpClient(service.base_url()).Get("/metrics");
    REQUIRE(response.status == 200);
    return ParsePrometheusText(response.body);
}

nlohmann::json Health(ServiceProcess& service) {
    const auto response = HttpClient(service.base_url()).Get("/health");
    REQUIRE(response.status == 200);
    return response.Json();
}

nlohmann::json OneItemOrder(const std::string& product, int quantity) {
    return {{"customer_id", "c-gremlin"},
            {"items", nlohmann::json::array({{{"product_id", product}, {"quantity", quantity}}})},
            {"payment_token", "tok_visa"}};
}

}  // namespace saga::test
