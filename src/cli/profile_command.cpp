// assay profile FILE: per-column statistics of a data file.

#include <fmt/format.h>

#include <chrono>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "io/table_reader.hpp"
#include "profile/column_profile.hpp"
#include "report/json_text.hpp"
#include "report/profile_json.hpp"

namespace assay::cli {

void add_profile_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    std::string file;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand("profile", "Per-column statistics: counts, nulls, distinct, range, mean, "
                                                "std, percentiles, most frequent values");
  command->add_option("file", args->file, "CSV or JSON Lines file (.gz accepted)")->required();
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const auto input = io::read_table(args->file, make_read_options(args->read, context.quiet));
      const auto profiles = profile::profile_table(input.table);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      write_result(context, context.format == Format::json
                                ? report::json_text(report::profile_json(profiles, input.fingerprint, seconds))
                                : report::profile_text(profiles, input.fingerprint));
      return 0;
    };
  });
}

}  // namespace assay::cli
