// assay fairness --data FILE --target COL --prediction COL [--score COL]
//                --sensitive COL1,COL2 [--positive LABEL] [--min-group 30]
//                [--bins 10] [--ci 0.95] [--bootstrap 1000] [--seed S]
// Group fairness of a binary classifier with Fairlearn's definitions and
// bootstrap intervals that resample rows once for all groups
// (docs/fairness.md).

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "fairness/evaluate.hpp"
#include "io/table_reader.hpp"
#include "report/fairness_json.hpp"
#include "report/fairness_text.hpp"

namespace assay::cli {

void add_fairness_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    std::string data, target, prediction, score, positive;
    std::vector<std::string> sensitive;
    long long min_group = 30;
    long long bins = 10;
    double ci = 0.95;
    std::size_t bootstrap = 1000;
    std::uint64_t seed = 0;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand(
      "fairness", "Group fairness: per-group rates and demographic parity, equalized odds, disparate impact with bootstrap CIs");
  command->add_option("--data", args->data, "CSV or JSON Lines file (.gz accepted)")->required();
  command->add_option("--target", args->target, "True label column")->required();
  command->add_option("--prediction", args->prediction, "Predicted label column")->required();
  command->add_option("--score", args->score, "Positive-class probability: adds each group's ECE");
  command->add_option("--sensitive", args->sensitive, "Sensitive columns; several also give their intersection")
      ->required()
      ->delimiter(',');
  command->add_option("--positive", args->positive, "Positive label (default: 1, true or yes when unambiguous)");
  command->add_option("--min-group", args->min_group, "Groups with fewer rows are reported but not compared");
  command->add_option("--bins", args->bins, "Bins of the per-group ECE");
  command->add_option("--ci", args->ci, "Confidence level of the bootstrap intervals");
  command->add_option("--bootstrap", args->bootstrap, "Bootstrap resamples (0: no intervals)");
  command->add_option("--seed", args->seed, "Seed of the bootstrap");
  add_read_flags(*command, args->read);

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      if (args->min_group < 1) {
        throw core::Error(core::Location{.path = "--min-group"}, fmt::format("expected 1 or more rows, got {}", args->min_group));
      }
      if (args->bins < 1 || args->bins > 100000) {
        throw core::Error(core::Location{.path = "--bins"}, fmt::format("expected 1 to 100000 bins, got {}", args->bins));
      }
      if (!(args->ci > 0.0 && args->ci < 1.0)) {
        throw core::Error(core::Location{.path = "--ci"}, fmt::format("expected a level in (0, 1), got {}", args->ci));
      }
      fairness::Spec spec;
      spec.target = args->target;
      spec.prediction = args->prediction;
      if (!args->score.empty()) spec.score = args->score;
      spec.sensitive = args->sensitive;
      if (!args->positive.empty()) spec.positive = args->positive;
      spec.options.min_group = static_cast<std::size_t>(args->min_group);
      spec.options.calibration.bins = static_cast<std::size_t>(args->bins);
      spec.options.bootstrap = {.resamples = args->bootstrap, .level = args->ci, .seed = args->seed, .metrics = {}};

      const auto input = io::read_table(args->data, make_read_options(args->read, context.quiet));
      const fairness::Evaluation evaluation = fairness::evaluate(input.table, spec);
      for (const auto& warning : evaluation.warnings) note(context, "assay: warning: " + warning);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      write_result(context, context.format == Format::json
                                ? report::fairness_json(evaluation, spec, {input.fingerprint}, seconds).dump(2) + "\n"
                                : report::fairness_text(evaluation, spec, input.fingerprint));
      return 0;
    };
  });
}

}  // namespace assay::cli
