#include "inventory/domain/compensation.hpp"

namespace saga::inventory::domain {

using Action = Settlement::Action;
using events::ReleaseReason;

namespace {

Settlement Tombstone() {
    Settlement settlement;
    settlement.action = Action::kTombstone;
    return settlement;
}

}  // namespace

ReleaseReason ReleaseReasonFor(events::OrderRejectionReason reason) {
    switch (reason) {
        case events::OrderRejectionReason::kPaymentDeclined:
            return ReleaseReason::kPaymentFailed;
        case events::OrderRejectionReason::kReservationExpired:
            return ReleaseReason::kReservationExpired;
        case events::OrderRejectionReason::kOutOfStock:
        case events::OrderRejectionReason::kUnknownProduct:
            break;
    }
    return ReleaseReason::kOrderRejected;
}

Settlement OnOrderConfirmed(std::optional<ReservationStatus> current) {
    if (current == ReservationStatus::kReserved)
        return {Action::kSell, ReservationStatus::kSold, ReleaseReason::kOrderRejected};
    return {};
}

Settlement OnOrderRejected(std::optional<ReservationStatus> current, events::OrderRejectionReason reason) {
    if (!current) return Tombstone();
    if (*current == ReservationStatus::kReserved) {
        return {Action::kRelease, ReservationStatus::kReleased, ReleaseReasonFor(reason)};
    }
    // A sold reservation belongs to a confirmed order, which the order service never rejects;
    // only a cancellation gives sold stock back.
    return {};
}

Settlement OnOrderCancelled(std::optional<ReservationStatus> current) {
    if (!current) return Tombstone();
    switch (*current) {
        case ReservationStatus::kReserved:
            return {Action::kRelease, ReservationStatus::kReleased, ReleaseReason::kOrderCancelled};
        case ReservationStatus::kSold:
            return {Action::kRestock, ReservationStatus::kRestocked, ReleaseReason::kOrderCancelled};
        case ReservationStatus::kReleased:
        case ReservationStatus::kRestocked:
            break;
    }
    return {};
}

}  // namespace saga::inventory::domain
