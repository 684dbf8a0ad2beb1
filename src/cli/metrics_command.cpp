// assay metrics --data FILE --task binary|multiclass|regression|ranking
//               --target COL [--prediction COL] [--score COL | --scores C1,C2,...]
//               [--classes A,B,...] [--positive LABEL] [--threshold 0.5]
//               [--weight COL] [--group COL] [--k N] [--quantile Q]
//               [--ci 0.95] [--bootstrap 1000] [--seed S] [--ci-metrics M1,M2]
// Offline model metrics with percentile bootstrap intervals (docs/metrics.md).

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "metrics/evaluate.hpp"
#include "report/json_text.hpp"
#include "report/metrics_json.hpp"
#include "report/metrics_text.hpp"

namespace assay::cli {

void add_metrics_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    std::string data;
    metrics::Task task = metrics::Task::binary;
    std::string target;
    std::string prediction, score, weight, group, positive;
    std::vector<std::string> scores, classes, ci_metrics;
    double threshold = 0.5;
    std::size_t k = 0;
    double quantile = 0.5;
    double ci = 0.95;
    std::size_t bootstrap = 1000;
    std::uint64_t seed = 0;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand(
      "metrics", "Model metrics (binary, multiclass, regression, ranking) with bootstrap confidence intervals");
  command->add_option("--data", args->data, "CSV or JSON Lines file (.gz accepted)")->required();
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
  command->add_option("--k", args->k, "Cut-off for ranking metrics (default 10) or top_k_accuracy (default 2)")
      ->check(CLI::PositiveNumber);
  command->add_option("--quantile", args->quantile, "Quantile of mean_pinball_loss (regression)");
  command->add_option("--ci", args->ci, "Confidence level of the bootstrap intervals");
  command->add_option("--bootstrap", args->bootstrap, "Bootstrap resamples (0: no intervals)");
  command->add_option("--seed", args->seed, "Seed of the bootstrap");
  command->add_option("--ci-metrics", args->ci_metrics, "Compute intervals only for these metrics")->delimiter(',');
  add_read_flags(*command, args->read);

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      metrics::Spec spec;
      spec.task = args->task;
      spec.target = args->target;
      auto optional = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
      spec.prediction = optional(args->prediction);
      spec.score = optional(args->score);
      spec.scores = args->scores;
      spec.classes = args->classes;
      spec.positive = optional(args->positive);
      spec.threshold = args->threshold;
      spec.weight = optional(args->weight);
      spec.group = optional(args->group);
      if (args->k > 0) spec.k = args->k;
      spec.quantile = args->quantile;
      spec.bootstrap = {.resamples = args->bootstrap, .level = args->ci, .seed = args->seed, .metrics = args->ci_metrics};
      if (spec.task == metrics::Task::multiclass && spec.score) {
        throw core::Error(core::Location{.path = "--score"}, "multiclass takes one column per class: use --scores");
      }
      if (spec.task == metrics::Task::binary && !spec.scores.empty()) {
        throw core::Error(core::Location{.path = "--scores"}, "binary takes the positive-class column: use --score");
      }

      const auto input = io::read_table(args->data, make_read_options(args->read, context.quiet));
      const metrics::Evaluation evaluation = [&] {
        try {
          return metrics::evaluate(input.table, spec);
        } catch (const core::Error& e) {
          // Data errors name a column; the file they are in is where.
          if (!e.where().to_string().empty()) throw;
          throw core::Error(core::Location{.file = args->data}, e.message());
        }
      }();
      for (const auto& warning : evaluation.result.warnings) note(context, "assay: warning: " + warning);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      write_result(context, context.format == Format::json
                                ? report::json_text(report::metrics_json(evaluation, spec, {input.fingerprint}, seconds))
                                : report::metrics_text(evaluation, spec, input.fingerprint));
      return 0;
    };
  });
}

}  // namespace assay::cli
