#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace saga::test {

/// One sample line: `name{label="value",...} value`.
struct PromSample {
    std::string name;
    std::map<std::string, std::string> labels;
    double value = 0;
};

/// A parsed Prometheus text exposition (format 0.0.4).
struct PromExposition {
    std::vector<PromSample> samples;
    std::map<std::string, std::string> types;  ///< family name → counter|gauge|histogram|summary|untyped
    std::map<std::string, std::string> help;   ///< family name → help text

    /// The sum of the values of the samples called `name` whose labels include every pair of
    /// `match` (0 when none match).
    double Sum(const std::string& name, const std::map<std::string, std::string>& match = {}) const;
    /// How many samples are called `name` and match.
    std::size_t Count(const std::string& name, const std::map<std::string, std::string>& match = {}) const;
};

/// Thrown for text that is not a valid exposition; what() names the line.
struct PromFormatError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Parses and checks `text`: every non-comment line is `name{labels} value [timestamp]` with a
/// valid metric name, quoted and escaped label values and a number; every sample's family has a
/// `# TYPE` line before its samples; `# HELP` / `# TYPE` at most once per family; a family's
/// samples form one block and use only the names its type allows (histogram: _bucket with `le`,
/// _sum, _count; counter/gauge: the family name); histogram buckets are cumulative and the +Inf
/// bucket equals _count.
PromExposition ParsePrometheusText(std::string_view text);

}  // namespace saga::test
