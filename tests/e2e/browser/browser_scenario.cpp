#include "e2e/browser/browser_scenario.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "support/live_stack.hpp"

extern char** environ;

namespace saga::test {
namespace {

namespace fs = std::filesystem;

const fs::path kScripts = fs::path(SAGA_SOURCE_DIR) / "tests" / "browser";

std::string ReadAll(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

fs::path ScreenshotDir() {
    const char* update = std::getenv("SAGA_UPDATE_SCREENSHOTS");
    if (update != nullptr && std::string(update) == "1") return fs::path(SAGA_SOURCE_DIR) / "docs" / "images";
    return fs::path(SAGA_BINARY_DIR) / "tests" / "e2e" / "browser" / "screenshots";
}

}  // namespace

ScenarioRun RunBrowserScenario(const std::string& script, const std::map<std::string, std::string>& env,
                               int timeout_s) {
    INFO("tests/browser/node_modules is installed by `npm ci` in tests/browser (tests/run does it)");
    REQUIRE(fs::exists(kScripts / "node_modules" / "playwright-core"));
    const fs::path artifacts = fs::path(SAGA_BINARY_DIR) / "tests" / "e2e" / "browser" / "failures";
    fs::create_directories(artifacts);
    fs::create_directories(ScreenshotDir());

    std::map<std::string, std::string> merged;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const auto eq = entry.find('=');
        if (eq != std::string::npos) merged[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    merged["SCREENSHOT_DIR"] = ScreenshotDir().string();
    merged["ARTIFACT_DIR"] = artifacts.string();
    // The services' sanitizer settings mean nothing to node and chromium.
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) merged.erase(name);
    for (const auto& [key, value] : env) merged[key] = value;
    std::vector<std::string> entries;
    for (const auto& [key, value] : merged) entries.push_back(key + "=" + value);
    std::vector<char*> envp;
    for (auto& entry : entries) envp.push_back(entry.data());
    envp.push_back(nullptr);

    const fs::path out = fs::temp_directory_path() / ("browser-scenario-" + RandomSuffix() + ".log");
    std::string node = "/usr/bin/node", path = (kScripts / script).string();
    std::vector<char*> argv = {node.data(), path.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);  // node and its chromium: one group
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, node.c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    REQUIRE(spawned == 0);

    ScenarioRun run;
    int status = 0;
    bool timed_out = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{timeout_s};
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    kill(-pid, SIGKILL);  // a chromium left behind by a crashed node (no-op when the group is gone)
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.output = ReadAll(out);
    if (timed_out) run.output += "\n(killed: the scenario took longer than " + std::to_string(timeout_s) + " s)";
    fs::remove(out);
    return run;
}

}  // namespace saga::test
