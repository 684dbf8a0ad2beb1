#pragma once
// The parts every assay JSON document carries (DESIGN.md, Output
// conventions): the schema name and version, the assay version, and the
// fingerprints of the inputs.

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

#include "core/provenance.hpp"

namespace assay::report {

// {"schema": "assay.<kind>/v1", "assay_version": "..."}
nlohmann::json document_header(std::string_view kind);

// {"path", "format", "bytes", "xxh3_128", "rows", "columns"}
nlohmann::json fingerprint_json(const core::FileFingerprint& fingerprint);

nlohmann::json inputs_json(const std::vector<core::FileFingerprint>& inputs);

}  // namespace assay::report
