#include "e2e/sagactl/sagactl_runner.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "e2e/stack/saga_stack.hpp"

extern char** environ;

namespace saga::test {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

nlohmann::json SagactlRun::Json() const {
    INFO("stdout: ", out, "\nstderr: ", err);
    auto parsed = nlohmann::json::parse(out, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    return parsed;
}

SagactlRun RunSagactl(const std::vector<std::string>& args) {
    const auto dir = std::filesystem::temp_directory_path() / ("sagactl-run-" + RandomSuffix());
    std::filesystem::create_directories(dir);
    const std::string out_path = (dir / "out").string(), err_path = (dir / "err").string();

    std::vector<std::string> storage{SAGACTL_BINARY};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : storage) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, SAGACTL_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(spawned == 0);

    SagactlRun run;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{60};
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            FAIL("sagactl did not finish within 60 s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = ReadAll(out_path);
    run.err = ReadAll(err_path);
    std::filesystem::remove_all(dir);
    return run;
}

std::vector<std::string> Against(const SagaStack& stack, std::vector<std::string> args) {
    args.insert(args.end(), {"--amqp-url", stack.vhost().amqp_url()});
    for (const char* service : {"order", "inventory", "payment", "notification"}) {
        args.insert(args.end(), {"--database-url", std::string(service) + "=" + stack.database(service).url()});
    }
    return args;
}

}  // namespace saga::test
