// A process that runs the runtime's relay or consumer against given servers, so tests can
// kill it with SIGKILL at exact points (the in-process hooks raise it):
//   runtime_worker relay   <database_url> <amqp_url> [--die-after-confirm]
//   runtime_worker consume <database_url> <amqp_url> [--die-after-commit | --die-handling <subject>]
// The consumer records one row in `effects` per handled event; with --die-handling it dies in
// the handler of every event about <subject> instead (a message that crashes its consumer).
// Runs until SIGTERM.
#include <csignal>
#include <iostream>
#include <string>
#include <thread>

#include "runtime/messaging/consumer_loop.hpp"
#include "runtime/outbox/relay.hpp"

using namespace saga::runtime;

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: runtime_worker relay|consume <database_url> <amqp_url> [--die-after-...]\n";
        return 2;
    }
    const std::string mode = argv[1];
    const std::string database_url = argv[2];
    const std::string amqp_url = argv[3];
    const bool die = argc > 4;
    const std::string die_handling = argc > 5 && std::string(argv[4]) == "--die-handling" ? argv[5] : "";

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    log::Logger logger("runtime-worker", std::clog);
    std::stop_source stop;
    std::jthread worker;
    outbox::RelayWakeup wakeup;
    pg::Database database(database_url, 1);

    if (mode == "relay") {
        outbox::RelayOptions options;
        options.service = "test-service";
        options.database_url = database_url;
        options.amqp = {amqp_url, "worker-relay"};
        options.poll_interval = std::chrono::milliseconds{200};
        if (die) options.after_confirm = [](const auto&) { std::raise(SIGKILL); };
        worker = std::jthread(
            [&, options](std::stop_token) { outbox::OutboxRelay(options, wakeup, logger).Run(stop.get_token()); });
    } else if (mode == "consume") {
        messaging::ConsumerOptions options;
        options.service = "test-service";
        options.queue = "test-service";
        options.bindings = {"order.created"};
        options.amqp = {amqp_url, "worker-consumer"};
        if (die && die_handling.empty()) options.after_commit = [] { std::raise(SIGKILL); };
        worker = std::jthread([&, options](std::stop_token) {
            messaging::ConsumerLoop(
                options, database,
                [&die_handling](const saga::events::Envelope& event, pg::Transaction& tx) {
                    if (event.subject == die_handling) std::raise(SIGKILL);
                    tx.work().exec_params("INSERT INTO effects (event_id, subject) VALUES ($1, $2)", event.id,
                                          event.subject);
                },
                logger)
                .Run(stop.get_token());
        });
    } else {
        std::cerr << "unknown mode: " << mode << "\n";
        return 2;
    }
    int signal = 0;
    sigwait(&signals, &signal);
    stop.request_stop();
    return 0;
}
