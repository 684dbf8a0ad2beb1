// assay drift --reference FILE --current FILE [--columns a,b,...]
//             [--target COL] [--prediction COL] [--score COL]
//             [--method auto|ks|chi2|...] [--threshold X] [--bins N]
//             [--correction none|bonferroni|bh] [--drift-share 0.5]
//             [--timestamp COL --chunk 1d|1w|6h|N] [--multivariate classifier|mmd|pca]
//             [--by COL [--by-bins 5] [--min-support 50]] [--seed S]
// Batch drift of the current data against a reference (docs/drift.md).
// Exit code 1 when a column, the dataset, the multivariate detector or a
// chunk or segment drifted, or when a statistic or segment could not be
// computed (an error).

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <memory>

#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "drift/correction.hpp"
#include "drift/drift_run.hpp"
#include "io/table_reader.hpp"
#include "report/drift_json.hpp"
#include "report/drift_text.hpp"
#include "report/findings_json.hpp"

namespace assay::cli {

namespace {

std::map<std::string, drift::Method> method_map() {
  std::map<std::string, drift::Method> out;
  for (const drift::Method m :
       {drift::Method::automatic, drift::Method::ks, drift::Method::chi2, drift::Method::ztest, drift::Method::fisher,
        drift::Method::psi, drift::Method::js, drift::Method::kl, drift::Method::hellinger, drift::Method::wasserstein,
        drift::Method::anderson, drift::Method::cvm, drift::Method::energy, drift::Method::tvd}) {
    out.emplace(std::string(drift::method_name(m)), m);
  }
  return out;
}

std::optional<std::string> optional(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

void add_drift_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    std::string reference, current;
    std::vector<std::string> columns;
    std::string target, prediction, score, timestamp, chunk;
    drift::Method method = drift::Method::automatic;
    std::optional<double> threshold;
    std::size_t bins = 10;
    drift::Correction correction = drift::Correction::bonferroni;
    double drift_share = 0.5;
    std::optional<drift::Multivariate> multivariate;
    std::optional<double> multivariate_threshold;
    std::uint64_t seed = 0;
    std::vector<std::string> by;
    std::size_t by_bins = 5, min_support = 50;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand(
      "drift", "Data and prediction drift of a current dataset against a reference: per column, for the dataset, "
               "multivariate, per time chunk");
  command->add_option("--reference", args->reference, "Reference data (CSV or JSON Lines, .gz accepted)")->required();
  command->add_option("--current", args->current, "Current data to compare with the reference")->required();
  command->add_option("--columns", args->columns, "Feature columns to compare (default: every comparable column)")
      ->delimiter(',');
  command->add_option("--target", args->target, "Target column (compared, reported with role target)");
  command->add_option("--prediction", args->prediction, "Prediction column (compared, role prediction)");
  command->add_option("--score", args->score, "Model score column (compared, role score)");
  command->add_option("--method", args->method, "Per-column method (auto: chosen by kind and sample size)")
      ->transform(CLI::CheckedTransformer(method_map()));
  command->add_option("--threshold", args->threshold,
                      "Drift threshold for every column: p-value below it for tests, distance at or above it "
                      "otherwise (default 0.05 for tests, 0.1 for distances)");
  add_integer_option(*command, "--bins", args->bins, "Reference-quantile bins of the binned methods on numeric columns",
                     {.min = 2, .max = 1000});
  command->add_option("--correction", args->correction, "Multiple-testing correction of p-values across columns")
      ->transform(CLI::CheckedTransformer(std::map<std::string, drift::Correction>{
          {"none", drift::Correction::none}, {"bonferroni", drift::Correction::bonferroni}, {"bh", drift::Correction::bh}}));
  command->add_option("--drift-share", args->drift_share, "Dataset drift when more than this share of columns drift")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--timestamp", args->timestamp, "Timestamp column of the current data (for --chunk)");
  command->add_option("--chunk", args->chunk, "Report drift per chunk of the current data: 6h, 1d, 1w or N rows");
  command->add_option("--multivariate", args->multivariate, "Also run a multivariate detector over the features")
      ->transform(CLI::CheckedTransformer(std::map<std::string, drift::Multivariate>{
          {"classifier", drift::Multivariate::classifier}, {"mmd", drift::Multivariate::mmd},
          {"pca", drift::Multivariate::pca}}));
  command->add_option("--multivariate-threshold", args->multivariate_threshold,
                      "ROC AUC above which the domain classifier reports drift (0.55), or the MMD p-value (0.05)");
  auto* by = command->add_option("--by", args->by, "Also report drift per segment: each level of these columns in the current data")
                 ->delimiter(',');
  add_integer_option(*command, "--by-bins", args->by_bins, "Quantile bins of a numeric --by column", {.min = 2})->needs(by);
  add_integer_option(*command, "--min-support", args->min_support,
                     "Segments with fewer rows on a side are not compared (an error)", {.min = 1})
      ->needs(by);
  add_integer_option(*command, "--seed", args->seed, "Seed of subsampling, folds and permutations (multivariate)");
  add_read_flags(*command, args->read);

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      drift::DriftRequest request;
      request.columns.columns = args->columns;
      request.columns.target = optional(args->target);
      request.columns.prediction = optional(args->prediction);
      request.columns.score = optional(args->score);
      request.columns.timestamp = optional(args->timestamp);
      request.options.method = args->method;
      request.options.threshold = args->threshold;
      request.options.bins = args->bins;
      request.options.correction = args->correction;
      request.options.drift_share = args->drift_share;
      request.options.seed = args->seed;
      // CLI11 parses "nan" and "inf" as numbers and its range checks let NaN through.
      if (args->threshold && !(*args->threshold > 0 && std::isfinite(*args->threshold))) {
        throw core::Error(core::Location{.path = "--threshold"},
                          fmt::format("must be a finite number > 0, got {}", *args->threshold));
      }
      if (!(args->drift_share >= 0 && args->drift_share <= 1)) {
        throw core::Error(core::Location{.path = "--drift-share"},
                          fmt::format("must be in [0, 1], got {}", args->drift_share));
      }
      if (args->multivariate_threshold && !(*args->multivariate_threshold > 0 && *args->multivariate_threshold <= 1)) {
        throw core::Error(core::Location{.path = "--multivariate-threshold"},
                          fmt::format("must be in (0, 1] (a ROC AUC or a p-value), got {}", *args->multivariate_threshold));
      }
      if (!args->chunk.empty()) request.chunk = drift::parse_chunk(args->chunk);
      if (request.columns.timestamp && !request.chunk) {
        throw core::Error(core::Location{.path = "--timestamp"}, "--timestamp is used with --chunk (e.g. --chunk 1d)");
      }
      if (!args->by.empty()) {
        request.segments = drift::SegmentSpec{.by = args->by, .bins = args->by_bins, .min_support = args->min_support};
      }
      if (args->multivariate) {
        drift::MultivariateOptions mv;
        mv.method = *args->multivariate;
        mv.threshold = args->multivariate_threshold;
        mv.seed = args->seed;
        request.multivariate = mv;
      } else if (args->multivariate_threshold) {
        throw core::Error(core::Location{.path = "--multivariate-threshold"}, "needs --multivariate");
      }

      const io::ReadOptions read = make_read_options(args->read, context.quiet);
      const auto [reference, current] = read_pair(args->reference, args->current, read);
      const drift::DriftReport report = drift::run_drift(reference.table, current.table, request);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      write_result(context, context.format == Format::json
                                ? report::json_text(report::drift_json(report, request, reference.fingerprint,
                                                                       current.fingerprint, seconds))
                                : report::drift_text(report, request, reference.fingerprint, current.fingerprint,
                                                     context.color));
      // An error (a statistic that could not be computed) never passes.
      const core::Status worst = core::worst_status(report.findings);
      return worst == core::Status::fail || worst == core::Status::error ? 1 : 0;
    };
  });
}

}  // namespace assay::cli
