#pragma once

#include <cstdint>

namespace saga::order::domain {

/// Money in the HTTP API: a JSON number of currency units with two decimals (49999 cents →
/// 499.99). Events and storage keep integer cents; this conversion happens only at the edge.
/// Prints exactly for every amount below 10^15 cents: n / 100.0 is the double nearest to the
/// decimal n/100, and a decimal of at most 15 significant digits survives that round trip.
double CentsToAmount(std::int64_t cents);

}  // namespace saga::order::domain
