#include "inventory/domain/reservation_decision.hpp"

#include <doctest/doctest.h>

using namespace saga::inventory::domain;
using saga::events::ItemQuantity;
using saga::events::ReservedItem;
using saga::events::Shortfall;

namespace {

Product Stock(std::string id, std::int64_t available, std::int64_t price_cents) {
    Product p;
    p.product_id = std::move(id);
    p.name = p.product_id;
    p.price_cents = price_cents;
    p.initial = available;
    p.available = available;
    return p;
}

std::map<std::string, Product> Catalog() {
    return {{"A", Stock("A", 10, 1999)}, {"B", Stock("B", 1, 500)}, {"C", Stock("C", 0, 100)}};
}

}  // namespace

TEST_CASE("reservation decision: every item available → reserved, priced, in order, with the total") {
    const auto d = DecideReservation({{"B", 1}, {"A", 3}}, Catalog());
    CHECK(d.outcome == ReservationOutcome::kReserved);
    CHECK(d.items == std::vector<ReservedItem>{{"B", 1, 500}, {"A", 3, 1999}});
    CHECK(d.total_cents == 500 + 3 * 1999);
    CHECK(d.shortfall.empty());
}

TEST_CASE("reservation decision: one item short of two → nothing reserved, shortfall names only it") {
    const auto d = DecideReservation({{"A", 2}, {"B", 2}}, Catalog());
    CHECK(d.outcome == ReservationOutcome::kOutOfStock);
    CHECK(d.items.empty());
    CHECK(d.total_cents == 0);
    CHECK(d.shortfall == std::vector<Shortfall>{{"B", 2, 1}});
}

TEST_CASE("reservation decision: exactly the available quantity is enough") {
    CHECK(DecideReservation({{"A", 10}}, Catalog()).outcome == ReservationOutcome::kReserved);
    CHECK(DecideReservation({{"A", 11}}, Catalog()).outcome == ReservationOutcome::kOutOfStock);
}

TEST_CASE("reservation decision: a product with nothing available is out of stock") {
    const auto d = DecideReservation({{"C", 1}}, Catalog());
    CHECK(d.outcome == ReservationOutcome::kOutOfStock);
    CHECK(d.shortfall == std::vector<Shortfall>{{"C", 1, 0}});
}

TEST_CASE("reservation decision: an unknown id wins over shortages and lists only unknown ids") {
    const auto d = DecideReservation({{"B", 5}, {"NOPE", 2}, {"A", 1}}, Catalog());
    CHECK(d.outcome == ReservationOutcome::kUnknownProduct);
    CHECK(d.items.empty());
    CHECK(d.shortfall == std::vector<Shortfall>{{"NOPE", 2, 0}});
}
