#include "inventory/domain/product_input.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string_view>

#include "events/formats.hpp"

namespace saga::inventory::domain {
namespace {

constexpr std::size_t kMaxNameLength = 200;

std::optional<std::int64_t> IntegerIn(const nlohmann::json& value, std::int64_t min, std::int64_t max) {
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(max) || static_cast<std::int64_t>(v) < min) return std::nullopt;
        return static_cast<std::int64_t>(v);
    }
    if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        if (v < min || v > max) return std::nullopt;
        return v;
    }
    return std::nullopt;
}

// A member outside `known` is an error of its own: a client that sends "price" with a restock, or
// "currency" with a new product, would otherwise get 200 for a change that did not happen.
void RejectUnknown(const nlohmann::json& body, std::initializer_list<std::string_view> known,
                   std::vector<FieldIssue>& errors) {
    for (const auto& [name, value] : body.items()) {
        if (std::find(known.begin(), known.end(), name) == known.end()) errors.push_back({name, "unknown field"});
    }
}

}  // namespace

std::optional<std::int64_t> PriceToCents(const nlohmann::json& price) {
    if (price.is_number_integer() || price.is_number_unsigned()) {
        const auto units = IntegerIn(price, 0, kMaxPriceCents / 100);
        if (!units) return std::nullopt;
        return *units * 100;
    }
    if (!price.is_number_float()) return std::nullopt;
    const double scaled = price.get<double>() * 100.0;
    if (!std::isfinite(scaled) || scaled < 0 || scaled > static_cast<double>(kMaxPriceCents)) return std::nullopt;
    const double rounded = std::round(scaled);
    // Binary floating point cannot hold 19.99 exactly; anything within a millionth of a cent
    // is what the client wrote, anything further has a third decimal.
    if (std::fabs(scaled - rounded) > 1e-6) return std::nullopt;
    return static_cast<std::int64_t>(rounded);
}

double CentsToPrice(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }

Parsed<NewProduct> ParseNewProduct(const nlohmann::json& body) {
    Parsed<NewProduct> out;
    if (!body.is_object()) {
        out.errors.push_back({"", "must be a JSON object"});
        return out;
    }
    const auto field = [&](const char* name) -> const nlohmann::json* {
        const auto it = body.find(name);
        if (it == body.end() || it->is_null()) {
            out.errors.push_back({name, "is required"});
            return nullptr;
        }
        return &*it;
    };
    if (const auto* id = field("product_id")) {
        if (id->is_string() && events::IsId(id->get<std::string>())) {
            out.value.product_id = id->get<std::string>();
        } else {
            out.errors.push_back({"product_id", "must be 1 to 64 of A-Z a-z 0-9 . _ -"});
        }
    }
    if (const auto* name = field("name")) {
        const bool ok = name->is_string() && name->get<std::string>().find_first_not_of(" \t") != std::string::npos &&
                        events::CodePointCount(name->get<std::string>()) <= kMaxNameLength;
        if (ok) {
            out.value.name = name->get<std::string>();
        } else {
            out.errors.push_back({"name", "must be a non-blank string of at most 200 characters"});
        }
    }
    if (const auto* price = field("price")) {
        if (const auto cents = PriceToCents(*price)) {
            out.value.price_cents = *cents;
        } else {
            out.errors.push_back({"price", "must be a number from 0 to 10000000 with at most 2 decimals"});
        }
    }
    if (const auto* quantity = field("quantity")) {
        if (const auto q = IntegerIn(*quantity, 0, kMaxStockQuantity)) {
            out.value.quantity = *q;
        } else {
            out.errors.push_back({"quantity", "must be an integer from 0 to 1000000000"});
        }
    }
    RejectUnknown(body, {"product_id", "name", "price", "quantity"}, out.errors);
    return out;
}

Parsed<std::int64_t> ParseRestock(const nlohmann::json& body) {
    Parsed<std::int64_t> out;
    if (!body.is_object()) {
        out.errors.push_back({"", "must be a JSON object"});
        return out;
    }
    const auto it = body.find("restock");
    if (it == body.end() || it->is_null()) {
        out.errors.push_back({"restock", "is required"});
    } else if (const auto n = IntegerIn(*it, 1, kMaxStockQuantity)) {
        out.value = *n;
    } else {
        out.errors.push_back({"restock", "must be an integer from 1 to 1000000000"});
    }
    RejectUnknown(body, {"restock"}, out.errors);
    return out;
}

}  // namespace saga::inventory::domain
