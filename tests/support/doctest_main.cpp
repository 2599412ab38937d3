// doctest's main, plus one guard: ctest runs each test case by name (-tc=...), and a name that
// ctest splits or mangles would match nothing and "pass" without running. Here a run that was
// asked to run something and ran no test case fails instead.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <atomic>
#include <iostream>

namespace {

std::atomic<int> test_cases_started{0};

struct CountTestCases : doctest::IReporter {
    explicit CountTestCases(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData&) override { ++test_cases_started; }
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

REGISTER_LISTENER("count-test-cases", 1, CountTestCases);

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int result = context.run();
    if (context.shouldExit()) return result;  // --list-test-cases, --help, ...
    if (test_cases_started == 0) {
        std::cerr << "no test case matched the filters: nothing ran, which is a failure\n";
        return result == 0 ? 1 : result;
    }
    return result;
}
