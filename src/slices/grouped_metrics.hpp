#pragma once
// `assay metrics --by`: the whole metrics evaluation on the data and again on
// each group of the `by` columns (groups.hpp). Every group is evaluated by
// the metrics engine on its own rows, gathered with only the columns the
// metrics read, so a group's values (and intervals, with the same bootstrap
// settings) are exactly what `assay metrics` gives on those rows. Groups are
// formed on the rows the overall evaluation keeps (no null in a model
// column).
//
// A group smaller than `min_support` rows is listed, not evaluated; a group
// the engine refuses (one class for a multiclass task, weights summing to
// zero) is listed with the engine's reason. Neither stops the other groups.
// Bad input for the whole run (an unknown or model column in `by`, anything
// `metrics::evaluate` refuses) throws core::Error.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "metrics/evaluate.hpp"
#include "slices/predicate.hpp"
#include "slices/slicing.hpp"

namespace assay::slices {

struct GroupSpec {
  std::vector<std::string> by;
  std::size_t bins = 5;          // quantile bins of a numeric column, >= 2
  std::size_t min_support = 50;  // smaller groups are listed, not evaluated
};

enum class GroupStatus { evaluated, too_small, error };
std::string_view group_status_name(GroupStatus status);

struct GroupEvaluation {
  std::vector<SlicePredicate> predicates;
  std::size_t rows = 0;
  GroupStatus status = GroupStatus::evaluated;
  std::string reason;                            // too small, or the engine's error
  std::optional<metrics::Evaluation> evaluation;  // when evaluated
};

struct GroupedEvaluation {
  metrics::Evaluation overall;
  std::vector<ColumnUse> columns;  // the `by` columns and their levels
  std::vector<GroupEvaluation> groups;
};

GroupedEvaluation evaluate_by_group(const core::Table& table, const metrics::Spec& spec, const GroupSpec& groups);

}  // namespace assay::slices
