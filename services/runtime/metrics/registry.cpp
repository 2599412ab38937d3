#include "runtime/metrics/registry.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <algorithm>
#include <stdexcept>

namespace saga::runtime::metrics {
namespace {

void CheckHelp(const std::string& name, const std::string& help) {
    // The vendor serializer writes HELP verbatim: a line break would corrupt the exposition.
    if (help.find('\n') != std::string::npos || help.find('\\') != std::string::npos) {
        throw std::invalid_argument("metric " + name + ": help text must be one line without backslashes");
    }
}

}  // namespace

void Counter::Increment(double by) const { impl_->Increment(by); }
double Counter::Value() const { return impl_->Value(); }

void Gauge::Set(double value) const { impl_->Set(value); }
double Gauge::Value() const { return impl_->Value(); }

void Histogram::Observe(double value) const { impl_->Observe(value); }

Counter CounterFamily::With(const Labels& labels) const { return Counter(&impl_->Add(labels)); }

Gauge GaugeFamily::With(const Labels& labels) const { return Gauge(&impl_->Add(labels)); }

void GaugeFamily::Remove(const Labels& labels) const {
    if (impl_->Has(labels)) impl_->Remove(&impl_->Add(labels));
}

Histogram HistogramFamily::With(const Labels& labels) const { return Histogram(&impl_->Add(labels, bounds_)); }

Registry::Registry(Labels constant_labels)
    : constant_labels_(std::move(constant_labels)),
      impl_(std::make_unique<prometheus::Registry>(prometheus::Registry::InsertBehavior::Merge)) {}

Registry::~Registry() = default;

CounterFamily Registry::AddCounter(const std::string& name, const std::string& help) {
    CheckHelp(name, help);
    return CounterFamily(&prometheus::BuildCounter().Name(name).Help(help).Labels(constant_labels_).Register(*impl_));
}

GaugeFamily Registry::AddGauge(const std::string& name, const std::string& help) {
    CheckHelp(name, help);
    return GaugeFamily(&prometheus::BuildGauge().Name(name).Help(help).Labels(constant_labels_).Register(*impl_));
}

HistogramFamily Registry::AddHistogram(const std::string& name, const std::string& help, std::vector<double> bounds) {
    CheckHelp(name, help);
    if (bounds.empty() || std::adjacent_find(bounds.begin(), bounds.end(), std::greater_equal<>()) != bounds.end()) {
        throw std::invalid_argument("histogram " + name + ": bucket bounds must be non-empty and strictly increasing");
    }
    auto& family = prometheus::BuildHistogram().Name(name).Help(help).Labels(constant_labels_).Register(*impl_);
    return HistogramFamily(&family, std::move(bounds));
}

std::string Registry::Text() const { return prometheus::TextSerializer().Serialize(impl_->Collect()); }

}  // namespace saga::runtime::metrics
