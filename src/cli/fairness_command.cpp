// assay fairness --data FILE --target COL --prediction COL [--score COL]
//                --sensitive COL1,COL2 [--positive LABEL] [--min-group 30]
//                [--bins 10] [--ci 0.95] [--bootstrap 1000] [--seed S]
// Group fairness of a binary classifier with Fairlearn's definitions and
// bootstrap intervals that resample rows once for all groups
// (docs/fairness.md).

#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/model_command.hpp"
#include "core/error.hpp"
#include "fairness/evaluate.hpp"
#include "report/fairness_json.hpp"
#include "report/fairness_text.hpp"

namespace assay::cli {

void add_fairness_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    DataFlags data;
    std::string target, prediction, score, positive;
    std::vector<std::string> sensitive;
    std::size_t min_group = 30;
    std::size_t bins = 10;
    BootstrapFlags bootstrap;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand(
      "fairness", "Group fairness: per-group rates and demographic parity, equalized odds, disparate impact with bootstrap CIs");
  add_data_flags(*command, args->data);
  command->add_option("--target", args->target, "True label column")->required();
  command->add_option("--prediction", args->prediction, "Predicted label column")->required();
  command->add_option("--score", args->score, "Positive-class probability: adds each group's ECE");
  command->add_option("--sensitive", args->sensitive, "Sensitive columns; several also give their intersection")
      ->required()
      ->delimiter(',');
  command->add_option("--positive", args->positive, "Positive label (default: 1, true or yes when unambiguous)");
  add_integer_option(*command, "--min-group", args->min_group, "Groups with fewer rows are reported but not compared", {.min = 1});
  add_integer_option(*command, "--bins", args->bins, "Bins of the per-group ECE", kBinRange);
  add_bootstrap_flags(*command, args->bootstrap);

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      if (!(args->bootstrap.ci > 0.0 && args->bootstrap.ci < 1.0)) {
        throw core::Error(core::Location{.path = "--ci"},
                          fmt::format("expected a level in (0, 1), got {}", args->bootstrap.ci));
      }
      fairness::Spec spec;
      spec.target = args->target;
      spec.prediction = args->prediction;
      spec.score = given(args->score);
      spec.sensitive = args->sensitive;
      spec.positive = given(args->positive);
      spec.options.min_group = args->min_group;
      spec.options.calibration.bins = args->bins;
      spec.options.bootstrap = bootstrap_options(args->bootstrap);

      const auto run =
          evaluate_data(context, args->data, [&](const core::Table& table) { return fairness::evaluate(table, spec); });
      const DataInput& data = run.first;
      const fairness::Evaluation& evaluation = run.second;
      note_warnings(context, evaluation.warnings);
      write_report(
          context,
          [&] { return report::fairness_json(evaluation, spec, {data.input.fingerprint}, data.seconds()).dump(2) + "\n"; },
          [&] { return report::fairness_text(evaluation, spec, data.input.fingerprint); });
      return 0;
    };
  });
}

}  // namespace assay::cli
