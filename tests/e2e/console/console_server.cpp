#include "e2e/console/console_server.hpp"

#include "e2e/stack/saga_stack.hpp"
#include "support/live_stack.hpp"

namespace saga::test {
namespace {

ConsoleServer::Env Merge(ConsoleServer::Env env, const ConsoleServer::Env& extra) {
    for (const auto& [key, value] : extra) env[key] = value;
    return env;
}

ConsoleServer::Env Common(const std::string& amqp_url) {
    return {{"HTTP_BIND", "127.0.0.1"},
            {"AMQP_URL", amqp_url},
            {"MANAGEMENT_URL", ManagementUrlWithCredentials()},
            {"ADMIN_TOKEN", kAdminToken},
            {"SLA_SAMPLE_INTERVAL", "300ms"},
            {"LOG_LEVEL", "warn"}};
}

}  // namespace

std::string ManagementUrlWithCredentials() {
    std::string url = StackEnv("SAGA_MGMT_URL");
    url.insert(url.find("://") + 3, StackEnv("SAGA_MGMT_USER") + ":" + StackEnv("SAGA_MGMT_PASSWORD") + "@");
    return url;
}

ConsoleServer::ConsoleServer(SagaStack& stack, const Env& extra) {
    Env env = Common(stack.vhost().amqp_url());
    env.insert({{"ORDER_URL", stack.order().base_url()},
                {"INVENTORY_URL", stack.inventory().base_url()},
                {"PAYMENT_URL", stack.payment().base_url()},
                {"NOTIFICATION_URL", stack.notification().base_url()}});
    for (const char* service : {"order", "inventory", "payment", "notification"}) {
        std::string var = service;
        for (char& c : var) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        env[var + "_DATABASE_URL"] = stack.database(service).url();
    }
    process_ = std::make_unique<ServiceProcess>(CONSOLE_E2E_BINARY, Merge(std::move(env), extra));
}

ConsoleServer::ConsoleServer(const TestVhost& vhost, const Env& extra) {
    Env env = Common(vhost.amqp_url());
    const std::string nowhere = "http://127.0.0.1:" + std::to_string(FreePort());
    for (const char* var : {"ORDER_URL", "INVENTORY_URL", "PAYMENT_URL", "NOTIFICATION_URL"}) env[var] = nowhere;
    process_ = std::make_unique<ServiceProcess>(CONSOLE_E2E_BINARY, Merge(std::move(env), extra));
}

}  // namespace saga::test
