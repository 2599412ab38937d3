#include "e2e/chaos/recovery.hpp"

#include "support/live_stack.hpp"

namespace saga::test::chaos {

std::set<std::string> WaitUntilEachHealthy(const std::vector<std::string>& names,
                                           const std::function<bool(const std::string&)>& healthy,
                                           const std::function<void()>& between_rounds,
                                           std::chrono::milliseconds timeout) {
    std::set<std::string> waiting(names.begin(), names.end());
    Eventually(
        [&] {
            between_rounds();
            std::erase_if(waiting, healthy);
            return waiting.empty();
        },
        timeout);
    return waiting;
}

}  // namespace saga::test::chaos
