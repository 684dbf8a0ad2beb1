#pragma once
// The table-level entry point of calibration analysis: binds named columns,
// drops rows with a null in any used column, checks the data (scores finite
// and in [0, 1], both outcomes present, labels among the classes) and runs
// calibration/analysis. Nothing here reads files.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "calibration/analysis.hpp"
#include "core/table.hpp"

namespace assay::calibration {

struct Spec {
  std::string target;
  std::optional<std::string> score;   // binary: positive-class probability
  std::vector<std::string> scores;    // multiclass: one probability column per class
  std::vector<std::string> classes;   // class of each `scores` column; empty: from the column names
  std::optional<std::string> positive;
  Options options;
};

struct Evaluation {
  Analysis analysis;
  std::optional<std::string> positive;  // binary
  std::optional<std::string> negative;
  std::vector<std::string> classes;     // multiclass, sorted as numpy.unique
  std::size_t dropped_rows = 0;
};

Evaluation evaluate(const core::Table& table, const Spec& spec);

// Classes of multiclass score columns, sorted, and for each sorted class the
// index of its column in `spec.scores`. Throws on duplicates or a count
// mismatch with `spec.classes`.
struct ScoreClasses {
  std::vector<std::string> classes;
  std::vector<std::size_t> column_of;
};
ScoreClasses score_classes(const std::vector<std::string>& scores, const std::vector<std::string>& classes);

}  // namespace assay::calibration
