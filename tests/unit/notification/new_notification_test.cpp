#include "notification/domain/new_notification.hpp"

#include <doctest/doctest.h>

using namespace saga;
using namespace saga::notification;

TEST_CASE("notification for order.confirmed: to the e-mail, with the order id and the total") {
    const auto n = NotificationFor(events::OrderConfirmed{
        .order_id = "o-1", .customer_id = "c-42", .email = "a@b.example", .total_cents = 123456, .currency = "USD"});
    CHECK(n.order_id == "o-1");
    CHECK(n.event_type == "order.confirmed");
    CHECK(n.recipient == "a@b.example");
    CHECK(n.subject == "Order o-1 confirmed");
    CHECK(n.body.find("1234.56 USD") != std::string::npos);
    CHECK(n.body.find("o-1") != std::string::npos);
}

TEST_CASE("notification: without an e-mail the recipient is the customer id") {
    const auto n = NotificationFor(events::OrderConfirmed{
        .order_id = "o-1", .customer_id = "c-42", .email = std::nullopt, .total_cents = 5, .currency = "USD"});
    CHECK(n.recipient == "c-42");
    CHECK(Recipient(std::string(""), "c-7") == "c-7");
    CHECK(Recipient(std::nullopt, "c-7") == "c-7");
}

TEST_CASE("notification for order.rejected: says why, and the detail when there is one") {
    const auto n = NotificationFor(events::OrderRejected{.order_id = "o-2",
                                                         .customer_id = "c-1",
                                                         .email = std::nullopt,
                                                         .reason = events::OrderRejectionReason::kPaymentDeclined,
                                                         .detail = "card_declined"});
    CHECK(n.event_type == "order.rejected");
    CHECK(n.subject == "Order o-2 could not be completed");
    CHECK(n.body.find("the payment was declined") != std::string::npos);
    CHECK(n.body.find("payment_declined") != std::string::npos);
    CHECK(n.body.find("card_declined") != std::string::npos);

    const auto out_of_stock = NotificationFor(events::OrderRejected{.order_id = "o-3",
                                                                    .customer_id = "c-1",
                                                                    .email = std::nullopt,
                                                                    .reason = events::OrderRejectionReason::kOutOfStock,
                                                                    .detail = std::nullopt});
    CHECK(out_of_stock.body.find("out of stock") != std::string::npos);
    CHECK(out_of_stock.body.find("Details") == std::string::npos);
}

TEST_CASE("notification for order.cancelled: a cancelled confirmed order mentions the refund") {
    const auto confirmed =
        NotificationFor(events::OrderCancelled{.order_id = "o-4",
                                               .customer_id = "c-1",
                                               .email = std::nullopt,
                                               .previous_status = events::CancelledFromStatus::kConfirmed});
    CHECK(confirmed.event_type == "order.cancelled");
    CHECK(confirmed.subject == "Order o-4 cancelled");
    CHECK(confirmed.body.find("refunded") != std::string::npos);
    const auto pending =
        NotificationFor(events::OrderCancelled{.order_id = "o-4",
                                               .customer_id = "c-1",
                                               .email = std::nullopt,
                                               .previous_status = events::CancelledFromStatus::kPending});
    CHECK(pending.body.find("Nothing was charged") != std::string::npos);
}

TEST_CASE("notification: rendering is deterministic and subjects are one line") {
    const events::OrderRejected event{.order_id = "o-5",
                                      .customer_id = "c-1",
                                      .email = "x@y.example",
                                      .reason = events::OrderRejectionReason::kReservationExpired,
                                      .detail = std::nullopt};
    CHECK(NotificationFor(event) == NotificationFor(event));
    CHECK(NotificationFor(event).subject.find('\n') == std::string::npos);
}

TEST_CASE("money: integer cents are shown with two decimals and the currency") {
    CHECK(FormatMoney(0, "USD") == "0.00 USD");
    CHECK(FormatMoney(5, "USD") == "0.05 USD");
    CHECK(FormatMoney(49999, "EUR") == "499.99 EUR");
    CHECK(FormatMoney(-150, "USD") == "-1.50 USD");
}
