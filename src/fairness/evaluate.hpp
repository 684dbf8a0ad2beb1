#pragma once
// The table-level entry point of fairness analysis: binds the target,
// prediction, optional score and sensitive columns, drops rows with a null
// in any of them, checks the data (binary labels shared by target and
// prediction with both outcomes in the target, scores in [0, 1], two or more
// groups per sensitive column) and analyses each sensitive column alone and,
// when there are several, their intersection. Nothing here reads files.

#include <optional>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "fairness/analysis.hpp"

namespace assay::fairness {

struct Spec {
  std::string target;
  std::string prediction;
  std::optional<std::string> score;
  std::vector<std::string> sensitive;
  std::optional<std::string> positive;
  Options options;
};

struct Evaluation {
  std::size_t n = 0;
  std::string positive;
  std::string negative;
  std::size_t dropped_rows = 0;
  std::vector<Grouping> groupings;  // each sensitive column, then the intersection
  std::vector<std::string> warnings;
};

Evaluation evaluate(const core::Table& table, const Spec& spec);

}  // namespace assay::fairness
