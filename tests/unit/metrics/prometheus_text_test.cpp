#include "prometheus_text.hpp"

#include <doctest/doctest.h>

namespace saga::test {

TEST_CASE("prometheus text parser: reads samples, labels, HELP and TYPE") {
    const auto parsed = ParsePrometheusText(
        "# HELP a_total things\n# TYPE a_total counter\n"
        "a_total{service=\"s\",type=\"x\\\"y\\\\z\\n\"} 3\n"
        "a_total{service=\"s\",type=\"w\"} 4 1700000000000\n"
        "# TYPE g gauge\ng 1.5e+02\n");
    REQUIRE(parsed.samples.size() == 3);
    CHECK(parsed.samples[0].labels.at("type") == "x\"y\\z\n");
    CHECK(parsed.types.at("a_total") == "counter");
    CHECK(parsed.help.at("a_total") == "things");
    CHECK(parsed.Sum("a_total") == 7);
    CHECK(parsed.Sum("a_total", {{"type", "w"}}) == 4);
    CHECK(parsed.Sum("g") == 150);
    CHECK(parsed.Count("a_total", {{"reason", ""}}) == 2);  // an empty value matches an absent label
}

TEST_CASE("prometheus text parser: refuses malformed expositions") {
    const char* bad[] = {
        "# TYPE a counter\na{x=\"1\" 1\n",                      // unterminated labels
        "# TYPE a counter\na{x=1} 1\n",                         // unquoted value
        "# TYPE a counter\na 1 2 3\n",                          // trailing garbage
        "# TYPE a counter\na one\n",                            // not a number
        "# TYPE 1a counter\n",                                  // bad name
        "a 1\n",                                                // no TYPE
        "# TYPE a counter\n# TYPE a counter\na 1\n",            // second TYPE
        "# TYPE a counter\na 1\n# TYPE b counter\nb 1\na 2\n",  // split family
        "# TYPE a counter\na_sum 1\n",                          // wrong sample name
        "# TYPE a widget\na 1\n",                               // unknown type
        "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\nh_sum 0\n",  // not cumulative
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_count 2\nh_sum 0\n",  // count mismatch
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\nh_sum 0\n",                           // no +Inf
    };
    for (const char* text : bad) {
        CAPTURE(text);
        CHECK_THROWS_AS(ParsePrometheusText(text), PromFormatError);
    }
}

}  // namespace saga::test
