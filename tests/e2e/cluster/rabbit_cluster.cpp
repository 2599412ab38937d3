#include "rabbit_cluster.hpp"

#include <fmt/format.h>
#include <stdlib.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "support/http_client.hpp"
#include "support/live_stack.hpp"

namespace saga::test {
namespace {

std::string Capture(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) throw std::runtime_error("cannot run: " + command);
    std::string out;
    std::array<char, 4096> buffer{};
    while (const auto n = fread(buffer.data(), 1, buffer.size(), pipe.get())) out.append(buffer.data(), n);
    const int status = pclose(pipe.release());
    if (status != 0) throw std::runtime_error(fmt::format("'{}' failed (status {}): {}", command, status, out));
    return out;
}

}  // namespace

RabbitCluster::RabbitCluster(int nodes) : nodes_(nodes) {
    const char* existing = std::getenv("SAGA_RABBITMQ_CLUSTER_DIR");
    if (existing != nullptr && *existing != '\0') {
        dir_ = existing;
    } else {
        std::string pattern = (std::filesystem::temp_directory_path() / "saga-cluster-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = pattern;
        std::filesystem::permissions(dir_, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                               std::filesystem::perms::group_exec |
                                               std::filesystem::perms::others_read |
                                               std::filesystem::perms::others_exec);
        owned_ = true;
    }
    // Idempotent on a running cluster: it only checks the membership again.
    Ctl(fmt::format("start-rabbitmq-cluster '{}' {}", dir_, nodes_));
    const std::string amqp = NodeFile(1, "amqp_port"), mgmt = NodeFile(1, "mgmt_port");
    setenv("SAGA_AMQP_ADMIN_URL", fmt::format("amqp://admin:admin@127.0.0.1:{}/saga", amqp).c_str(), 1);
    setenv("SAGA_MGMT_URL", fmt::format("http://127.0.0.1:{}", mgmt).c_str(), 1);
    setenv("SAGA_MGMT_USER", "admin", 1);
    setenv("SAGA_MGMT_PASSWORD", "admin", 1);
}

RabbitCluster::~RabbitCluster() {
    if (!owned_) return;
    try {
        Ctl(fmt::format("stop-rabbitmq-cluster '{}'", dir_));
        std::filesystem::remove_all(dir_);
    } catch (const std::exception& error) {
        fmt::print(stderr, "RabbitCluster: {} (left in {})\n", error.what(), dir_);
    }
}

void RabbitCluster::Ctl(const std::string& arguments) const {
    // Three nodes booting at once on two busy cores can take longer than the single-node default.
    const std::string line = fmt::format("SAGA_STACK_START_TIMEOUT=180 '{}' {}", StackEnv("SAGA_STACK_CTL"), arguments);
    const int status = std::system(line.c_str());
    if (status != 0)
        throw std::runtime_error(fmt::format("'{}' failed (status {}); see its output above", line, status));
}

std::string RabbitCluster::NodeFile(int i, const std::string& file) const {
    std::ifstream in(fmt::format("{}/node-{}/rabbitmq/{}", dir_, i, file));
    std::string value;
    if (!std::getline(in, value) || value.empty()) {
        throw std::runtime_error(fmt::format("no {} for node {} in {}", file, i, dir_));
    }
    return value;
}

std::string RabbitCluster::NodeName(int i) const { return NodeFile(i, "nodename"); }

std::string RabbitCluster::AmqpUrl(int i, const std::string& vhost) const {
    return fmt::format("amqp://admin:admin@127.0.0.1:{}/{}", NodeFile(i, "amqp_port"), vhost);
}

void RabbitCluster::KillNode(int i) { Ctl(fmt::format("kill-rabbitmq-node '{}' {}", dir_, i)); }

void RabbitCluster::StartNode(int i) { Ctl(fmt::format("start-rabbitmq-node '{}' {}", dir_, i)); }

nlohmann::json RabbitCluster::Management(int i, const std::string& path) const {
    const auto response =
        HttpClient(fmt::format("http://admin:admin@127.0.0.1:{}", NodeFile(i, "mgmt_port"))).Get(path);
    if (response.status == 404) return nullptr;
    if (response.status != 200)
        throw std::runtime_error(fmt::format("GET {}: {} {}", path, response.status, response.body));
    return response.Json();
}

void RabbitCluster::Eval(int i, const std::string& expression) const {
    Capture(
        fmt::format("'{}' rabbitmqctl '{}/node-{}' eval '{}' 2>&1", StackEnv("SAGA_STACK_CTL"), dir_, i, expression));
}

std::vector<std::string> RabbitCluster::RunningNodes(int i) const {
    const auto out = Capture(fmt::format("'{}' rabbitmqctl '{}/node-{}' cluster_status --formatter json",
                                         StackEnv("SAGA_STACK_CTL"), dir_, i));
    return nlohmann::json::parse(out)["running_nodes"].get<std::vector<std::string>>();
}

}  // namespace saga::test
