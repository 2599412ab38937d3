#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace saga::test {

/// A RabbitMQ cluster of `nodes` nodes on this machine, started with
/// `$SAGA_STACK_CTL start-rabbitmq-cluster DIR N` in a fresh directory (or, when
/// SAGA_RABBITMQ_CLUSTER_DIR names one, the cluster already running there, left running) and
/// stopped when destroyed. Forming the cluster is not optional: when it cannot be formed the
/// constructor throws with the stack script's exit status, so the test fails loudly.
///
/// While it lives, the process's SAGA_AMQP_ADMIN_URL / SAGA_MGMT_* point at node 1, so
/// TestVhost and ScaledStack create their vhost on the cluster (databases stay on the harness's
/// PostgreSQL).
class RabbitCluster {
  public:
    explicit RabbitCluster(int nodes);
    ~RabbitCluster();
    RabbitCluster(const RabbitCluster&) = delete;
    RabbitCluster& operator=(const RabbitCluster&) = delete;

    int nodes() const { return nodes_; }
    /// "saga-<hash>-<i>@localhost", i from 1.
    std::string NodeName(int i) const;
    /// amqp://admin:admin@127.0.0.1:<node i's port>/<vhost>
    std::string AmqpUrl(int i, const std::string& vhost) const;
    /// SIGKILL node i (the others and the shared epmd keep running).
    void KillNode(int i);
    /// Starts node i again; returns when it answers (it rejoins the cluster by itself).
    void StartNode(int i);
    /// GET from node `i`'s management API; the parsed body (null on 404).
    nlohmann::json Management(int i, const std::string& path) const;
    /// Runs `rabbitmqctl eval <expression>` on node i; throws when it fails.
    void Eval(int i, const std::string& expression) const;
    /// Names of the nodes node `i` sees as running cluster members.
    std::vector<std::string> RunningNodes(int i) const;

  private:
    void Ctl(const std::string& arguments) const;
    std::string NodeFile(int i, const std::string& file) const;

    int nodes_;
    std::string dir_;
    bool owned_ = false;
};

}  // namespace saga::test
