#pragma once
// JSON rendering of Findings (DESIGN.md's result record) and of the
// document that carries them: any command whose result is a list of
// Findings (quality, leakage, schema validation, suites) uses it.
//
//   {"schema": "assay.<kind>/v1", "assay_version": "...", "status": "fail",
//    "summary": {"fail": 1, "warn": 2, "pass": 30, "info": 0, "error": 0},
//    "inputs": [{fingerprint}...], "elapsed_seconds": 0.8, ...extra...,
//    "findings": [{"id", "category", "subject", "metric", "value",
//                  "reference", "threshold": {"op", "value"}, "status",
//                  "message", "reason"?, "details"}...]}
//
// Undefined values are null with a "reason" beside them; numbers go through
// json_number (non-finite as null), details keep the engine's key order.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/provenance.hpp"
#include "report/json_text.hpp"

namespace assay::report {

nlohmann::ordered_json finding_json(const core::Finding& finding);

nlohmann::ordered_json findings_json(const std::vector<core::Finding>& findings);

// Count of findings per status, every status present.
nlohmann::ordered_json status_counts(const std::vector<core::Finding>& findings);

// The whole document; `extra` (an object) adds members before "findings".
nlohmann::ordered_json findings_document(std::string_view kind, const std::vector<core::Finding>& findings,
                                         const std::vector<core::FileFingerprint>& inputs, double elapsed_seconds,
                                         const nlohmann::ordered_json& extra = nlohmann::ordered_json::object());

}  // namespace assay::report
