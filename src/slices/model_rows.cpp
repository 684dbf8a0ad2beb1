#include "slices/model_rows.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "metrics/labels.hpp"
#include "metrics/model_columns.hpp"

namespace assay::slices {

namespace {

void bind_binary(const core::Table& table, const Spec& spec, ModelRows& out) {
  if (!spec.prediction && !spec.score) throw core::Error("binary slices need --prediction and/or --score");
  metrics::BinaryBits bits = metrics::binary_bits(table, spec.target, spec.prediction, out.rows, spec.positive);
  out.positive_label = std::move(bits.positive);
  out.negative_label = std::move(bits.negative);
  out.truth_bits = std::move(bits.truth);
  out.predicted_bits = std::move(bits.predicted);
  if (spec.score) out.score = metrics::finite_values(table, *spec.score, out.rows, "score", true).to_vector();
  out.error.resize(out.size());
  for (std::size_t j = 0; j < out.size(); ++j) {
    const std::uint8_t predicted =
        out.predicted_bits.empty() ? static_cast<std::uint8_t>(out.score[j] >= spec.threshold) : out.predicted_bits[j];
    out.error[j] = predicted != out.truth_bits[j] ? 1.0 : 0.0;
  }
}

void bind_multiclass(const core::Table& table, const Spec& spec, ModelRows& out) {
  if (!spec.prediction) throw core::Error("multiclass slices need --prediction");
  if (spec.score) throw core::Error(core::Location{.path = "--score"}, "multiclass slices take --prediction, not --score");
  const core::Column& target = table.column(spec.target);
  const core::Column& prediction = table.column(*spec.prediction);
  out.classes = metrics::distinct_labels(target, out.rows);
  for (auto& l : metrics::distinct_labels(prediction, out.rows)) out.classes.push_back(std::move(l));
  metrics::sort_labels(out.classes);
  out.truth_codes = metrics::encode_labels(target, out.rows, out.classes);
  out.predicted_codes = metrics::encode_labels(prediction, out.rows, out.classes);
  out.error.resize(out.size());
  for (std::size_t j = 0; j < out.size(); ++j) out.error[j] = out.truth_codes[j] != out.predicted_codes[j] ? 1.0 : 0.0;
}

void bind_regression(const core::Table& table, const Spec& spec, ModelRows& out) {
  if (!spec.prediction) throw core::Error("regression slices need --prediction");
  if (spec.score) throw core::Error(core::Location{.path = "--score"}, "regression slices take --prediction, not --score");
  out.truth_values = metrics::finite_values(table, spec.target, out.rows, "target").to_vector();
  out.predicted_values = metrics::finite_values(table, *spec.prediction, out.rows, "prediction").to_vector();
  out.error.resize(out.size());
  for (std::size_t j = 0; j < out.size(); ++j) out.error[j] = std::abs(out.truth_values[j] - out.predicted_values[j]);
}

}  // namespace

std::vector<std::string> model_columns(const Spec& spec) {
  std::vector<std::string> names{spec.target};
  if (spec.prediction) names.push_back(*spec.prediction);
  if (spec.score) names.push_back(*spec.score);
  return names;
}

ModelRows bind_model(const core::Table& table, const Spec& spec) {
  if (spec.task == metrics::Task::ranking) throw core::Error(core::Location{.path = "--task"}, "slices support binary, multiclass and regression");
  ModelRows out;
  out.task = spec.task;
  out.rows = metrics::complete_rows(table, model_columns(spec), out.dropped);
  switch (spec.task) {
    case metrics::Task::binary: bind_binary(table, spec, out); break;
    case metrics::Task::multiclass: bind_multiclass(table, spec, out); break;
    case metrics::Task::regression: bind_regression(table, spec, out); break;
    case metrics::Task::ranking: break;
  }
  return out;
}

}  // namespace assay::slices
