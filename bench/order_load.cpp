// Orders accepted and settled per second and settle latency (POST → order.confirmed or
// order.rejected seen on the broker) on a running stack. Not a test: it prints figures.
//
//   order_load <order_base_url> <amqp_url> [--orders N] [--concurrency C] [--rate R]
//              [--product P] [--json FILE] [--series FILE]
//
// Closed loop (default): C client threads, each with one keep-alive HTTP connection (Boost.Beast,
// as the services), post orders back to back. Open loop (--rate R): order i is due at start + i/R whatever the
// responses do; C threads send the due orders, and latency counts from when the order was due (so a slow server's
// queueing is measured, not hidden). A temporary queue bound to order.confirmed and order.rejected on saga.events
// records when each order settles. Products need enough stock.
// --json writes the totals as one JSON object; --series writes one line per second of the run:
// "second accepted settled p50_ms p99_ms" (orders accepted / settled in that second, latency of
// the orders that settled in it).
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "events/envelope.hpp"
#include "keep_alive_client.hpp"
#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/topology.hpp"

using Clock = std::chrono::steady_clock;
using namespace saga::runtime;

namespace {

struct Options {
    std::string url;
    std::string amqp_url;
    int orders = 1000;
    int concurrency = 32;
    double rate = 0;  ///< orders/s; 0 = closed loop
    std::string product = "PROD-004";
    std::string json_path;
    std::string series_path;
};

struct Order {
    Clock::time_point due;
    Clock::time_point accepted;
};

struct Results {
    std::mutex mutex;
    std::map<std::string, Order> posted;
    std::map<std::string, Clock::time_point> settled;
    std::map<std::string, std::string> outcome;
    std::atomic<int> http_errors{0};
};

void Client(const Options& options, Clock::time_point start, std::atomic<int>& next, Results& results) {
    saga::bench::KeepAliveClient http(options.url);
    for (int i = next++; i < options.orders; i = next++) {
        const std::string body = nlohmann::json{{"customer_id", fmt::format("load-{}", i)},
                                                {"items", {{{"product_id", options.product}, {"quantity", 1}}}}}
                                     .dump();
        auto due = Clock::now();
        if (options.rate > 0) {
            due = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(i / options.rate));
            std::this_thread::sleep_until(due);
        }
        saga::bench::KeepAliveClient::Response response;
        try {
            response = http.PostJson("/api/orders", body);
        } catch (const std::exception&) {
            ++results.http_errors;
            continue;
        }
        if (response.status != 202) {
            ++results.http_errors;
            continue;
        }
        const std::string id = nlohmann::json::parse(response.body)["order_id"];
        std::lock_guard lock(results.mutex);
        results.posted[id] = {due, Clock::now()};
    }
}

double Percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<size_t>(p * (values.size() - 1) + 0.5))];
}

Options Parse(int argc, char** argv) {
    if (argc < 3) throw std::invalid_argument("missing arguments");
    Options options;
    options.url = argv[1];
    options.amqp_url = argv[2];
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--orders")
            options.orders = std::stoi(value);
        else if (flag == "--concurrency")
            options.concurrency = std::stoi(value);
        else if (flag == "--rate")
            options.rate = std::stod(value);
        else if (flag == "--product")
            options.product = value;
        else if (flag == "--json")
            options.json_path = value;
        else if (flag == "--series")
            options.series_path = value;
        else
            throw std::invalid_argument("unknown option " + flag);
    }
    if ((argc - 3) % 2 != 0) throw std::invalid_argument("an option lacks its value");
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = Parse(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "order_load: " << error.what()
                  << "\nusage: order_load <order_base_url> <amqp_url> [--orders N] [--concurrency C] [--rate R] "
                     "[--product P] [--json FILE] [--series FILE]\n";
        return 2;
    }
    const std::string queue = "bench-settled-" + saga::events::NewEventId().substr(0, 8);

    Results results;
    amqp::Connection tap({options.amqp_url, "order-load-tap"});
    amqp::DeclareExchanges(tap);
    tap.DeclareQueue(queue, {{"x-queue-type", std::string("classic")}});
    tap.BindQueue(queue, amqp::kEventsExchange, "order.confirmed");
    tap.BindQueue(queue, amqp::kEventsExchange, "order.rejected");
    tap.SetPrefetch(500);
    tap.Consume(queue);

    const auto start = Clock::now();
    std::atomic<int> next{0};
    std::vector<std::jthread> clients;
    for (int c = 0; c < options.concurrency; ++c) {
        clients.emplace_back([&] { Client(options, start, next, results); });
    }
    const auto deadline = Clock::now() + std::chrono::minutes{5} +
                          std::chrono::seconds{options.rate > 0 ? static_cast<int>(options.orders / options.rate) : 0};
    while (Clock::now() < deadline) {
        if (auto delivery = tap.NextDelivery(std::chrono::milliseconds{200})) {
            const auto now = Clock::now();
            const auto event = saga::events::Decode(delivery->body);
            tap.Ack(delivery->delivery_tag);
            std::lock_guard lock(results.mutex);
            results.settled.emplace(event.subject, now);
            results.outcome.emplace(event.subject, event.type);
        }
        std::lock_guard lock(results.mutex);
        if (static_cast<int>(results.settled.size()) + results.http_errors >= options.orders) break;
    }
    clients.clear();
    const auto end = Clock::now();
    tap.DeleteQueue(queue);

    // Totals and per-second series (by the second, since start, in which an event happened).
    std::vector<double> latencies_ms;
    Clock::time_point last_accepted = start;
    int confirmed = 0;
    const int seconds_total = static_cast<int>(std::chrono::duration<double>(end - start).count()) + 1;
    std::vector<int> accepted_in(seconds_total, 0), settled_in(seconds_total, 0);
    std::vector<std::vector<double>> latency_in(seconds_total);
    auto second_of = [&](Clock::time_point t) {
        return std::clamp(static_cast<int>(std::chrono::duration<double>(t - start).count()), 0, seconds_total - 1);
    };
    for (const auto& [id, order] : results.posted) {
        last_accepted = std::max(last_accepted, order.accepted);
        ++accepted_in[second_of(order.accepted)];
        auto it = results.settled.find(id);
        if (it == results.settled.end()) continue;
        const double ms = std::chrono::duration<double, std::milli>(it->second - order.due).count();
        latencies_ms.push_back(ms);
        ++settled_in[second_of(it->second)];
        latency_in[second_of(it->second)].push_back(ms);
        if (results.outcome[id] == "order.confirmed") ++confirmed;
    }
    const double seconds = std::chrono::duration<double>(end - start).count();
    const double accept_seconds = std::chrono::duration<double>(last_accepted - start).count();
    const nlohmann::json totals{{"mode", options.rate > 0 ? "open" : "closed"},
                                {"orders", options.orders},
                                {"concurrency", options.concurrency},
                                {"target_rate", options.rate},
                                {"accepted", results.posted.size()},
                                {"http_errors", results.http_errors.load()},
                                {"settled", latencies_ms.size()},
                                {"confirmed", confirmed},
                                {"seconds", seconds},
                                {"accepted_per_s", accept_seconds > 0 ? results.posted.size() / accept_seconds : 0.0},
                                {"settled_per_s", seconds > 0 ? latencies_ms.size() / seconds : 0.0},
                                {"latency_ms",
                                 {{"p50", Percentile(latencies_ms, 0.5)},
                                  {"p95", Percentile(latencies_ms, 0.95)},
                                  {"p99", Percentile(latencies_ms, 0.99)},
                                  {"max", Percentile(latencies_ms, 1.0)}}}};
    if (!options.json_path.empty()) std::ofstream(options.json_path) << totals.dump(2) << "\n";
    if (!options.series_path.empty()) {
        std::ofstream series(options.series_path);
        series << "# second accepted settled p50_ms p99_ms\n";
        for (int s = 0; s < seconds_total; ++s) {
            series << fmt::format("{} {} {} {:.2f} {:.2f}\n", s, accepted_in[s], settled_in[s],
                                  Percentile(latency_in[s], 0.5), Percentile(latency_in[s], 0.99));
        }
    }
    fmt::print(
        "| mode | orders | concurrency | accepted | settled | confirmed | settled/s | p50 ms | p99 ms | max ms |\n");
    fmt::print("|---|---|---|---|---|---|---|---|---|---|\n");
    fmt::print("| {} | {} | {} | {} | {} | {} | {:.0f} | {:.1f} | {:.1f} | {:.1f} |\n",
               totals["mode"].get<std::string>(), options.orders, options.concurrency, results.posted.size(),
               latencies_ms.size(), confirmed, totals["settled_per_s"].get<double>(), Percentile(latencies_ms, 0.5),
               Percentile(latencies_ms, 0.99), Percentile(latencies_ms, 1.0));
    return results.http_errors > 0 || static_cast<int>(latencies_ms.size()) < options.orders ? 1 : 0;
}
