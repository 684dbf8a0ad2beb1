// assay schema FILE                     (same as `schema infer FILE`)
// assay schema infer FILE [-o schema.json]
// assay schema validate --schema schema.json FILE
//
// infer prints the inferred schema as a versioned JSON document
// (quality/schema_json.hpp); validate lists every anomaly as Findings and
// exits 1 when any is an error. A bad schema file exits 2 with the JSON path
// of the problem.

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "io/table_reader.hpp"
#include "quality/schema.hpp"
#include "quality/schema_json.hpp"
#include "quality/schema_validate.hpp"
#include "report/findings_json.hpp"
#include "report/findings_table.hpp"
#include "report/provenance_json.hpp"

namespace assay::cli {

namespace {

struct InferArgs {
  std::string file;
  std::size_t max_categories = 1000;
  ReadFlags read;
};

int run_infer(const Context& context, const InferArgs& args) {
  const auto input = io::read_table(args.file, make_read_options(args.read, context.quiet));
  quality::InferOptions options;
  options.max_categories = args.max_categories;
  const auto schema = quality::infer_schema(input.table, options);
  nlohmann::ordered_json extra;
  extra["generated_by"] = std::string("assay ") + kVersion;
  extra["source"] = report::fingerprint_json(input.fingerprint);
  write_result(context, report::json_text(quality::schema_to_json(schema, extra)));
  return 0;
}

void add_infer_options(CLI::App& command, InferArgs& args) {
  add_integer_option(command, "--max-categories", args.max_categories,
                     "Categorical columns with at most this many values list them as allowed categories");
  add_read_flags(command, args.read);
}

}  // namespace

void add_schema_command(CLI::App& app, const Context& context, Runner& runner) {
  auto direct = std::make_shared<InferArgs>();
  auto* command = app.add_subcommand("schema", "Infer a data file's schema (JSON), or validate data against one");
  command->add_option("file", direct->file, "CSV or JSON Lines file: print its inferred schema (as `schema infer`)");
  add_infer_options(*command, *direct);
  command->require_subcommand(0, 1);

  auto infer = std::make_shared<InferArgs>();
  auto* infer_command = command->add_subcommand("infer", "Print the inferred schema of a data file as JSON");
  infer_command->add_option("file", infer->file, "CSV or JSON Lines file (.gz accepted)")->required();
  add_infer_options(*infer_command, *infer);
  infer_command->callback([&context, &runner, infer] { runner = [&context, infer] { return run_infer(context, *infer); }; });

  struct ValidateArgs {
    std::string schema;
    std::string file;
    bool all = false;
    ReadFlags read;
  };
  auto validate = std::make_shared<ValidateArgs>();
  auto* validate_command = command->add_subcommand("validate", "List every anomaly of a data file against a schema; "
                                                               "exit 1 when any anomaly is an error");
  validate_command->add_option("--schema", validate->schema, "Schema file written by `assay schema infer`")->required();
  validate_command->add_option("file", validate->file, "CSV or JSON Lines file (.gz accepted)")->required();
  validate_command->add_flag("--all", validate->all, "Show conforming columns in the table too");
  add_read_flags(*validate_command, validate->read);
  validate_command->callback([&context, &runner, validate] {
    runner = [&context, validate] {
      const auto start = std::chrono::steady_clock::now();
      std::ifstream in(validate->schema, std::ios::binary);
      if (!in) throw core::Error(core::Location{.file = validate->schema}, "cannot open");
      std::ostringstream text;
      text << in.rdbuf();
      const auto schema = quality::parse_schema(text.str(), validate->schema);
      const auto input = io::read_table(validate->file, make_read_options(validate->read, context.quiet));
      const auto findings = quality::validate_schema(input.table, schema, quality::Options{});
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (context.format == Format::json) {
        nlohmann::ordered_json extra;
        extra["schema_file"] = validate->schema;
        write_result(context, report::json_text(report::findings_document("schema_validation", findings,
                                                                           {input.fingerprint}, seconds, extra)));
      } else {
        std::string out = fmt::format("data    {}  {} rows x {} columns  xxh3-128 {}\nschema  {}\n\n", input.fingerprint.path,
                                      input.fingerprint.rows, input.fingerprint.columns,
                                      input.fingerprint.content.hex(), validate->schema);
        out += report::findings_table(findings, {.color = context.color, .show_passing = validate->all});
        write_result(context, out);
      }
      const auto worst = core::worst_status(findings);
      return worst == core::Status::fail || worst == core::Status::error ? 1 : 0;
    };
  });

  // `assay schema FILE` infers; runs only when no subcommand was chosen.
  command->callback([&context, &runner, direct, command] {
    if (!command->get_subcommands().empty()) return;
    if (direct->file.empty()) {
      throw CLI::RequiredError("schema: a FILE, or one of the subcommands infer, validate");
    }
    runner = [&context, direct] { return run_infer(context, *direct); };
  });
}

}  // namespace assay::cli
