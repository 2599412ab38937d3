#include "runtime/gremlin/gremlin.hpp"

namespace saga::runtime::gremlin {

Gremlin::Gremlin(metrics::Registry& registry, log::Logger& logger, Options options)
    : logger_(logger),
      options_(std::move(options)),
      seed_(options_.seed ? *options_.seed : std::random_device{}()),
      active_(registry.AddGauge("saga_gremlin_active", "1 while fault injection (the gremlin) is on").With({})),
      injected_latency_(registry.AddCounter("saga_gremlin_injected_total", "Faults injected by the gremlin by kind")
                            .With({{"kind", "latency"}})),
      injected_failure_(registry.AddCounter("saga_gremlin_injected_total", "Faults injected by the gremlin by kind")
                            .With({{"kind", "failure"}})),
      injected_crash_(registry.AddCounter("saga_gremlin_injected_total", "Faults injected by the gremlin by kind")
                          .With({{"kind", "crash"}})),
      random_(seed_) {
    active_.Set(0);
}

void Gremlin::Configure(const GremlinSettings& settings) {
    {
        std::lock_guard lock(mutex_);
        settings_ = settings;
        latency_seen_ = 0;
        crash_seen_ = 0;
        ++generation_;
    }
    changed_.notify_all();
    active_.Set(settings.IsActive() ? 1 : 0);
    logger_.Warn("gremlin settings changed", {{"gremlin", Describe(settings)}});
}

GremlinSettings Gremlin::settings() const {
    std::lock_guard lock(mutex_);
    return settings_;
}

std::string Gremlin::Description() const { return Describe(settings()); }

nlohmann::json Gremlin::State() const {
    const auto current = settings();
    nlohmann::json state = ToJson(current);
    state["active"] = current.IsActive();
    state["description"] = Describe(current);
    state["seed"] = seed_;
    state["injected"] = {{"latency", static_cast<std::uint64_t>(injected_latency_.Value())},
                         {"failure", static_cast<std::uint64_t>(injected_failure_.Value())},
                         {"crash", static_cast<std::uint64_t>(injected_crash_.Value())}};
    return state;
}

void Gremlin::BeforeHandler() {
    std::chrono::milliseconds delay{0};
    bool fail = false;
    std::uint64_t generation = 0;  // of the settings that chose the delay
    {
        std::lock_guard lock(mutex_);
        generation = generation_;
        if (!stopped_ && settings_.latency.count() > 0 && Fires(settings_.latency_when, latency_seen_, random_)) {
            delay = settings_.latency;
        }
        fail = Chance(settings_.failure_rate, random_);
    }
    if (delay.count() > 0) {
        injected_latency_.Increment();
        Sleep(delay, generation);
    }
    if (fail) {
        injected_failure_.Increment();
        throw GremlinFailure();
    }
}

void Gremlin::Sleep(std::chrono::milliseconds delay, std::uint64_t generation) {
    if (options_.sleep) {
        options_.sleep(delay);
        return;
    }
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, delay, [&] { return stopped_ || generation_ != generation; });
}

void Gremlin::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
    }
    changed_.notify_all();
}

void Gremlin::AfterCommit() {
    bool crash = false;
    {
        std::lock_guard lock(mutex_);
        crash = Fires(settings_.crash_when, crash_seen_, random_);
    }
    if (!crash) return;
    injected_crash_.Increment();
    logger_.Error("gremlin: crashing after commit, before ack or answer", {{"exit_code", kCrashExitCode}});
    options_.exit(kCrashExitCode);
}

}  // namespace saga::runtime::gremlin
