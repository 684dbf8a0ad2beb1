#pragma once
// A fitted calibrator and the table-level fit and apply around the four
// methods (platt.hpp, isotonic.hpp, temperature.hpp, histogram.hpp).
//
// platt, isotonic and histogram calibrate one binary score column (platt and
// isotonic accept any finite score, e.g. a decision function; histogram needs
// probabilities). temperature calibrates K per-class columns holding logits
// or probabilities. Rows with a null in a used column are left out of the
// fit, and get a null calibrated value when applied.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calibration/histogram.hpp"
#include "calibration/isotonic.hpp"
#include "calibration/platt.hpp"
#include "core/table.hpp"
#include "metrics/result.hpp"

namespace assay::calibration {

enum class Method { platt, isotonic, temperature, histogram };

std::string_view method_name(Method method);
std::optional<Method> parse_method(std::string_view name);

struct Calibrator {
  Method method = Method::platt;
  std::string target;                   // the target column it was fitted on
  std::optional<std::string> score;     // binary methods: the input column
  std::vector<std::string> scores;      // temperature: input columns, in class order
  std::vector<std::string> classes;     // temperature: the class of each column
  bool logits = false;                  // temperature: inputs are logits (else probabilities)
  std::optional<std::string> positive;  // binary methods: the labels
  std::optional<std::string> negative;
  std::size_t fitted_rows = 0;
  Platt platt;
  Isotonic isotonic;
  Histogram histogram;
  double temperature = 1.0;
};

struct FitSpec {
  Method method = Method::platt;
  std::string target;
  std::optional<std::string> score;
  std::vector<std::string> scores;
  std::vector<std::string> classes;     // empty: from the column names
  std::optional<std::string> positive;
  bool logits = false;
  std::size_t bins = 10;                // histogram
};

// Throws core::Error for bad input (unknown columns, non-finite scores,
// probabilities outside [0, 1], one class only).
Calibrator fit(const core::Table& table, const FitSpec& spec);

// Calibrated values of the calibrator's input columns in `table`: one output
// column per input (`<input>_calibrated`), NaN where valid[i] is 0.
struct Calibrated {
  std::vector<std::string> names;
  std::vector<std::vector<double>> values;
  std::vector<std::uint8_t> valid;
};
Calibrated apply(const Calibrator& calibrator, const core::Table& table);

// Before/after quality of a calibrator on held-out data: ECE (10 uniform
// bins; top-label for temperature) and log loss, uncalibrated and
// calibrated. A value that cannot be computed (scores that are not
// probabilities) is null with a reason.
struct Check {
  std::size_t rows = 0;
  metrics::MetricSet before;
  metrics::MetricSet after;
};
Check check(const Calibrator& calibrator, const core::Table& table);

}  // namespace assay::calibration
