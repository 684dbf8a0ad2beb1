#include "metrics/evaluate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/error.hpp"
#include "metrics/binary.hpp"
#include "metrics/labels.hpp"
#include "metrics/model_columns.hpp"
#include "metrics/multiclass.hpp"
#include "metrics/ranking.hpp"
#include "metrics/regression.hpp"

namespace assay::metrics {

namespace {

FiniteValues weights(const core::Table& table, const std::string& name, std::span<const std::uint32_t> rows) {
  FiniteValues w = finite_values(table, name, rows, "weight");
  std::size_t negative = 0;
  std::size_t first = 0;
  double sum = 0.0;
  for (std::size_t j = 0; j < w.size(); ++j) {
    if (w[j] < 0.0 && negative++ == 0) first = j;
    sum += w[j];
  }
  if (negative > 0) {
    throw core::Error(fmt::format("weight column '{}' has {} negative weights (first at data row {}: {}); weights must be >= 0",
                                  name, negative, rows[first] + 1, w[first]));
  }
  if (sum <= 0.0) throw core::Error(fmt::format("weight column '{}' sums to zero on the rows evaluated", name));
  return w;
}

Evaluation binary(const core::Table& table, const Spec& spec, std::span<const std::uint32_t> rows) {
  if (!spec.prediction && !spec.score) throw core::Error("binary metrics need --score and/or --prediction");
  const BinaryBits bits = binary_bits(table, spec.target, spec.prediction, rows, spec.positive);
  FiniteValues score, weight;
  if (spec.score) score = finite_values(table, *spec.score, rows, "score");
  if (spec.weight) weight = weights(table, *spec.weight, rows);

  Evaluation out;
  out.result = evaluate_binary({.truth = bits.truth, .predicted = bits.predicted, .score = score, .weight = weight},
                               {.threshold = spec.threshold,
                                .positive_label = bits.positive,
                                .negative_label = bits.negative,
                                .curve_points = spec.curve_points,
                                .bootstrap = spec.bootstrap});
  out.parameters.positive = bits.positive;
  out.parameters.negative = bits.negative;
  if (!spec.prediction) out.parameters.threshold = spec.threshold;
  return out;
}

Evaluation multiclass(const core::Table& table, const Spec& spec, std::span<const std::uint32_t> rows) {
  if (!spec.prediction && spec.scores.empty()) throw core::Error("multiclass metrics need --scores and/or --prediction");
  if (!spec.classes.empty() && spec.classes.size() != spec.scores.size()) {
    throw core::Error(core::Location{.path = "--classes"},
                      fmt::format("{} classes for {} score columns", spec.classes.size(), spec.scores.size()));
  }
  const core::Column& target = table.column(spec.target);
  std::vector<std::string> classes;
  std::vector<std::size_t> column_of;  // score column of each sorted class
  if (!spec.scores.empty()) {
    std::vector<std::string> named = spec.classes.empty() ? classes_from_columns(spec.scores) : spec.classes;
    for (auto& c : named) {
      std::vector<std::string> one{c};
      sort_labels(one);  // canonical form of numbers
      c = one[0];
    }
    classes = named;
    sort_labels(classes);
    if (classes.size() != named.size()) {
      throw core::Error(fmt::format("score columns name duplicate classes: {}", fmt::join(named, ", ")));
    }
    for (const auto& c : classes) column_of.push_back(static_cast<std::size_t>(std::find(named.begin(), named.end(), c) - named.begin()));
  } else {
    classes = distinct_labels(target, rows);
    for (auto& l : distinct_labels(table.column(*spec.prediction), rows)) classes.push_back(std::move(l));
    sort_labels(classes);
  }
  if (classes.size() < 2) throw core::Error(fmt::format("a multiclass task needs at least two classes; found {}", classes.size()));
  const std::vector<std::int32_t> truth = encode_labels(target, rows, classes);
  std::vector<std::int32_t> predicted;
  if (spec.prediction) predicted = encode_labels(table.column(*spec.prediction), rows, classes);
  std::vector<FiniteValues> score_values;
  for (const std::size_t c : column_of) {
    score_values.push_back(finite_values(table, spec.scores[c], rows, "score"));
  }
  ScoreColumns scores;
  for (const auto& v : score_values) scores.push_back(v.span());
  FiniteValues weight;
  if (spec.weight) weight = weights(table, *spec.weight, rows);

  Evaluation out;
  const std::size_t k = spec.k.value_or(2);
  out.result = evaluate_multiclass({.truth = truth, .predicted = predicted, .scores = scores, .weight = weight},
                                   {.classes = classes, .k = k, .bootstrap = spec.bootstrap});
  out.parameters.classes = classes;
  if (!spec.scores.empty()) out.parameters.k = k;
  return out;
}

Evaluation regression(const core::Table& table, const Spec& spec, std::span<const std::uint32_t> rows) {
  if (!spec.prediction) throw core::Error("regression metrics need --prediction");
  const FiniteValues truth = finite_values(table, spec.target, rows, "target");
  const FiniteValues predicted = finite_values(table, *spec.prediction, rows, "prediction");
  FiniteValues weight;
  if (spec.weight) weight = weights(table, *spec.weight, rows);
  if (!(spec.quantile > 0.0 && spec.quantile < 1.0)) {
    throw core::Error(core::Location{.path = "--quantile"}, fmt::format("expected a value in (0, 1), got {}", spec.quantile));
  }
  Evaluation out;
  out.result = evaluate_regression({.truth = truth, .predicted = predicted, .weight = weight},
                                   {.quantile = spec.quantile, .bootstrap = spec.bootstrap});
  out.parameters.quantile = spec.quantile;
  return out;
}

Evaluation ranking(const core::Table& table, const Spec& spec, std::span<const std::uint32_t> rows) {
  if (!spec.group) throw core::Error("ranking metrics need --group (the query id column)");
  const std::optional<std::string>& score_name = spec.score ? spec.score : spec.prediction;
  if (!score_name) throw core::Error("ranking metrics need --score (the ranking score)");
  const FiniteValues relevance = finite_values(table, spec.target, rows, "target");
  for (std::size_t j = 0; j < relevance.size(); ++j) {
    if (relevance[j] < 0.0) {
      throw core::Error(fmt::format("target column '{}' holds a negative relevance at data row {} ({}); relevance must be >= 0",
                                    spec.target, rows[j] + 1, relevance[j]));
    }
  }
  const FiniteValues score = finite_values(table, *score_name, rows, "score");
  const core::Column& group = table.column(*spec.group);
  std::unordered_map<std::string, std::int32_t> codes;
  std::vector<std::int32_t> query(rows.size());
  for (std::size_t j = 0; j < rows.size(); ++j) {
    const auto [it, added] = codes.try_emplace(group.text(rows[j]), static_cast<std::int32_t>(codes.size()));
    query[j] = it->second;
  }
  FiniteValues weight;
  if (spec.weight) weight = weights(table, *spec.weight, rows);
  const std::size_t k = spec.k.value_or(10);
  Evaluation out;
  out.result = evaluate_ranking(
      {.relevance = relevance, .score = score, .query = query, .weight = weight, .queries = codes.size()},
      {.k = k, .bootstrap = spec.bootstrap});
  out.parameters.k = k;
  return out;
}


}  // namespace

std::vector<std::string> used_columns(const Spec& spec) {
  std::vector<std::string> names{spec.target};
  for (const auto* o : {&spec.prediction, &spec.score, &spec.weight, &spec.group}) {
    if (*o) names.push_back(**o);
  }
  names.insert(names.end(), spec.scores.begin(), spec.scores.end());
  return names;
}

std::vector<std::string> task_metrics(Task task) {
  switch (task) {
    case Task::binary:
      return {"accuracy", "balanced_accuracy", "precision", "recall", "f1", "specificity", "mcc", "cohen_kappa",
              "roc_auc", "average_precision", "log_loss", "brier_score"};
    case Task::multiclass:
      return {"accuracy", "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro", "precision_micro",
              "recall_micro", "f1_micro", "precision_weighted", "recall_weighted", "f1_weighted", "mcc",
              "cohen_kappa", "log_loss", "top_k_accuracy", "roc_auc_ovr", "roc_auc_ovr_weighted"};
    case Task::regression:
      return {"mae", "mse", "rmse", "r2", "mape", "median_absolute_error", "explained_variance", "max_error",
              "mean_pinball_loss"};
    case Task::ranking:
      return {"ndcg", "map", "mrr", "precision_at_k", "recall_at_k"};
  }
  return {};
}

bool lower_is_better(std::string_view metric) {
  static const std::vector<std::string_view> losses{"log_loss", "brier_score", "mae", "mse", "rmse", "mape",
                                                    "median_absolute_error", "max_error", "mean_pinball_loss"};
  return std::find(losses.begin(), losses.end(), metric) != losses.end();
}

Evaluation evaluate(const core::Table& table, const Spec& spec) {
  const std::vector<std::string> known = task_metrics(spec.task);
  for (const auto& name : spec.bootstrap.metrics) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw core::Error(core::Location{.path = "--ci-metrics"},
                        fmt::format("no {} metric '{}' (expected one of {})", task_name(spec.task), name,
                                    fmt::join(known, ", ")));
    }
  }
  // A column the task does not read would still drop the rows where it is
  // null, and the user would believe it was used: refuse it.
  if (spec.group && spec.task != Task::ranking) {
    throw core::Error(core::Location{.path = "--group"},
                      fmt::format("is the query id of ranking metrics; a {} task has none", task_name(spec.task)));
  }
  if ((spec.task == Task::regression || spec.task == Task::ranking) && !spec.scores.empty()) {
    throw core::Error(core::Location{.path = "--scores"}, fmt::format("a {} task takes no score column per class", task_name(spec.task)));
  }
  if (spec.task == Task::regression && spec.score) {
    throw core::Error(core::Location{.path = "--score"}, "regression metrics compare --target with --prediction");
  }
  const bool has_scores = spec.task == Task::multiclass ? !spec.scores.empty() : spec.score.has_value();
  for (const auto& name : spec.bootstrap.metrics) {
    if (!has_scores && needs_scores(spec.task, name)) {
      throw core::Error(core::Location{.path = "--ci-metrics"},
                        fmt::format("{} needs {}", name, spec.task == Task::multiclass ? "--scores" : "--score"));
    }
  }
  if (!(spec.bootstrap.level > 0.0 && spec.bootstrap.level < 1.0)) {
    throw core::Error(core::Location{.path = "--ci"}, fmt::format("expected a level in (0, 1), got {}", spec.bootstrap.level));
  }
  // Each resample keeps one value per metric: past this the intervals gain
  // nothing and the memory (and time) would be the user's surprise.
  constexpr std::size_t kMaxResamples = 1'000'000;
  if (spec.bootstrap.resamples > kMaxResamples) {
    throw core::Error(core::Location{.path = "--bootstrap"},
                      fmt::format("at most {} resamples, got {}", kMaxResamples, spec.bootstrap.resamples));
  }
  if (!std::isfinite(spec.threshold)) {
    throw core::Error(core::Location{.path = "--threshold"}, fmt::format("expected a finite number, got {}", spec.threshold));
  }
  const std::vector<std::string> names = used_columns(spec);
  std::size_t dropped = 0;
  const std::vector<std::uint32_t> rows = complete_rows(table, names, dropped);
  Evaluation out;
  switch (spec.task) {
    case Task::binary: out = binary(table, spec, rows); break;
    case Task::multiclass: out = multiclass(table, spec, rows); break;
    case Task::regression: out = regression(table, spec, rows); break;
    case Task::ranking: out = ranking(table, spec, rows); break;
  }
  out.parameters.dropped_rows = dropped;
  if (dropped > 0) {
    out.result.warnings.insert(out.result.warnings.begin(),
                               fmt::format("dropped {} of {} rows with a null in {}", dropped, table.rows(),
                                           fmt::join(names, ", ")));
  }
  return out;
}

}  // namespace assay::metrics
