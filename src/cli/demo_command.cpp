// assay demo: runs the main commands on the shipped example (examples/weather:
// next-day rain forecasts for Seattle and New York, NOAA data; reference
// period 2013, current period 2014-2015) and prints each command line with
// its result, so the demo doubles as a tour of the tool. It ends with the
// example suite (examples/suite), its CI reports and its HTML report written
// under the system's temporary folder, and says where the HTML report is.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>
#include <filesystem>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"

#ifndef ASSAY_EXAMPLES_DIR
#define ASSAY_EXAMPLES_DIR "examples"
#endif

namespace assay::cli {

namespace {

struct Step {
  std::string title;
  std::vector<std::string> args;
};

std::vector<Step> demo_steps(const std::string& dir, const std::string& suite, const std::string& out) {
  const std::string reference = dir + "/reference.csv";
  const std::string current = dir + "/current.csv";
  return {
      {"What is in the current data?", {"profile", current}},
      {"How good is the model on the current period?",
       {"metrics", "--data", current, "--task", "binary", "--target", "rain_tomorrow", "--score", "score"}},
      {"Has the data drifted since the reference period?",
       {"drift", "--reference", reference, "--current", current, "--target", "rain_tomorrow", "--score", "score",
        "--prediction", "prediction"}},
      {"Is the current data clean?", {"quality", "--data", current, "--reference", reference, "--target", "rain_tomorrow"}},
      {"Does the evaluation leak from training?",
       {"leakage", "--train", reference, "--test", current, "--target", "rain_tomorrow", "--timestamp", "date"}},
      {"All of it as a CI gate: does the model pass its evaluation suite?",
       {"run", suite, "--set", "outputs.junit=" + out + "/junit.xml", "--set", "outputs.markdown=" + out + "/summary.md",
        "--set", "outputs.json=" + out + "/report.json", "--set", "outputs.html=" + out + "/report.html"}},
  };
}

}  // namespace

void add_demo_command(CLI::App& app, const Context& context, Runner& runner) {
  auto examples = std::make_shared<std::string>(ASSAY_EXAMPLES_DIR);
  auto* command = app.add_subcommand("demo", "Run assay's main commands on the shipped weather example");
  command->add_option("--examples", *examples, "Folder holding the weather/ example");
  command->callback([&context, &runner, examples] {
    runner = [&context, examples] {
      std::filesystem::path dir = std::filesystem::path(*examples) / "weather";
      // Show paths as a user in the source tree would type them.
      std::error_code ec;
      if (auto rel = std::filesystem::relative(dir, std::filesystem::current_path(), ec);
          !ec && !rel.empty() && *rel.begin() != "..") {
        dir = rel;
      }
      if (!std::filesystem::exists(dir / "current.csv")) {
        throw core::Error(core::Location{.path = "--examples"},
                          fmt::format("no example at {} (expected weather/current.csv)", dir.string()));
      }
      fmt::print("assay demo: next-day rain forecasts from NOAA daily weather, Seattle and New York\n");
      fmt::print("reference period 2013, current period 2014-2015 (examples/weather/README.md)\n");
      int worst = 0;
      const std::string suite = (dir.parent_path() / "suite" / "assay.yaml").string();
      const std::string out = (std::filesystem::temp_directory_path() / "assay-demo").string();
      for (const auto& step : demo_steps(dir.string(), suite, out)) {
        fmt::print("\n== {}\n$ assay {}\n\n", step.title, fmt::join(step.args, " "));
        std::fflush(stdout);
        std::vector<std::string> args{"assay"};
        if (context.quiet) args.push_back("--quiet");
        args.insert(args.end(), step.args.begin(), step.args.end());
        const int code = run_command_line(args);
        std::fflush(stdout);
        fmt::print("\n(exit code {}: {})\n", code, code == 0 ? "all checks pass" : code == 1 ? "a check failed" : "error");
        worst = std::max(worst, code);
      }
      if (std::filesystem::exists(out + "/report.html")) {
        fmt::print("\nThe report for people: open {}/report.html in a browser (it works offline).\n", out);
      }
      // A failed check is a finding about the example, not a failure of the demo.
      return worst >= 2 ? worst : 0;
    };
  });
}

}  // namespace assay::cli
