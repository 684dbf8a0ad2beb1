#pragma once
// The table-level entry point: binds named columns of a core::Table to a
// task, drops rows with a null in any used column, checks the data (finite
// scores, weights >= 0, known labels), encodes labels and runs the task's
// engine. Bad input throws core::Error naming the column and the rows.
// The CLI, the suite and the service call this; nothing here reads files.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"
#include "metrics/bootstrap.hpp"
#include "metrics/result.hpp"

namespace assay::metrics {

struct Spec {
  Task task = Task::binary;
  std::string target;
  std::optional<std::string> prediction;
  std::optional<std::string> score;      // binary: positive-class score; ranking: the ranking score
  std::vector<std::string> scores;       // multiclass: one probability column per class
  std::vector<std::string> classes;      // class of each `scores` column; empty: from the column names
  std::optional<std::string> positive;   // binary positive label; empty: detect 1/true/yes
  double threshold = 0.5;
  std::optional<std::string> weight;
  std::optional<std::string> group;      // ranking query id
  std::optional<std::size_t> k;          // ranking cut-off (default 10); multiclass top-k (default 2)
  double quantile = 0.5;                 // regression mean_pinball_loss alpha
  std::size_t curve_points = 200;
  BootstrapOptions bootstrap;
};

// Parameters actually used, for the report (k after defaults, labels found).
struct Parameters {
  std::optional<std::string> positive;
  std::optional<std::string> negative;
  std::vector<std::string> classes;
  std::optional<double> threshold;
  std::optional<std::size_t> k;
  std::optional<double> quantile;
  std::size_t dropped_rows = 0;  // rows with a null in a used column
};

struct Evaluation {
  Result result;
  Parameters parameters;
};

Evaluation evaluate(const core::Table& table, const Spec& spec);

// The columns `spec` reads (target, prediction, score(s), weight, group):
// a row with a null in any of them is dropped.
std::vector<std::string> used_columns(const Spec& spec);

// The metrics a task reports by name (those that can get an interval), in
// report order.
std::vector<std::string> task_metrics(Task task);

// Losses and errors (log_loss, brier_score, mae, ...): smaller is better.
bool lower_is_better(std::string_view metric);

}  // namespace assay::metrics
