#include "e2e/browser/console_process.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <stdexcept>
#include <vector>

#include "e2e/stack/saga_stack.hpp"
#include "support/http_client.hpp"
#include "support/live_stack.hpp"
#include "support/service_process.hpp"

extern char** environ;

namespace saga::test {
namespace {

/// The harness's management API with the admin credentials in the URL, as the console expects.
std::string ManagementUrl() {
    std::string url = StackEnv("SAGA_MGMT_URL");
    url.insert(url.find("://") + 3, StackEnv("SAGA_MGMT_USER") + ":" + StackEnv("SAGA_MGMT_PASSWORD") + "@");
    return url;
}

std::map<std::string, std::string> ConsoleEnv(SagaStack& stack, int port) {
    return {{"HTTP_PORT", std::to_string(port)},
            {"HTTP_BIND", "127.0.0.1"},
            {"ORDER_URL", stack.order().base_url()},
            {"INVENTORY_URL", stack.inventory().base_url()},
            {"PAYMENT_URL", stack.payment().base_url()},
            {"NOTIFICATION_URL", stack.notification().base_url()},
            {"AMQP_URL", stack.vhost().amqp_url()},
            {"MANAGEMENT_URL", ManagementUrl()},
            {"ORDER_DATABASE_URL", stack.database("order").url()},
            {"INVENTORY_DATABASE_URL", stack.database("inventory").url()},
            {"PAYMENT_DATABASE_URL", stack.database("payment").url()},
            {"NOTIFICATION_DATABASE_URL", stack.database("notification").url()},
            {"ADMIN_TOKEN", kAdminToken},
            {"MANAGEMENT_UI_URL", "http://localhost:15672"},
            {"GRAFANA_URL", "http://localhost:3000"},
            {"LOG_LEVEL", "warn"}};
}

}  // namespace

ConsoleProcess::ConsoleProcess(SagaStack& stack, std::chrono::milliseconds ready_timeout) : port_(FreePort()) {
    std::map<std::string, std::string> merged;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const auto eq = entry.find('=');
        if (eq != std::string::npos) merged[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [key, value] : ConsoleEnv(stack, port_)) merged[key] = value;
    std::vector<std::string> entries;
    for (const auto& [key, value] : merged) entries.push_back(key + "=" + value);
    std::vector<char*> envp;
    for (auto& entry : entries) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::string binary = CONSOLE_BINARY;
    std::vector<char*> argv = {binary.data(), nullptr};
    if (posix_spawn(&pid_, binary.c_str(), nullptr, nullptr, argv.data(), envp.data()) != 0) {
        throw std::runtime_error("cannot start " + binary);
    }
    HttpClient client("http://127.0.0.1:" + std::to_string(port_), std::chrono::seconds{2});
    const bool ready = Eventually(
        [&] {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error(binary + " exited during start (see its log above)");
            }
            try {
                return client.Get("/").status == 200;
            } catch (const std::exception&) {
                return false;
            }
        },
        ready_timeout);
    if (!ready) {
        Stop();
        throw std::runtime_error(binary + " did not serve GET / in time");
    }
}

ConsoleProcess::~ConsoleProcess() { Stop(); }

void ConsoleProcess::Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    if (!Eventually([&] { return waitpid(pid_, &status, WNOHANG) == pid_; }, std::chrono::seconds{10})) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
    }
    pid_ = -1;
}

}  // namespace saga::test
