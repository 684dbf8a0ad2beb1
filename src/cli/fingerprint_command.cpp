// assay fingerprint FILE...: what proves which data was evaluated - per
// file the xxh3-128 of its bytes, a canonical data hash that ignores column
// order, line endings and formatting, per-column hashes, a schema hash,
// rows, columns and size (quality/fingerprint.hpp).

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "io/table_reader.hpp"
#include "quality/fingerprint.hpp"
#include "report/findings_json.hpp"
#include "report/provenance_json.hpp"
#include "report/text_table.hpp"

namespace assay::cli {

namespace {

nlohmann::ordered_json file_json(const core::FileFingerprint& file, const quality::DataFingerprint& data) {
  nlohmann::ordered_json out = report::fingerprint_json(file);
  out["canonical_xxh3_128"] = data.canonical.hex();
  out["schema_xxh3_128"] = data.schema.hex();
  auto columns = nlohmann::ordered_json::array();
  for (const auto& c : data.columns) {
    columns.push_back({{"name", c.name}, {"kind", core::kind_name(c.kind)}, {"xxh3_128", c.hash.hex()}});
  }
  out["column_hashes"] = std::move(columns);
  return out;
}

std::string file_text(const core::FileFingerprint& file, const quality::DataFingerprint& data) {
  std::string out = fmt::format(
      "{}\n  format     {}\n  bytes      {}\n  rows       {}\n  columns    {}\n  content    {}  (xxh3-128 of the bytes)\n"
      "  canonical  {}  (typed values; column order, line endings and formatting ignored)\n"
      "  schema     {}  (column names and kinds)\n\n",
      file.path, file.format, file.bytes, file.rows, file.columns, file.content.hex(), data.canonical.hex(),
      data.schema.hex());
  report::TextTable table({"COLUMN", "KIND", "XXH3_128"});
  for (const auto& c : data.columns) table.add_row({c.name, std::string(core::kind_name(c.kind)), c.hash.hex()});
  std::string rendered = table.render();
  for (std::size_t pos = 0; pos < rendered.size();) {
    const std::size_t end = rendered.find('\n', pos);
    out += "  " + rendered.substr(pos, end - pos + 1);
    pos = end + 1;
  }
  return out;
}

}  // namespace

void add_fingerprint_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    std::vector<std::string> files;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand("fingerprint", "Content, canonical data, per-column and schema hashes of data files");
  command->add_option("files", args->files, "CSV or JSON Lines files (.gz accepted)")->required();
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const auto read_options = make_read_options(args->read, context.quiet);
      std::vector<core::FileFingerprint> inputs;
      auto files = nlohmann::ordered_json::array();
      std::string text;
      for (const auto& path : args->files) {
        const auto input = io::read_table(path, read_options);
        const auto data = quality::fingerprint(input.table);
        inputs.push_back(input.fingerprint);
        files.push_back(file_json(input.fingerprint, data));
        text += file_text(input.fingerprint, data);
      }
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (context.format == Format::json) {
        nlohmann::ordered_json doc = report::document_header("fingerprint");
        doc["inputs"] = report::inputs_json(inputs);
        doc["elapsed_seconds"] = seconds;
        doc["files"] = std::move(files);
        write_result(context, report::json_text(doc));
      } else {
        write_result(context, text);
      }
      return 0;
    };
  });
}

}  // namespace assay::cli
