#include "e2e/chaos/recovery.hpp"

#include "support/live_stack.hpp"

namespace saga::test::chaos {

std::set<std::string> WaitUntilEachHealthy(const std::vector<std::string>& names,
                                           const std::function<bool(const std::string&)>& healthy,
                                           const std::function<std::set<std::string>()>& between_rounds,
                                           std::chrono::milliseconds timeout) {
    std::set<std::string> waiting(names.begin(), names.end());
    Eventually(
        [&] {
            for (const auto& name : between_rounds()) waiting.erase(name);
            std::erase_if(waiting, healthy);
            return waiting.empty();
        },
        timeout);
    return waiting;
}

}  // namespace saga::test::chaos
