#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "events/envelope.hpp"

namespace saga::contract {

/// A mutated copy of a valid sample and the C++ verdict on it. check_schemas.py validates the
/// same document with the JSON Schemas and fails on any disagreement.
struct Probe {
    std::string kind;  ///< "data": `document` is the data of `type`; "envelope": a whole envelope
    std::string type;
    std::string mutation;  ///< what was changed, for messages
    nlohmann::json document;
    bool accepted = false;
    std::vector<events::FieldError> errors;
};

/// Mutations of every node of `sample`'s data: each node replaced by each probe value, each
/// member or item removed, an unknown property added to each object. Judged by ValidateData().
std::vector<Probe> DataProbes(const events::Envelope& sample);

/// The same for the envelope's own attributes (not its data). Judged by Decode().
std::vector<Probe> EnvelopeProbes(const events::Envelope& sample);

}  // namespace saga::contract
