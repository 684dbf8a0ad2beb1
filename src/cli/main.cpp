// assay: evaluate and monitor machine-learning pipelines.
// Exit codes (DESIGN.md): 0 all checks pass, 1 a check failed, 2 bad usage
// or bad input, 3 internal error.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <oneapi/tbb/task_arena.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

namespace {

int run(int argc, char** argv) {
  using namespace assay::cli;
  Context context;
  context.color = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;

  CLI::App app{"assay: evaluate and monitor machine-learning pipelines", "assay"};
  app.set_version_flag("--version", std::string("assay ") + assay::kVersion);
  app.require_subcommand(1);
  app.fallthrough();
  app.option_defaults()->always_capture_default();
  app.add_option("--threads", context.threads, "Worker threads (0: all cores)")->check(CLI::Range(0, 1024));
  app.add_option("--format", context.format, "Output format")
      ->transform(CLI::CheckedTransformer(std::map<std::string, Format>{{"table", Format::table}, {"json", Format::json}}));
  app.add_option("--output,-o", context.output, "Write the result to FILE instead of stdout");
  app.add_flag("--quiet,-q", context.quiet, "No progress or notes on stderr");

  Runner runner;
  add_profile_command(app, context, runner);
  add_demo_command(app, context, runner);
  add_schema_command(app, context, runner);
  add_quality_command(app, context, runner);
  add_leakage_command(app, context, runner);
  add_fingerprint_command(app, context, runner);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  const int threads = context.threads == 0 ? tbb::this_task_arena::max_concurrency()
                                           : static_cast<int>(context.threads);
  tbb::task_arena arena(threads);
  return arena.execute([&] { return runner(); });
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const assay::core::Error& e) {
    fmt::print(stderr, "assay: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "assay: internal error: {}\n", e.what());
    return 3;
  }
}
