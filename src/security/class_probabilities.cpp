#include "security/class_probabilities.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "metrics/labels.hpp"
#include "metrics/model_columns.hpp"

namespace assay::security {

namespace {

void require_no_nulls(const core::Table& table, const std::string& name, std::string_view role, std::string_view what) {
  const core::Column& column = table.column(name);
  if (column.null_count() == 0) return;
  std::size_t first = 0;
  while (column.is_valid(first)) ++first;
  throw core::Error(fmt::format("{}: {} column '{}' has {} empty or NA (NaN) values (first at data row {}); every row needs one",
                                what, role, name, column.null_count(), first + 1));
}

}  // namespace

metrics::ScoreColumns ClassProbabilities::score_columns() const {
  metrics::ScoreColumns out;
  for (const auto& c : columns) out.emplace_back(c);
  return out;
}

std::vector<std::string> spec_classes(const ProbabilitySpec& spec, std::span<const core::Table* const> tables) {
  if (spec.score.has_value() == !spec.scores.empty()) {
    throw core::Error(core::Location{.path = "--score"},
                      "give --score (binary: P(positive)) or --scores (one probability column per class), not both");
  }
  std::vector<std::string> labels;
  for (const core::Table* t : tables) {
    const core::Column& target = core::column_for_flag(*t, spec.target, "--target");
    std::vector<std::uint32_t> rows;
    for (std::uint32_t i = 0; i < t->rows(); ++i) {
      if (target.is_valid(i)) rows.push_back(i);
    }
    for (auto& l : metrics::distinct_labels(target, rows)) {
      labels.push_back(std::move(l));
    }
  }
  metrics::sort_labels(labels);
  if (labels.size() < 2) {
    throw core::Error(fmt::format("target column '{}' holds one class only ({}); at least two are needed", spec.target,
                                  labels.empty() ? std::string("none") : labels[0]));
  }
  if (spec.score) {
    const metrics::BinaryLabels names = metrics::binary_labels(labels, spec.positive);
    return {names.negative, names.positive};
  }
  if (spec.scores.size() < 2) {
    throw core::Error(core::Location{.path = "--scores"},
                      fmt::format("a multiclass model needs one probability column per class; got {}", spec.scores.size()));
  }
  if (!spec.classes.empty() && spec.classes.size() != spec.scores.size()) {
    throw core::Error(fmt::format("{} classes for {} score columns", spec.classes.size(), spec.scores.size()));
  }
  std::vector<std::string> classes = spec.classes.empty() ? metrics::classes_from_columns(spec.scores) : spec.classes;
  for (auto& c : classes) {
    std::vector<std::string> one{c};
    metrics::sort_labels(one);  // canonical form of numbers
    c = one[0];
  }
  std::vector<std::string> sorted = classes;
  metrics::sort_labels(sorted);
  if (sorted.size() != classes.size()) {
    throw core::Error(fmt::format("score columns name duplicate classes: {}", fmt::join(classes, ", ")));
  }
  return classes;  // in the order of the columns, which bind_probabilities keeps
}

ClassProbabilities bind_probabilities(const core::Table& table, const ProbabilitySpec& spec,
                                      const std::vector<std::string>& classes, std::string_view what) {
  if (table.rows() == 0) throw core::Error(fmt::format("{} has no rows", what));
  core::column_for_flag(table, spec.target, "--target");
  require_no_nulls(table, spec.target, "target", what);
  std::vector<std::string> names = spec.score ? std::vector<std::string>{*spec.score} : spec.scores;
  for (const auto& name : names) {
    core::column_for_flag(table, name, spec.score ? "--score" : "--scores");
    require_no_nulls(table, name, "score", what);
  }
  std::vector<std::uint32_t> rows(table.rows());
  std::iota(rows.begin(), rows.end(), 0u);
  ClassProbabilities out;
  out.classes = classes;
  out.binary = spec.score.has_value();
  try {
    out.truth = metrics::encode_labels(table.column(spec.target), rows, classes);
    for (const auto& name : names) out.columns.push_back(metrics::finite_values(table, name, rows, "score", true).to_vector());
  } catch (const core::Error& e) {
    throw core::Error(e.where(), fmt::format("{}: {}", what, e.message()));
  }
  if (out.binary) {
    std::vector<double> negative(out.columns[0].size());
    for (std::size_t i = 0; i < negative.size(); ++i) negative[i] = 1.0 - out.columns[0][i];
    out.columns.insert(out.columns.begin(), std::move(negative));
    return out;
  }
  std::size_t bad = 0, first = 0;
  double first_sum = 0.0;
  for (std::size_t i = 0; i < out.rows(); ++i) {
    double s = 0.0;
    for (const auto& column : out.columns) s += column[i];
    if (!(std::abs(1.0 - s) <= 1e-8 + 1e-5 * std::abs(s)) && bad++ == 0) {
      first = i;
      first_sum = s;
    }
  }
  if (bad > 0) {
    throw core::Error(fmt::format("{}: {} rows' probabilities do not sum to 1 (first at data row {}: {}); tolerance "
                                  "|1 - sum| <= 1e-8 + 1e-5 sum",
                                  what, bad, first + 1, first_sum));
  }
  return out;
}

std::vector<std::string> slice_labels(const core::Table& table, const std::string& name) {
  const core::Column& column = core::column_for_flag(table, name, "--by");
  std::vector<std::string> out(table.rows());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = column.is_valid(i) ? column.text(i) : "null";
  return out;
}

}  // namespace assay::security

namespace assay::security {

ClassProbabilities bind_labels(const core::Table& table, const std::string& target, std::string_view what) {
  if (table.rows() == 0) throw core::Error(fmt::format("{} has no rows", what));
  // The target's own labels, sorted as numpy.unique sorts them.
  const core::Column& column = core::column_for_flag(table, target, "--target");
  require_no_nulls(table, target, "target", what);
  std::vector<std::uint32_t> rows(table.rows());
  std::iota(rows.begin(), rows.end(), 0u);
  ClassProbabilities out;
  out.classes = metrics::distinct_labels(column, rows);
  metrics::sort_labels(out.classes);
  if (out.classes.size() < 2) {
    throw core::Error(fmt::format("target column '{}' holds one class only ({}); at least two are needed", target,
                                  out.classes[0]));
  }
  out.truth = metrics::encode_labels(column, rows, out.classes);
  return out;
}

}  // namespace assay::security
