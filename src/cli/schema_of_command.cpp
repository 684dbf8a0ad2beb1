// assay schema-of suite: prints the JSON Schema of a file format assay
// reads, for editors and linters (today: the suite format, docs/suite.md).

#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "suite/suite_schema.hpp"

namespace assay::cli {

void add_schema_of_command(CLI::App& app, const Context& context, Runner& runner) {
  auto format = std::make_shared<std::string>();
  auto* command = app.add_subcommand("schema-of", "Print the JSON Schema of a file format assay reads (suite)");
  command->add_option("format", *format, "The format: suite")->required()->check(CLI::IsMember({"suite"}));
  command->callback([&context, &runner, format] {
    runner = [&context, format] {
      write_result(context, suite::suite_json_schema());
      return 0;
    };
  });
}

}  // namespace assay::cli
