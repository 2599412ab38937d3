#pragma once

#include <stdexcept>

#include "notification/domain/notification.hpp"

namespace saga::notification {

/// One way of delivering notifications (log, smtp, webhook). Send() returns once the
/// notification was handed over, and throws (any std::exception, with a message for people)
/// when it was not; the delivery task then retries with backoff.
/// Send() is called from the delivery task's thread only, one call at a time.
class Channel {
  public:
    virtual ~Channel() = default;
    virtual void Send(const Notification& notification) = 0;
};

/// A failure that retrying cannot fix (e.g. no e-mail address for the smtp channel): the
/// notification FAILS at once.
class PermanentDeliveryError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace saga::notification
