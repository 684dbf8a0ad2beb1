#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <oneapi/tbb/task_arena.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/context.hpp"
#include "core/version.hpp"

namespace assay::cli {

int run_command_line(const std::vector<std::string>& args) {
  Context context;
  context.color = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;

  CLI::App app{"assay: evaluate and monitor machine-learning pipelines", "assay"};
  app.set_version_flag("--version", std::string("assay ") + kVersion);
  app.require_subcommand(1);
  // Bad usage is one line on stderr, as bad input is (main.cpp).
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    std::string what = e.what();
    std::replace(what.begin(), what.end(), '\n', ' ');
    return "assay: " + what + "\n";
  });
  app.fallthrough();
  app.option_defaults()->always_capture_default();
  add_integer_option(app, "--threads", context.threads, "Worker threads (0: all cores)", {.min = 0, .max = 1024});
  std::string format = "table";
  app.add_option("--format", format, "Output format")->check(CLI::IsMember({"table", "json"}))->type_name("table|json");
  app.add_option("--output,-o", context.output, "Write the result to FILE instead of stdout")->type_name("FILE");
  app.add_flag("--quiet,-q", context.quiet, "No progress or notes on stderr");

  Runner runner;
  add_profile_command(app, context, runner);
  add_demo_command(app, context, runner);
  add_metrics_command(app, context, runner);
  add_drift_command(app, context, runner);
  add_schema_command(app, context, runner);
  add_quality_command(app, context, runner);
  add_leakage_command(app, context, runner);
  add_pii_command(app, context, runner);
  add_privacy_command(app, context, runner);
  add_labels_command(app, context, runner);
  add_fingerprint_command(app, context, runner);
  add_calibration_command(app, context, runner);
  add_calibrate_command(app, context, runner);
  add_fairness_command(app, context, runner);
  add_slices_command(app, context, runner);
  add_compare_command(app, context, runner);
  add_run_command(app, context, runner);
  add_init_command(app, context, runner);
  add_schema_of_command(app, context, runner);

  std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 takes them last first
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  context.format = format == "json" ? Format::json : Format::table;
  const int threads =
      context.threads == 0 ? tbb::this_task_arena::max_concurrency() : static_cast<int>(context.threads);
  tbb::task_arena arena(threads);
  return arena.execute([&] { return runner(); });
}

}  // namespace assay::cli
