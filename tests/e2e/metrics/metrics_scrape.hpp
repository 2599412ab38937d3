#pragma once

#include <map>
#include <string>
#include <vector>

#include "e2e/stack/saga_stack.hpp"
#include "prometheus_text.hpp"

namespace saga::test {

/// One scrape of every service's /metrics, by service name ("order-service", …).
using Scrapes = std::map<std::string, PromExposition>;

/// The four services of `stack` by the name they report in the `service` label.
std::vector<std::pair<std::string, ServiceProcess*>> Services(SagaStack& stack);

/// GET /metrics of each service: 200, Prometheus text content type, a valid exposition (parse
/// errors fail the test) where every sample carries service="<name>".
Scrapes ScrapeAll(SagaStack& stack);

/// after − before of the sum of the matching samples.
double Delta(const PromExposition& before, const PromExposition& after, const std::string& name,
             const std::map<std::string, std::string>& labels = {});

/// The event types a service consumes: those with a saga_events_consumed_total series (the
/// runtime creates them at zero for every binding at start).
std::vector<std::string> ConsumedTypes(const PromExposition& scrape);

}  // namespace saga::test
