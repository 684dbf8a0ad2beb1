// assay quality --data FILE [--reference FILE] [--schema FILE] [--target COL]
//   [--id COL] [--timestamp COL]: data quality checks as Findings
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
#include "quality/options.hpp"
#include "quality/quality.hpp"
#include "quality/schema_json.hpp"
#include "report/findings_json.hpp"
#include "report/findings_table.hpp"

namespace assay::cli {

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error(core::Location{.file = path}, "cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Args {
  std::string data;
  std::string reference;
  std::string schema;
  std::string thresholds;
  std::vector<std::string> settings;
  quality::Roles roles;
  bool all = false;
  ReadFlags read;
};

quality::Options make_options(const Args& args) {
  quality::Options options;
  if (!args.thresholds.empty()) quality::apply_thresholds_text(options, read_text(args.thresholds), args.thresholds);
  for (const auto& s : args.settings) quality::apply_setting(options, s);
  return options;
}

std::string input_line(std::string_view role, const core::FileFingerprint& f) {
  return fmt::format("{:<10} {}  {} rows x {} columns  xxh3-128 {}\n", role, f.path, f.rows, f.columns, f.content.hex());
}

}  // namespace

void add_quality_command(CLI::App& app, const Context& context, Runner& runner) {
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand("quality", "Data quality checks: missing values, types, ranges, duplicates, "
                                                "cardinality, outliers, class balance, leakage, schema anomalies");
  command->add_option("--data", args->data, "CSV or JSON Lines file to check")->required()->type_name("FILE");
  command->add_option("--reference", args->reference, "Reference data (e.g. training) for ranges, categories, kinds")->type_name("FILE");
  command->add_option("--schema", args->schema, "Schema file (assay schema infer) to validate against")->type_name("FILE");
  command->add_option("--target", args->roles.target, "Target column: missing labels, class balance, leakage")->type_name("COL");
  command->add_option("--id", args->roles.id, "Id column: excluded from duplicate rows; checked for leakage")->type_name("COL");
  command->add_option("--timestamp", args->roles.timestamp, "Timestamp column")->type_name("COL");
  command->add_option("--ignore", args->roles.ignore, "Columns to leave out of every check")->type_name("COL");
  command->add_option("--thresholds", args->thresholds, "JSON file of threshold overrides (docs/quality.md)")->type_name("FILE");
  command->add_option("--set", args->settings, "Override one threshold or parameter: KEY=VALUE (e.g. missing.warn=0.1)")->type_name("KEY=VALUE");
  command->add_flag("--all", args->all, "Show passing checks in the table too");
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const quality::Options options = make_options(*args);
      std::optional<quality::Schema> schema;
      if (!args->schema.empty()) schema = quality::parse_schema(read_text(args->schema), args->schema);
      const auto read_options = make_read_options(args->read, context.quiet);
      // A file without rows leaves nothing to judge: bad input, never a pass.
      std::optional<io::ReadResult> data, reference;
      if (args->reference.empty()) {
        data = read_rows(args->data, read_options);
      } else {
        std::tie(data, reference) = read_pair(args->data, args->reference, read_options);
      }

      quality::QualityInput input{&data->table, reference ? &reference->table : nullptr, schema ? &*schema : nullptr,
                                  args->roles};
      const auto findings = quality::run_quality(input, options);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

      std::vector<core::FileFingerprint> inputs{data->fingerprint};
      if (reference) inputs.push_back(reference->fingerprint);
      if (context.format == Format::json) {
        nlohmann::ordered_json extra;
        extra["roles"] = {{"target", args->roles.target ? nlohmann::ordered_json(*args->roles.target) : nullptr},
                          {"id", args->roles.id ? nlohmann::ordered_json(*args->roles.id) : nullptr},
                          {"timestamp", args->roles.timestamp ? nlohmann::ordered_json(*args->roles.timestamp) : nullptr}};
        if (!args->schema.empty()) extra["schema_file"] = args->schema;
        write_result(context, report::json_text(report::findings_document("quality", findings, inputs, seconds, extra)));
      } else {
        std::string text = input_line("data", data->fingerprint);
        if (reference) text += input_line("reference", reference->fingerprint);
        text += "\n" + report::findings_table(findings, {.color = context.color, .show_passing = args->all});
        write_result(context, text);
      }
      const auto worst = core::worst_status(findings);
      return worst == core::Status::fail || worst == core::Status::error ? 1 : 0;
    };
  });
}

}  // namespace assay::cli
