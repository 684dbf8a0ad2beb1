#pragma once
// The parts every assay JSON document carries (DESIGN.md, Output
// conventions): the schema name and version, the assay version, and the
// fingerprints of the inputs. Every document starts with document_header.

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

#include "core/provenance.hpp"

namespace assay::report {

// {"schema": "assay.<kind>/v1", "assay_version": "..."}
nlohmann::ordered_json document_header(std::string_view kind);

// {"path", "format", "bytes", "xxh3_128", "rows", "columns"}
nlohmann::ordered_json fingerprint_json(const core::FileFingerprint& fingerprint);

nlohmann::ordered_json inputs_json(const std::vector<core::FileFingerprint>& inputs);

}  // namespace assay::report
