// assay calibration --data FILE --target COL (--score COL | --scores A,B,...)
//                   [--classes A,B,...] [--positive LABEL] [--bins 10]
//                   [--strategy uniform|quantile] [--level 0.95]
// Calibration analysis: ECE, MCE, adaptive ECE, Brier score and its Murphy
// decomposition, Hosmer-Lemeshow, reliability curve (docs/calibration.md).

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "calibration/evaluate.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "report/calibration_json.hpp"
#include "report/calibration_text.hpp"

namespace assay::cli {

void add_calibration_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    std::string data, target, score, positive;
    std::vector<std::string> scores, classes;
    long long bins = 10;
    calibration::Strategy strategy = calibration::Strategy::uniform;
    double level = 0.95;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand(
      "calibration", "Calibration analysis: ECE, MCE, adaptive ECE, Brier decomposition, Hosmer-Lemeshow, reliability curve");
  command->add_option("--data", args->data, "CSV or JSON Lines file (.gz accepted)")->required();
  command->add_option("--target", args->target, "True label column")->required();
  auto* score = command->add_option("--score", args->score, "Positive-class probability (binary)");
  command->add_option("--scores", args->scores, "One probability column per class (multiclass)")
      ->delimiter(',')
      ->excludes(score);
  command->add_option("--classes", args->classes, "Class of each --scores column (default: from the column names)")
      ->delimiter(',');
  command->add_option("--positive", args->positive, "Positive label (default: 1, true or yes when unambiguous)");
  command->add_option("--bins", args->bins, "Number of bins");
  command->add_option("--strategy", args->strategy, "uniform (equal width) or quantile (equal mass) bins")
      ->transform(CLI::CheckedTransformer(std::map<std::string, calibration::Strategy>{
          {"uniform", calibration::Strategy::uniform}, {"quantile", calibration::Strategy::quantile}}));
  command->add_option("--level", args->level, "Confidence level of the Wilson intervals");
  add_read_flags(*command, args->read);

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      if (args->bins < 1 || args->bins > 100000) {
        throw core::Error(core::Location{.path = "--bins"}, fmt::format("expected 1 to 100000 bins, got {}", args->bins));
      }
      if (args->score.empty() && args->scores.empty()) {
        throw core::Error(core::Location{.path = "--score"}, "give --score (binary) or --scores (multiclass)");
      }
      calibration::Spec spec;
      spec.target = args->target;
      if (!args->score.empty()) spec.score = args->score;
      spec.scores = args->scores;
      spec.classes = args->classes;
      if (!args->positive.empty()) spec.positive = args->positive;
      spec.options = {.bins = static_cast<std::size_t>(args->bins), .strategy = args->strategy, .level = args->level};

      const auto input = io::read_table(args->data, make_read_options(args->read, context.quiet));
      const calibration::Evaluation evaluation = calibration::evaluate(input.table, spec);
      for (const auto& warning : evaluation.analysis.warnings) note(context, "assay: warning: " + warning);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      write_result(context, context.format == Format::json
                                ? report::calibration_json(evaluation, spec, {input.fingerprint}, seconds).dump(2) + "\n"
                                : report::calibration_text(evaluation, spec, input.fingerprint));
      return 0;
    };
  });
}

}  // namespace assay::cli
