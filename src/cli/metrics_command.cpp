// assay metrics --data FILE --task binary|multiclass|regression|ranking
//               --target COL [--prediction COL] [--score COL | --scores C1,C2,...]
//               [--classes A,B,...] [--positive LABEL] [--threshold 0.5]
//               [--weight COL] [--group COL] [--k N] [--quantile Q]
//               [--ci 0.95] [--bootstrap 1000] [--seed S] [--ci-metrics M1,M2]
//               [--by COL1,COL2 [--bins 5] [--min-support 50]]
// Offline model metrics with percentile bootstrap intervals, overall and
// with --by per group (docs/metrics.md).

#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/model_command.hpp"
#include "core/error.hpp"
#include "metrics/evaluate.hpp"
#include "report/json_text.hpp"
#include "report/metrics_json.hpp"
#include "report/metrics_text.hpp"
#include "slices/grouped_metrics.hpp"

namespace assay::cli {

void add_metrics_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    DataFlags data;
    metrics::Task task = metrics::Task::binary;
    std::string target;
    std::string prediction, score, weight, group, positive;
    std::vector<std::string> scores, classes, ci_metrics, by;
    std::size_t bins = 5, min_support = 50;
    double threshold = 0.5;
    std::size_t k = 0;
    double quantile = 0.5;
    BootstrapFlags bootstrap;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand(
      "metrics", "Model metrics (binary, multiclass, regression, ranking) with bootstrap confidence intervals");
  add_data_flags(*command, args->data);
  command->add_option("--task", args->task, "binary, multiclass, regression or ranking")
      ->required()
      ->transform(CLI::CheckedTransformer(std::map<std::string, metrics::Task>{{"binary", metrics::Task::binary},
                                                                               {"multiclass", metrics::Task::multiclass},
                                                                               {"regression", metrics::Task::regression},
                                                                               {"ranking", metrics::Task::ranking}}));
  command->add_option("--target", args->target, "True label / value / relevance column")->required();
  command->add_option("--prediction", args->prediction, "Predicted label (classification) or value (regression)");
  auto* score = command->add_option("--score", args->score,
                                    "Positive-class probability (binary) or ranking score (ranking)");
  command->add_option("--scores", args->scores, "One probability column per class (multiclass)")
      ->delimiter(',')
      ->excludes(score);
  command->add_option("--classes", args->classes, "Class of each --scores column (default: from the column names)")
      ->delimiter(',');
  command->add_option("--positive", args->positive, "Positive label (default: 1, true or yes when unambiguous)");
  command->add_option("--threshold", args->threshold, "Predict positive when score >= threshold (binary)");
  command->add_option("--weight", args->weight, "Sample weight column");
  command->add_option("--group", args->group, "Query id column (ranking)");
  add_integer_option(*command, "--k", args->k, "Cut-off for ranking metrics (default 10) or top_k_accuracy (default 2)",
                     {.min = 1});
  command->add_option("--quantile", args->quantile, "Quantile of mean_pinball_loss (regression)");
  add_bootstrap_flags(*command, args->bootstrap);
  command->add_option("--ci-metrics", args->ci_metrics, "Compute intervals only for these metrics")->delimiter(',');
  auto* by = command->add_option("--by", args->by, "Also report every metric per group of these columns")->delimiter(',');
  add_integer_option(*command, "--bins", args->bins, "Quantile bins of a numeric --by column (>= 2)", {.min = 2})->needs(by);
  add_integer_option(*command, "--min-support", args->min_support,
                     "Groups with fewer rows are listed as too small, not evaluated", {.min = 1})
      ->needs(by);

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      metrics::Spec spec;
      spec.task = args->task;
      spec.target = args->target;
      spec.prediction = given(args->prediction);
      spec.score = given(args->score);
      spec.scores = args->scores;
      spec.classes = args->classes;
      spec.positive = given(args->positive);
      spec.threshold = args->threshold;
      spec.weight = given(args->weight);
      spec.group = given(args->group);
      if (args->k > 0) spec.k = args->k;
      spec.quantile = args->quantile;
      spec.bootstrap = bootstrap_options(args->bootstrap, args->ci_metrics);
      if (spec.task == metrics::Task::multiclass && spec.score) {
        throw core::Error(core::Location{.path = "--score"}, "multiclass takes one column per class: use --scores");
      }
      if (spec.task == metrics::Task::binary && !spec.scores.empty()) {
        throw core::Error(core::Location{.path = "--scores"}, "binary takes the positive-class column: use --score");
      }

      if (!args->by.empty()) {
        const slices::GroupSpec groups{.by = args->by, .bins = args->bins, .min_support = args->min_support};
        const auto run = evaluate_data(context, args->data, [&](const core::Table& table) {
          return slices::evaluate_by_group(table, spec, groups);
        });
        const DataInput& data = run.first;
        const slices::GroupedEvaluation& grouped = run.second;
        note_warnings(context, grouped.overall.result.warnings);
        write_report(
            context,
            [&] {
              return report::json_text(
                  report::metrics_json(grouped, spec, groups, {data.input.fingerprint}, data.seconds()));
            },
            [&] { return report::metrics_text(grouped, spec, data.input.fingerprint); });
        return 0;
      }
      const auto run =
          evaluate_data(context, args->data, [&](const core::Table& table) { return metrics::evaluate(table, spec); });
      const DataInput& data = run.first;
      const metrics::Evaluation& evaluation = run.second;
      note_warnings(context, evaluation.result.warnings);
      write_report(
          context,
          [&] { return report::json_text(report::metrics_json(evaluation, spec, {data.input.fingerprint}, data.seconds())); },
          [&] { return report::metrics_text(evaluation, spec, data.input.fingerprint); });
      return 0;
    };
  });
}

}  // namespace assay::cli
