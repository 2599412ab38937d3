#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "events/order_cancelled.hpp"
#include "events/order_confirmed.hpp"
#include "events/order_rejected.hpp"
#include "notification/domain/notification.hpp"

namespace saga::notification {

/// The notification an order outcome calls for: recipient, subject and body, rendered from the
/// event alone (pure; the same event always gives the same text).
NewNotification NotificationFor(const events::OrderConfirmed& event);
NewNotification NotificationFor(const events::OrderRejected& event);
NewNotification NotificationFor(const events::OrderCancelled& event);

/// The order's e-mail when it has one, else its customer id.
std::string Recipient(const std::optional<std::string>& email, const std::string& customer_id);

/// Integer cents as a decimal amount with its currency, e.g. (123456, "USD") → "1234.56 USD".
std::string FormatMoney(std::int64_t cents, std::string_view currency);

}  // namespace saga::notification
