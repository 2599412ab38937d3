#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>

namespace saga::test {

/// A service binary started as a real child process with the given environment added to the
/// test's own, on a free HTTP port. Waits until GET /health reports "ok" (database reachable,
/// relay and consumer connected, so the queue is bound). Stopped with SIGTERM when destroyed,
/// which fails the running test unless the process exits with status 0.
class ServiceProcess {
  public:
    /// `binary`: path, e.g. SAGA_BINARY_DIR "/services/order/order-service".
    ServiceProcess(std::string binary, std::map<std::string, std::string> env,
                   std::chrono::milliseconds ready_timeout = std::chrono::seconds{30});
    ~ServiceProcess();
    ServiceProcess(const ServiceProcess&) = delete;
    ServiceProcess& operator=(const ServiceProcess&) = delete;

    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    pid_t pid() const { return pid_; }

    /// SIGTERM and wait; returns the exit code (or 128 + signal).
    int Stop(std::chrono::milliseconds timeout = std::chrono::seconds{20});
    /// SIGKILL and wait; returns the exit code as Stop does (137 when the SIGKILL ended it, other
    /// values when it had exited by itself first).
    int Kill();
    /// Starts the same binary again with the same environment and port; waits for /health.
    void Restart();

  private:
    enum class Started { kReady, kPortTaken };
    /// Starts the binary on port_ and waits until it is healthy, or until it exits because
    /// another service answers on port_ (kPortTaken).
    Started Start();

    std::string binary_;
    std::map<std::string, std::string> env_;
    std::chrono::milliseconds ready_timeout_;
    int port_ = 0;
    pid_t pid_ = -1;
};

/// A TCP port on 127.0.0.1 that was free a moment ago.
int FreePort();

}  // namespace saga::test
