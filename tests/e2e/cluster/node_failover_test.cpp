#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <map>

#include "e2e/stack/order_mix.hpp"
#include "e2e/stack/scaled_stack.hpp"
#include "instance_metrics.hpp"
#include "rabbit_cluster.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

/// Every quorum queue of the stack: the four work queues and their dead-letter queues.
std::vector<std::string> QuorumQueues() {
    std::vector<std::string> queues;
    for (const auto& service : ScaledStack::ServiceNames()) {
        queues.push_back(service + "-service");
        queues.push_back(service + "-service.dlq");
    }
    return queues;
}

json QueueInfo(const RabbitCluster& cluster, const std::string& vhost, const std::string& queue) {
    const json info = cluster.Management(1, fmt::format("/api/queues/{}/{}", vhost, queue));
    INFO(queue, ": ", info.dump());
    REQUIRE(info.is_object());
    return info;
}

}  // namespace

// Instances 0 connect to node 1; instances 1 get the list "node 2, node 3" and so connect to
// node 2. Crashing node 2 takes the quorum leaders it holds and the connections of instances 1,
// which reconnect by themselves to node 3, the next node of their list.
TEST_CASE(
    "cluster e2e: a node crashed under load loses nothing: quorum queues fail over, services reconnect to a "
    "surviving node, every order settles") {
    RabbitCluster cluster(3);
    ScaledStack stack({.instances = 2, .amqp_url = [&](const TestVhost& vhost, int index) {
                           return index == 0 ? cluster.AmqpUrl(1, vhost.name())
                                             : cluster.AmqpUrl(2, vhost.name()) + "," + cluster.AmqpUrl(3, vhost.name());
                       }});
    const std::string vhost = stack.vhost().name();

    // Declared after the cluster formed: a member on every node.
    for (const auto& queue : QuorumQueues()) {
        const json info = QueueInfo(cluster, vhost, queue);
        CHECK(info["type"] == "quorum");
        CHECK(info["members"].size() == 3);
    }
    // Spread the leaders, so the crash takes some of them.
    cluster.Eval(1, "rabbit_amqqueue:rebalance(quorum, \".*\", \".*\").");
    std::vector<std::string> led_by_node2;
    REQUIRE(Eventually(
        [&] {
            led_by_node2.clear();
            for (const auto& queue : QuorumQueues()) {
                if (QueueInfo(cluster, vhost, queue)["leader"] == cluster.NodeName(2)) led_by_node2.push_back(queue);
            }
            return !led_by_node2.empty();
        },
        20s));
    MESSAGE("leaders on node 2 before the crash: ", fmt::format("{}", fmt::join(led_by_node2, ", ")));

    OrderMix mix(stack, {});
    mix.CreateProducts();
    mix.Place(0, 100);
    // Crash node 2 while the next orders arrive (half of them on order instance 1, whose relay
    // loses its broker: instance 0's relay, sharing the outbox, has to publish them).
    auto crash = std::async(std::launch::async, [&] { cluster.KillNode(2); });
    mix.Place(100, 250);
    crash.get();
    std::map<std::string, double> handled_before_move;
    for (const auto& service : ScaledStack::ServiceNames()) {
        handled_before_move[service] =
            InstanceCounter(stack.instance(service, 1), "saga_events_consumed_total", {{"outcome", "handled"}});
    }
    mix.Place(250, mix.size());

    mix.WaitSettled(180s);
    mix.CheckEverything();
    mix.CheckNoDeadLetters();
    for (const auto& queue : QuorumQueues()) {
        const json info = QueueInfo(cluster, vhost, queue);
        CHECK(info["leader"] != cluster.NodeName(2));
    }
    CheckEveryInstanceWorked(stack);
    // The instances that lost node 2 reconnected to node 3 by themselves and kept working.
    for (const auto& service : ScaledStack::ServiceNames()) {
        const double handled =
            InstanceCounter(stack.instance(service, 1), "saga_events_consumed_total", {{"outcome", "handled"}});
        INFO(service, " instance 1 handled ", handled_before_move[service], " before, ", handled, " after");
        CHECK(handled > handled_before_move[service]);
    }

    // Node 2 comes back and rejoins; its replicas catch up.
    cluster.StartNode(2);
    REQUIRE(Eventually(
        [&] {
            const auto running = cluster.RunningNodes(1);
            return std::find(running.begin(), running.end(), cluster.NodeName(2)) != running.end();
        },
        30s));
    for (const auto& queue : QuorumQueues()) {
        json info;
        const bool online = Eventually(
            [&] {
                info = QueueInfo(cluster, vhost, queue);
                return info.contains("online") && info["online"].size() == 3;
            },
            30s);
        INFO(info.dump());
        CHECK(online);
    }
}

}  // namespace saga::test
