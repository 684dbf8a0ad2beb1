// assay calibration --data FILE --target COL (--score COL | --scores A,B,...)
//                   [--classes A,B,...] [--positive LABEL] [--bins 10]
//                   [--strategy uniform|quantile] [--level 0.95]
// Calibration analysis: ECE, MCE, adaptive ECE, Brier score and its Murphy
// decomposition, Hosmer-Lemeshow, reliability curve (docs/calibration.md).

#include <fmt/format.h>

#include <memory>

#include "calibration/evaluate.hpp"
#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/model_command.hpp"
#include "core/error.hpp"
#include "report/calibration_json.hpp"
#include "report/calibration_text.hpp"

namespace assay::cli {

void add_calibration_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    DataFlags data;
    std::string target, score, positive;
    std::vector<std::string> scores, classes;
    std::size_t bins = 10;
    calibration::Strategy strategy = calibration::Strategy::uniform;
    double level = 0.95;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand(
      "calibration", "Calibration analysis: ECE, MCE, adaptive ECE, Brier decomposition, Hosmer-Lemeshow, reliability curve");
  add_data_flags(*command, args->data);
  command->add_option("--target", args->target, "True label column")->required();
  auto* score = command->add_option("--score", args->score, "Positive-class probability (binary)");
  command->add_option("--scores", args->scores, "One probability column per class (multiclass)")
      ->delimiter(',')
      ->excludes(score);
  command->add_option("--classes", args->classes, "Class of each --scores column (default: from the column names)")
      ->delimiter(',');
  command->add_option("--positive", args->positive, "Positive label (default: 1, true or yes when unambiguous)");
  add_integer_option(*command, "--bins", args->bins, "Number of bins", kBinRange);
  command->add_option("--strategy", args->strategy, "uniform (equal width) or quantile (equal mass) bins")
      ->transform(CLI::CheckedTransformer(std::map<std::string, calibration::Strategy>{
          {"uniform", calibration::Strategy::uniform}, {"quantile", calibration::Strategy::quantile}}));
  command->add_option("--level", args->level, "Confidence level of the Wilson intervals");

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      if (args->score.empty() && args->scores.empty()) {
        throw core::Error(core::Location{.path = "--score"}, "give --score (binary) or --scores (multiclass)");
      }
      calibration::Spec spec;
      spec.target = args->target;
      spec.score = given(args->score);
      spec.scores = args->scores;
      spec.classes = args->classes;
      spec.positive = given(args->positive);
      spec.options = {.bins = args->bins, .strategy = args->strategy, .level = args->level};

      const auto run =
          evaluate_data(context, args->data, [&](const core::Table& table) { return calibration::evaluate(table, spec); });
      const DataInput& data = run.first;
      const calibration::Evaluation& evaluation = run.second;
      note_warnings(context, evaluation.analysis.warnings);
      write_report(
          context,
          [&] { return report::calibration_json(evaluation, spec, {data.input.fingerprint}, data.seconds()).dump(2) + "\n"; },
          [&] { return report::calibration_text(evaluation, spec, data.input.fingerprint); });
      return 0;
    };
  });
}

}  // namespace assay::cli
