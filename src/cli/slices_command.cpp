// assay slices --data FILE --task binary|multiclass|regression --target COL
//              [--prediction COL] [--score COL] [--positive LABEL] [--threshold 0.5]
//              [--by COL1,COL2,...] [--exclude COL,...] [--bins 5] [--depth 2]
//              [--metric NAME] [--min-support 50] [--top 20] [--alpha 0.95]
//              [--max-levels 100] [--significance 0.05]
//              [--ci 0.95] [--bootstrap 1000] [--seed S]
// Metrics per slice with --by; weak-slice discovery (SliceLine) without it
// (docs/slices.md).

#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/model_command.hpp"
#include "core/error.hpp"
#include "report/slices_json.hpp"
#include "report/slices_text.hpp"
#include "slices/slicing.hpp"

namespace assay::cli {

void add_slices_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    DataFlags data;
    metrics::Task task = metrics::Task::binary;
    std::string target, prediction, score, positive, metric;
    std::vector<std::string> by, exclude;
    double threshold = 0.5;
    std::size_t bins = 5, depth = 2, min_support = 50, top = 20, max_levels = 100;
    double alpha = 0.95, significance = 0.05;
    BootstrapFlags bootstrap;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand("slices", "Metrics per data slice, and discovery of the slices where the model is weak");
  add_data_flags(*command, args->data);
  command->add_option("--task", args->task, "binary, multiclass or regression")
      ->required()
      ->transform(CLI::CheckedTransformer(std::map<std::string, metrics::Task>{{"binary", metrics::Task::binary},
                                                                               {"multiclass", metrics::Task::multiclass},
                                                                               {"regression", metrics::Task::regression}}));
  command->add_option("--target", args->target, "True label or value column")->required();
  command->add_option("--prediction", args->prediction, "Predicted label (classification) or value (regression)");
  command->add_option("--score", args->score, "Positive-class probability in [0, 1] (binary)");
  command->add_option("--positive", args->positive, "Positive label (default: 1, true or yes when unambiguous)");
  command->add_option("--threshold", args->threshold, "Predict positive when score >= threshold (binary, no --prediction)");
  command->add_option("--by", args->by, "Slice by these columns (default: search all eligible columns for weak slices)")
      ->delimiter(',');
  command->add_option("--exclude", args->exclude, "Leave these columns out of the search")->delimiter(',');
  add_integer_option(*command, "--bins", args->bins, "Quantile bins of a numeric column (>= 2)");
  add_integer_option(*command, "--depth", args->depth, "Most predicates in a conjunction (1 to 4)");
  command->add_option("--metric", args->metric, "Metric per slice (default: accuracy, or mae for regression)");
  add_integer_option(*command, "--min-support", args->min_support, "Smallest slice examined by the search (rows)");
  add_integer_option(*command, "--top", args->top, "Weak slices reported");
  command->add_option("--alpha", args->alpha, "SliceLine weight of the error ratio against slice size, in (0, 1]");
  add_integer_option(*command, "--max-levels", args->max_levels, "The search skips columns with more distinct values");
  command->add_option("--significance", args->significance, "Level of the Benjamini-Hochberg adjusted p-values");
  add_bootstrap_flags(*command, args->bootstrap);

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      slices::Spec spec;
      spec.task = args->task;
      spec.target = args->target;
      spec.prediction = given(args->prediction);
      spec.score = given(args->score);
      spec.positive = given(args->positive);
      spec.threshold = args->threshold;
      spec.by = args->by;
      spec.exclude = args->exclude;
      spec.bins = args->bins;
      spec.depth = args->depth;
      spec.metric = given(args->metric);
      spec.min_support = args->min_support;
      spec.top = args->top;
      spec.alpha = args->alpha;
      spec.max_levels = args->max_levels;
      spec.significance = args->significance;
      spec.bootstrap = bootstrap_options(args->bootstrap);
      if (!spec.by.empty() && !spec.exclude.empty()) {
        throw core::Error(core::Location{.path = "--exclude"}, "applies to the search; with --by, name only the columns to slice by");
      }

      const auto run =
          evaluate_data(context, args->data, [&](const core::Table& table) { return slices::run_slices(table, spec); });
      const DataInput& data = run.first;
      const slices::SliceReport& report = run.second;
      write_report(
          context,
          [&] { return report::slices_json(report, spec, {data.input.fingerprint}, data.seconds()).dump(2) + "\n"; },
          [&] { return report::slices_text(report, spec, data.input.fingerprint); });
      return 0;
    };
  });
}

}  // namespace assay::cli
