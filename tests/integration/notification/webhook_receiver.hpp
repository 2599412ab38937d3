#pragma once

#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runtime/http/server.hpp"

namespace saga::test {

/// An in-process HTTP endpoint (the runtime's server on an ephemeral port) that receives webhook
/// POSTs: the first `failures` requests get 500, later ones 204. failures < 0: always 500.
class WebhookReceiver {
  public:
    explicit WebhookReceiver(int failures);
    ~WebhookReceiver();
    WebhookReceiver(const WebhookReceiver&) = delete;
    WebhookReceiver& operator=(const WebhookReceiver&) = delete;

    std::string url() const;
    /// Requests received so far.
    int requests() const { return requests_.load(); }
    /// The JSON bodies received so far, with their Content-Type.
    std::vector<std::pair<std::string, nlohmann::json>> Received() const;

  private:
    runtime::http::Router MakeRouter();

    int failures_;
    std::atomic<int> requests_{0};
    mutable std::mutex mutex_;
    std::vector<std::pair<std::string, nlohmann::json>> received_;
    std::unique_ptr<runtime::http::Server> server_;
    std::future<void> run_;
};

}  // namespace saga::test
