#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>

#include "fuzz/checks/event_checks.hpp"
#include "fuzz/checks/http_checks.hpp"
#include "fuzz/checks/order_request_checks.hpp"

namespace {

namespace fs = std::filesystem;

// Every file of fuzz/corpus/<target>/ and fuzz/regressions/<target>/ passes the target's checks.
void Replay(std::string_view target, const std::function<void(std::string_view)>& check) {
    int replayed = 0;
    for (const char* kind : {"corpus", "regressions"}) {
        const fs::path folder = fs::path(SAGA_FUZZ_DIR) / kind / target;
        if (!fs::is_directory(folder)) {
            continue;
        }
        for (const auto& entry : fs::directory_iterator(folder)) {
            std::ifstream file(entry.path(), std::ios::binary);
            const std::string input{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
            INFO("input " << entry.path().string());
            CHECK_NOTHROW(check(input));
            ++replayed;
        }
    }
    CHECK(replayed > 0);
}

TEST_CASE("fuzz replay: event envelopes keep the decoder's invariants") {
    Replay("event_decode", saga::fuzz::CheckEventDecode);
}

TEST_CASE("fuzz replay: HTTP requests keep the parsing and routing invariants") {
    Replay("http_request", saga::fuzz::CheckHttpRequest);
}

TEST_CASE("fuzz replay: order bodies keep the validation invariants") {
    Replay("order_request", saga::fuzz::CheckOrderRequest);
}

}  // namespace
