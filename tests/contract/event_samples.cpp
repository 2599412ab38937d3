// Writes, into the directory given as argv[1]:
//   <type>.json      one C++-encoded valid envelope per catalog type (Encode(MakeEnvelope(...)))
//   catalog.json     the catalog's types, so the checker can tell a missing sample or schema
//   probes.json      mutated samples with the C++ verdict, for the differential check
// check_schemas.py then validates all of it against schemas/.
#include <fmt/format.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "contract/probes.hpp"
#include "contract/sample_events.hpp"
#include "events/all.hpp"

namespace {

void WriteFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

nlohmann::json ToJson(const saga::contract::Probe& probe) {
    auto errors = nlohmann::json::array();
    for (const auto& error : probe.errors) {
        errors.push_back(error.field + ": " + error.message);
    }
    return {{"kind", probe.kind},         {"type", probe.type},         {"mutation", probe.mutation},
            {"document", probe.document}, {"accepted", probe.accepted}, {"errors", errors}};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        fmt::print(stderr, "usage: {} <output-directory>\n", argv[0]);
        return 2;
    }
    try {
        const std::filesystem::path dir = argv[1];
        std::filesystem::create_directories(dir);
        auto probes = nlohmann::json::array();
        const auto samples = saga::contract::SampleEnvelopes();
        for (const auto& sample : samples) {
            WriteFile(dir / (sample.type + ".json"), saga::events::Encode(sample));
            for (const auto& probe : saga::contract::DataProbes(sample)) {
                probes.push_back(ToJson(probe));
            }
        }
        for (const auto& probe : saga::contract::EnvelopeProbes(samples.front())) {
            probes.push_back(ToJson(probe));
        }
        auto types = nlohmann::json::array();
        for (const auto type : saga::events::AllTypes()) {
            types.push_back(type);
        }
        WriteFile(dir / "catalog.json", types.dump(2));
        WriteFile(dir / "probes.json", probes.dump());
        fmt::print("wrote {} samples and {} probes to {}\n", samples.size(), probes.size(), dir.string());
        return 0;
    } catch (const std::exception& error) {
        fmt::print(stderr, "event_samples: {}\n", error.what());
        return 1;
    }
}
