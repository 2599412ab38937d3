#include <stdexcept>

#include "runtime/pg/errors.hpp"
#include "sagactl/storage/connect.hpp"
#include "sagactl/storage/queries.hpp"
#include "sagactl/storage/service_facts.hpp"

namespace saga::sagactl {

std::optional<OrderState> ReadOrderState(const DatabaseUrls& urls, const std::string& order_id) {
    const auto url = urls.find("order");
    if (url == urls.end()) throw std::invalid_argument("no database URL for service 'order'");
    auto connection = ConnectForReading(url->second);
    pqxx::read_transaction tx(*connection);
    const pqxx::result rows = [&] {
        try {
            return tx.exec_params(Query("order_state.sql"), order_id);
        } catch (const std::exception& error) {
            if (runtime::pg::IsUnavailable(error)) throw runtime::pg::DatabaseUnavailable(error.what());
            throw;
        }
    }();
    if (rows.empty()) return std::nullopt;
    OrderState state{.status = rows[0]["status"].as<std::string>(), .reason = rows[0]["reason"].as<std::string>()};
    state.settled = state.status == "CONFIRMED" || state.status == "REJECTED" || state.status == "CANCELLED";
    return state;
}

}  // namespace saga::sagactl
