#pragma once
// JSON document of `assay drift --format json` (schema assay.drift/v1):
//
//   {"schema": "assay.drift/v1", "assay_version", "status", "summary",
//    "inputs": [{"role": "reference", path, format, bytes, xxh3_128, rows, columns},
//               {"role": "current", ...}],
//    "elapsed_seconds", "settings": {...},
//    "dataset_drift", "drifted_share", "drifted_columns", "compared_columns",
//    "columns": [{"column", "kind", "role", "method", "statistic", "p_value",
//                 "p_value_adjusted", "threshold", "drifted", ...counts,
//                 "reference_hist", "current_hist"}...],
//    "skipped": [{"column", "reason"}], "multivariate": {...} | null,
//    "chunks": [...], "segments": [...] (with --by), "findings": [...]}
//
// A segment: {"index", "predicates", "label", "reference_rows",
// "current_rows", "compared", then "reason" when not compared, else
// "dataset_drift", "drifted_share", "drifted_columns", "compared_columns",
// "columns" (as the top-level columns, without histograms)}.
//
// Histograms are binned summaries for plots: {"edges", "counts"} for
// numeric columns, {"categories", "counts"} for categorical ones.
// Undefined numbers are null (with "reason" where the engine gives one).

#include <nlohmann/json.hpp>

#include "core/provenance.hpp"
#include "drift/drift_run.hpp"

namespace assay::report {

nlohmann::ordered_json drift_column_json(const drift::ColumnDrift& column);
nlohmann::ordered_json multivariate_json(const drift::MultivariateResult& result);

nlohmann::ordered_json drift_json(const drift::DriftReport& report, const drift::DriftRequest& request,
                                  const core::FileFingerprint& reference, const core::FileFingerprint& current,
                                  double elapsed_seconds);

}  // namespace assay::report
