#include "runtime/http/request.hpp"

#include <doctest/doctest.h>

#include <set>
#include <stdexcept>

#include "runtime/http/correlation_id.hpp"
#include "runtime/http/error.hpp"
#include "runtime/http/target.hpp"

namespace http = saga::runtime::http;

namespace {

http::ErrorKind KindOfTargetError(std::string_view target) {
    try {
        http::ParseTarget(target);
    } catch (const http::HttpError& error) {
        return error.kind();
    }
    FAIL("ParseTarget accepted " << target);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("http target: path and query are split and percent-decoded") {
    auto target = http::ParseTarget("/api/orders/o%2D1?customer_id=c%2042&status=PENDING&name=a+b&flag&empty=&x=1&x=2");

    CHECK(target.path == "/api/orders/o-1");
    CHECK(target.query == http::ParamMap{
                              {"customer_id", "c 42"},
                              {"status", "PENDING"},
                              {"name", "a b"},
                              {"flag", ""},
                              {"empty", ""},
                              {"x", "1"},
                          });
    CHECK(http::ParseTarget("/a+b").path == "/a+b");
    CHECK(http::ParseTarget("/").query.empty());
}

TEST_CASE("http target: a bad escape, a NUL byte or a target that is not an absolute path is refused with 400") {
    for (std::string_view target : {"/a%zz", "/a%2", "/a%", "/a?x=%00", "/a%00b", "api/orders", "", "*"}) {
        CAPTURE(target);
        CHECK(KindOfTargetError(target) == http::ErrorKind::kBadRequest);
    }
}

TEST_CASE("http request: header lookup ignores case and returns the first match") {
    http::Request request;
    request.headers = {{"Content-Type", "application/json"}, {"X-Thing", "1"}, {"x-thing", "2"}};
    request.path_params = {{"order_id", "o-1"}};
    request.query = {{"limit", "10"}};

    CHECK(request.Header("content-type") == "application/json");
    CHECK(request.Header("X-THING") == "1");
    CHECK_FALSE(request.Header("Authorization").has_value());
    CHECK(request.PathParam("order_id") == "o-1");
    CHECK_THROWS_AS(request.PathParam("product_id"), std::out_of_range);
    CHECK(request.Query("limit") == "10");
    CHECK_FALSE(request.Query("after").has_value());
}

TEST_CASE("http correlation id: a sane incoming id is kept, anything else gets a fresh UUID") {
    CHECK(http::CorrelationIdFor(std::string_view("saga-123")) == "saga-123");

    std::set<std::string> generated;
    const std::string too_long(129, 'a');
    for (auto incoming : {std::optional<std::string_view>{}, std::optional<std::string_view>{""},
                          std::optional<std::string_view>{"has space"}, std::optional<std::string_view>{too_long}}) {
        std::string id = http::CorrelationIdFor(incoming);
        CAPTURE(id);
        REQUIRE(id.size() == 36);
        CHECK(id[8] == '-');
        CHECK(id[14] == '4');
        CHECK(std::string_view("89ab").find(id[19]) != std::string_view::npos);
        generated.insert(id);
    }
    CHECK(generated.size() == 4);
}
