#include "slices/model_rows.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "metrics/labels.hpp"

namespace assay::slices {

namespace {

const core::Column& numeric_column(const core::Table& table, const std::string& name, std::string_view role) {
  const core::Column& column = table.column(name);
  if (!core::is_numeric(column.kind())) {
    throw core::Error(fmt::format("{} column '{}' is {}; expected numbers", role, name, core::kind_name(column.kind())));
  }
  return column;
}

// Values on the kept rows; a non-finite value is an error naming its
// (1-based) data row.
std::vector<double> finite_values(const core::Column& column, std::span<const std::uint32_t> rows,
                                  std::string_view role) {
  std::vector<double> out(rows.size());
  for (std::size_t j = 0; j < rows.size(); ++j) {
    out[j] = column.as_double(rows[j]);
    if (!std::isfinite(out[j])) {
      throw core::Error(fmt::format("{} column '{}' holds {} at data row {}; expected finite numbers", role,
                                    column.name(), out[j], rows[j] + 1));
    }
  }
  return out;
}

std::vector<std::uint32_t> complete_rows(const core::Table& table, const std::vector<std::string>& names,
                                         std::size_t& dropped) {
  std::vector<const core::Column*> columns;
  for (const auto& name : names) columns.push_back(&table.column(name));
  std::vector<std::uint32_t> rows;
  rows.reserve(table.rows());
  for (std::size_t i = 0; i < table.rows(); ++i) {
    bool valid = true;
    for (const auto* c : columns) valid = valid && c->is_valid(i);
    if (valid) rows.push_back(static_cast<std::uint32_t>(i));
  }
  dropped = table.rows() - rows.size();
  if (rows.empty()) {
    throw core::Error(table.rows() == 0 ? std::string("the input has no rows")
                                        : fmt::format("no rows left after dropping {} rows with a null in {}", dropped,
                                                      fmt::join(names, ", ")));
  }
  return rows;
}

void bind_binary(const core::Table& table, const Spec& spec, ModelRows& out) {
  if (!spec.prediction && !spec.score) throw core::Error("binary slices need --prediction and/or --score");
  const core::Column& target = table.column(spec.target);
  std::vector<std::string> labels = metrics::distinct_labels(target, out.rows);
  if (spec.prediction) {
    for (auto& l : metrics::distinct_labels(table.column(*spec.prediction), out.rows)) labels.push_back(std::move(l));
  }
  const metrics::BinaryLabels names = metrics::binary_labels(labels, spec.positive);
  out.positive_label = names.positive;
  out.negative_label = names.negative;
  const std::vector<std::string> classes{names.negative, names.positive};
  auto to_bits = [&](const core::Column& column) {
    const std::vector<std::int32_t> codes = metrics::encode_labels(column, out.rows, classes);
    return std::vector<std::uint8_t>(codes.begin(), codes.end());
  };
  out.truth_bits = to_bits(target);
  if (spec.prediction) out.predicted_bits = to_bits(table.column(*spec.prediction));
  if (spec.score) {
    out.score = finite_values(numeric_column(table, *spec.score, "score"), out.rows, "score");
    for (std::size_t j = 0; j < out.score.size(); ++j) {
      if (out.score[j] < 0.0 || out.score[j] > 1.0) {
        throw core::Error(fmt::format("score column '{}' holds {} at data row {}; expected probabilities in [0, 1]",
                                      *spec.score, out.score[j], out.rows[j] + 1));
      }
    }
  }
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
  out.truth_values = finite_values(numeric_column(table, spec.target, "target"), out.rows, "target");
  out.predicted_values = finite_values(numeric_column(table, *spec.prediction, "prediction"), out.rows, "prediction");
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
  out.rows = complete_rows(table, model_columns(spec), out.dropped);
  switch (spec.task) {
    case metrics::Task::binary: bind_binary(table, spec, out); break;
    case metrics::Task::multiclass: bind_multiclass(table, spec, out); break;
    case metrics::Task::regression: bind_regression(table, spec, out); break;
    case metrics::Task::ranking: break;
  }
  return out;
}

}  // namespace assay::slices
