#include "compare/bind.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "metrics/labels.hpp"
#include "metrics/model_columns.hpp"

namespace assay::compare {

namespace {

// The shared rule for numeric model columns (metrics/model_columns.hpp).
std::vector<double> finite_column(const core::Table& table, const std::string& name, std::string_view role,
                           std::span<const std::uint32_t> rows) {
  return metrics::finite_values(table, name, rows, role).to_vector();
}

void bind_binary(const core::Table& table, const Spec& spec, Bound& out) {
  const core::Column& target = table.column(spec.target);
  const metrics::BinaryLabels labels = metrics::binary_labels(metrics::distinct_labels(target, out.rows), spec.positive);
  out.positive_label = labels.positive;
  out.negative_label = labels.negative;
  const std::vector<std::int32_t> codes = metrics::encode_labels(target, out.rows, {labels.negative, labels.positive});
  out.truth_bits.assign(codes.begin(), codes.end());
  out.champion_score = finite_column(table, spec.champion, "champion", out.rows);
  out.challenger_score = finite_column(table, spec.challenger, "challenger", out.rows);
}

void bind_multiclass(const core::Table& table, const Spec& spec, Bound& out) {
  const core::Column& target = table.column(spec.target);
  const core::Column& champion = table.column(spec.champion);
  const core::Column& challenger = table.column(spec.challenger);
  out.classes = metrics::distinct_labels(target, out.rows);
  for (const core::Column* c : {&champion, &challenger}) {
    for (auto& l : metrics::distinct_labels(*c, out.rows)) out.classes.push_back(std::move(l));
  }
  metrics::sort_labels(out.classes);
  out.truth_codes = metrics::encode_labels(target, out.rows, out.classes);
  out.champion_codes = metrics::encode_labels(champion, out.rows, out.classes);
  out.challenger_codes = metrics::encode_labels(challenger, out.rows, out.classes);
}

void bind_regression(const core::Table& table, const Spec& spec, Bound& out) {
  out.truth_values = finite_column(table, spec.target, "target", out.rows);
  out.champion_values = finite_column(table, spec.champion, "champion", out.rows);
  out.challenger_values = finite_column(table, spec.challenger, "challenger", out.rows);
}

}  // namespace

Bound bind(const core::Table& table, const Spec& spec) {
  if (spec.task == metrics::Task::ranking) {
    throw core::Error(core::Location{.path = "--task"}, "compare supports binary, multiclass and regression");
  }
  if (spec.champion == spec.challenger) {
    throw core::Error(core::Location{.path = "--challenger"},
                      fmt::format("champion and challenger are the same column '{}'", spec.champion));
  }
  for (const auto* name : {&spec.champion, &spec.challenger}) {
    if (*name == spec.target) {
      throw core::Error(fmt::format("model column '{}' is the target column", *name));
    }
  }
  const std::vector<const core::Column*> used{&table.column(spec.target), &table.column(spec.champion),
                                              &table.column(spec.challenger)};
  Bound out;
  out.task = spec.task;
  out.rows.reserve(table.rows());
  for (std::size_t i = 0; i < table.rows(); ++i) {
    bool valid = true;
    for (const auto* c : used) valid = valid && c->is_valid(i);
    if (valid) out.rows.push_back(static_cast<std::uint32_t>(i));
  }
  out.dropped = table.rows() - out.rows.size();
  if (out.rows.empty()) return out;
  switch (spec.task) {
    case metrics::Task::binary: bind_binary(table, spec, out); break;
    case metrics::Task::multiclass: bind_multiclass(table, spec, out); break;
    default: bind_regression(table, spec, out); break;
  }
  return out;
}

}  // namespace assay::compare
