#include "runtime/gremlin/settings.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <optional>
#include <set>

namespace saga::runtime::gremlin {
namespace {

const std::set<std::string> kKeys = {"latency_ms",
                                     "latency_every_nth",
                                     "latency_fraction",
                                     "failure_rate",
                                     "crash_after_commit_every_nth",
                                     "crash_after_commit_fraction"};

/// Reads the body's keys one by one, collecting every problem.
class Reader {
  public:
    explicit Reader(const nlohmann::json& body) : body_(body) {}

    std::optional<std::int64_t> Integer(const std::string& key, std::int64_t min, std::int64_t max) {
        const auto* value = Find(key);
        if (!value) return std::nullopt;
        if (!value->is_number_integer() || value->get<std::int64_t>() < min || value->get<std::int64_t>() > max ||
            (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max))) {
            Fail(key, fmt::format("must be an integer from {} to {}", min, max));
            return std::nullopt;
        }
        return value->get<std::int64_t>();
    }

    std::optional<double> Fraction(const std::string& key) {
        const auto* value = Find(key);
        if (!value) return std::nullopt;
        if (!value->is_number() || !std::isfinite(value->get<double>()) || value->get<double>() < 0 ||
            value->get<double>() > 1) {
            Fail(key, "must be a number from 0 to 1");
            return std::nullopt;
        }
        return value->get<double>();
    }

    bool Has(const std::string& key) const { return Find(key) != nullptr; }
    void Fail(std::string field, std::string message) { errors_.push_back({std::move(field), std::move(message)}); }
    std::vector<http::FieldError>& errors() { return errors_; }

  private:
    const nlohmann::json* Find(const std::string& key) const {
        const auto found = body_.find(key);
        return found == body_.end() || found->is_null() ? nullptr : &*found;
    }

    const nlohmann::json& body_;
    std::vector<http::FieldError> errors_;
};

/// A trigger given as `<prefix>every_nth` or `<prefix>fraction`, never both.
Trigger ReadTrigger(Reader& reader, const std::string& prefix) {
    const std::string nth_key = prefix + "every_nth";
    const std::string fraction_key = prefix + "fraction";
    Trigger trigger;
    const auto nth = reader.Integer(nth_key, 1, 1'000'000'000);
    const auto fraction = reader.Fraction(fraction_key);
    if (reader.Has(nth_key) && reader.Has(fraction_key)) {
        reader.Fail(fraction_key, "give either " + nth_key + " or " + fraction_key + ", not both");
    }
    if (nth) trigger.every_nth = static_cast<std::uint64_t>(*nth);
    if (fraction) trigger.fraction = *fraction;
    return trigger;
}

std::string DescribeTrigger(const Trigger& trigger) {
    if (trigger.every_nth == 1) return "every time";
    if (trigger.every_nth > 0) return fmt::format("every {}th", trigger.every_nth);
    return fmt::format("{:g}%", trigger.fraction * 100);
}

}  // namespace

std::variant<GremlinSettings, std::vector<http::FieldError>> ParseSettings(const nlohmann::json& body) {
    if (!body.is_object()) return std::vector<http::FieldError>{{"", "must be a JSON object"}};
    Reader reader(body);
    for (const auto& [key, value] : body.items()) {
        if (!kKeys.contains(key)) reader.Fail(key, "unknown setting");
    }
    GremlinSettings settings;
    const auto latency = reader.Integer("latency_ms", 0, kMaxLatencyMs);
    settings.latency_when = ReadTrigger(reader, "latency_");
    if (latency) settings.latency = std::chrono::milliseconds{*latency};
    if (settings.latency.count() > 0 && !reader.Has("latency_every_nth") && !reader.Has("latency_fraction")) {
        settings.latency_when.every_nth = 1;  // latency_ms alone: every message
    }
    if ((reader.Has("latency_every_nth") || reader.Has("latency_fraction")) && !reader.Has("latency_ms")) {
        reader.Fail("latency_ms", "is required with latency_every_nth or latency_fraction");
    }
    if (const auto rate = reader.Fraction("failure_rate")) settings.failure_rate = *rate;
    settings.crash_when = ReadTrigger(reader, "crash_after_commit_");
    if (!reader.errors().empty()) return std::move(reader.errors());
    if (settings.latency.count() == 0) settings.latency_when = {};
    return settings;
}

nlohmann::json ToJson(const GremlinSettings& settings) {
    auto nth = [](const Trigger& t) { return t.every_nth > 0 ? nlohmann::json(t.every_nth) : nlohmann::json(); };
    auto fraction = [](const Trigger& t) {
        return t.every_nth == 0 && t.fraction > 0 ? nlohmann::json(t.fraction) : nlohmann::json();
    };
    return {{"latency_ms", settings.latency.count()},
            {"latency_every_nth", nth(settings.latency_when)},
            {"latency_fraction", fraction(settings.latency_when)},
            {"failure_rate", settings.failure_rate},
            {"crash_after_commit_every_nth", nth(settings.crash_when)},
            {"crash_after_commit_fraction", fraction(settings.crash_when)}};
}

std::string Describe(const GremlinSettings& settings) {
    if (!settings.IsActive()) return "off";
    std::vector<std::string> parts;
    if (settings.latency.count() > 0 && settings.latency_when.IsOn()) {
        parts.push_back(
            fmt::format("latency {}ms {}", settings.latency.count(), DescribeTrigger(settings.latency_when)));
    }
    if (settings.failure_rate > 0) parts.push_back(fmt::format("failure {:g}%", settings.failure_rate * 100));
    if (settings.crash_when.IsOn()) parts.push_back("crash after commit " + DescribeTrigger(settings.crash_when));
    return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace saga::runtime::gremlin
