#include "events/catalog.hpp"

#include <algorithm>
#include <array>

#include "events/all.hpp"

namespace saga::events {

namespace {

struct Entry {
    std::string_view type;
    std::vector<FieldError> (*validate)(const nlohmann::json&);
};

template <class E>
constexpr Entry EntryFor() {
    return {E::kType, &Validate<E>};
}

constexpr std::array kEntries{
    EntryFor<OrderCreated>(),         EntryFor<InventoryReserved>(),  EntryFor<InventoryReservationFailed>(),
    EntryFor<PaymentCompleted>(),     EntryFor<PaymentFailed>(),      EntryFor<InventoryReleased>(),
    EntryFor<PaymentRefunded>(),      EntryFor<OrderConfirmed>(),     EntryFor<OrderRejected>(),
    EntryFor<OrderCancelled>(),       EntryFor<InventoryRestocked>(), EntryFor<InventoryLowStock>(),
    EntryFor<InventoryBackInStock>(), EntryFor<NotificationSent>(),   EntryFor<NotificationFailed>(),
};

const Entry* FindEntry(std::string_view type) {
    const auto* it = std::find_if(kEntries.begin(), kEntries.end(), [&](const Entry& e) { return e.type == type; });
    return it == kEntries.end() ? nullptr : it;
}

}  // namespace

bool IsKnownType(std::string_view type) { return FindEntry(type) != nullptr; }

std::vector<std::string_view> AllTypes() {
    std::vector<std::string_view> types;
    for (const auto& entry : kEntries) {
        types.push_back(entry.type);
    }
    return types;
}

std::vector<FieldError> ValidateData(std::string_view type, const nlohmann::json& data) {
    const Entry* entry = FindEntry(type);
    if (entry == nullptr) {
        return {{"type", "is not a known event type"}};
    }
    return entry->validate(data);
}

}  // namespace saga::events
