#include <stdexcept>

#include "runtime/pg/inbox.hpp"
#include "sagactl/storage/connect.hpp"
#include "sagactl/storage/service_facts.hpp"
#include "sagactl/storage/service_names.hpp"

namespace saga::sagactl {

std::optional<bool> InboxHasMessage(const DatabaseUrls& urls, const std::string& service,
                                    const std::string& message_id) {
    const std::string name = ShortServiceName(service);
    const auto url = urls.find(name);
    if (url == urls.end()) throw std::invalid_argument("no database URL for service '" + name + "'");
    try {
        auto connection = ConnectForReading(url->second);
        pqxx::work tx(*connection);
        return runtime::pg::IsInInbox(tx, ConsumerName(name), message_id);
    } catch (const std::exception&) {
        // The caller decides what an unknown answer means (e.g. replay anyway, or warn).
        return std::nullopt;
    }
}

}  // namespace saga::sagactl
