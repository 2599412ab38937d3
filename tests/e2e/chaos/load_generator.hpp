#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "e2e/chaos/order_mix.hpp"
#include "support/http_client.hpp"

namespace saga::test::chaos {

/// Steady load on the order API while faults happen: order i is due at start + i / rate; a few
/// threads place them (with an Idempotency-Key, retried until the API answers definitely, so a
/// killed service or a stopped database delays an order but never loses or doubles it) and cancel
/// the ones meant to be cancelled after a short random delay.
class LoadGenerator {
  public:
    LoadGenerator(std::string order_url, std::uint64_t seed, double rate, int threads = 4);
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator&) = delete;
    LoadGenerator& operator=(const LoadGenerator&) = delete;

    /// Stops placing new orders; orders already started are finished (retried until `give_up`).
    /// Returns every record, in index order.
    std::vector<OrderRecord> Finish(std::chrono::steady_clock::time_point give_up);
    /// Orders placed (accepted) so far.
    int accepted() const { return accepted_.load(); }

  private:
    void Work();
    void Place(HttpClient& client, OrderRecord& order);
    void Cancel(HttpClient& client, OrderRecord& order);

    std::string order_url_;
    std::uint64_t seed_;
    double rate_;
    std::chrono::steady_clock::time_point start_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::chrono::steady_clock::rep> give_up_{0};
    std::atomic<int> next_{0};
    std::atomic<int> accepted_{0};
    std::mutex mutex_;
    std::vector<OrderRecord> records_;
    std::vector<std::jthread> threads_;
};

}  // namespace saga::test::chaos
