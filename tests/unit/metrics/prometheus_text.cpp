#include "prometheus_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>
#include <sstream>

namespace saga::test {
namespace {

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':'; }
bool IsNameChar(char c) { return IsNameStart(c) || std::isdigit(static_cast<unsigned char>(c)); }

bool IsMetricName(std::string_view name) {
    if (name.empty() || !IsNameStart(name.front())) return false;
    for (char c : name) {
        if (!IsNameChar(c)) return false;
    }
    return true;
}

bool IsLabelName(std::string_view name) { return IsMetricName(name) && name.find(':') == std::string_view::npos; }

double ParseNumber(const std::string& text) {
    if (text == "+Inf" || text == "Inf") return INFINITY;
    if (text == "-Inf") return -INFINITY;
    if (text == "NaN") return NAN;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) throw PromFormatError("not a number: '" + text + "'");
    return value;
}

class LineParser {
  public:
    explicit LineParser(std::string_view line) : line_(line) {}

    PromSample Sample() {
        PromSample sample;
        sample.name = Name();
        if (!IsMetricName(sample.name)) Fail("invalid metric name");
        if (Peek() == '{') Labels(sample.labels);
        if (Peek() != ' ') Fail("expected a space before the value");
        std::istringstream rest{std::string(line_.substr(pos_))};
        std::string value, timestamp, extra;
        rest >> value >> timestamp >> extra;
        if (value.empty() || !extra.empty()) Fail("expected `value [timestamp]`");
        sample.value = ParseNumber(value);
        if (!timestamp.empty()) ParseNumber(timestamp);
        return sample;
    }

  private:
    char Peek() const { return pos_ < line_.size() ? line_[pos_] : '\0'; }
    [[noreturn]] void Fail(const std::string& what) const {
        throw PromFormatError(what + " at column " + std::to_string(pos_ + 1));
    }
    std::string Name() {
        const auto start = pos_;
        while (pos_ < line_.size() && IsNameChar(line_[pos_])) ++pos_;
        return std::string(line_.substr(start, pos_ - start));
    }
    void Labels(std::map<std::string, std::string>& labels) {
        ++pos_;  // '{'
        while (Peek() != '}') {
            const std::string name = Name();
            if (!IsLabelName(name)) Fail("invalid label name");
            if (Peek() != '=') Fail("expected '='");
            ++pos_;
            if (Peek() != '"') Fail("expected '\"'");
            ++pos_;
            std::string value;
            while (Peek() != '"') {
                if (Peek() == '\0') Fail("unterminated label value");
                char c = line_[pos_++];
                if (c == '\\') {
                    const char escaped = Peek();
                    ++pos_;
                    if (escaped == 'n') {
                        c = '\n';
                    } else if (escaped == '\\' || escaped == '"') {
                        c = escaped;
                    } else {
                        Fail("invalid escape in a label value");
                    }
                }
                value += c;
            }
            ++pos_;  // closing quote
            if (!labels.emplace(name, value).second) Fail("label '" + name + "' twice");
            if (Peek() == ',') {
                ++pos_;
            } else if (Peek() != '}') {
                Fail("expected ',' or '}'");
            }
        }
        ++pos_;  // '}'
    }

    std::string_view line_;
    std::size_t pos_ = 0;
};

bool EndsWith(std::string_view text, std::string_view suffix) {
    return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The family a sample belongs to, given the declared types.
std::string FamilyOf(const std::string& sample, const std::map<std::string, std::string>& types) {
    for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
        if (!EndsWith(sample, suffix)) continue;
        const std::string base = sample.substr(0, sample.size() - suffix.size());
        const auto type = types.find(base);
        if (type != types.end() &&
            (type->second == "histogram" || (type->second == "summary" && suffix != "_bucket"))) {
            return base;
        }
    }
    return sample;
}

void CheckHistograms(const PromExposition& exposition) {
    for (const auto& [family, type] : exposition.types) {
        if (type != "histogram") continue;
        // Per series (labels without `le`): buckets cumulative, +Inf bucket == _count.
        std::map<std::map<std::string, std::string>, std::vector<std::pair<double, double>>> buckets;
        std::map<std::map<std::string, std::string>, double> counts;
        for (const auto& sample : exposition.samples) {
            if (sample.name == family + "_bucket") {
                auto labels = sample.labels;
                const auto le = labels.find("le");
                if (le == labels.end()) throw PromFormatError(family + "_bucket without an `le` label");
                const double bound = ParseNumber(le->second);
                labels.erase(le);
                buckets[labels].emplace_back(bound, sample.value);
            } else if (sample.name == family + "_count") {
                counts[sample.labels] = sample.value;
            }
        }
        for (auto& [labels, series] : buckets) {
            std::sort(series.begin(), series.end());
            for (std::size_t i = 1; i < series.size(); ++i) {
                if (series[i].second < series[i - 1].second) throw PromFormatError(family + ": buckets not cumulative");
            }
            if (series.empty() || !std::isinf(series.back().first)) throw PromFormatError(family + ": no +Inf bucket");
            const auto count = counts.find(labels);
            if (count == counts.end() || count->second != series.back().second) {
                throw PromFormatError(family + ": _count differs from the +Inf bucket");
            }
        }
        if (buckets.size() != counts.size()) throw PromFormatError(family + ": a series has _count but no buckets");
    }
}

}  // namespace

PromExposition ParsePrometheusText(std::string_view text) {
    static const std::set<std::string> kTypes = {"counter", "gauge", "histogram", "summary", "untyped"};
    PromExposition exposition;
    std::set<std::string> finished;  // families whose block of samples has ended
    std::string current;             // family of the previous sample
    std::istringstream lines{std::string(text)};
    int number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        const auto where = [&] { return "line " + std::to_string(number) + " '" + line + "': "; };
        try {
            if (line.empty()) continue;
            if (line.front() == '#') {
                std::istringstream words(line);
                std::string hash, keyword, name;
                words >> hash >> keyword >> name;
                if (hash != "#" || (keyword != "HELP" && keyword != "TYPE")) continue;  // a comment
                if (!IsMetricName(name)) throw PromFormatError("invalid metric name in " + keyword);
                std::string rest;
                std::getline(words, rest);
                if (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
                if (keyword == "HELP") {
                    if (!exposition.help.emplace(name, rest).second) throw PromFormatError("second HELP");
                } else {
                    if (!kTypes.contains(rest)) throw PromFormatError("unknown type '" + rest + "'");
                    if (!exposition.types.emplace(name, rest).second) throw PromFormatError("second TYPE");
                    for (const auto& sample : exposition.samples) {
                        if (FamilyOf(sample.name, exposition.types) == name) {
                            throw PromFormatError("TYPE after samples of its family");
                        }
                    }
                }
                continue;
            }
            PromSample sample = LineParser(line).Sample();
            const std::string family = FamilyOf(sample.name, exposition.types);
            if (family != current) {
                if (finished.contains(family)) throw PromFormatError("samples of '" + family + "' are split");
                if (!current.empty()) finished.insert(current);
                current = family;
            }
            const auto type = exposition.types.find(family);
            if (type == exposition.types.end()) throw PromFormatError("no TYPE line for '" + family + "'");
            if ((type->second == "counter" || type->second == "gauge") && sample.name != family) {
                throw PromFormatError("sample name does not match its family");
            }
            exposition.samples.push_back(std::move(sample));
        } catch (const PromFormatError& error) {
            throw PromFormatError(where() + error.what());
        }
    }
    CheckHistograms(exposition);
    return exposition;
}

namespace {

bool Matches(const PromSample& sample, const std::string& name, const std::map<std::string, std::string>& match) {
    if (sample.name != name) return false;
    for (const auto& [label, value] : match) {
        const auto found = sample.labels.find(label);
        // Prometheus treats an empty value like an absent label.
        if (found == sample.labels.end() ? !value.empty() : found->second != value) return false;
    }
    return true;
}

}  // namespace

double PromExposition::Sum(const std::string& name, const std::map<std::string, std::string>& match) const {
    double sum = 0;
    for (const auto& sample : samples) {
        if (Matches(sample, name, match)) sum += sample.value;
    }
    return sum;
}

std::size_t PromExposition::Count(const std::string& name, const std::map<std::string, std::string>& match) const {
    std::size_t count = 0;
    for (const auto& sample : samples) count += Matches(sample, name, match) ? 1 : 0;
    return count;
}

}  // namespace saga::test
