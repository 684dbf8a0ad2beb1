// assay demo: runs assay on the shipped example (examples/weather: next-day
// rain forecasts for Seattle and New York, NOAA data) and prints the result.

#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "profile/column_profile.hpp"
#include "report/profile_json.hpp"

#ifndef ASSAY_EXAMPLES_DIR
#define ASSAY_EXAMPLES_DIR "examples"
#endif

namespace assay::cli {

void add_demo_command(CLI::App& app, const Context& context, Runner& runner) {
  auto examples = std::make_shared<std::string>(ASSAY_EXAMPLES_DIR);
  auto* command = app.add_subcommand("demo", "Run assay on the shipped weather example");
  command->add_option("--examples", *examples, "Folder holding the weather/ example");
  command->callback([&context, &runner, examples] {
    runner = [&context, examples] {
      const std::filesystem::path dir = std::filesystem::path(*examples) / "weather";
      if (!std::filesystem::exists(dir / "current.csv")) {
        throw core::Error(core::Location{.path = "--examples"},
                          fmt::format("no example at {} (expected weather/current.csv)", dir.string()));
      }
      std::string out = "assay demo: next-day rain forecasts, NOAA daily weather for Seattle and New York\n";
      out += "reference period 2013, current period 2014-2015 (see examples/weather/README.md)\n\n";
      for (const char* name : {"reference.csv", "current.csv"}) {
        const auto input = io::read_table((dir / name).string());
        out += report::profile_text(profile::profile_table(input.table), input.fingerprint) + "\n";
      }
      write_result(context, out);
      return 0;
    };
  });
}

}  // namespace assay::cli
