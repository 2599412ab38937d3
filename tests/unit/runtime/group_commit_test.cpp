#include "runtime/group_commit.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <variant>

namespace {

using namespace std::chrono_literals;
using saga::runtime::GroupCommit;

struct MayHaveCommitted : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Jobs are numbers; a job's result is ten times its number. Job 0 runs first, alone, and is held
// inside `alone` until the others have queued behind it, so that they form the next batch.
struct Harness {
    std::atomic<bool> first_running{false};
    std::atomic<bool> release_first{false};
    std::atomic<int> together_calls{0};
    std::atomic<int> alone_calls{0};
    std::atomic<std::size_t> largest_batch{0};
    int bad_job = -1;                  // `together` and `alone` throw std::invalid_argument for it
    bool together_may_commit = false;  // `together` throws MayHaveCommitted

    GroupCommit<int, int> group{
        [this](const std::vector<const int*>& jobs) {
            ++together_calls;
            largest_batch = std::max(largest_batch.load(), jobs.size());
            if (together_may_commit) throw MayHaveCommitted("connection lost during commit");
            std::vector<int> results;
            for (const int* job : jobs) {
                if (*job == bad_job) throw std::invalid_argument("bad job");
                results.push_back(*job * 10);
            }
            return results;
        },
        [this](const int& job) {
            ++alone_calls;
            if (job == 0) {
                first_running = true;
                while (!release_first) std::this_thread::sleep_for(1ms);
            }
            if (job == bad_job) throw std::invalid_argument("bad job");
            return job * 10;
        },
        [](const std::exception& error) { return dynamic_cast<const MayHaveCommitted*>(&error) == nullptr; }, 64};

    // Runs jobs 0..n-1 on n threads, job 0 first; returns each job's result or exception message.
    std::vector<std::variant<int, std::string>> RunTogether(int n) {
        std::vector<std::variant<int, std::string>> outcomes(static_cast<std::size_t>(n));
        auto submit = [&](int job) {
            try {
                outcomes[static_cast<std::size_t>(job)] = group.Submit(job);
            } catch (const std::exception& error) {
                outcomes[static_cast<std::size_t>(job)] = std::string(error.what());
            }
        };
        std::vector<std::jthread> threads;
        threads.emplace_back(submit, 0);
        while (!first_running) std::this_thread::sleep_for(1ms);
        for (int job = 1; job < n; ++job) threads.emplace_back(submit, job);
        while (group.Waiting() < static_cast<std::size_t>(n - 1)) std::this_thread::sleep_for(1ms);
        release_first = true;
        threads.clear();  // joins
        return outcomes;
    }
};

}  // namespace

TEST_CASE("group commit: a caller on its own runs its job alone and gets its result") {
    Harness harness;
    harness.release_first = true;
    CHECK(harness.group.Submit(7) == 70);
    CHECK(harness.alone_calls == 1);
    CHECK(harness.together_calls == 0);
}

TEST_CASE("group commit: callers that arrive while a batch runs share the next one and each get their own result") {
    Harness harness;
    const auto outcomes = harness.RunTogether(8);
    for (int job = 0; job < 8; ++job) CHECK(std::get<int>(outcomes[static_cast<std::size_t>(job)]) == job * 10);
    CHECK(harness.together_calls == 1);
    CHECK(harness.largest_batch == 7);
    CHECK(harness.alone_calls == 1);  // job 0 only
}

TEST_CASE("group commit: a batch that fails on one job runs again job by job, and only that job fails") {
    Harness harness;
    harness.bad_job = 3;
    const auto outcomes = harness.RunTogether(6);
    for (int job = 0; job < 6; ++job) {
        if (job == 3) {
            CHECK(std::get<std::string>(outcomes[3]) == "bad job");
        } else {
            CHECK(std::get<int>(outcomes[static_cast<std::size_t>(job)]) == job * 10);
        }
    }
    CHECK(harness.together_calls == 1);
    CHECK(harness.alone_calls == 1 + 5);
}

TEST_CASE("group commit: an error after which the batch may have committed fails every caller and runs nothing again") {
    Harness harness;
    harness.together_may_commit = true;
    const auto outcomes = harness.RunTogether(5);
    CHECK(std::get<int>(outcomes[0]) == 0);
    for (int job = 1; job < 5; ++job) {
        CHECK(std::get<std::string>(outcomes[static_cast<std::size_t>(job)]) == "connection lost during commit");
    }
    CHECK(harness.together_calls == 1);
    CHECK(harness.alone_calls == 1);
}

TEST_CASE("group commit: no batch is larger than its limit") {
    std::atomic<bool> release{false};
    std::atomic<bool> first_running{false};
    std::atomic<std::size_t> largest{0};
    GroupCommit<int, int> group(
        [&](const std::vector<const int*>& jobs) {
            largest = std::max(largest.load(), jobs.size());
            return std::vector<int>(jobs.size(), 1);
        },
        [&](const int& job) {
            if (job == 0) {
                first_running = true;
                while (!release) std::this_thread::sleep_for(1ms);
            }
            return 1;
        },
        [](const std::exception&) { return true; }, 3);
    std::vector<std::jthread> threads;
    threads.emplace_back([&] { group.Submit(0); });
    while (!first_running) std::this_thread::sleep_for(1ms);
    std::atomic<int> answered{0};
    for (int job = 1; job <= 7; ++job) threads.emplace_back([&, job] { answered += group.Submit(job); });
    while (group.Waiting() < 7) std::this_thread::sleep_for(1ms);
    release = true;
    threads.clear();
    CHECK(answered == 7);
    CHECK(largest == 3);
}
