#include "events/order_ids.hpp"

#include <doctest/doctest.h>

namespace saga::events {
namespace {

Envelope WithData(nlohmann::json data) {
    Envelope event;
    event.data = std::move(data);
    return event;
}

TEST_CASE("OrderIdsOf: each order id once, in order, events without one left out") {
    const auto a = WithData({{"order_id", "ord-a"}});
    const auto b = WithData({{"order_id", "ord-b"}, {"reason", "out_of_stock"}});
    const auto stock = WithData({{"product_id", "PROD-001"}});
    const auto not_text = WithData({{"order_id", 7}});
    const auto a_again = WithData({{"order_id", "ord-a"}});

    CHECK(OrderIdsOf({&a, &stock, &b, &not_text, &a_again}) == std::vector<std::string>{"ord-a", "ord-b"});
    CHECK(OrderIdsOf({}).empty());
}

}  // namespace
}  // namespace saga::events
