#include <fmt/format.h>

#include <array>
#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <random>
#include <string>

#include "events/envelope.hpp"
#include "events/formats.hpp"

namespace saga::events {

namespace {

// One engine per thread: no locking, and no two threads share a sequence.
std::mt19937_64& TraceEngine() {
    thread_local std::mt19937_64 engine = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    return engine;
}

// W3C forbids an all-zero trace id or parent id; redraw in that (astronomically rare) case.
std::uint64_t NonZeroRandom() {
    std::uint64_t value = 0;
    while (value == 0) {
        value = TraceEngine()();
    }
    return value;
}

}  // namespace

std::string NewEventId() {
    // boost's random_generator is not thread-safe; one per thread keeps NewEventId() safe.
    thread_local boost::uuids::random_generator generator;
    return boost::uuids::to_string(generator());
}

std::string NowRfc3339() {
    const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(now);
    const auto millis = (now - seconds).count();
    const std::time_t time = std::chrono::system_clock::to_time_t(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                       utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
}

std::string NewTraceparent() {
    return fmt::format("00-{:016x}{:016x}-{:016x}-01", TraceEngine()(), NonZeroRandom(), NonZeroRandom());
}

std::string ChildTraceparent(std::string_view parent) {
    if (!IsTraceparent(parent) || parent.substr(3, 32) == std::string(32, '0')) {
        return NewTraceparent();
    }
    return fmt::format("00-{}-{:016x}-{}", parent.substr(3, 32), NonZeroRandom(), parent.substr(53, 2));
}

}  // namespace saga::events
