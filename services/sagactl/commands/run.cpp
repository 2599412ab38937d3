#include <fmt/format.h>

#include <ostream>

#include "runtime/amqp/errors.hpp"
#include "sagactl/commands/context.hpp"

namespace saga::sagactl {
namespace {

int Dispatch(const DlqListCommand& c, const Context& context) { return RunDlqList(c, context); }
int Dispatch(const DlqShowCommand& c, const Context& context) { return RunDlqShow(c, context); }
int Dispatch(const DlqReplayCommand& c, const Context& context) { return RunDlqReplay(c, context); }
int Dispatch(const DlqPurgeCommand& c, const Context& context) { return RunDlqPurge(c, context); }
int Dispatch(const OutboxStatusCommand& c, const Context& context) { return RunOutboxStatus(c, context); }
int Dispatch(const OrderCommand& c, const Context& context) { return RunOrder(c, context); }

}  // namespace

std::unique_ptr<runtime::amqp::Connection> Context::Broker(const std::string& purpose) const {
    return std::make_unique<runtime::amqp::Connection>(
        runtime::amqp::ConnectionOptions{.url = settings.amqp_url, .connection_name = "sagactl " + purpose});
}

int Run(const Invocation& invocation, std::ostream& out, std::ostream& err) {
    const Context context{invocation.connection, out, err};
    try {
        return std::visit([&](const auto& command) { return Dispatch(command, context); }, invocation.command);
    } catch (const runtime::amqp::AmqpError& error) {
        err << fmt::format("sagactl: broker: {}\n", error.what());
    } catch (const std::exception& error) {
        // Database and other infrastructure faults: report and fail, never crash.
        err << fmt::format("sagactl: {}\n", error.what());
    }
    return kExitFailure;
}

}  // namespace saga::sagactl
