#include "runtime/gremlin/settings.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace saga::runtime;
using nlohmann::json;

namespace {

gremlin::GremlinSettings Parsed(const json& body) {
    auto result = gremlin::ParseSettings(body);
    REQUIRE(std::holds_alternative<gremlin::GremlinSettings>(result));
    return std::get<gremlin::GremlinSettings>(result);
}

std::vector<http::FieldError> Errors(const json& body) {
    auto result = gremlin::ParseSettings(body);
    REQUIRE(std::holds_alternative<std::vector<http::FieldError>>(result));
    return std::get<std::vector<http::FieldError>>(result);
}

bool HasField(const std::vector<http::FieldError>& errors, const std::string& field) {
    return std::any_of(errors.begin(), errors.end(), [&](const auto& e) { return e.field == field; });
}

}  // namespace

TEST_CASE("gremlin settings: an empty body means everything off") {
    const auto settings = Parsed(json::object());
    CHECK_FALSE(settings.IsActive());
    CHECK(settings == gremlin::GremlinSettings{});
    CHECK(gremlin::Describe(settings) == "off");
}

TEST_CASE("gremlin settings: every key of the issue is read") {
    const auto settings = Parsed({{"latency_ms", 200},
                                  {"latency_every_nth", 10},
                                  {"failure_rate", 0.05},
                                  {"crash_after_commit_fraction", 0.01}});
    CHECK(settings.latency == std::chrono::milliseconds{200});
    CHECK(settings.latency_when.every_nth == 10);
    CHECK(settings.failure_rate == doctest::Approx(0.05));
    CHECK(settings.crash_when.every_nth == 0);
    CHECK(settings.crash_when.fraction == doctest::Approx(0.01));
    CHECK(settings.IsActive());
    CHECK(gremlin::Describe(settings) == "latency 200ms every 10th; failure 5%; crash after commit 1%");

    const auto other = Parsed({{"latency_ms", 50}, {"latency_fraction", 0.1}, {"crash_after_commit_every_nth", 50}});
    CHECK(other.latency_when.fraction == doctest::Approx(0.1));
    CHECK(other.crash_when.every_nth == 50);
}

TEST_CASE("gremlin settings: latency_ms alone delays every message") {
    const auto settings = Parsed({{"latency_ms", 300}});
    CHECK(settings.latency_when.every_nth == 1);
    CHECK(gremlin::Describe(settings) == "latency 300ms every time");
}

TEST_CASE("gremlin settings: null counts as absent and the JSON form parses back to the same settings") {
    const auto settings = Parsed({{"latency_ms", 20}, {"latency_fraction", 0.5}, {"crash_after_commit_every_nth", 3}});
    const json round = gremlin::ToJson(settings);
    CHECK(round["latency_every_nth"].is_null());
    CHECK(round["crash_after_commit_fraction"].is_null());
    CHECK(Parsed(round) == settings);
}

TEST_CASE("gremlin settings: wrong types and ranges are field errors") {
    CHECK(HasField(Errors({{"latency_ms", -1}}), "latency_ms"));
    CHECK(HasField(Errors({{"latency_ms", 30001}}), "latency_ms"));
    CHECK(HasField(Errors({{"latency_ms", "200"}}), "latency_ms"));
    CHECK(HasField(Errors({{"latency_ms", 2.5}}), "latency_ms"));
    CHECK(HasField(Errors({{"latency_ms", 1}, {"latency_every_nth", 0}}), "latency_every_nth"));
    CHECK(HasField(Errors({{"latency_ms", 1}, {"latency_fraction", 1.5}}), "latency_fraction"));
    CHECK(HasField(Errors({{"failure_rate", -0.1}}), "failure_rate"));
    CHECK(HasField(Errors({{"failure_rate", true}}), "failure_rate"));
    CHECK(HasField(Errors({{"crash_after_commit_every_nth", -5}}), "crash_after_commit_every_nth"));
    CHECK(
        HasField(Errors({{"crash_after_commit_every_nth", 18446744073709551615ULL}}), "crash_after_commit_every_nth"));
}

TEST_CASE("gremlin settings: both forms of one trigger, a trigger without latency and unknown keys are refused") {
    CHECK(
        HasField(Errors({{"latency_ms", 5}, {"latency_every_nth", 2}, {"latency_fraction", 0.5}}), "latency_fraction"));
    CHECK(HasField(Errors({{"crash_after_commit_every_nth", 2}, {"crash_after_commit_fraction", 0.5}}),
                   "crash_after_commit_fraction"));
    CHECK(HasField(Errors({{"latency_every_nth", 2}}), "latency_ms"));
    CHECK(HasField(Errors({{"failure_rat", 0.5}}), "failure_rat"));
    CHECK(HasField(Errors(json::array()), ""));
}

TEST_CASE("gremlin settings: every problem is reported at once") {
    const auto errors = Errors({{"latency_ms", -1}, {"failure_rate", 2}, {"bogus", 1}});
    CHECK(errors.size() == 3);
}
