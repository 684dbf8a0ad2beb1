#include "report/suite_text.hpp"

#include <fmt/format.h>

#include "report/findings_table.hpp"

namespace assay::report {

std::string suite_text(const suite::Outcome& outcome, bool color) {
  std::string out = fmt::format("suite      {}  xxh3-128 {}\n", outcome.suite_path, outcome.suite_hash);
  for (const auto& f : outcome.inputs) {
    out += fmt::format("input      {}  {} rows x {} columns  xxh3-128 {}\n", f.path, f.rows, f.columns, f.content.hex());
  }
  out += "\n" + findings_table(outcome.findings, {.color = color, .show_passing = true});
  const bool pass = suite::verdict(outcome) == suite::Verdict::pass;
  out += fmt::format("\n{}: {}{}\n", pass ? "PASS" : "FAIL", findings_summary(outcome.findings),
                     outcome.fail_on_warn ? " (warnings fail the run)" : "");
  return out;
}

}  // namespace assay::report
