#pragma once

#include <string>

#include "e2e/stack/scaled_stack.hpp"

namespace saga::test {

/// Sum of a counter over every label set with the given outcome/type filter, as one instance
/// reports it on GET /metrics (the scrape must parse).
double InstanceCounter(ServiceProcess& process, const std::string& name,
                       const std::map<std::string, std::string>& labels = {});

/// Checks that every instance of every service of `stack` handled events and that its relay
/// published some: work really was shared, not done by one instance while the other idled.
void CheckEveryInstanceWorked(ScaledStack& stack);

}  // namespace saga::test
