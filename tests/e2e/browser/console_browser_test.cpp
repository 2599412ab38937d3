// The web console in headless Chromium (tests/browser/*.mjs, playwright-core) against the real
// system: the four service binaries and the console binary on the harness's broker and database.
#include <doctest/doctest.h>

#include <sstream>

#include "e2e/browser/browser_scenario.hpp"
#include "e2e/browser/console_process.hpp"
#include "e2e/browser/dead_letter.hpp"
#include "e2e/stack/saga_stack.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

/// Runs one scenario against `console` and requires it to pass, showing node's report otherwise.
void RequireScenario(const ConsoleProcess& console, const std::string& script,
                     std::map<std::string, std::string> env = {}) {
    env["CONSOLE_URL"] = console.url();
    env["ADMIN_TOKEN"] = kAdminToken;
    const auto run = RunBrowserScenario(script, env);
    INFO("node tests/browser/", script, " exited ", run.exit_code, ":\n", run.output);
    REQUIRE(run.exit_code == 0);
}

/// saga_events_consumed_total{outcome=...} of a service, summed over event types.
long long Consumed(const ServiceProcess& service, const std::string& outcome) {
    const auto response = HttpClient(service.base_url()).Get("/metrics");
    REQUIRE(response.status == 200);
    long long total = 0;
    std::istringstream lines(response.body);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("saga_events_consumed_total{") &&
            line.find("outcome=\"" + outcome + "\"") != std::string::npos) {
            total += std::stoll(line.substr(line.rfind(' ') + 1));
        }
    }
    return total;
}

}  // namespace

TEST_CASE("console browser e2e: an order submitted through the form reaches CONFIRMED in the list and on its page") {
    SagaStack stack;
    ConsoleProcess console(stack);
    RequireScenario(console, "order_confirmed.mjs");
}

TEST_CASE("console browser e2e: a declined order shows its compensation in the timeline") {
    SagaStack stack;
    ConsoleProcess console(stack);
    RequireScenario(console, "order_declined.mjs");
}

TEST_CASE("console browser e2e: the form shows the validation messages of the problem response") {
    SagaStack stack;
    ConsoleProcess console(stack);
    RequireScenario(console, "form_validation.mjs");
}

TEST_CASE("console browser e2e: submitting again after a lost answer returns the first order, not a second one") {
    SagaStack stack;
    ConsoleProcess console(stack);
    RequireScenario(console, "order_retry.mjs");
}

TEST_CASE("console browser e2e: a dead-lettered message is listed and a confirmed replay empties its DLQ") {
    SagaStack stack;
    const auto placed = stack.PlaceOrder({{"customer_id", "c-dlq"},
                                          {"items", json::array({{{"product_id", "PROD-003"}, {"quantity", 1}}})},
                                          {"payment_token", "tok_visa"}});
    REQUIRE(placed.status == 202);
    const std::string order_id = placed.Json()["order_id"];
    stack.WaitForStatus(order_id, "CONFIRMED");
    const auto created = stack.tap().WaitFor("order.created", order_id);
    const std::string message_id = DeadLetterHandledCopy(stack, created);
    REQUIRE(Eventually([&] { return stack.vhost().MessageCount("inventory-service.dlq") == 1; }, 10s));
    const long long duplicates = Consumed(stack.inventory(), "duplicate");
    ConsoleProcess console(stack);

    RequireScenario(console, "dlq_replay.mjs",
                    {{"DLQ_QUEUE", "inventory-service.dlq"}, {"DLQ_MESSAGE_ID", message_id}, {"ORDER_ID", order_id}});

    // The replay went to inventory's queue, was skipped there by the inbox, and did not come back.
    CHECK(Eventually([&] { return Consumed(stack.inventory(), "duplicate") == duplicates + 1; }, 20s));
    CHECK(stack.vhost().MessageCount("inventory-service.dlq") == 0);
    CHECK(stack.tap().All("order.created", order_id).size() == 1);
    CHECK(stack.Order(order_id)["status"] == "CONFIRMED");
}

TEST_CASE("console browser e2e: a backend stopped mid-test turns its light red and the page keeps working") {
    SagaStack stack;
    ConsoleProcess console(stack);
    // The script sends SIGTERM to this PID (a process this test started) once the page is up.
    RequireScenario(console, "backend_down.mjs", {{"PAYMENT_PID", std::to_string(stack.payment().pid())}});
    CHECK_THROWS(HttpClient(stack.payment().base_url(), 2s).Get("/health"));
}

}  // namespace saga::test
