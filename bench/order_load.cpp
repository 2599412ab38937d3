// Orders settled per second and settle latency (POST accepted → order.confirmed seen on the
// broker) on a running stack. Not a test: it prints figures.
//
//   order_load <order_base_url> <amqp_url> [orders=1000] [concurrency=32] [product=PROD-004]
//
// Each client thread keeps one HTTP connection alive and posts orders back to back (closed
// loop). A temporary queue bound to order.confirmed and order.rejected on saga.events records
// when each order settles. Products need enough stock (restock them first for big runs).
#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "events/envelope.hpp"
#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/topology.hpp"

using Clock = std::chrono::steady_clock;
using namespace saga::runtime;

namespace {

size_t Append(char* data, size_t size, size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

struct Results {
    std::mutex mutex;
    std::map<std::string, Clock::time_point> posted;
    std::map<std::string, Clock::time_point> settled;
    std::map<std::string, std::string> outcome;
    std::atomic<int> http_errors{0};
};

void Client(const std::string& url, const std::string& product, std::atomic<int>& next, int orders, Results& results) {
    CURL* curl = curl_easy_init();
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    std::string response;
    curl_easy_setopt(curl, CURLOPT_URL, (url + "/api/orders").c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Append);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
    for (int i = next++; i < orders; i = next++) {
        const std::string body = nlohmann::json{{"customer_id", fmt::format("load-{}", i)},
                                                {"items", {{{"product_id", product}, {"quantity", 1}}}}}
                                     .dump();
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
        response.clear();
        const auto start = Clock::now();
        long status = 0;
        if (curl_easy_perform(curl) != CURLE_OK ||
            (curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status), status != 202)) {
            ++results.http_errors;
            continue;
        }
        const std::string id = nlohmann::json::parse(response)["order_id"];
        std::lock_guard lock(results.mutex);
        results.posted[id] = start;
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
}

double Percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<size_t>(p * (values.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr
            << "usage: order_load <order_base_url> <amqp_url> [orders=1000] [concurrency=32] [product=PROD-004]\n";
        return 2;
    }
    const std::string url = argv[1];
    const std::string amqp_url = argv[2];
    const int orders = argc > 3 ? std::stoi(argv[3]) : 1000;
    const int concurrency = argc > 4 ? std::stoi(argv[4]) : 32;
    const std::string product = argc > 5 ? argv[5] : "PROD-004";
    const std::string queue = "bench-settled-" + saga::events::NewEventId().substr(0, 8);

    Results results;
    amqp::Connection tap({amqp_url, "order-load-tap"});
    amqp::DeclareExchanges(tap);
    tap.DeclareQueue(queue, {{"x-queue-type", std::string("classic")}});
    tap.BindQueue(queue, amqp::kEventsExchange, "order.confirmed");
    tap.BindQueue(queue, amqp::kEventsExchange, "order.rejected");
    tap.SetPrefetch(500);
    tap.Consume(queue);

    curl_global_init(CURL_GLOBAL_DEFAULT);
    const auto start = Clock::now();
    std::atomic<int> next{0};
    std::vector<std::jthread> clients;
    for (int c = 0; c < concurrency; ++c) {
        clients.emplace_back([&] { Client(url, product, next, orders, results); });
    }
    const int expected = orders;
    const auto deadline = Clock::now() + std::chrono::minutes{5};
    while (Clock::now() < deadline) {
        if (auto delivery = tap.NextDelivery(std::chrono::milliseconds{200})) {
            const auto event = saga::events::Decode(delivery->body);
            tap.Ack(delivery->delivery_tag);
            std::lock_guard lock(results.mutex);
            results.settled.emplace(event.subject, Clock::now());
            results.outcome.emplace(event.subject, event.type);
        }
        std::lock_guard lock(results.mutex);
        if (static_cast<int>(results.settled.size()) + results.http_errors >= expected) break;
    }
    clients.clear();
    const auto end = Clock::now();
    tap.DeleteQueue(queue);

    std::vector<double> latencies_ms;
    int confirmed = 0;
    for (const auto& [id, posted] : results.posted) {
        auto it = results.settled.find(id);
        if (it == results.settled.end()) continue;
        latencies_ms.push_back(std::chrono::duration<double, std::milli>(it->second - posted).count());
        if (results.outcome[id] == "order.confirmed") ++confirmed;
    }
    const double seconds = std::chrono::duration<double>(end - start).count();
    fmt::print("| orders | concurrency | accepted | settled | confirmed | settled/s | p50 ms | p99 ms | max ms |\n");
    fmt::print("|---|---|---|---|---|---|---|---|---|\n");
    fmt::print("| {} | {} | {} | {} | {} | {:.0f} | {:.1f} | {:.1f} | {:.1f} |\n", orders, concurrency,
               results.posted.size(), latencies_ms.size(), confirmed, latencies_ms.size() / seconds,
               Percentile(latencies_ms, 0.5), Percentile(latencies_ms, 0.99), Percentile(latencies_ms, 1.0));
    return results.http_errors > 0 || static_cast<int>(latencies_ms.size()) < orders ? 1 : 0;
}
