#pragma once

#include <stdexcept>
#include <string>

namespace saga::runtime::amqp {

/// The connection to the broker failed or was closed: reconnect and carry on. Unacked
/// deliveries come back by themselves; unconfirmed publishes must be sent again.
class AmqpError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The broker closed the channel with a reply code, e.g. 403 ACCESS_REFUSED or
/// 406 PRECONDITION_FAILED (a queue exists with other arguments).
class AmqpChannelError : public AmqpError {
  public:
    AmqpChannelError(int code, const std::string& text) : AmqpError(text), code_(code) {}
    int code() const { return code_; }

  private:
    int code_;
};

}  // namespace saga::runtime::amqp
