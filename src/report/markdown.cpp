#include "report/markdown.hpp"

#include <fmt/format.h>

#include "report/findings_table.hpp"
#include "report/suite_cells.hpp"

namespace assay::report {

namespace {

std::string cell(std::string_view raw) {
  const std::string text = utf8_clean(raw);
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '`': out += "\\`"; break;
      case '*': out += "\\*"; break;
      case '_': out += "\\_"; break;
      case '\n':
      case '\r': out += ' '; break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out;
}

std::string table(const std::vector<const core::Finding*>& rows) {
  std::string out = "| status | check | subject | value | limit | reference | message |\n";
  out += "|---|---|---|---:|---|---:|---|\n";
  for (const core::Finding* f : rows) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", core::status_name(f->status), cell(f->id),
                       cell(f->subject), cell_number(f->value), cell(cell_limit(f->threshold)), cell_number(f->reference),
                       cell(f->reason.empty() ? f->message : f->message + " (" + f->reason + ")"));
  }
  return out;
}

}  // namespace

std::string suite_markdown(const suite::Outcome& outcome) {
  const bool pass = suite::verdict(outcome) == suite::Verdict::pass;
  std::vector<const core::Finding*> attention, rest;
  for (const auto& f : outcome.findings) {
    const bool shown = f.status == core::Status::fail || f.status == core::Status::error || f.status == core::Status::warn;
    (shown ? attention : rest).push_back(&f);
  }
  std::string out = fmt::format("# {} assay suite {}: {}\n\n", pass ? "✅ PASS" : "❌ FAIL", cell(outcome.suite_path),
                                findings_summary(outcome.findings));
  if (outcome.fail_on_warn) out += "Warnings fail this run (`--fail-on warn`).\n\n";
  if (!attention.empty()) {
    out += fmt::format("## {} check{} to look at\n\n", attention.size(), attention.size() == 1 ? "" : "s");
    out += table(attention) + "\n";
  }
  if (!rest.empty()) {
    out += fmt::format("<details><summary>{} passing check{}</summary>\n\n", rest.size(), rest.size() == 1 ? "" : "s");
    out += table(rest) + "\n</details>\n\n";
  }
  out += fmt::format("Suite hash `{}`, task {}, {:.2f} s.\n", outcome.suite_hash, outcome.task, outcome.elapsed_seconds);
  if (!outcome.inputs.empty()) {
    out += "\n| input | rows | columns | xxh3-128 |\n|---|---:|---:|---|\n";
    for (const auto& f : outcome.inputs) {
      out += fmt::format("| {} | {} | {} | `{}` |\n", cell(f.path), f.rows, f.columns, f.content.hex());
    }
  }
  return out;
}

}  // namespace assay::report
