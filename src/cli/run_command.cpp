// assay run SUITE [--set key.path=value]... [--only ID]... [--fail-on warn]
// Runs an evaluation suite (docs/suite.md): reads the suite and each input
// once, runs every check, prints the results (--format table|json) and
// writes the suite's outputs (JSON, JUnit XML, Markdown, HTML) together at the end,
// so a run that stops on bad input leaves no file half-written.
// Exit 0 all fail-severity checks pass, 1 a check failed or errored, 2 bad
// suite or input.

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "report/html_report.hpp"
#include "report/json_text.hpp"
#include "report/junit.hpp"
#include "report/markdown.hpp"
#include "report/suite_json.hpp"
#include "report/suite_text.hpp"
#include "suite/run.hpp"

namespace assay::cli {

namespace {

std::string read_text(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error(core::Location{.file = path}, fmt::format("cannot open the {}", what));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw core::Error(core::Location{.file = path}, fmt::format("cannot read the {}", what));
  return text.str();
}

}  // namespace

void add_run_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    std::string suite;
    std::vector<std::string> set, only;
    std::string fail_on = "fail";
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand("run", "Run an evaluation suite (YAML): quality gates for CI with JSON, JUnit XML, "
                                            "Markdown and HTML outputs");
  command->add_option("suite", args->suite, "Suite file (docs/suite.md)")->required()->type_name("SUITE");
  command->add_option("--set", args->set, "Override a suite value: KEY.PATH=VALUE (e.g. checks.f1_floor.min=0.85)")
      ->type_name("KEY=VALUE");
  command->add_option("--only", args->only, "Run only the check with this id (repeatable)")->type_name("ID");
  command->add_option("--fail-on", args->fail_on, "fail: only failed checks fail the run; warn: warnings too")
      ->check(CLI::IsMember({"fail", "warn"}))
      ->type_name("fail|warn");
  add_read_flags(*command, args->read);

  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const suite::Suite parsed = suite::parse_suite(read_text(args->suite, "suite file"), args->suite, {.set = args->set});
      const suite::RunOptions options{.only = args->only, .fail_on_warn = args->fail_on == "warn"};
      const auto checks = suite::selected_checks(parsed, options.only);

      const io::ReadOptions read = make_read_options(args->read, context.quiet);
      std::optional<io::ReadResult> current, reference;
      if (parsed.data.reference) {
        std::tie(current, reference) = read_pair(parsed.data.current, *parsed.data.reference, read, false);
      } else {
        current = io::read_table(parsed.data.current, read);
      }
      suite::Inputs inputs{&current->table, reference ? &reference->table : nullptr, {}};
      for (const suite::Check* check : checks) {
        for (const auto& file : check->files()) {
          if (!inputs.files.contains(file)) inputs.files.emplace(file, read_text(file, "file"));
        }
      }

      suite::Outcome outcome = suite::run_suite(parsed, inputs, options);
      outcome.inputs.push_back(current->fingerprint);
      if (reference) outcome.inputs.push_back(reference->fingerprint);
      outcome.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

      std::vector<std::pair<std::string, std::string>> files;
      if (parsed.outputs.json) files.emplace_back(*parsed.outputs.json, report::json_text(report::suite_json(outcome)));
      if (parsed.outputs.junit) files.emplace_back(*parsed.outputs.junit, report::junit_xml(outcome));
      if (parsed.outputs.markdown) files.emplace_back(*parsed.outputs.markdown, report::suite_markdown(outcome));
      if (parsed.outputs.html) files.emplace_back(*parsed.outputs.html, report::suite_html(outcome));
      const std::string shown = context.format == Format::json ? report::json_text(report::suite_json(outcome))
                                                               : report::suite_text(outcome, context.color);
      write_files(files);
      write_result(context, shown);
      return suite::exit_code(outcome);
    };
  });
}

}  // namespace assay::cli
