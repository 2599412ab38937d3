#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "e2e/chaos/chaos_options.hpp"
#include "e2e/stack/saga_stack.hpp"

namespace saga::test::chaos {

/// What the monkey did, for the report.
struct ChaosCounts {
    int kills = 0;             ///< services the monkey's SIGKILL ended
    int kills_preempted = 0;   ///< planned kills that found the service crashed by a gremlin already
    int restarts = 0;          ///< service restarts (after kills and gremlin crashes)
    int gremlin_crashes = 0;   ///< services that exited by themselves under crash-after-commit
    int unexpected_exits = 0;  ///< services that exited by themselves with the gremlins off (a bug)
    int broker_restarts = 0;
    int database_restarts = 0;
    int duplicates = 0;        ///< already-delivered events published again
    int poison = 0;            ///< poison messages published
    bool gremlin_ran = false;  ///< false when the services have no /admin/gremlin
};

/// Faults on a seeded schedule over the run: SIGKILL of each service at random moments (then a
/// restart), a stop and start of RabbitMQ and of PostgreSQL, republished duplicates of events the
/// tap has seen, poison messages straight into the work queues, and a gremlin phase (latency and
/// crash-after-commit) in the middle third. Faults run one at a time, from the calling thread.
class ChaosMonkey {
  public:
    ChaosMonkey(SagaStack& stack, const ChaosOptions& options);

    /// Runs the schedule until `options.duration` has passed since construction; returns with every
    /// service up and healthy and the gremlins off.
    void Run();

    const ChaosCounts& counts() const { return counts_; }
    /// DLQ name → ids of the poison published to its queue.
    const std::map<std::string, std::set<std::string>>& poison() const { return poison_; }

  private:
    struct Action {
        std::chrono::milliseconds at;
        enum Kind { kKill, kBrokerOutage, kDatabaseOutage, kPoison, kGremlinOn, kGremlinOff } kind;
        std::string service;
    };

    void Plan();
    void Do(const Action& action);
    void KillAndRestart(const std::string& service);
    void BrokerOutage();
    void DatabaseOutage();
    void PublishPoison();
    /// Until stopped: republishes random events the tap has seen (its own thread, sole user of the tap).
    void PublishDuplicates(std::stop_token stop);
    void TurnGremlinOff(const std::string& service);
    bool SetGremlin(const std::string& service, bool on);
    /// Restarts the services that exited (and turns their gremlin on again while the phase runs);
    /// returns their names.
    std::set<std::string> Watchdog();
    void RescheduleGremlinOff();
    void WaitUntilHealthy();
    ServiceProcess& Service(const std::string& name);

    SagaStack& stack_;
    ChaosOptions options_;
    std::mt19937_64 random_;
    std::chrono::steady_clock::time_point start_;
    std::vector<Action> plan_;
    std::size_t next_ = 0;  ///< the next action of plan_ to run
    bool gremlin_on_ = false;
    ChaosCounts counts_;
    std::atomic<int> duplicates_{0};
    std::map<std::string, std::set<std::string>> poison_;
};

/// The service names SagaStack runs.
const std::vector<std::string>& ServiceNames();

}  // namespace saga::test::chaos
