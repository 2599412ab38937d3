#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "e2e/stack/scaled_stack.hpp"

namespace saga::test {

/// A shuffled mix of orders for a ScaledStack, placed round-robin on every order instance, and
/// the end-of-run checks that each saga settled as it must:
///  - happy: 1 × SCALE-BIG with tok_visa → CONFIRMED, one capture;
///  - small stock: 1 × SCALE-SMALL (stock `small_stock`) → exactly `small_stock` CONFIRMED, the
///    rest REJECTED out_of_stock, never charged;
///  - declined: 1 × SCALE-BIG with tok_chargeDeclined → REJECTED payment_declined, no capture;
///  - cancelled: 1 × SCALE-BIG, cancelled at once on another order instance → CANCELLED, any
///    capture refunded, the unit back in stock.
class OrderMix {
  public:
    struct Counts {
        int happy = 150;
        int small_stock_orders = 60;
        int declined = 50;
        int cancelled = 40;
        int small_stock = 20;
    };
    enum class Kind { kHappy, kSmallStock, kDeclined, kCancelled };

    OrderMix(ScaledStack& stack, Counts counts);

    /// Creates SCALE-BIG (enough for every order) and SCALE-SMALL through the admin API.
    void CreateProducts();
    int size() const { return static_cast<int>(plan_.size()); }
    /// Places plan entries [from, to) on `threads` threads; each POST must be answered 202 (and
    /// each cancel 202).
    void Place(int from, int to, int threads = 8);
    /// Waits until every placed order is CONFIRMED, REJECTED or CANCELLED.
    void WaitSettled(std::chrono::milliseconds timeout);
    /// Outcomes, stock, payments and notifications as described above, plus the stock invariant.
    void CheckEverything();
    /// No message in any of the four dead-letter queues.
    void CheckNoDeadLetters();

  private:
    struct Placed {
        std::string id;
        Kind kind;
    };
    nlohmann::json Get(const std::string& service, const std::string& path);
    void CheckOutcomes(std::map<std::string, std::string>& statuses);
    void CheckStock();
    void CheckPayments(const std::map<std::string, std::string>& statuses);
    void CheckNotifications(const std::map<std::string, std::string>& statuses);

    ScaledStack& stack_;
    Counts counts_;
    std::vector<Kind> plan_;
    std::vector<Placed> placed_;
};

}  // namespace saga::test
