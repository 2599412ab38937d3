#include "order/domain/money.hpp"

namespace saga::order::domain {

double CentsToAmount(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }

}  // namespace saga::order::domain
