#include "e2e/chaos/chaos_options.hpp"

#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>

namespace saga::test::chaos {
namespace {

const char* Value(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : nullptr;
}

template <class T, class Parse>
void Read(const char* name, T& target, Parse parse) {
    const char* value = Value(name);
    if (value == nullptr) return;
    try {
        std::size_t used = 0;
        const auto parsed = parse(std::string(value), &used);
        if (used != std::string(value).size() || parsed < 0) throw std::invalid_argument("trailing text");
        target = static_cast<T>(parsed);
    } catch (const std::exception&) {
        throw std::invalid_argument(std::string(name) + " is not a non-negative number: " + value);
    }
}

}  // namespace

ChaosOptions ChaosOptions::FromEnv() {
    ChaosOptions options;
    options.seed = std::random_device{}();
    long long seconds = options.duration.count();
    Read("SAGA_CHAOS_SECONDS", seconds, [](const std::string& s, std::size_t* n) { return std::stoll(s, n); });
    options.duration = std::chrono::seconds{seconds};
    if (seconds < 10) throw std::invalid_argument("SAGA_CHAOS_SECONDS must be at least 10");
    options.kills_per_service = 2 + static_cast<int>(std::max<long long>(0, seconds - 60) / 60);
    options.outages = 1 + static_cast<int>(seconds / 900);
    options.settle_timeout = std::chrono::seconds{90 + seconds / 10};
    Read("SAGA_CHAOS_RATE", options.rate, [](const std::string& s, std::size_t* n) { return std::stod(s, n); });
    if (options.rate <= 0) throw std::invalid_argument("SAGA_CHAOS_RATE must be positive");
    Read("SAGA_CHAOS_SEED", options.seed, [](const std::string& s, std::size_t* n) { return std::stoull(s, n); });
    Read("SAGA_CHAOS_KILLS", options.kills_per_service,
         [](const std::string& s, std::size_t* n) { return std::stoi(s, n); });
    Read("SAGA_CHAOS_OUTAGES", options.outages, [](const std::string& s, std::size_t* n) { return std::stoi(s, n); });
    Read("SAGA_CHAOS_POISON", options.poison, [](const std::string& s, std::size_t* n) { return std::stoi(s, n); });
    int gremlin = 1, broken = 0;
    Read("SAGA_CHAOS_GREMLIN", gremlin, [](const std::string& s, std::size_t* n) { return std::stoi(s, n); });
    Read("SAGA_CHAOS_BREAK", broken, [](const std::string& s, std::size_t* n) { return std::stoi(s, n); });
    options.gremlin = gremlin != 0;
    options.break_expectation = broken != 0;
    return options;
}

}  // namespace saga::test::chaos
