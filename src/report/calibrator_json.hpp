#pragma once
// The calibrator file, `assay.calibrator/v1` (versioned JSON, read back by
// `assay calibrate apply`):
//   {"schema": "assay.calibrator/v1", "assay_version", "method",
//    "target", "input": {"score"} | {"scores", "classes", "space"},
//    "labels": {"negative", "positive"} (binary methods), "fitted_rows",
//    "parameters": platt {"a", "b"} | isotonic {"x", "y"} |
//                  temperature {"temperature"} | histogram {"edges", "values", "counts"}}
// The reader checks every field (presence, type, finiteness, ranges, the
// shape the method needs) and throws core::Error naming the field's JSON
// path, so a foreign or damaged file is refused before it is used.
// It lives in report, not calibration: engines never render, and the
// engine's header stays free of nlohmann/json.

#include <nlohmann/json_fwd.hpp>

#include <string>

#include "calibration/calibrator.hpp"

namespace assay::report {

inline constexpr const char* kCalibratorSchema = "assay.calibrator/v1";

nlohmann::ordered_json calibrator_json(const calibration::Calibrator& calibrator, const std::string& assay_version);

// `source` (the file name) prefixes error locations.
calibration::Calibrator calibrator_from_json(const nlohmann::json& doc, const std::string& source);

}  // namespace assay::report
