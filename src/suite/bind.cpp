#include "suite/bind.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/table.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

void require_column(const core::Table& table, const std::string& column, const core::Location& where,
                    std::string_view which) {
  if (table.contains(column)) return;
  throw core::Error(where, fmt::format("no column '{}' in the {}{}", column, which, did_you_mean(column, table.names())));
}

std::vector<std::string> role_columns(const Suite& suite) {
  const Columns& c = suite.columns;
  std::vector<std::string> out;
  for (const auto* role : {&c.target, &c.prediction, &c.score, &c.timestamp, &c.id, &c.weight, &c.group}) {
    if (*role) out.push_back(**role);
  }
  out.insert(out.end(), c.scores.begin(), c.scores.end());
  return out;
}

void require_columns(const Suite& suite, const core::Table& table, std::string_view which) {
  const Columns& c = suite.columns;
  std::vector<std::string> named = role_columns(suite);
  named.insert(named.end(), c.sensitive.begin(), c.sensitive.end());
  named.insert(named.end(), c.slices.begin(), c.slices.end());
  named.insert(named.end(), c.ignore.begin(), c.ignore.end());
  for (const auto& column : named) require_column(table, column, c.where, which);
}

metrics::Spec metrics_spec(const Suite& suite, const std::vector<std::string>& bootstrap_metrics) {
  const Columns& c = suite.columns;
  metrics::Spec spec;
  spec.task = suite.task;
  spec.target = c.target.value_or("");
  spec.prediction = c.prediction;
  spec.score = c.score;
  spec.scores = c.scores;
  spec.classes = c.classes;
  spec.positive = c.positive;
  spec.threshold = suite.settings.threshold;
  spec.weight = c.weight;
  spec.group = c.group;
  spec.bootstrap = {.resamples = bootstrap_metrics.empty() ? 0 : suite.settings.bootstrap,
                    .level = suite.settings.ci_level,
                    .seed = suite.settings.seed,
                    .metrics = bootstrap_metrics};
  return spec;
}

calibration::Spec calibration_spec(const Suite& suite) {
  const Columns& c = suite.columns;
  calibration::Spec spec;
  spec.target = c.target.value_or("");
  spec.score = c.score;
  spec.scores = c.scores;
  spec.classes = c.classes;
  spec.positive = c.positive;
  return spec;
}

fairness::Spec fairness_spec(const Suite& suite, bool intervals) {
  const Columns& c = suite.columns;
  fairness::Spec spec;
  spec.target = c.target.value_or("");
  spec.prediction = c.prediction.value_or("");
  spec.score = c.score;
  spec.sensitive = c.sensitive;
  spec.positive = c.positive;
  spec.options.bootstrap = {.resamples = intervals ? suite.settings.bootstrap : 0,
                            .level = suite.settings.ci_level,
                            .seed = suite.settings.seed,
                            .metrics = {}};
  return spec;
}

slices::Spec slices_spec(const Suite& suite) {
  const Columns& c = suite.columns;
  slices::Spec spec;
  spec.task = suite.task;
  spec.target = c.target.value_or("");
  spec.prediction = c.prediction;
  spec.score = c.score;
  spec.positive = c.positive;
  spec.threshold = suite.settings.threshold;
  spec.by = c.slices;
  spec.exclude = role_columns(suite);
  spec.exclude.insert(spec.exclude.end(), c.ignore.begin(), c.ignore.end());
  spec.bootstrap = {.resamples = 0, .level = suite.settings.ci_level, .seed = suite.settings.seed, .metrics = {}};
  return spec;
}

quality::Roles quality_roles(const Suite& suite) {
  const Columns& c = suite.columns;
  quality::Roles roles;
  roles.target = c.target;
  roles.id = c.id;
  roles.timestamp = c.timestamp;
  roles.ignore = c.ignore;
  return roles;
}

drift::ColumnRequest drift_columns(const Suite& suite) {
  const Columns& c = suite.columns;
  drift::ColumnRequest request;
  request.target = c.target;
  request.prediction = c.prediction;
  request.score = c.score;
  request.timestamp = c.timestamp;
  return request;
}

drift::ColumnSelection drift_features(const Suite& suite, const core::Table& reference, const core::Table& current) {
  drift::ColumnRequest request;
  request.timestamp = suite.columns.timestamp;
  drift::ColumnSelection selection = drift::select_columns(reference, current, request);
  std::vector<std::string> excluded = role_columns(suite);
  excluded.insert(excluded.end(), suite.columns.ignore.begin(), suite.columns.ignore.end());
  std::erase_if(selection.columns, [&](const drift::ColumnSpec& spec) {
    return std::find(excluded.begin(), excluded.end(), spec.name) != excluded.end();
  });
  return selection;
}

}  // namespace assay::suite
