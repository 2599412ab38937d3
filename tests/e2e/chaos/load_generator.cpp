#include "e2e/chaos/load_generator.hpp"

#include <algorithm>

#include "support/http_client.hpp"

namespace saga::test::chaos {
namespace {

using Clock = std::chrono::steady_clock;
// Between attempts while a service or the database is down: load pacing, not synchronisation.
constexpr auto kRetryPause = std::chrono::milliseconds{200};

}  // namespace

LoadGenerator::LoadGenerator(std::string order_url, std::uint64_t seed, double rate, int threads)
    : order_url_(std::move(order_url)), seed_(seed), rate_(rate), start_(Clock::now()) {
    give_up_ = Clock::time_point::max().time_since_epoch().count();
    for (int t = 0; t < threads; ++t) threads_.emplace_back([this] { Work(); });
}

LoadGenerator::~LoadGenerator() {
    stopping_ = true;
    give_up_ = 0;
}

std::vector<OrderRecord> LoadGenerator::Finish(Clock::time_point give_up) {
    give_up_ = give_up.time_since_epoch().count();
    stopping_ = true;
    threads_.clear();  // joins
    std::lock_guard lock(mutex_);
    std::sort(records_.begin(), records_.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
    return records_;
}

void LoadGenerator::Work() {
    HttpClient client(order_url_, std::chrono::seconds{10});
    while (!stopping_) {
        const int index = next_++;
        const auto due = start_ + std::chrono::microseconds(static_cast<long long>(index * 1e6 / rate_));
        while (Clock::now() < due && !stopping_) std::this_thread::sleep_for(std::chrono::milliseconds{10});
        if (stopping_) return;
        OrderRecord order = MakeOrder(seed_, index);
        Place(client, order);
        if (!order.order_id.empty()) {
            ++accepted_;
            if (order.wants_cancel) Cancel(client, order);
        }
        std::lock_guard lock(mutex_);
        records_.push_back(std::move(order));
    }
}

void LoadGenerator::Place(HttpClient& client, OrderRecord& order) {
    const auto body = order.Body();
    while (Clock::now().time_since_epoch().count() < give_up_) {
        try {
            const auto response = client.PostJson("/api/orders", body, {{"Idempotency-Key", order.idempotency_key}});
            if (response.status == 202) {
                order.order_id = response.Json()["order_id"].get<std::string>();
                return;
            }
            // 409: the same key still in flight (a killed request's lock); 5xx: database down.
            if (response.status != 409 && response.status < 500) {
                order.api_error = std::to_string(response.status) + " " + response.body;
                return;
            }
        } catch (const std::exception&) {
            // Service down or killed mid-request: the key makes the retry safe.
        }
        std::this_thread::sleep_for(kRetryPause);
    }
}

void LoadGenerator::Cancel(HttpClient& client, OrderRecord& order) {
    std::this_thread::sleep_for(std::chrono::milliseconds{order.cancel_delay_ms});
    const std::string path = "/api/orders/" + order.order_id + "/cancel";
    while (Clock::now().time_since_epoch().count() < give_up_) {
        try {
            const auto response = client.Request("POST", path);
            if (response.status == 202) {
                order.cancel = CancelAnswer::kAccepted;
                return;
            }
            if (response.status == 409) {
                order.cancel = CancelAnswer::kRefused;
                return;
            }
            if (response.status < 500) {
                order.api_error = "cancel: " + std::to_string(response.status) + " " + response.body;
                return;
            }
        } catch (const std::exception&) {
        }
        // No definite answer: the cancel may have been applied (crash after commit).
        order.cancel_uncertain = true;
        std::this_thread::sleep_for(kRetryPause);
    }
}

}  // namespace saga::test::chaos
