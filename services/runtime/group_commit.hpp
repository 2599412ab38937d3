#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <vector>

namespace saga::runtime {

/// Runs the jobs of concurrent callers in batches, so that many small transactions share one
/// commit. A caller that finds no batch running runs one: every job waiting (up to `max_batch`),
/// its own included or not, through `together`, while callers arriving meanwhile wait for the
/// next batch. Each caller gets its own job's result or exception.
///
/// `together(jobs)` returns one result per job, in order, or throws. When it throws an exception
/// that `run_again_alone` accepts (the batch certainly did nothing: a bad job, not a lost
/// connection), each job runs again by itself through `alone`, so one bad job fails only its
/// caller. Otherwise every caller of the batch gets the exception.
template <class Job, class Result>
class GroupCommit {
  public:
    using Together = std::function<std::vector<Result>(const std::vector<const Job*>&)>;
    using Alone = std::function<Result(const Job&)>;
    using RunAgainAlone = std::function<bool(const std::exception&)>;

    GroupCommit(Together together, Alone alone, RunAgainAlone run_again_alone, std::size_t max_batch)
        : together_(std::move(together)),
          alone_(std::move(alone)),
          run_again_alone_(std::move(run_again_alone)),
          max_batch_(max_batch == 0 ? 1 : max_batch) {}

    GroupCommit(const GroupCommit&) = delete;
    GroupCommit& operator=(const GroupCommit&) = delete;

    /// Runs `job` in the next batch and returns its result, or rethrows its exception.
    Result Submit(Job job) {
        Slot slot{.job = std::move(job), .result = std::nullopt, .error = nullptr, .done = false};
        std::unique_lock lock(mutex_);
        waiting_.push_back(&slot);
        while (!slot.done) {
            if (running_) {
                batch_done_.wait(lock);
                continue;
            }
            running_ = true;
            std::vector<Slot*> batch;
            while (!waiting_.empty() && batch.size() < max_batch_) {
                batch.push_back(waiting_.front());
                waiting_.pop_front();
            }
            lock.unlock();
            try {
                Run(batch);
            } catch (...) {  // e.g. out of memory: never leave callers waiting for a batch that ended
                FailAll(batch, std::current_exception());
            }
            lock.lock();
            for (Slot* done : batch) done->done = true;
            running_ = false;
            batch_done_.notify_all();
        }
        if (slot.error) std::rethrow_exception(slot.error);
        return std::move(*slot.result);
    }

    /// Jobs queued for the next batch (for tests).
    std::size_t Waiting() const {
        std::lock_guard lock(mutex_);
        return waiting_.size();
    }

  private:
    struct Slot {
        Job job;
        std::optional<Result> result;
        std::exception_ptr error;
        bool done = false;
    };

    // Outside the lock: the slots of `batch` belong to this batch until they are marked done.
    void Run(const std::vector<Slot*>& batch) {
        if (batch.size() == 1) return RunAlone(*batch.front());
        std::vector<const Job*> jobs;
        jobs.reserve(batch.size());
        for (const Slot* slot : batch) jobs.push_back(&slot->job);
        std::vector<Result> results;
        try {
            results = together_(jobs);
        } catch (const std::exception& error) {
            if (!run_again_alone_(error)) return FailAll(batch, std::current_exception());
            for (Slot* slot : batch) RunAlone(*slot);
            return;
        } catch (...) {
            return FailAll(batch, std::current_exception());
        }
        if (results.size() != batch.size()) {
            return FailAll(batch,
                           std::make_exception_ptr(std::logic_error("group commit: one result per job expected")));
        }
        for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->result = std::move(results[i]);
    }

    void RunAlone(Slot& slot) {
        try {
            slot.result = alone_(slot.job);
        } catch (...) {
            slot.error = std::current_exception();
        }
    }

    static void FailAll(const std::vector<Slot*>& batch, const std::exception_ptr& error) {
        for (Slot* slot : batch) slot->error = error;
    }

    Together together_;
    Alone alone_;
    RunAgainAlone run_again_alone_;
    std::size_t max_batch_;
    mutable std::mutex mutex_;
    std::condition_variable batch_done_;
    std::deque<Slot*> waiting_;
    bool running_ = false;
};

}  // namespace saga::runtime
