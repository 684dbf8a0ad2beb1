// assay compare --data FILE --target COL --champion COL --challenger COL
//               [--task binary|multiclass|regression] [--metric NAME] [--by COL] [--bins 5]
//               [--min-gain X] [--max-slice-loss X] [--alpha 0.05]
//               [--positive LABEL] [--threshold 0.5] [--resamples 1000] [--ci 0.95] [--seed S]
//       or  --champion-data F1 --challenger-data F2 --id COL instead of --data
// Champion vs challenger on the same rows, per slice, and a verdict
// (docs/compare.md). Exit 0 when the verdict is promote, 1 for keep or
// inconclusive, 2 for bad usage or input.

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "compare/compare.hpp"
#include "compare/join.hpp"
#include "compare/verdict.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "report/compare_json.hpp"
#include "report/compare_text.hpp"
#include "report/json_text.hpp"

namespace assay::cli {

void add_compare_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    std::string data, champion_data, challenger_data, id;
    metrics::Task task = metrics::Task::binary;
    std::string target, champion, challenger, metric, by, positive;
    double threshold = 0.5;
    std::size_t bins = 5;
    double min_gain = 0.0;
    std::optional<double> max_slice_loss;
    double alpha = 0.05;
    std::size_t resamples = 1000;
    double ci = 0.95;
    std::uint64_t seed = 0;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand("compare", "Champion vs challenger on the same rows: paired tests, slices, a verdict");
  auto* data = command->add_option("--data", args->data, "CSV or JSON Lines file with both models' columns");
  auto* first = command->add_option("--champion-data", args->champion_data, "The champion's file (with --id)");
  auto* second = command->add_option("--challenger-data", args->challenger_data, "The challenger's file (with --id)");
  auto* id = command->add_option("--id", args->id, "Row id column joining --champion-data and --challenger-data");
  data->excludes(first)->excludes(second)->excludes(id);
  command->add_option("--task", args->task, "binary, multiclass or regression")
      ->transform(CLI::CheckedTransformer(std::map<std::string, metrics::Task>{{"binary", metrics::Task::binary},
                                                                               {"multiclass", metrics::Task::multiclass},
                                                                               {"regression", metrics::Task::regression}}));
  command->add_option("--target", args->target, "True label or value column")->required();
  command->add_option("--champion", args->champion,
                      "Champion column: score (binary), predicted label (multiclass), prediction (regression)")
      ->required();
  command->add_option("--challenger", args->challenger, "Challenger column, as --champion")->required();
  command->add_option("--metric", args->metric, "Metric compared (default: roc_auc, accuracy, or mae)");
  command->add_option("--by", args->by, "Compare per slice of this column");
  command->add_option("--bins", args->bins, "Quantile bins of a numeric --by column (>= 2)");
  command->add_option("--min-gain", args->min_gain, "Smallest gain worth promoting, in the metric's units");
  command->add_option("--max-slice-loss", args->max_slice_loss, "Largest loss any slice may show (with --by)");
  command->add_option("--alpha", args->alpha, "Significance level of the tests");
  command->add_option("--positive", args->positive, "Positive label (default: 1, true or yes when unambiguous)");
  command->add_option("--threshold", args->threshold, "Binary: predict positive when score >= threshold");
  command->add_option("--resamples", args->resamples, "Paired bootstrap resamples (0: none)");
  command->add_option("--ci", args->ci, "Confidence level of the bootstrap interval of the difference");
  command->add_option("--seed", args->seed, "Seed of the bootstrap");
  add_read_flags(*command, args->read);

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const bool two_files = !args->champion_data.empty() || !args->challenger_data.empty() || !args->id.empty();
      if (!two_files && args->data.empty()) {
        throw core::Error(core::Location{.path = "--data"},
                          "required (or --champion-data, --challenger-data and --id)");
      }
      if (two_files) {
        for (const auto& [flag, value] : {std::pair{"--champion-data", &args->champion_data},
                                          {"--challenger-data", &args->challenger_data},
                                          {"--id", &args->id}}) {
          if (value->empty()) {
            throw core::Error(core::Location{.path = flag},
                              "required with the two-file form (--champion-data, --challenger-data, --id)");
          }
        }
      }
      if (args->by.empty() && args->max_slice_loss) {
        throw core::Error(core::Location{.path = "--max-slice-loss"}, "needs --by (the slices it limits)");
      }
      compare::Spec spec;
      spec.task = args->task;
      spec.target = args->target;
      spec.champion = args->champion;
      spec.challenger = args->challenger;
      if (!args->metric.empty()) spec.metric = args->metric;
      if (!args->by.empty()) spec.by = args->by;
      if (!args->positive.empty()) spec.positive = args->positive;
      spec.threshold = args->threshold;
      spec.bins = args->bins;
      spec.bootstrap.resamples = args->resamples;
      spec.bootstrap.level = args->ci;
      spec.bootstrap.seed = args->seed;
      const compare::Policy policy{.metric = spec.metric.value_or(compare::default_metric(spec.task)),
                                   .min_gain = args->min_gain,
                                   .max_slice_loss = args->max_slice_loss,
                                   .alpha = args->alpha};
      // The policy is checked before any reading, so a bad limit costs nothing.
      compare::check_policy(policy);

      const io::ReadOptions options = make_read_options(args->read, context.quiet);
      compare::Comparison comparison;
      std::vector<core::FileFingerprint> inputs;
      if (two_files) {
        const auto one = io::read_table(args->champion_data, options);
        const auto two = io::read_table(args->challenger_data, options);
        const compare::Joined joined = compare::join_on_id(
            one.table, two.table,
            {.id = args->id, .target = spec.target, .champion = spec.champion, .challenger = spec.challenger, .by = spec.by});
        spec.champion = joined.champion;
        spec.challenger = joined.challenger;
        comparison = compare::compare(joined.table, spec);
        inputs = {one.fingerprint, two.fingerprint};
      } else {
        const auto input = io::read_table(args->data, options);
        try {
          comparison = compare::compare(input.table, spec);
        } catch (const core::Error& e) {
          // Data errors name a column; the file they are in is where.
          if (!e.where().to_string().empty()) throw;
          throw core::Error(core::Location{.file = args->data}, e.message());
        }
        inputs = {input.fingerprint};
      }
      const compare::Decision decision = compare::decide(comparison, policy);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      write_result(context, context.format == Format::json
                                ? report::json_text(report::compare_json(comparison, spec, policy, inputs, seconds))
                                : report::compare_text(comparison, spec, policy));
      return decision.verdict == compare::Verdict::promote ? 0 : 1;
    };
  });
}

}  // namespace assay::cli
