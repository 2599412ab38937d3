#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>

namespace saga::test {

class SagaStack;

/// The `console` binary started as a real child process on a free port of 127.0.0.1, pointed at
/// `stack`: its four services, its vhost (admin AMQP URL), its four databases, the harness's
/// management API, and the admin token the services use. Ready once GET / answers 200 (the web
/// root is served). Stopped with SIGTERM (SIGKILL after a grace period) when destroyed.
class ConsoleProcess {
  public:
    explicit ConsoleProcess(SagaStack& stack, std::chrono::milliseconds ready_timeout = std::chrono::seconds{30});
    ~ConsoleProcess();
    ConsoleProcess(const ConsoleProcess&) = delete;
    ConsoleProcess& operator=(const ConsoleProcess&) = delete;

    /// http://127.0.0.1:<port>/
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
    pid_t pid() const { return pid_; }

  private:
    void Stop();

    int port_ = 0;
    pid_t pid_ = -1;
};

}  // namespace saga::test
