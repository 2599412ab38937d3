#include "runtime/http/correlation_id.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <random>

namespace saga::runtime::http {

namespace {

constexpr std::size_t kMaxIncomingLength = 128;

}  // namespace

std::string NewCorrelationId() {
    // One generator per thread: no locking, and handler threads never share state.
    thread_local std::mt19937_64 engine{std::random_device{}()};
    std::uint64_t high = engine();
    std::uint64_t low = engine();
    high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
    low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;    // RFC 4122 variant
    return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF, high & 0xFFFF,
                       low >> 48, low & 0xFFFFFFFFFFFFULL);
}

std::string CorrelationIdFor(std::optional<std::string_view> incoming) {
    if (incoming && !incoming->empty() && incoming->size() <= kMaxIncomingLength &&
        std::all_of(incoming->begin(), incoming->end(), [](char c) { return c > 0x20 && c < 0x7F; })) {
        return std::string(*incoming);
    }
    return NewCorrelationId();
}

}  // namespace saga::runtime::http
