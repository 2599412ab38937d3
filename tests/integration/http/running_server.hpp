#pragma once

#include <chrono>
#include <cstdint>
#include <future>
#include <string>
#include <utility>

#include "runtime/http/server.hpp"

namespace saga::test {

/// A Server on an ephemeral loopback port, running on its own thread for the lifetime of this object.
class RunningServer {
  public:
    explicit RunningServer(runtime::http::Router router, runtime::http::ServerConfig config = {})
        : server_(std::move(config), std::move(router)),
          run_(std::async(std::launch::async, [this] { server_.Run(); })) {}

    ~RunningServer() {
        server_.Stop();
        if (run_.valid()) {
            run_.wait();
        }
    }

    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    runtime::http::Server& server() { return server_; }
    std::uint16_t port() const { return server_.BoundPort(); }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port()); }

    /// True when Run() has returned within `timeout` (rethrowing if it threw).
    bool RunReturnedWithin(std::chrono::milliseconds timeout) {
        if (run_.wait_for(timeout) != std::future_status::ready) {
            return false;
        }
        run_.get();
        run_ = {};
        return true;
    }

  private:
    runtime::http::Server server_;
    std::future<void> run_;
};

}  // namespace saga::test
