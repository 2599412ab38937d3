#include "e2e/stack/order_mix.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <random>
#include <thread>

#include "e2e/stack/saga_stack.hpp"
#include "support/http_client.hpp"

using nlohmann::json;
using namespace std::chrono_literals;

namespace saga::test {
namespace {

constexpr const char* kBig = "SCALE-BIG";
constexpr const char* kSmall = "SCALE-SMALL";

bool Settled(const std::string& status) {
    return status == "CONFIRMED" || status == "REJECTED" || status == "CANCELLED";
}

}  // namespace

OrderMix::OrderMix(ScaledStack& stack, Counts counts) : stack_(stack), counts_(counts) {
    plan_.insert(plan_.end(), counts.happy, Kind::kHappy);
    plan_.insert(plan_.end(), counts.small_stock_orders, Kind::kSmallStock);
    plan_.insert(plan_.end(), counts.declined, Kind::kDeclined);
    plan_.insert(plan_.end(), counts.cancelled, Kind::kCancelled);
    std::shuffle(plan_.begin(), plan_.end(), std::mt19937{std::random_device{}()});
}

json OrderMix::Get(const std::string& service, const std::string& path) {
    // Any live instance answers for the shared database; the first is as good as any.
    const auto response = HttpClient(stack_.instance(service, 0).base_url()).Get(path);
    INFO(service, " GET ", path, ": ", response.body);
    REQUIRE(response.status == 200);
    return response.Json();
}

void OrderMix::CreateProducts() {
    const int big = counts_.happy + counts_.declined + counts_.cancelled + 10;
    for (const auto& [id, quantity] : {std::pair<std::string, int>{kBig, big}, {kSmall, counts_.small_stock}}) {
        const auto response =
            HttpClient(stack_.instance("inventory", 0).base_url())
                .PostJson("/api/inventory", {{"product_id", id}, {"name", id}, {"price", 12.5}, {"quantity", quantity}},
                          {{"Authorization", std::string("Bearer ") + kAdminToken}});
        INFO(response.body);
        REQUIRE(response.status == 201);
    }
}

void OrderMix::Place(int from, int to, int threads) {
    const auto order_urls = stack_.BaseUrls("order");
    std::mutex mutex;
    std::vector<Placed> placed;
    std::vector<std::string> failures;
    std::atomic<int> next{from};
    {
        std::vector<std::jthread> pool;
        for (int t = 0; t < threads; ++t) {
            pool.emplace_back([&] {
                for (int i = next++; i < to; i = next++) {
                    const Kind kind = plan_[static_cast<std::size_t>(i)];
                    const std::string& url = order_urls[static_cast<std::size_t>(i) % order_urls.size()];
                    json body = {
                        {"customer_id", "scale-" + std::to_string(i)},
                        {"items",
                         json::array({{{"product_id", kind == Kind::kSmallStock ? kSmall : kBig}, {"quantity", 1}}})}};
                    if (kind == Kind::kDeclined) body["payment_token"] = "tok_chargeDeclined";
                    try {
                        const auto response = HttpClient(url).PostJson("/api/orders", body);
                        if (response.status != 202) throw std::runtime_error("POST: " + response.body);
                        const std::string id = response.Json()["order_id"];
                        if (kind == Kind::kCancelled) {
                            // On another instance than the one that took the order.
                            const auto& other = order_urls[(static_cast<std::size_t>(i) + 1) % order_urls.size()];
                            const auto cancel = HttpClient(other).Request("POST", "/api/orders/" + id + "/cancel");
                            if (cancel.status != 202) throw std::runtime_error("cancel: " + cancel.body);
                        }
                        std::lock_guard lock(mutex);
                        placed.push_back({id, kind});
                    } catch (const std::exception& error) {
                        std::lock_guard lock(mutex);
                        failures.push_back(error.what());
                    }
                }
            });
        }
    }
    INFO("first failure: ", failures.empty() ? std::string() : failures.front());
    CHECK(failures.empty());
    REQUIRE(static_cast<int>(placed.size()) == to - from);
    placed_.insert(placed_.end(), placed.begin(), placed.end());
}

void OrderMix::WaitSettled(std::chrono::milliseconds timeout) {
    std::size_t pending_from = 0;
    std::string last;
    HttpClient client(stack_.instance("order", 0).base_url());
    const bool settled = Eventually(
        [&] {
            for (; pending_from < placed_.size(); ++pending_from) {
                const auto response = client.Get("/api/orders/" + placed_[pending_from].id);
                if (response.status != 200) return false;
                last = response.body;
                if (!Settled(response.Json()["status"])) return false;
            }
            return true;
        },
        timeout);
    INFO("settled ", pending_from, " of ", placed_.size(), "; first unsettled: ", last);
    REQUIRE(settled);
}

void OrderMix::CheckEverything() {
    std::map<std::string, std::string> statuses;
    CheckOutcomes(statuses);
    CheckStock();
    CheckPayments(statuses);
    CheckNotifications(statuses);
}

void OrderMix::CheckOutcomes(std::map<std::string, std::string>& statuses) {
    int small_confirmed = 0, small_out_of_stock = 0;
    for (const auto& [id, kind] : placed_) {
        const json order = Get("order", "/api/orders/" + id);
        const std::string status = order["status"];
        const std::string reason = order.value("reason", "");
        statuses[id] = status;
        INFO("order ", order.dump());
        switch (kind) {
            case Kind::kHappy:
                CHECK(status == "CONFIRMED");
                break;
            case Kind::kSmallStock:
                if (status == "CONFIRMED") ++small_confirmed;
                if (status == "REJECTED" && reason == "out_of_stock") ++small_out_of_stock;
                break;
            case Kind::kDeclined:
                CHECK(status == "REJECTED");
                CHECK(reason == "payment_declined");
                break;
            case Kind::kCancelled:
                CHECK(status == "CANCELLED");
                break;
        }
    }
    CHECK(small_confirmed == counts_.small_stock);
    CHECK(small_out_of_stock == counts_.small_stock_orders - counts_.small_stock);
}

void OrderMix::CheckStock() {
    // Releases after a cancel or a declined payment may trail the order's own settlement.
    json big, small;
    const bool quiet = Eventually(
        [&] {
            big = Get("inventory", std::string("/api/inventory/") + kBig);
            small = Get("inventory", std::string("/api/inventory/") + kSmall);
            return big["reserved"] == 0 && small["reserved"] == 0;
        },
        30s);
    INFO(big.dump(), " ", small.dump());
    // Names the race behind a held unit: a reservation made by one instance's order.created while
    // another instance's order.cancelled / order.rejected for the same order found nothing to
    // release and left a tombstone.
    INFO("reservations still held for orders with a tombstone: ",
         stack_.database("inventory")
             .QueryInt("SELECT count(*) FROM reservations r JOIN order_tombstones t "
                       "USING (order_id) WHERE r.status = 'RESERVED'"));
    CHECK(quiet);  // CHECK, not REQUIRE: the payment and notification checks still tell their part
    CHECK(big["sold"] == counts_.happy);
    CHECK(big["available"] == counts_.declined + counts_.cancelled + 10);
    CHECK(small["sold"] == counts_.small_stock);
    CHECK(small["available"] == 0);
    const json products = Get("inventory", "/api/inventory")["products"];
    for (const auto& p : products) {
        INFO(p.dump());
        CHECK(p["initial"].get<long>() + p["restocked"].get<long>() ==
              p["available"].get<long>() + p["reserved"].get<long>() + p["sold"].get<long>());
    }
}

void OrderMix::CheckPayments(const std::map<std::string, std::string>& statuses) {
    for (const auto& [id, status] : statuses) {
        json payments;
        // A capture of a cancelled order is refunded by a later event: wait for it.
        const bool done = Eventually(
            [&] {
                payments = Get("payment", "/api/payments?order_id=" + id)["payments"];
                if (status == "CONFIRMED") return payments.size() == 1 && payments[0]["status"] == "CAPTURED";
                return std::none_of(payments.begin(), payments.end(),
                                    [](const json& p) { return p["status"] == "CAPTURED"; });
            },
            status == "CONFIRMED" ? 10s : 30s);
        INFO("order ", id, " ", status, " payments ", payments.dump());
        CHECK(done);
        CHECK(payments.size() <= 1);
    }
}

void OrderMix::CheckNotifications(const std::map<std::string, std::string>& statuses) {
    for (const auto& [id, status] : statuses) {
        std::string expected = status;
        std::transform(expected.begin(), expected.end(), expected.begin(), ::tolower);
        expected = "order." + expected;
        json notifications;
        const bool arrived = Eventually(
            [&] {
                notifications = Get("notification", "/api/notifications?order_id=" + id)["notifications"];
                return std::any_of(notifications.begin(), notifications.end(),
                                   [&](const json& n) { return n["event_type"] == expected; });
            },
            30s);
        INFO("order ", id, " notifications ", notifications.dump());
        CHECK(arrived);
        std::set<std::string> types;
        for (const auto& n : notifications) CHECK(types.insert(n["event_type"].get<std::string>()).second);
    }
}

void OrderMix::CheckNoDeadLetters() {
    for (const auto& service : ScaledStack::ServiceNames()) {
        const std::string dlq = service + "-service.dlq";
        INFO(dlq);
        CHECK(stack_.vhost().MessageCount(dlq) == 0);
    }
}

}  // namespace saga::test
