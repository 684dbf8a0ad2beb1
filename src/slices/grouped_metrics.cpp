#include "slices/grouped_metrics.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/take.hpp"
#include "metrics/model_columns.hpp"
#include "slices/groups.hpp"

namespace assay::slices {

namespace {

// The role of a column the metrics read, for refusing it in --by.
std::optional<std::string> model_role(const metrics::Spec& spec, const std::string& name) {
  if (name == spec.target) return "target";
  if (spec.prediction == name) return "prediction";
  if (spec.score == name) return "score";
  if (std::find(spec.scores.begin(), spec.scores.end(), name) != spec.scores.end()) return "score";
  if (spec.weight == name) return "weight";
  if (spec.group == name) return "query group";
  return std::nullopt;
}

}  // namespace

std::string_view group_status_name(GroupStatus status) {
  switch (status) {
    case GroupStatus::evaluated: return "evaluated";
    case GroupStatus::too_small: return "too_small";
    case GroupStatus::error: return "error";
  }
  return "error";
}

GroupedEvaluation evaluate_by_group(const core::Table& table, const metrics::Spec& spec, const GroupSpec& groups) {
  if (groups.bins < 2) {
    throw core::Error(core::Location{.path = "--bins"}, fmt::format("expected at least 2 bins, got {}", groups.bins));
  }
  if (groups.min_support < 1) throw core::Error(core::Location{.path = "--min-support"}, "expected at least 1 row");
  for (const auto& name : groups.by) {
    if (const auto role = model_role(spec, name)) {
      throw core::Error(core::Location{.path = "--by"}, fmt::format("'{}' is the {} column; group by another column", name, *role));
    }
  }
  GroupedEvaluation out;
  out.overall = metrics::evaluate(table, spec);

  const std::vector<std::string> used = metrics::used_columns(spec);
  std::size_t dropped = 0;
  const std::vector<std::uint32_t> rows = metrics::complete_rows(table, used, dropped);
  const Grouping grouping = group_rows(table, groups.by, rows, groups.bins, "--by");
  for (const auto& c : grouping.columns) {
    ColumnUse use{c.name, c.kind, c.binned, {}};
    for (const auto& l : c.levels) use.levels.push_back(l.label);
    out.columns.push_back(std::move(use));
  }

  // A group with one label must keep the overall positive label, not guess one.
  metrics::Spec group_spec = spec;
  if (spec.task == metrics::Task::binary) group_spec.positive = out.overall.parameters.positive;

  out.groups.resize(grouping.groups.size());
  tbb::parallel_for(std::size_t{0}, grouping.groups.size(), [&](std::size_t g) {
    const Group& group = grouping.groups[g];
    GroupEvaluation& result = out.groups[g];
    result.predicates = group.predicates;
    result.rows = group.rows.size();
    if (result.rows < groups.min_support) {
      result.status = GroupStatus::too_small;
      result.reason = fmt::format("{} rows, fewer than --min-support {}: not evaluated", result.rows, groups.min_support);
      return;
    }
    try {
      const core::Table subset = core::take_rows(table, used, group.rows);
      result.evaluation = metrics::evaluate(subset, group_spec);
    } catch (const core::Error& e) {
      result.status = GroupStatus::error;
      result.reason = e.message();
    }
  });
  return out;
}

}  // namespace assay::slices
