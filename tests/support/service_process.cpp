#include "support/service_process.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "support/http_client.hpp"
#include "support/live_stack.hpp"

extern char** environ;

namespace saga::test {

int FreePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        close(fd);
        throw std::runtime_error("cannot find a free port");
    }
    close(fd);
    return ntohs(address.sin_port);
}

ServiceProcess::ServiceProcess(std::string binary, std::map<std::string, std::string> env,
                               std::chrono::milliseconds ready_timeout)
    : binary_(std::move(binary)), env_(std::move(env)), ready_timeout_(ready_timeout) {
    // FreePort() only says the port was free a moment ago: a service of a test running beside
    // this one may take it first. Ours then cannot listen and exits; start again elsewhere.
    for (int attempt = 1;; ++attempt) {
        port_ = FreePort();
        env_["HTTP_PORT"] = std::to_string(port_);
        if (Start() == Started::kReady) return;
        if (attempt == 3) throw std::runtime_error(binary_ + ": every free port found was taken before it listened");
    }
}

ServiceProcess::~ServiceProcess() {
    if (pid_ <= 0) return;
    // Stopped at the end of its test: anything but a clean exit (a crash in the last moments, a
    // leak report of the sanitizers, a drain that hung until SIGKILL) fails that test.
    const int code = Stop();
    if (code != 0) {
        const std::string what = fmt::format(
            "{} exited with status {} when stopped at the end of the test (see its log above)", binary_, code);
        if (doctest::is_running_in_test) {
            FAIL_CHECK(what);
        } else {
            std::cerr << what << std::endl;
        }
    }
}

ServiceProcess::Started ServiceProcess::Start() {
    std::map<std::string, std::string> merged;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const auto eq = entry.find('=');
        if (eq != std::string::npos) merged[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [key, value] : env_) merged[key] = value;
    std::vector<std::string> entries;
    for (const auto& [key, value] : merged) entries.push_back(key + "=" + value);
    std::vector<char*> envp;
    for (auto& entry : entries) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::vector<char*> argv = {binary_.data(), nullptr};
    if (posix_spawn(&pid_, binary_.c_str(), nullptr, nullptr, argv.data(), envp.data()) != 0) {
        throw std::runtime_error("cannot start " + binary_);
    }
    // A service names itself in /health: an answer from another one means the port is not ours.
    const std::string name = std::filesystem::path(binary_).filename().string();
    HttpClient client(base_url(), std::chrono::seconds{2});
    bool port_taken = false;
    const bool ready = Eventually(
        [&] {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                if (port_taken) return true;
                throw std::runtime_error(binary_ + " exited during start (see its log above)");
            }
            try {
                // "ok", not just 200: "degraded" (also 200) means the consumer has not bound its
                // queue yet, and an event published now would be routed nowhere.
                const auto health = client.Get("/health");
                const auto body = health.Json();
                if (body.value("service", name) != name) {
                    port_taken = true;
                    return false;
                }
                return health.status == 200 && body.value("status", "") == "ok";
            } catch (const std::exception&) {
                return false;
            }
        },
        ready_timeout_);
    if (!ready) throw std::runtime_error(binary_ + " did not become healthy in time");
    return pid_ > 0 ? Started::kReady : Started::kPortTaken;
}

int ServiceProcess::Stop(std::chrono::milliseconds timeout) {
    if (pid_ <= 0) return 0;
    kill(pid_, SIGTERM);
    int status = 0;
    const bool exited = Eventually([&] { return waitpid(pid_, &status, WNOHANG) == pid_; }, timeout);
    if (!exited) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int ServiceProcess::Kill() {
    if (pid_ <= 0) return 0;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void ServiceProcess::Restart() {
    if (pid_ > 0) Stop();
    // Same port: whoever knows this service's address keeps it.
    if (Start() == Started::kPortTaken) throw std::runtime_error(binary_ + ": its port was taken while it was down");
}

}  // namespace saga::test
