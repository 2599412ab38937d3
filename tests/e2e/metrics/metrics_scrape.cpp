#include "metrics_scrape.hpp"

#include <doctest/doctest.h>

#include <set>

namespace saga::test {

std::vector<std::pair<std::string, ServiceProcess*>> Services(SagaStack& stack) {
    return {{"order-service", &stack.order()},
            {"inventory-service", &stack.inventory()},
            {"payment-service", &stack.payment()},
            {"notification-service", &stack.notification()}};
}

Scrapes ScrapeAll(SagaStack& stack) {
    Scrapes scrapes;
    for (const auto& [name, process] : Services(stack)) {
        HttpClient client(process->base_url());
        const auto response = client.Get("/metrics");
        INFO(name, ": ", response.body);
        REQUIRE(response.status == 200);
        CHECK(response.Header("Content-Type").value_or("").starts_with("text/plain; version=0.0.4"));
        PromExposition parsed;
        try {
            parsed = ParsePrometheusText(response.body);
        } catch (const PromFormatError& error) {
            FAIL(name, " /metrics is not valid Prometheus text: ", error.what());
        }
        std::size_t foreign = 0;
        for (const auto& sample : parsed.samples) {
            const auto service = sample.labels.find("service");
            if (service == sample.labels.end() || service->second != name) ++foreign;
        }
        CHECK_MESSAGE(foreign == 0, name, ": samples without service=\"", name, "\"");
        scrapes[name] = std::move(parsed);
    }
    return scrapes;
}

double Delta(const PromExposition& before, const PromExposition& after, const std::string& name,
             const std::map<std::string, std::string>& labels) {
    return after.Sum(name, labels) - before.Sum(name, labels);
}

std::vector<std::string> ConsumedTypes(const PromExposition& scrape) {
    std::set<std::string> types;
    for (const auto& sample : scrape.samples) {
        if (sample.name == "saga_events_consumed_total") types.insert(sample.labels.at("type"));
    }
    return {types.begin(), types.end()};
}

}  // namespace saga::test
