#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

// The vendor library (prometheus-cpp core) stays behind this adapter: only runtime/metrics/*.cpp
// include its headers; the rest of the code base sees these handles.
namespace prometheus {
class Counter;
class Gauge;
class Histogram;
class Registry;
template <typename T>
class Family;
}  // namespace prometheus

namespace saga::runtime::metrics {

/// Label names to values, e.g. {{"type", "order.created"}}.
using Labels = std::map<std::string, std::string>;

/// A monotonically increasing value. A cheap handle, thread-safe (an atomic add); valid while
/// its Registry lives.
class Counter {
  public:
    void Increment(double by = 1.0) const;
    double Value() const;

  private:
    friend class CounterFamily;
    explicit Counter(prometheus::Counter* impl) : impl_(impl) {}
    prometheus::Counter* impl_;
};

/// A value that goes up and down. Handle semantics as Counter.
class Gauge {
  public:
    void Set(double value) const;
    double Value() const;

  private:
    friend class GaugeFamily;
    explicit Gauge(prometheus::Gauge* impl) : impl_(impl) {}
    prometheus::Gauge* impl_;
};

/// Observations counted into fixed buckets, plus their sum and count. Observe() takes a short
/// per-series mutex. Handle semantics as Counter.
class Histogram {
  public:
    void Observe(double value) const;

  private:
    friend class HistogramFamily;
    explicit Histogram(prometheus::Histogram* impl) : impl_(impl) {}
    prometheus::Histogram* impl_;
};

/// All series of one counter metric. With() finds or creates the series for a label set (a
/// mutex and a hash lookup: cache the handle on hot paths).
class CounterFamily {
  public:
    Counter With(const Labels& labels) const;

  private:
    friend class Registry;
    explicit CounterFamily(prometheus::Family<prometheus::Counter>* impl) : impl_(impl) {}
    prometheus::Family<prometheus::Counter>* impl_;
};

/// All series of one gauge metric.
class GaugeFamily {
  public:
    Gauge With(const Labels& labels) const;
    /// Drops the series, so that the scrape shows no value (e.g. "unknown right now"). Handles
    /// to it must not be used afterwards: the caller serialises With/Remove/Set of that series.
    void Remove(const Labels& labels) const;

  private:
    friend class Registry;
    explicit GaugeFamily(prometheus::Family<prometheus::Gauge>* impl) : impl_(impl) {}
    prometheus::Family<prometheus::Gauge>* impl_;
};

/// All series of one histogram metric; every series has the family's bucket bounds.
class HistogramFamily {
  public:
    Histogram With(const Labels& labels) const;

  private:
    friend class Registry;
    HistogramFamily(prometheus::Family<prometheus::Histogram>* impl, std::vector<double> bounds)
        : impl_(impl), bounds_(std::move(bounds)) {}
    prometheus::Family<prometheus::Histogram>* impl_;
    std::vector<double> bounds_;
};

/// Owns every metric of a process and renders them in the Prometheus text exposition format
/// (version 0.0.4). Thread-safe. Families live as long as the registry; handles and families are
/// plain pointers into it.
class Registry {
  public:
    /// `constant_labels` go on every series, e.g. {{"service", "order-service"}}.
    explicit Registry(Labels constant_labels = {});
    ~Registry();
    Registry(const Registry&) = delete;
    Registry& operator=(const Registry&) = delete;

    /// Registers a metric family. `name` must be a valid Prometheus metric name and `help` one
    /// line of text. Registering the same name and type again returns the same family; the same
    /// name with another type throws std::invalid_argument.
    CounterFamily AddCounter(const std::string& name, const std::string& help);
    GaugeFamily AddGauge(const std::string& name, const std::string& help);
    /// `bounds`: strictly increasing upper bucket bounds (the +Inf bucket is implicit).
    HistogramFamily AddHistogram(const std::string& name, const std::string& help, std::vector<double> bounds);

    /// Every family that has at least one series, as Prometheus text: "# HELP", "# TYPE", then
    /// one `name{labels} value` line per sample.
    std::string Text() const;

  private:
    Labels constant_labels_;
    std::unique_ptr<prometheus::Registry> impl_;
};

/// The content type of Registry::Text().
inline constexpr const char* kTextContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace saga::runtime::metrics
