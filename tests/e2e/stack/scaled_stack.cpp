#include "e2e/stack/scaled_stack.hpp"

#include <stdexcept>

#include "e2e/stack/saga_stack.hpp"

namespace saga::test {
namespace {

std::string BinaryOf(const std::string& service) {
    if (service == "order") return SAGA_ORDER_BINARY;
    if (service == "inventory") return SAGA_INVENTORY_BINARY;
    if (service == "payment") return SAGA_PAYMENT_BINARY;
    if (service == "notification") return SAGA_NOTIFICATION_BINARY;
    throw std::invalid_argument("ScaledStack has no service '" + service + "'");
}

}  // namespace

const std::vector<std::string>& ScaledStack::ServiceNames() {
    // Consumers before order, so nothing order publishes finds an unbound queue (as SagaStack).
    static const std::vector<std::string> names = {"inventory", "payment", "notification", "order"};
    return names;
}

ScaledStack::ScaledStack(Options options) : instances_(options.instances) {
    if (instances_ < 1) throw std::invalid_argument("ScaledStack needs at least one instance");
    for (const auto& service : ServiceNames()) databases_[service] = std::make_unique<TestDatabase>();
    for (int i = 0; i < instances_; ++i) {
        for (const auto& service : ServiceNames()) {
            const std::string url = options.amqp_url ? options.amqp_url(vhost_, i) : vhost_.amqp_url();
            processes_[service].push_back(std::make_unique<ServiceProcess>(BinaryOf(service), EnvFor(service, url)));
        }
    }
}

ScaledStack::Env ScaledStack::EnvFor(const std::string& service, const std::string& amqp_url) const {
    return {{"DATABASE_URL", databases_.at(service)->url()},
            {"AMQP_URL", amqp_url},
            {"RETRY_DELAYS", "200ms,400ms,800ms"},
            {"RETRY_MAX_ATTEMPTS", "6"},
            {"ADMIN_TOKEN", kAdminToken},
            {"LOG_LEVEL", "warn"}};
}

ServiceProcess& ScaledStack::instance(const std::string& service, int index) {
    return *processes_.at(service).at(static_cast<std::size_t>(index));
}

std::vector<std::string> ScaledStack::BaseUrls(const std::string& service) {
    std::vector<std::string> urls;
    for (const auto& process : processes_.at(service)) urls.push_back(process->base_url());
    return urls;
}

void ScaledStack::Relaunch(const std::string& service, int index, const std::string& amqp_url) {
    auto& slot = processes_.at(service).at(static_cast<std::size_t>(index));
    slot->Stop();
    slot = std::make_unique<ServiceProcess>(BinaryOf(service), EnvFor(service, amqp_url));
}

const TestDatabase& ScaledStack::database(const std::string& service) const { return *databases_.at(service); }

}  // namespace saga::test
