#include "contract/probes.hpp"

#include <fmt/format.h>

#include <string>
#include <utility>

#include "events/all.hpp"

namespace saga::contract {

namespace {

using nlohmann::json;

// Values that sit on or just past the boundaries the schemas draw: types, ranges, lengths (in
// code points: "é" is two bytes), formats and every enum name of the catalog. No string ends in a
// newline: Python's `$` matches before one, ECMA 262's (the schema language) does not.
std::vector<json> ProbeValues() {
    std::vector<json> values = {
        nullptr,
        true,
        false,
        0,
        -1,
        1,
        2,
        2.0,
        2.5,
        0.0,
        1000,
        1001,
        events::kMaxSafeInteger,
        events::kMaxSafeInteger + 1,
        9007199254740992.0,
        "",
        "x",
        "2",
        "1.0",
        "USD",
        "usd",
        "EURO",
        "P-9",
        "a b",
        "tok_visa",
        std::string(64, 'a'),
        std::string(65, 'a'),
        "a@b.example",
        "no-at-sign",
        "a@b@c",
        std::string(240, 'a') + "@b.example",
        std::string(245, 'a') + "@b.example",
        "\u00e9\u00e9@b.example",
        [] {
            std::string s;
            for (int i = 0; i < 240; ++i) s += "\u00e9";
            return s + "@b.example";
        }(),
        [] {
            std::string s;
            for (int i = 0; i < 1000; ++i) s += "\u00e9";
            return s;
        }(),
        [] {
            std::string s;
            for (int i = 0; i < 1001; ++i) s += "\u00e9";
            return s;
        }(),
        std::string(2048, 'r'),
        std::string(2049, 'r'),
        "2026-11-22T10:00:00Z",
        "2026-11-22T10:00:00.123456789+05:30",
        "2026-11-22T23:59:60-08:00",
        "2026-13-22T10:00:00Z",
        "2026-11-22T24:00:00Z",
        "2026-11-22 10:00:00Z",
        "2026-11-22T10:00:00",
        "3f1d3c2e-8c5b-4c1e-9a57-1c2d3e4f5a6b",
        "3F1D3C2E-8C5B-4C1E-9A57-1C2D3E4F5A6B",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "application/json",
        "text/plain",
        "order.nonexistent",
        "Order.Created",
        "order",
        std::string(129, 'c'),
        json::array(),
        json::array({1}),
        json::object(),
        json{{"product_id", "P-9"}, {"quantity", 1}},
    };
    for (const auto type : events::AllTypes()) {
        values.emplace_back(type);
    }
    for (const char* name : {"out_of_stock",
                             "unknown_product",
                             "card_declined",
                             "insufficient_funds",
                             "invalid_token",
                             "payment_failed",
                             "order_cancelled",
                             "order_rejected",
                             "reservation_expired",
                             "reserved",
                             "sold",
                             "payment_declined",
                             "PENDING",
                             "AWAITING_PAYMENT",
                             "CONFIRMED",
                             "REJECTED",
                             "log",
                             "smtp",
                             "webhook",
                             "email"}) {
        values.emplace_back(name);
    }
    return values;
}

// Every node below `node`, as JSON pointers (depth first).
void CollectPointers(const json& node, const json::json_pointer& at, std::vector<json::json_pointer>& out) {
    if (node.is_object()) {
        for (const auto& [key, child] : node.items()) {
            out.push_back(at / key);
            CollectPointers(child, at / key, out);
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            out.push_back(at / i);
            CollectPointers(node[i], at / i, out);
        }
    }
}

struct Mutation {
    std::string description;
    json document;
};

std::vector<Mutation> Mutate(const json& document, const std::vector<json::json_pointer>& pointers) {
    const auto values = ProbeValues();
    std::vector<Mutation> mutations;
    for (const auto& pointer : pointers) {
        for (const auto& value : values) {
            json copy = document;
            copy[pointer] = value;
            mutations.push_back(
                {fmt::format("{} = {}", pointer.to_string(), value.dump(-1, ' ', true).substr(0, 40)), copy});
        }
        json copy = document;
        json& parent = copy[pointer.parent_pointer()];
        if (parent.is_object()) {
            parent.erase(pointer.back());
        } else {
            parent.erase(std::stoul(pointer.back()));
        }
        mutations.push_back({fmt::format("remove {}", pointer.to_string()), std::move(copy)});
    }
    // An unknown property on the root and on every object below it.
    std::vector<json::json_pointer> objects = {json::json_pointer()};
    objects.insert(objects.end(), pointers.begin(), pointers.end());
    for (const auto& pointer : objects) {
        if (document[pointer].is_object()) {
            json copy = document;
            copy[pointer]["unexpected"] = 1;
            mutations.push_back({fmt::format("add {}/unexpected", pointer.to_string()), std::move(copy)});
        }
    }
    return mutations;
}

}  // namespace

std::vector<Probe> DataProbes(const events::Envelope& sample) {
    std::vector<json::json_pointer> pointers;
    CollectPointers(sample.data, json::json_pointer(), pointers);
    std::vector<Probe> probes;
    for (auto& mutation : Mutate(sample.data, pointers)) {
        auto errors = events::ValidateData(sample.type, mutation.document);
        const bool accepted = errors.empty();
        probes.push_back(
            {"data", sample.type, std::move(mutation.description), std::move(mutation.document), accepted, errors});
    }
    return probes;
}

std::vector<Probe> EnvelopeProbes(const events::Envelope& sample) {
    const json envelope = events::ToJson(sample);
    std::vector<json::json_pointer> pointers;
    for (const auto& [key, unused] : envelope.items()) {
        pointers.push_back(json::json_pointer() / key);
    }
    std::vector<Probe> probes;
    for (auto& mutation : Mutate(envelope, pointers)) {
        Probe probe{"envelope", sample.type, std::move(mutation.description), std::move(mutation.document), true, {}};
        try {
            events::Decode(probe.document.dump());
        } catch (const events::ValidationError& error) {
            probe.accepted = false;
            probe.errors = error.errors();
        }
        probes.push_back(std::move(probe));
    }
    return probes;
}

}  // namespace saga::contract
