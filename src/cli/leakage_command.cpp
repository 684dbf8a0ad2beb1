// assay leakage --train FILE --test FILE [--target COL] [--id COL]
//   [--timestamp COL]: train/test contamination, temporal and id leakage,
// and each feature's standalone power to predict the target
// (docs/quality.md). Exit 1 when a check fails.

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "quality/leakage.hpp"
#include "quality/options.hpp"
#include "report/findings_json.hpp"
#include "report/findings_table.hpp"

namespace assay::cli {

namespace {

struct LeakageArgs {
  std::string train;
  std::string test;
  std::string thresholds;
  std::vector<std::string> settings;
  quality::Roles roles;
  bool all = false;
  ReadFlags read;
};

quality::Options leakage_options(const LeakageArgs& args) {
  quality::Options options;
  if (!args.thresholds.empty()) {
    std::ifstream in(args.thresholds, std::ios::binary);
    if (!in) throw core::Error(core::Location{.file = args.thresholds}, "cannot open");
    std::ostringstream text;
    text << in.rdbuf();
    quality::apply_thresholds_text(options, text.str(), args.thresholds);
  }
  for (const auto& s : args.settings) quality::apply_setting(options, s);
  return options;
}

}  // namespace

void add_leakage_command(CLI::App& app, const Context& context, Runner& runner) {
  auto args = std::make_shared<LeakageArgs>();
  auto* command = app.add_subcommand("leakage", "Leakage between train and test (shared rows, time order, ids) "
                                                "and features that predict the target by themselves");
  command->add_option("--train", args->train, "Training data (CSV or JSON Lines)")->required()->type_name("FILE");
  command->add_option("--test", args->test, "Test or scoring data")->required()->type_name("FILE");
  command->add_option("--target", args->roles.target, "Target column (in train) for target, id and row-order leakage")->type_name("COL");
  command->add_option("--id", args->roles.id, "Id column: excluded from row hashes; ids shared by train and test")->type_name("COL");
  command->add_option("--timestamp", args->roles.timestamp, "Time column: test rows older than the newest train row")->type_name("COL");
  command->add_option("--ignore", args->roles.ignore, "Columns to leave out of every check")->type_name("COL");
  command->add_option("--thresholds", args->thresholds, "JSON file of threshold overrides (docs/quality.md)")->type_name("FILE");
  command->add_option("--set", args->settings, "Override one threshold or parameter: KEY=VALUE (e.g. target_auc.fail=0.99)")->type_name("KEY=VALUE");
  command->add_flag("--all", args->all, "Show passing checks in the table too");
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const quality::Options options = leakage_options(*args);
      const auto read_options = make_read_options(args->read, context.quiet);
      const auto [train, test] = read_pair(args->train, args->test, read_options);
      const auto findings = quality::run_leakage({&train.table, &test.table, args->roles}, options);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const std::vector<core::FileFingerprint> inputs{train.fingerprint, test.fingerprint};
      if (context.format == Format::json) {
        write_result(context, report::json_text(report::findings_document("leakage", findings, inputs, seconds)));
      } else {
        std::string text;
        for (const auto& [role, f] : {std::pair{"train", &train.fingerprint}, std::pair{"test", &test.fingerprint}}) {
          text += fmt::format("{:<6} {}  {} rows x {} columns  xxh3-128 {}\n", role, f->path, f->rows, f->columns,
                              f->content.hex());
        }
        text += "\n" + report::findings_table(findings, {.color = context.color, .show_passing = args->all});
        write_result(context, text);
      }
      const auto worst = core::worst_status(findings);
      return worst == core::Status::fail || worst == core::Status::error ? 1 : 0;
    };
  });
}

}  // namespace assay::cli
