#include "e2e/chaos/chaos_monkey.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <iostream>
#include <thread>

#include "e2e/chaos/process_state.hpp"
#include "e2e/chaos/recovery.hpp"
#include "e2e/chaos/truth.hpp"
#include "events/envelope.hpp"
#include "runtime/amqp/connection.hpp"
#include "support/http_client.hpp"

namespace saga::test::chaos {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kGremlinCrashExit = 86;  // runtime/gremlin: _exit(86) after a commit
const char* const kGremlinOn = R"({"latency_ms": 40, "latency_fraction": 0.25, "crash_after_commit_every_nth": 20})";

const auto kProcessStart = Clock::now();

void Log(const std::string& line) {
    const auto seconds = std::chrono::duration<double>(Clock::now() - kProcessStart).count();
    std::cout << fmt::format("chaos: [{:6.1f}s] {}", seconds, line) << std::endl;
}

/// Bodies the consumers cannot decode: not JSON, not an object, an envelope without an id, and an
/// envelope whose data breaks its schema.
std::string PoisonBody(int variant, const std::string& id) {
    switch (variant % 4) {
        case 0:
            return "{this is not json";
        case 1:
            return R"(["a", "json", "array"])";
        case 2:
            return R"({"specversion": "1.0", "type": "order.created", "source": "chaos"})";
        default:
            return nlohmann::json{{"specversion", "1.0"},
                                  {"id", id},
                                  {"type", "order.created"},
                                  {"source", "order-service"},
                                  {"time", "2026-01-01T00:00:00.000Z"},
                                  {"subject", "chaos-poison"},
                                  {"datacontenttype", "application/json"},
                                  {"correlationid", "chaos-poison"},
                                  {"causationid", "chaos-poison"},
                                  {"traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},
                                  {"data", {{"order_id", "chaos-poison"}, {"items", "none"}}}}
                .dump();
    }
}

}  // namespace

const std::vector<std::string>& ServiceNames() {
    static const std::vector<std::string> names = {"order", "inventory", "payment", "notification"};
    return names;
}

ChaosMonkey::ChaosMonkey(SagaStack& stack, const ChaosOptions& options)
    : stack_(stack), options_(options), random_(options.seed), start_(Clock::now()) {
    Plan();
}

ServiceProcess& ChaosMonkey::Service(const std::string& name) {
    if (name == "order") return stack_.order();
    if (name == "inventory") return stack_.inventory();
    if (name == "payment") return stack_.payment();
    return stack_.notification();
}

void ChaosMonkey::Plan() {
    const auto total = std::chrono::duration_cast<std::chrono::milliseconds>(options_.duration).count();
    auto at = [&](double from, double to) {
        std::uniform_int_distribution<long long> pick(static_cast<long long>(from * total),
                                                      static_cast<long long>(to * total));
        return std::chrono::milliseconds{pick(random_)};
    };
    for (const auto& service : ServiceNames()) {
        for (int k = 0; k < options_.kills_per_service; ++k) plan_.push_back({at(0.05, 0.9), Action::kKill, service});
    }
    for (int k = 0; k < options_.outages; ++k) {
        plan_.push_back({at(0.1, 0.3), Action::kBrokerOutage, ""});
        plan_.push_back({at(0.7, 0.85), Action::kDatabaseOutage, ""});
    }
    for (int k = 0; k < options_.poison; ++k) plan_.push_back({at(0.05, 0.9), Action::kPoison, ""});
    if (options_.gremlin) {
        plan_.push_back({at(0.35, 0.35), Action::kGremlinOn, ""});
        plan_.push_back({at(0.65, 0.65), Action::kGremlinOff, ""});
    }
    std::stable_sort(plan_.begin(), plan_.end(), [](const Action& a, const Action& b) { return a.at < b.at; });
}

void ChaosMonkey::Run() {
    auto elapsed = [&] { return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start_); };
    std::jthread duplicator([this](std::stop_token stop) { PublishDuplicates(stop); });
    while (next_ < plan_.size() || elapsed() < options_.duration) {
        if (next_ < plan_.size() && plan_[next_].at <= elapsed()) {
            Do(plan_[next_++]);
            continue;
        }
        Watchdog();
        // The schedule's clock, not a synchronisation: nothing is due for a moment.
        std::this_thread::sleep_for(100ms);
    }
    if (gremlin_on_) Do({elapsed(), Action::kGremlinOff, ""});
    duplicator.request_stop();
    duplicator.join();
    counts_.duplicates = duplicates_.load();
    WaitUntilHealthy();
}

void ChaosMonkey::Do(const Action& action) {
    switch (action.kind) {
        case Action::kKill:
            KillAndRestart(action.service);
            break;
        case Action::kBrokerOutage:
            BrokerOutage();
            break;
        case Action::kDatabaseOutage:
            DatabaseOutage();
            break;
        case Action::kPoison:
            PublishPoison();
            break;
        case Action::kGremlinOn:
            gremlin_on_ = SetGremlin(ServiceNames().front(), true);
            if (!gremlin_on_) {
                Log("the services have no /admin/gremlin: gremlin phase left out");
                break;
            }
            counts_.gremlin_ran = true;
            for (const auto& service : ServiceNames()) SetGremlin(service, true);
            RescheduleGremlinOff();
            Log(std::string("gremlins on: ") + kGremlinOn);
            break;
        case Action::kGremlinOff:
            if (!gremlin_on_) break;
            // Off before the requests: a process that crashes meanwhile is restarted by the
            // watchdog and starts with the gremlin off. (The flag used to go off last, so the
            // watchdog switched the gremlin back on in a process restarted during this loop; it
            // crashed again once no watchdog ran any more and the run ended with that service
            // dead and orders stuck — seed 2359223681.)
            gremlin_on_ = false;
            for (const auto& service : ServiceNames()) TurnGremlinOff(service);
            Watchdog();
            Log("gremlins off");
            break;
    }
}

void ChaosMonkey::RescheduleGremlinOff() {
    // Faults before it may have run late: the gremlins get their full share of the run anyway.
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start_);
    const auto off = now + std::chrono::duration_cast<std::chrono::milliseconds>(options_.duration) * 3 / 10;
    for (auto& action : plan_) {
        if (action.kind == Action::kGremlinOff) action.at = std::max(action.at, off);
    }
    std::stable_sort(plan_.begin() + static_cast<long>(next_), plan_.end(),
                     [](const Action& a, const Action& b) { return a.at < b.at; });
}

void ChaosMonkey::KillAndRestart(const std::string& service) {
    Watchdog();  // a gremlin may have crashed it already: that counts as a crash, not a kill
    auto& process = Service(service);
    const int code = process.Kill();
    if (code == 128 + SIGKILL) {
        ++counts_.kills;
    } else if (code == kGremlinCrashExit) {
        ++counts_.gremlin_crashes;  // it crashed by itself just before
        ++counts_.kills_preempted;
    } else {
        ++counts_.unexpected_exits;
        Log(fmt::format("{} had exited by itself with status {} when it was to be killed", service, code));
    }
    // Downtime of random length, so messages pile up and HTTP requests meet a closed port.
    std::this_thread::sleep_for(std::chrono::milliseconds{200 + random_() % 1800});
    process.Restart();
    ++counts_.restarts;
    if (gremlin_on_) SetGremlin(service, true);
    Log(fmt::format("killed and restarted {} (kill {})", service, counts_.kills));
}

void ChaosMonkey::BrokerOutage() {
    Log("stopping RabbitMQ");
    StopRabbitMq();
    std::this_thread::sleep_for(2s);  // outage length
    StartRabbitMq();
    ++counts_.broker_restarts;
    WaitUntilHealthy();
    Log("RabbitMQ restarted; services healthy again");
}

void ChaosMonkey::DatabaseOutage() {
    Log("stopping PostgreSQL");
    StopPostgres();
    std::this_thread::sleep_for(2s);  // outage length
    StartPostgres();
    ++counts_.database_restarts;
    WaitUntilHealthy();
    Log("PostgreSQL restarted; services healthy again");
}

void ChaosMonkey::PublishPoison() {
    const auto& queues = WorkQueues();
    const std::string queue = queues[random_() % queues.size()];
    const std::string id = fmt::format("poison-{}-{}", options_.seed, counts_.poison);
    runtime::amqp::Connection connection({stack_.vhost().amqp_url(), "chaos-poison"});
    connection.EnableConfirms();
    runtime::amqp::OutgoingMessage message;
    // The default exchange reaches one work queue only (and not the tap, which decodes what it reads).
    message.routing_key = queue;
    message.properties.content_type = "application/cloudevents+json";
    message.properties.message_id = id;
    message.properties.type = "order.created";
    message.properties.app_id = "chaos";
    message.body = PoisonBody(counts_.poison % 4, id);  // each kind, in turn
    connection.Publish(message);
    if (!connection.WaitForConfirms(connection.LastPublished(), 10s).complete) {
        throw std::runtime_error("poison publish not confirmed");
    }
    poison_[queue + ".dlq"].insert(id);
    ++counts_.poison;
}

void ChaosMonkey::PublishDuplicates(std::stop_token stop) {
    std::mt19937_64 random(options_.seed ^ 0x5eedULL);
    while (!stop.stop_requested()) {
        try {
            const auto& seen = stack_.tap().Collect();
            if (!seen.empty()) {
                PublishEvent(stack_.vhost().amqp_url(), seen[random() % seen.size()]);
                ++duplicates_;
            }
        } catch (const std::exception&) {
            // The broker is down for the moment: duplicates resume when it is back.
        }
        std::this_thread::sleep_for(200ms);  // pacing: about five duplicates a second
    }
}

bool ChaosMonkey::SetGremlin(const std::string& service, bool on) {
    HttpResponse response;
    try {
        HttpClient client(Service(service).base_url(), 5s);
        const HttpHeaders headers = {{"Authorization", std::string("Bearer ") + kAdminToken},
                                     {"Content-Type", "application/json"}};
        response = on ? client.Request("PUT", "/admin/gremlin", kGremlinOn, headers)
                      : client.Request("DELETE", "/admin/gremlin", "", headers);
    } catch (const std::exception&) {
        return false;  // no answer: the process crashed meanwhile; the watchdog restarts it
    }
    if (response.status != 200 && response.status != 404) {
        throw std::runtime_error(
            fmt::format("/admin/gremlin of {} answered {}: {}", service, response.status, response.body));
    }
    return response.status == 200;
}

void ChaosMonkey::TurnGremlinOff(const std::string& service) {
    // A process that did not answer is asked again until it does, restarted by the watchdog
    // if it crashed meanwhile.
    const auto deadline = Clock::now() + 60s;
    while (!SetGremlin(service, false)) {
        if (Clock::now() > deadline) throw std::runtime_error(service + " did not turn its gremlin off within 60 s");
        Watchdog();
        std::this_thread::sleep_for(100ms);
    }
}

std::set<std::string> ChaosMonkey::Watchdog() {
    std::set<std::string> restarted;
    for (const auto& service : ServiceNames()) {
        auto& process = Service(service);
        if (process.pid() <= 0 || !HasExited(process.pid())) continue;
        const int code = process.Stop();
        if (code == kGremlinCrashExit) {
            ++counts_.gremlin_crashes;
        } else {
            ++counts_.unexpected_exits;
            Log(fmt::format("{} exited by itself with status {}", service, code));
        }
        process.Restart();
        ++counts_.restarts;
        restarted.insert(service);
        if (gremlin_on_) SetGremlin(service, true);
    }
    return restarted;
}

void ChaosMonkey::WaitUntilHealthy() {
    std::map<std::string, std::string> last_answer;  // why each was not healthy when last asked
    auto healthy = [&](const std::string& service) {
        try {
            const auto health = HttpClient(Service(service).base_url(), 2s).Get("/health");
            if (health.status == 200 && health.Json().value("status", "") == "ok") return true;
            last_answer[service] = fmt::format("/health answered {}: {}", health.status, health.body);
        } catch (const std::exception& error) {
            last_answer[service] = error.what();
        }
        return false;
    };
    const auto unhealthy = WaitUntilEachHealthy(
        ServiceNames(), healthy, [&] { return Watchdog(); }, 90s);
    if (!unhealthy.empty()) {
        std::string why;
        for (const auto& service : unhealthy) why += fmt::format("; {}: {}", service, last_answer[service]);
        throw std::runtime_error(
            fmt::format("{} did not become healthy again within 90 s{}", fmt::join(unhealthy, ", "), why));
    }
}

}  // namespace saga::test::chaos
