#include "sagactl/storage/service_names.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace saga::sagactl {
namespace {

constexpr std::array<std::string_view, 4> kSagaServices = {"order", "inventory", "payment", "notification"};
constexpr std::string_view kQueueSuffix = "-service";

}  // namespace

std::vector<std::pair<std::string, std::string>> InDisplayOrder(const DatabaseUrls& urls) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto name : kSagaServices) {
        if (const auto it = urls.find(std::string(name)); it != urls.end()) out.emplace_back(*it);
    }
    for (const auto& entry : urls) {
        if (std::find(kSagaServices.begin(), kSagaServices.end(), entry.first) == kSagaServices.end()) {
            out.emplace_back(entry);
        }
    }
    return out;
}

std::string ConsumerName(const std::string& service) { return ShortServiceName(service) + std::string(kQueueSuffix); }

std::string ShortServiceName(const std::string& name) {
    if (name.size() > kQueueSuffix.size() && name.ends_with(kQueueSuffix)) {
        return name.substr(0, name.size() - kQueueSuffix.size());
    }
    return name;
}

}  // namespace saga::sagactl
