#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "runtime/amqp/connection.hpp"
#include "sagactl/cli/options.hpp"

namespace saga::sagactl {

/// What every command gets: the connection settings and the two output streams.
struct Context {
    ConnectionSettings settings;
    std::ostream& out;
    std::ostream& err;

    /// A fresh AMQP connection to the broker (throws runtime::amqp::AmqpError when unreachable).
    std::unique_ptr<runtime::amqp::Connection> Broker(const std::string& purpose) const;
};

/// Runs a parsed invocation; returns the exit code. Broker failures print a message and give
/// kExitFailure.
int Run(const Invocation& invocation, std::ostream& out, std::ostream& err);

int RunDlqList(const DlqListCommand& command, const Context& context);
int RunDlqShow(const DlqShowCommand& command, const Context& context);
int RunDlqReplay(const DlqReplayCommand& command, const Context& context);
int RunDlqPurge(const DlqPurgeCommand& command, const Context& context);
int RunOutboxStatus(const OutboxStatusCommand& command, const Context& context);
int RunOrder(const OrderCommand& command, const Context& context);

}  // namespace saga::sagactl
