#pragma once
// The JSON document of a suite run (`assay run`, outputs.json): the
// findings document of kind "suite" with the run's provenance:
//   {"schema": "assay.suite/v1", "assay_version", "status", "summary",
//    "inputs": [fingerprints], "elapsed_seconds",
//    "suite": {"path", "hash"}, "task", "verdict", "fail_on_warn",
//    "findings": [...]}

#include <nlohmann/json.hpp>

#include "suite/outcome.hpp"

namespace assay::report {

nlohmann::ordered_json suite_json(const suite::Outcome& outcome);

}  // namespace assay::report
