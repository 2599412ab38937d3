#include "e2e/stack/saga_stack.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace saga::test {

SagaStack::SagaStack(Options options) : tap_(vhost_.amqp_url(), "e2e-tap") {
    auto with = [](Env env, const Env& extra) {
        for (const auto& [key, value] : extra) env[key] = value;
        return env;
    };
    inventory_ =
        std::make_unique<ServiceProcess>(SAGA_INVENTORY_BINARY, with(Common(inventory_db_), options.inventory_env));
    payment_ = std::make_unique<ServiceProcess>(SAGA_PAYMENT_BINARY, Common(payment_db_));
    notification_ = std::make_unique<ServiceProcess>(SAGA_NOTIFICATION_BINARY, Common(notification_db_));
    order_ = std::make_unique<ServiceProcess>(SAGA_ORDER_BINARY, with(Common(order_db_), options.order_env));
}

const TestDatabase& SagaStack::database(const std::string& service) const {
    if (service == "order") return order_db_;
    if (service == "inventory") return inventory_db_;
    if (service == "payment") return payment_db_;
    if (service == "notification") return notification_db_;
    throw std::invalid_argument("SagaStack has no service '" + service + "'");
}

SagaStack::Env SagaStack::Common(TestDatabase& db) const {
    return {{"DATABASE_URL", db.url()},  {"AMQP_URL", vhost_.amqp_url()}, {"RETRY_DELAYS", "200ms,400ms,800ms"},
            {"RETRY_MAX_ATTEMPTS", "6"}, {"ADMIN_TOKEN", kAdminToken},    {"LOG_LEVEL", "warn"}};
}

HttpResponse SagaStack::PlaceOrder(const nlohmann::json& body, HttpHeaders headers) {
    return HttpClient(order_->base_url()).PostJson("/api/orders", body, std::move(headers));
}

nlohmann::json SagaStack::Order(const std::string& order_id) {
    const auto response = HttpClient(order_->base_url()).Get("/api/orders/" + order_id);
    REQUIRE(response.status == 200);
    return response.Json();
}

nlohmann::json SagaStack::WaitForStatus(const std::string& order_id, const std::string& status,
                                        std::chrono::milliseconds timeout) {
    nlohmann::json order;
    const bool reached = Eventually(
        [&] {
            order = Order(order_id);
            return order["status"] == status;
        },
        timeout);
    INFO("order ", order_id, " is ", order.dump());
    REQUIRE(reached);
    return order;
}

nlohmann::json SagaStack::Product(const std::string& product_id) {
    const auto response = HttpClient(inventory_->base_url()).Get("/api/inventory/" + product_id);
    REQUIRE(response.status == 200);
    return response.Json();
}

nlohmann::json SagaStack::Payments(const std::string& order_id) {
    const auto response = HttpClient(payment_->base_url()).Get("/api/payments?order_id=" + order_id);
    REQUIRE(response.status == 200);
    return response.Json()["payments"];
}

nlohmann::json SagaStack::Notifications(const std::string& order_id) {
    const auto response = HttpClient(notification_->base_url()).Get("/api/notifications?order_id=" + order_id);
    REQUIRE(response.status == 200);
    return response.Json()["notifications"];
}

void SagaStack::CreateProduct(const std::string& product_id, int quantity, double price) {
    const auto response =
        HttpClient(inventory_->base_url())
            .PostJson("/api/inventory",
                      {{"product_id", product_id}, {"name", product_id}, {"price", price}, {"quantity", quantity}},
                      {{"Authorization", std::string("Bearer ") + kAdminToken}});
    REQUIRE(response.status == 201);
}

void SagaStack::CheckStockInvariant() {
    const auto response = HttpClient(inventory_->base_url()).Get("/api/inventory");
    REQUIRE(response.status == 200);
    const nlohmann::json products = response.Json()["products"];
    REQUIRE(!products.empty());
    for (const auto& p : products) {
        INFO(p.dump());
        CHECK(p["initial"].get<long>() + p["restocked"].get<long>() ==
              p["available"].get<long>() + p["reserved"].get<long>() + p["sold"].get<long>());
    }
}

void SagaStack::CheckEveryEventAgainstSchemas() {
    tap_.Collect();
    const auto dir = std::filesystem::temp_directory_path() / ("saga-e2e-events-" + RandomSuffix());
    std::filesystem::create_directories(dir);
    int i = 0;
    for (const auto& body : tap_.bodies()) std::ofstream(dir / fmt::format("{:05}.json", i++)) << body;
    const std::string command = fmt::format("/usr/bin/python3 '{}/tests/e2e/stack/validate_events.py' '{}/schemas' '{}'",
                                            SAGA_SOURCE_DIR, SAGA_SOURCE_DIR, dir.string());
    const int status = std::system(command.c_str());
    std::filesystem::remove_all(dir);
    CHECK(i > 0);
    CHECK(status == 0);
}

}  // namespace saga::test
