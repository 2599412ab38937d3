#pragma once

#include <map>
#include <string>

namespace saga::test {

/// What one browser scenario run produced: node's exit code and its output (node:test's report,
/// stdout and stderr interleaved).
struct ScenarioRun {
    int exit_code = -1;
    std::string output;
};

/// Runs `node tests/browser/<script>` (a node:test file that drives headless Chromium through
/// playwright-core) with `env` added to the test's own environment, plus SCREENSHOT_DIR (the
/// build tree, or docs/images/ when SAGA_UPDATE_SCREENSHOTS=1) and ARTIFACT_DIR (failure
/// screenshots). The script runs in its own process group, killed as a whole after `timeout_s`.
/// Fails the test when tests/browser/node_modules is missing (`npm ci` there, as tests/run does).
ScenarioRun RunBrowserScenario(const std::string& script, const std::map<std::string, std::string>& env,
                               int timeout_s = 150);

}  // namespace saga::test
