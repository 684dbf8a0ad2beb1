#include "report/compare_text.hpp"

#include <fmt/format.h>

#include <cmath>

#include "report/text_table.hpp"

namespace assay::report {

namespace {

using A = TextTable::Align;

std::string compare_value_cell(const std::optional<double>& v) { return v && std::isfinite(*v) ? format_number(*v) : "-"; }

std::string compare_signed_cell(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return "-";
  return (*v > 0 ? "+" : "") + format_number(*v);
}

std::string compare_p_cell(const std::optional<double>& p) {
  if (!p) return "-";
  return *p < 1e-4 ? fmt::format("{:.1e}", *p) : format_number(*p);
}

std::string compare_interval_cell(const compare::DifferenceInterval& i) {
  if (!i.defined) return "-";
  return fmt::format("[{}, {}]", format_number(i.low), format_number(i.high));
}

std::string compare_test_cell(const compare::Delta& d) {
  if (d.mcnemar) return fmt::format("mcnemar ({})", compare::mcnemar_method_name(d.mcnemar->method));
  return std::string(compare::test_name(d.test));
}

std::vector<std::string> compare_row(std::string first, const compare::Delta& d) {
  return {std::move(first),
          std::to_string(d.size),
          compare_value_cell(d.champion.value),
          compare_value_cell(d.challenger.value),
          compare_signed_cell(d.delta),
          compare_interval_cell(d.interval),
          compare_test_cell(d),
          compare_p_cell(d.p_value)};
}

}  // namespace

std::string compare_text(const compare::Comparison& c, const compare::Spec& spec, const compare::Policy& policy) {
  const compare::Decision decision = compare::decide(c, policy);
  std::string out = fmt::format("verdict: {}\n  {}\n\n", compare::verdict_name(decision.verdict), decision.reason);
  out += fmt::format("{}: challenger {} vs champion {} on {} rows ({} {}; target {}", metrics::task_name(c.task), c.challenger,
                     c.champion, c.rows, c.metric, c.higher_is_better ? "higher is better" : "lower is better",
                     spec.target);
  if (c.positive) out += ", positive " + *c.positive;
  out += ")\n";
  const std::string ci = fmt::format("{:g}% CI of delta", spec.bootstrap.level * 100);
  std::vector<std::string> header{"", "rows", "champion", "challenger", "delta", ci, "test", "p"};
  std::vector<A> align{A::left, A::right, A::right, A::right, A::right, A::left, A::left, A::right};
  TextTable overall(header, align);
  overall.add_row(compare_row(c.metric, c.overall));
  out += overall.render();
  if (!c.overall.reason.empty()) out += "  note: " + c.overall.reason + "\n";
  if (c.by) {
    header[0] = *c.by;
    header.push_back("p adjusted");
    align.push_back(A::right);
    TextTable slices(header, align);
    for (const auto& s : c.slices) {
      auto row = compare_row(s.level, s.delta);
      row.push_back(compare_p_cell(s.p_adjusted));
      slices.add_row(std::move(row));
    }
    out += fmt::format("\nby {}{} (p adjusted by Benjamini-Hochberg across slices)\n", *c.by,
                       c.binned ? ", in quantile bins" : "");
    out += slices.render();
    for (const auto& s : c.slices) {
      if (!s.delta.reason.empty()) out += fmt::format("  note: {} = {}: {}\n", *c.by, s.level, s.delta.reason);
    }
  }
  for (const auto& note : c.notes) out += "note: " + note + "\n";
  return out;
}

}  // namespace assay::report
