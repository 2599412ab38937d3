#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace saga::test {

class SagaStack;

/// What one run of the sagactl binary produced.
struct SagactlRun {
    int exit_code = -1;
    std::string out;
    std::string err;
    /// stdout parsed as JSON (fails the test when it is not).
    nlohmann::json Json() const;
};

/// Runs the sagactl binary with `args` as a child process and waits for it (at most 60 s).
SagactlRun RunSagactl(const std::vector<std::string>& args);

/// `args` followed by the connection options that point sagactl at `stack` (its vhost as admin,
/// its four databases).
std::vector<std::string> Against(const SagaStack& stack, std::vector<std::string> args);

}  // namespace saga::test
