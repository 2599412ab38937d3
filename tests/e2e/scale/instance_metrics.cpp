#include "instance_metrics.hpp"

#include <doctest/doctest.h>

#include "prometheus_text.hpp"
#include "support/http_client.hpp"

namespace saga::test {

double InstanceCounter(ServiceProcess& process, const std::string& name,
                       const std::map<std::string, std::string>& labels) {
    const auto response = HttpClient(process.base_url()).Get("/metrics");
    REQUIRE(response.status == 200);
    return ParsePrometheusText(response.body).Sum(name, labels);
}

void CheckEveryInstanceWorked(ScaledStack& stack) {
    for (const auto& service : ScaledStack::ServiceNames()) {
        for (int i = 0; i < stack.instances(); ++i) {
            auto& process = stack.instance(service, i);
            const double handled = InstanceCounter(process, "saga_events_consumed_total", {{"outcome", "handled"}});
            const double published = InstanceCounter(process, "saga_events_published_total");
            INFO(service, " instance ", i, ": handled ", handled, ", published ", published);
            CHECK(handled > 0);
            CHECK(published > 0);
        }
    }
}

}  // namespace saga::test
