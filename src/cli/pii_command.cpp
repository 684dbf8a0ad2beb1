// assay pii --data FILE [--columns A,B] [--sample N] [--redact OUT
//   --mode mask|hash|drop --salt-env VAR]: personal data and secrets in the
// text of a data file, as Findings (docs/pii.md), and optionally a redacted
// copy. Exit 1 when a detector finds data in a column (as `assay quality`
// exits 1 when a check fails), 0 when nothing is found.

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <memory>

#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "report/csv_table.hpp"
#include "report/findings_json.hpp"
#include "report/findings_table.hpp"
#include "security/keyed_hash.hpp"
#include "security/pii_scan.hpp"
#include "security/redact.hpp"

namespace assay::cli {

namespace {

struct PiiArgs {
  std::string data;
  std::vector<std::string> columns;
  std::optional<std::size_t> sample;
  std::string redact;
  std::string mode;
  std::string salt_env;
  bool all = false;
  ReadFlags read;
};

security::RedactOptions pii_redact_options(const PiiArgs& args) {
  security::RedactOptions options;
  const std::string mode = args.mode.empty() ? "mask" : args.mode;
  if (mode == "mask") {
    options.mode = security::RedactMode::mask;
  } else if (mode == "hash") {
    options.mode = security::RedactMode::hash;
  } else if (mode == "drop") {
    options.mode = security::RedactMode::drop;
  } else {
    throw core::Error(core::Location{.path = "--mode"}, fmt::format("expected mask, hash or drop, got '{}'", mode));
  }
  if (args.redact.empty()) {
    if (!args.mode.empty() || !args.salt_env.empty()) {
      throw core::Error(core::Location{.path = args.mode.empty() ? "--salt-env" : "--mode"},
                        "applies to a redacted copy: add --redact OUT");
    }
    return options;
  }
  if (args.sample) {
    throw core::Error(core::Location{.path = "--sample"}, "a redacted copy needs every row scanned: drop --sample");
  }
  if (options.mode == security::RedactMode::hash) {
    if (args.salt_env.empty()) {
      throw core::Error(core::Location{.path = "--salt-env"},
                        "--mode hash needs the key: --salt-env VAR names an environment variable holding it");
    }
    const char* key = std::getenv(args.salt_env.c_str());
    if (key == nullptr || *key == '\0') {
      throw core::Error(core::Location{.path = "--salt-env"},
                        fmt::format("the environment variable {} is not set or empty", args.salt_env));
    }
    options.key = key;
    if (options.key.size() < security::kMinKeyBytes) {
      throw core::Error(core::Location{.path = "--salt-env"},
                        fmt::format("the key in {} has {} bytes; at least {} are needed", args.salt_env,
                                    options.key.size(), security::kMinKeyBytes));
    }
  }
  return options;
}

nlohmann::ordered_json pii_scan_json(const security::PiiScan& scan, const PiiArgs& args) {
  nlohmann::ordered_json extra;
  extra["rows_scanned"] = scan.rows;
  extra["bytes_scanned"] = scan.bytes;
  nlohmann::ordered_json columns = nlohmann::ordered_json::array();
  for (const auto& cs : scan.columns) columns.push_back(cs.label);
  extra["columns_scanned"] = std::move(columns);
  extra["sample"] = args.sample ? nlohmann::ordered_json(*args.sample) : nullptr;
  if (!args.redact.empty()) {
    extra["redacted"] = {{"path", args.redact}, {"mode", args.mode.empty() ? "mask" : args.mode}};
  }
  return extra;
}

}  // namespace

void add_pii_command(CLI::App& app, const Context& context, Runner& runner) {
  auto args = std::make_shared<PiiArgs>();
  auto* command = app.add_subcommand("pii", "Personal data and secrets in text columns: emails, phones, cards, IBANs, "
                                            "SSNs, IPs, keys, addresses, names, dates of birth; optional redacted copy");
  command->add_option("--data", args->data, "CSV or JSON Lines file to scan")->required()->type_name("FILE");
  command->add_option("--columns", args->columns, "Scan only these columns (default: all)")
      ->delimiter(',')
      ->type_name("A,B");
  add_integer_option(*command, "--sample", args->sample, "Scan N rows, evenly spaced (default: all)",
                     {.min = 1, .max = std::numeric_limits<std::uint64_t>::max()});
  command->add_option("--redact", args->redact, "Write a copy with the findings redacted to OUT (CSV)")->type_name("OUT");
  command->add_option("--mode", args->mode, "Redaction: mask (default), hash (keyed HMAC-SHA256) or drop the columns")
      ->type_name("mask|hash|drop");
  command->add_option("--salt-env", args->salt_env, "Environment variable holding the key of --mode hash")
      ->type_name("VAR");
  command->add_flag("--all", args->all, "Show clean columns in the table too");
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const security::RedactOptions redact = pii_redact_options(*args);
      auto read_options = make_read_options(args->read, context.quiet);
      // Every column as text, and only the given NA tokens: what is scanned,
      // and copied into a redacted file, is the text as written.
      read_options.default_kind = core::Kind::string;
      if (args->read.na.empty()) read_options.na_tokens = {};
      const auto data = read_rows(args->data, read_options);

      security::PiiOptions options;
      options.columns = args->columns;
      options.sample = args->sample;
      const security::PiiScan scan = security::scan_table(data.table, options);
      const auto findings = security::pii_findings(scan, options);
      if (!args->redact.empty()) {
        const core::Table redacted = security::redact_table(data.table, scan, redact);
        write_files({{args->redact, report::csv_table(redacted, {}, read_options.delimiter.value_or(','))}});
      }
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (context.format == Format::json) {
        write_result(context, report::json_text(report::findings_document("pii", findings, {data.fingerprint}, seconds,
                                                                          pii_scan_json(scan, *args))));
      } else {
        std::string text = fmt::format("data       {}  {} rows x {} columns  xxh3-128 {}\n", data.fingerprint.path,
                                       data.fingerprint.rows, data.fingerprint.columns, data.fingerprint.content.hex());
        text += fmt::format("scanned    {} columns, {} rows, {:.1f} MB in {:.2f} s\n", scan.columns.size(), scan.rows,
                            static_cast<double>(scan.bytes) / 1e6, seconds);
        if (!args->redact.empty()) text += fmt::format("redacted   {}\n", args->redact);
        text += "\n" + report::findings_table(findings, {.color = context.color, .show_passing = args->all});
        write_result(context, text);
      }
      const auto worst = core::worst_status(findings);
      return worst == core::Status::fail || worst == core::Status::error ? 1 : 0;
    };
  });
}

}  // namespace assay::cli
