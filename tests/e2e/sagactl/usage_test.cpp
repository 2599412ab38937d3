#include <doctest/doctest.h>

#include "e2e/sagactl/sagactl_runner.hpp"

namespace saga::test {

TEST_CASE("sagactl binary: usage errors exit 2 with a message on stderr") {
    for (const auto& args : std::vector<std::vector<std::string>>{{},
                                                                  {"frobnicate"},
                                                                  {"dlq", "explode"},
                                                                  {"dlq", "list", "--bogus"},
                                                                  {"dlq", "purge", "--all"},
                                                                  {"dlq", "list", "--since", "last-tuesday"},
                                                                  {"dlq", "replay", "--since", "2026-13-45T00:00:00Z"},
                                                                  {"dlq", "replay"},
                                                                  {"order"}}) {
        std::string line;
        for (const auto& a : args) line += a + " ";
        CAPTURE(line);
        const auto run = RunSagactl(args);
        INFO("stdout: ", run.out, "\nstderr: ", run.err);
        CHECK(run.exit_code == 2);
        CHECK_FALSE(run.err.empty());
        CHECK(run.out.empty());
    }
    const auto purge = RunSagactl({"dlq", "purge", "--all"});
    CHECK(purge.err.find("--yes") != std::string::npos);
}

TEST_CASE("sagactl binary: --help on every command exits 0 and describes it") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"--help"},
                                                                  {"dlq", "--help"},
                                                                  {"dlq", "list", "--help"},
                                                                  {"dlq", "show", "--help"},
                                                                  {"dlq", "replay", "--help"},
                                                                  {"dlq", "purge", "--help"},
                                                                  {"outbox", "--help"},
                                                                  {"outbox", "status", "--help"},
                                                                  {"order", "--help"}}) {
        std::string line;
        for (const auto& a : args) line += a + " ";
        CAPTURE(line);
        const auto run = RunSagactl(args);
        CHECK(run.exit_code == 0);
        CHECK(run.out.find("Usage") != std::string::npos);
        CHECK(run.out.find("--help") != std::string::npos);
    }
    CHECK(RunSagactl({"--help"}).out.find("x-death") != std::string::npos);
}

TEST_CASE("sagactl binary: an unreachable broker is a failure (exit 1), not a usage error") {
    const auto run = RunSagactl({"dlq", "list", "--amqp-url", "amqp://admin:admin@127.0.0.1:1/saga"});
    INFO("stderr: ", run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("broker") != std::string::npos);
}

}  // namespace saga::test
