// assay labels --data FILE --target COL (--score COL | --scores A,B,... |
//   --features a,b,... [--folds 5] [--seed S]) [--top N]: label noise by
// confident learning (docs/labels.md): per-class thresholds, the confident
// joint, estimated noise rates and the rows whose label looks wrong,
// ranked. With --features the out-of-sample probabilities come from k-fold
// XGBoost. Measures only: exit 0 when it ran.

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "report/findings_json.hpp"
#include "security/label_noise.hpp"
#include "security/xgboost_folds.hpp"

namespace assay::cli {

namespace {

struct LabelsArgs {
  std::string data;
  security::ProbabilitySpec spec;
  std::vector<std::string> features;
  std::size_t folds = 5;
  std::uint64_t seed = 0;
  std::size_t top = 20;
  ReadFlags read;
};

security::ClassProbabilities label_probabilities(const core::Table& table, const LabelsArgs& args) {
  const bool scored = args.spec.score || !args.spec.scores.empty();
  if (scored == !args.features.empty()) {
    throw core::Error(core::Location{.path = "--features"},
                      "give model probabilities (--score or --scores) or --features to fit k-fold XGBoost, not both");
  }
  if (scored) {
    const core::Table* tables[] = {&table};
    return security::bind_probabilities(table, args.spec, security::spec_classes(args.spec, tables), "data file");
  }
  security::ClassProbabilities p = security::bind_labels(table, args.spec.target, "data file");
  const std::vector<float> x = security::feature_matrix(table, args.features);
  p.columns = security::out_of_fold_probabilities(x, args.features.size(), p.truth, p.classes,
                                                  {.folds = args.folds, .seed = args.seed});
  return p;
}

std::string labels_text(const security::LabelNoise& noise, std::size_t top) {
  std::string text = fmt::format("\nestimated noise rate {:.2f}% ({} suspect rows)\n\n", 100.0 * noise.overall_noise_rate,
                                 noise.suspects.size());
  text += fmt::format("  {:<16} {:>7} {:>10} {:>11}\n", "label", "rows", "threshold", "noise rate");
  for (std::size_t i = 0; i < noise.classes.size(); ++i) {
    text += fmt::format("  {:<16} {:>7} {:>10.4f} {:>10.2f}%\n", noise.classes[i], noise.label_counts[i],
                        noise.thresholds[i], 100.0 * noise.noise_rate[i]);
  }
  text += "\nconfident joint (rows: given label, columns: likely true label)\n  " + std::string(16, ' ');
  for (const auto& c : noise.classes) text += fmt::format(" {:>8}", c);
  text += "\n";
  for (std::size_t i = 0; i < noise.classes.size(); ++i) {
    text += fmt::format("  {:<16}", noise.classes[i]);
    for (const std::size_t v : noise.confident_joint[i]) text += fmt::format(" {:>8}", v);
    text += "\n";
  }
  const std::size_t shown = std::min(top, noise.suspects.size());
  text += fmt::format("\nsuspect rows, least self-confident first ({} of {})\n  {:>7} {:<16} {:<16} {:>15}\n", shown,
                      noise.suspects.size(), "row", "label", "likely", "self-confidence");
  for (std::size_t s = 0; s < shown; ++s) {
    const auto& x = noise.suspects[s];
    text += fmt::format("  {:>7} {:<16} {:<16} {:>15.4f}\n", x.row + 1, noise.classes[static_cast<std::size_t>(x.given)],
                        noise.classes[static_cast<std::size_t>(x.likely)], x.self_confidence);
  }
  return text;
}

}  // namespace

void add_labels_command(CLI::App& app, const Context& context, Runner& runner) {
  auto args = std::make_shared<LabelsArgs>();
  auto* command = app.add_subcommand("labels", "Label noise by confident learning: estimated noise rates and the rows "
                                               "whose label looks wrong, from out-of-sample probabilities");
  command->add_option("--data", args->data, "CSV or JSON Lines file")->required()->type_name("FILE");
  command->add_option("--target", args->spec.target, "Given label column")->required()->type_name("COL");
  command->add_option("--score", args->spec.score, "Binary: out-of-sample probability of the positive class")
      ->type_name("COL");
  command->add_option("--scores", args->spec.scores, "Multiclass: out-of-sample probability columns, one per class")
      ->delimiter(',')
      ->type_name("A,B,...");
  command->add_option("--positive", args->spec.positive, "Binary: the positive label (default: 1/true/yes)")
      ->type_name("LABEL");
  command->add_option("--features", args->features, "Numeric feature columns: fit k-fold XGBoost for the probabilities")
      ->delimiter(',')
      ->type_name("a,b,...");
  add_integer_option(*command, "--folds", args->folds, "Folds of --features", {.min = 2, .max = 100});
  add_integer_option(*command, "--seed", args->seed, "Seed of the --features folds");
  add_integer_option(*command, "--top", args->top, "Suspect rows shown (JSON: listed)", {.min = 0, .max = 100000000});
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const auto data = read_rows(args->data, make_read_options(args->read, context.quiet));
      const security::ClassProbabilities p = label_probabilities(data.table, *args);
      const security::LabelNoise noise = security::confident_learning(p);
      const auto findings = security::label_noise_findings(noise, args->top);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (context.format == Format::json) {
        nlohmann::ordered_json extra;
        extra["probabilities"] = args->features.empty() ? "given" : "xgboost_out_of_fold";
        if (!args->features.empty()) {
          extra["folds"] = args->folds;
          extra["seed"] = args->seed;
        }
        write_result(context,
                     report::json_text(report::findings_document("labels", findings, {data.fingerprint}, seconds, extra)));
      } else {
        const auto& f = data.fingerprint;
        std::string text = fmt::format("data     {}  {} rows x {} columns  xxh3-128 {}\n", f.path, f.rows, f.columns,
                                       f.content.hex());
        text += args->features.empty() ? "probabilities: given\n"
                                       : fmt::format("probabilities: XGBoost, {} folds out of sample, seed {}\n",
                                                     args->folds, args->seed);
        write_result(context, text + labels_text(noise, args->top));
      }
      return 0;
    };
  });
}

}  // namespace assay::cli
