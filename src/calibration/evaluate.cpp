#include "calibration/evaluate.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "calibration/columns.hpp"
#include "core/error.hpp"
#include "metrics/model_columns.hpp"
#include "metrics/labels.hpp"
#include "metrics/probability.hpp"

namespace assay::calibration {

ScoreClasses score_classes(const std::vector<std::string>& scores, const std::vector<std::string>& classes) {
  if (scores.size() < 2) {
    throw core::Error(core::Location{.path = "--scores"}, fmt::format("expected two or more columns, got {}", scores.size()));
  }
  if (!classes.empty() && classes.size() != scores.size()) {
    throw core::Error(core::Location{.path = "--classes"},
                      fmt::format("{} classes for {} score columns", classes.size(), scores.size()));
  }
  std::vector<std::string> named = classes.empty() ? metrics::classes_from_columns(scores) : classes;
  for (auto& c : named) {
    std::vector<std::string> one{c};
    metrics::sort_labels(one);  // canonical form of numbers
    c = one[0];
  }
  ScoreClasses out;
  out.classes = named;
  metrics::sort_labels(out.classes);
  if (out.classes.size() != named.size()) {
    throw core::Error(core::Location{.path = "--scores"}, fmt::format("the columns name duplicate classes: {}", join_names(named)));
  }
  for (const auto& c : out.classes) {
    out.column_of.push_back(static_cast<std::size_t>(std::find(named.begin(), named.end(), c) - named.begin()));
  }
  return out;
}

Evaluation evaluate(const core::Table& table, const Spec& spec) {
  if (spec.score.has_value() == !spec.scores.empty()) {
    throw core::Error(core::Location{.path = "--score"}, "give --score (binary) or --scores (multiclass), not both");
  }
  std::vector<std::string> names{spec.target};
  if (spec.score) names.push_back(*spec.score);
  names.insert(names.end(), spec.scores.begin(), spec.scores.end());
  Evaluation out;
  const std::vector<std::uint32_t> rows = metrics::complete_rows(table, names, out.dropped_rows);
  if (spec.score) {
    const std::vector<double> score = metrics::finite_values(table, *spec.score, rows, "score", true).to_vector();
    const BinaryColumn outcome = binary_column(table, spec.target, rows, spec.positive);
    out.analysis = analyse_binary(score, outcome.bits, spec.options);
    out.positive = outcome.positive;
    out.negative = outcome.negative;
  } else {
    const ScoreClasses sc = score_classes(spec.scores, spec.classes);
    const std::vector<std::int32_t> truth = metrics::encode_labels(table.column(spec.target), rows, sc.classes);
    std::vector<bool> seen(sc.classes.size(), false);
    for (const std::int32_t t : truth) seen[static_cast<std::size_t>(t)] = true;
    if (std::count(seen.begin(), seen.end(), true) < 2) {
      throw core::Error(fmt::format("column '{}' holds one class only; calibration needs at least two", spec.target));
    }
    std::vector<std::vector<double>> values;
    for (const std::size_t c : sc.column_of) values.push_back(metrics::finite_values(table, spec.scores[c], rows, "score", true).to_vector());
    std::vector<std::span<const double>> scores(values.begin(), values.end());
    out.analysis = analyse_multiclass(scores, truth, sc.classes, spec.options);
    out.classes = sc.classes;
    if (const std::size_t off = metrics::count_rows_not_summing_to_one(scores); off > 0) {
      out.analysis.warnings.push_back(fmt::format("{} rows have probabilities that do not sum to 1", off));
    }
  }
  if (out.dropped_rows > 0) {
    out.analysis.warnings.insert(out.analysis.warnings.begin(),
                                 fmt::format("dropped {} of {} rows with a null in {}", out.dropped_rows, table.rows(),
                                             join_names(names)));
  }
  return out;
}

}  // namespace assay::calibration
