#include <doctest/doctest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <thread>

#include "runtime_fixture.hpp"
#include "support/sample_events.hpp"

extern char** environ;

using namespace std::chrono_literals;

namespace saga::test {
namespace {

/// A child process running runtime_worker; killed (SIGKILL) on destruction if still alive.
class Worker {
  public:
    explicit Worker(std::vector<std::string> args) {
        args.insert(args.begin(), SAGA_RUNTIME_WORKER);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        REQUIRE(posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
    }
    ~Worker() {
        if (pid_ > 0 && !exited_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    /// Waits for the process to end; returns the signal that killed it (0 if it exited).
    int WaitForDeath(std::chrono::milliseconds timeout) {
        int status = 0;
        REQUIRE(Eventually([&] { return waitpid(pid_, &status, WNOHANG) == pid_; }, timeout));
        exited_ = true;
        return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
    /// Whether the process has ended, without waiting; `signal` gets what WaitForDeath returns.
    bool Ended(int& signal) {
        int status = 0;
        if (!exited_ && waitpid(pid_, &status, WNOHANG) == pid_) {
            exited_ = true;
            signal_ = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        }
        signal = signal_;
        return exited_;
    }
    void Stop() {
        kill(pid_, SIGTERM);
        WaitForDeath(20s);
    }

  private:
    pid_t pid_ = -1;
    bool exited_ = false;
    int signal_ = 0;
};

}  // namespace

TEST_CASE("relay killed by SIGKILL after publishing, before marking sent: the event arrives again, one effect") {
    RuntimeFixture f;
    {
        // The consumer's queue must exist before the relay publishes.
        runtime::amqp::Connection setup(f.Amqp("setup"));
        auto options = f.Consumer();
        runtime::amqp::DeclareServiceTopology(
            setup, {options.queue, options.bindings, options.retry.delays, options.delivery_limit});
    }
    const auto event = SampleOrderCreated("o-relay-crash");
    f.WriteOutbox({event});

    Worker dying_relay({"relay", f.db.url(), f.vhost.amqp_url(), "--die-after-confirm"});
    CHECK(dying_relay.WaitForDeath(20s) == SIGKILL);
    CHECK(f.Unsent() == 1);                            // never marked sent...
    CHECK(f.vhost.MessageCount("test-service") == 1);  // ...but the broker has it

    // A later event of another order: once its effect exists, everything before it was handled.
    f.WriteOutbox({SampleOrderCreated("o-sentinel")});
    Worker relay({"relay", f.db.url(), f.vhost.amqp_url()});
    REQUIRE(Eventually([&] { return f.Unsent() == 0; }, 20s));
    CHECK(f.vhost.MessageCount("test-service") == 3);  // the crashed batch went out twice

    Worker consumer({"consume", f.db.url(), f.vhost.amqp_url()});
    REQUIRE(Eventually([&] { return f.EffectsOf("o-sentinel") == 1; }, 20s));
    consumer.Stop();
    CHECK(f.EffectsOf("o-relay-crash") == 1);
    CHECK(f.vhost.MessageCount("test-service") == 0);
    CHECK(f.vhost.MessageCount("test-service.dlq") == 0);
}

TEST_CASE("consumer killed by SIGKILL between commit and ack: the message is redelivered, one effect") {
    RuntimeFixture f;
    {
        runtime::amqp::Connection setup(f.Amqp("setup"));
        auto options = f.Consumer();
        runtime::amqp::DeclareServiceTopology(
            setup, {options.queue, options.bindings, options.retry.delays, options.delivery_limit});
    }
    const auto event = SampleOrderCreated("o-consumer-crash");
    f.PublishRaw("order.created", events::Encode(event), event.id);

    Worker dying_consumer({"consume", f.db.url(), f.vhost.amqp_url(), "--die-after-commit"});
    CHECK(dying_consumer.WaitForDeath(20s) == SIGKILL);
    CHECK(f.EffectsOf("o-consumer-crash") == 1);                                          // committed...
    REQUIRE(Eventually([&] { return f.vhost.MessageCount("test-service") == 1; }, 10s));  // ...not acked

    // A later event: once its effect exists, the redelivered one before it was handled.
    const auto sentinel = SampleOrderCreated("o-sentinel");
    f.PublishRaw("order.created", events::Encode(sentinel), sentinel.id);
    Worker consumer({"consume", f.db.url(), f.vhost.amqp_url()});
    REQUIRE(Eventually([&] { return f.EffectsOf("o-sentinel") == 1; }, 20s));
    consumer.Stop();
    CHECK(f.EffectsOf("o-consumer-crash") == 1);
    CHECK(f.vhost.MessageCount("test-service") == 0);
    CHECK(f.vhost.MessageCount("test-service.dlq") == 0);
}

// Every time a worker takes the crasher, it dies in its handler. Before the crash count existed,
// the crasher took the messages of its batch down with it every time, until the broker's
// delivery limit dead-lettered all of them together.
TEST_CASE("consumer killed by a message it handles, again and again: that message is dead-lettered, the rest handled") {
    RuntimeFixture f;
    const auto options = f.Consumer();
    {
        runtime::amqp::Connection setup(f.Amqp("setup"));
        runtime::amqp::DeclareServiceTopology(
            setup, {options.queue, options.bindings, options.retry.delays, options.delivery_limit});
    }
    std::vector<std::string> bystanders;
    for (int i = 0; i < 10; ++i) {
        if (i == 5) {
            const auto crasher = SampleOrderCreated("o-crasher");
            f.PublishRaw("order.created", events::Encode(crasher), crasher.id);
        }
        bystanders.push_back("o-bystander-" + std::to_string(i));
        const auto event = SampleOrderCreated(bystanders.back());
        f.PublishRaw("order.created", events::Encode(event), event.id);
    }

    int crashes = 0;
    while (true) {
        REQUIRE(crashes <= options.crash_limit + 2);
        Worker worker({"consume", f.db.url(), f.vhost.amqp_url(), "--die-handling", "o-crasher"});
        int signal = 0;
        REQUIRE(Eventually([&] { return worker.Ended(signal) || f.vhost.MessageCount("test-service.dlq") == 1; }, 20s));
        if (!worker.Ended(signal)) {  // it dead-lettered the crasher and lives on
            REQUIRE(Eventually([&] { return f.Effects() == 10; }, 20s));
            worker.Stop();
            break;
        }
        CHECK(signal == SIGKILL);
        ++crashes;
    }
    CHECK(crashes == options.crash_limit + 1);  // the first delivery, then crash_limit redeliveries
    for (const auto& subject : bystanders) CHECK(f.EffectsOf(subject) == 1);
    CHECK(f.EffectsOf("o-crasher") == 0);
    CHECK(f.db.QueryInt("SELECT count(*) FROM handling_attempts") == 0);

    runtime::amqp::Connection reader(f.Amqp("dlq-reader"));
    const auto letter = reader.Get("test-service.dlq");
    REQUIRE(letter.has_value());
    const auto& headers = letter->properties.headers;
    CHECK(runtime::amqp::StringHeader(headers, "x-failure-reason") == "retries_exhausted");
    CHECK(runtime::amqp::StringHeader(headers, "x-exception-type") == "consumer crash");
    CHECK(f.vhost.MessageCount("test-service") == 0);
}

}  // namespace saga::test
