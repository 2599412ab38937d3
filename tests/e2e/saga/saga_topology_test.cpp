#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "e2e/stack/saga_stack.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

json BrokerDefinitions() {
    std::ifstream in(std::string(SAGA_SOURCE_DIR) + "/deploy/rabbitmq/definitions.template.json");
    return json::parse(in);
}

/// "exchange -> queue [routing key]" of every binding from saga.events or saga.dlx, but the
/// test stack's own tap queue.
std::set<std::string> SagaBindings(const json& bindings) {
    std::set<std::string> result;
    for (const auto& b : bindings) {
        const std::string source = b["source"];
        if ((source != "saga.events" && source != "saga.dlx") || b["destination"] == "e2e-tap") continue;
        result.insert(source + " -> " + b["destination"].get<std::string>() + " [" +
                      b["routing_key"].get<std::string>() + "]");
    }
    return result;
}

/// What `a` has and `b` has not, one per line.
std::string Missing(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::string out;
    for (const auto& item : a)
        if (!b.contains(item)) out += item + "\n";
    return out;
}

}  // namespace

TEST_CASE("saga topology: the broker definitions pre-declare exactly what the running services declare") {
    // The definitions create the work queues, DLQs and bindings at the broker's boot, so that no
    // event is routed nowhere before its consumers first start. The services still declare their
    // own; the two must not drift apart (a binding missing from the definitions is that loss
    // again, a queue argument that differs is a TopologyMismatch at the service's start).
    SagaStack stack;
    const json definitions = BrokerDefinitions();

    const auto predeclared = SagaBindings(definitions["bindings"]);
    std::set<std::string> declared;
    REQUIRE(Eventually(
        [&] {
            declared = SagaBindings(stack.vhost().Bindings());
            return declared.size() >= predeclared.size();
        },
        30s));
    CHECK(Missing(declared, predeclared) == "");  // declared by the services, missing from the definitions
    CHECK(Missing(predeclared, declared) == "");  // in the definitions, declared by no service

    for (const auto& queue : definitions["queues"]) {
        const std::string name = queue["name"];
        CAPTURE(name);
        json live;
        REQUIRE(Eventually(
            [&] {
                live = stack.vhost().Queue(name);
                return live.is_object() && live.contains("arguments");
            },
            15s));
        CHECK(live["arguments"] == queue["arguments"]);
        CHECK(live["durable"] == queue["durable"]);
    }
}

}  // namespace saga::test
