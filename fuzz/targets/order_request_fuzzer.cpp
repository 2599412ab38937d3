// libFuzzer entry point: every input goes through saga::fuzz::CheckOrderRequest (see its header for the invariants).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/checks/order_request_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    saga::fuzz::CheckOrderRequest(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
