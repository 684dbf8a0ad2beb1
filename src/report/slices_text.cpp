#include "report/slices_text.hpp"

#include <fmt/format.h>

#include <cmath>

#include "report/slices_label.hpp"
#include "report/text_table.hpp"

namespace assay::report {

namespace {

using A = TextTable::Align;

std::string number_cell(double v) { return std::isfinite(v) ? format_number(v) : "-"; }

std::string p_cell(const std::optional<double>& p) {
  if (!p) return "-";
  return *p < 1e-4 ? fmt::format("{:.1e}", *p) : format_number(*p);
}

std::string metric_cell(const slices::SliceMetric& m) { return m.value.value ? number_cell(*m.value.value) : "-"; }

std::string interval_cell(const slices::SliceMetric& m) {
  if (!m.interval) return "";
  return fmt::format("[{}, {}]", format_number(m.interval->low), format_number(m.interval->high));
}

}  // namespace

std::string slices_text(const slices::SliceReport& r, const slices::Spec& spec, const core::FileFingerprint& input) {
  std::string out = fmt::format("{} of a {} model on {}: {} rows (target {}", r.discovery ? "weak slices" : "slices",
                                metrics::task_name(spec.task), input.path, r.rows, spec.target);
  if (spec.prediction) out += ", prediction " + *spec.prediction;
  if (spec.score) out += ", score " + *spec.score;
  if (r.positive) out += ", positive " + *r.positive;
  out += ")\n";
  out += fmt::format("overall: {} {}", r.metric, metric_cell(r.overall));
  if (r.overall.interval) out += " " + interval_cell(r.overall);
  out += fmt::format(", mean {} {}\n", r.error_name, number_cell(r.overall_error));
  if (r.discovery) {
    out += fmt::format("search: {} columns, depth {}, min support {}, alpha {}; {} slices examined, {} score above zero\n",
                       r.columns.size(), spec.depth, spec.min_support, spec.alpha, r.examined, r.candidates);
  }
  out += fmt::format("tests: Welch t on per-row errors, slice vs rest; p adjusted by Benjamini-Hochberg over {} slices\n\n",
                     r.examined);

  std::vector<std::string> header{"slice", "size", "share", r.metric};
  std::vector<A> align{A::left, A::right, A::right, A::right};
  const bool intervals = spec.bootstrap.resamples > 0;
  if (intervals) {
    header.push_back(fmt::format("{:g}% CI", spec.bootstrap.level * 100));
    align.push_back(A::left);
  }
  for (const char* h : {"error", "rest", "gap"}) {
    header.push_back(h);
    align.push_back(A::right);
  }
  if (r.discovery) {
    header.push_back("score");
    align.push_back(A::right);
  }
  header.push_back("p adj");
  align.push_back(A::right);
  header.push_back("");
  align.push_back(A::left);
  TextTable table(header, align);
  for (const auto& s : r.slices) {
    std::vector<std::string> row{slice_label(s), fmt::format("{}", s.size),
                                 format_number(static_cast<double>(s.size) / static_cast<double>(r.rows)),
                                 metric_cell(s.metric)};
    if (intervals) row.push_back(interval_cell(s.metric));
    row.push_back(number_cell(s.error));
    row.push_back(number_cell(s.error_rest));
    row.push_back(number_cell(s.error - s.error_rest));
    if (r.discovery) row.push_back(s.score ? number_cell(*s.score) : "-");
    row.push_back(p_cell(s.p_adjusted));
    row.push_back(s.significant ? "*" : "");
    table.add_row(std::move(row));
  }
  if (!r.slices.empty()) out += table.render();
  if (!r.slices.empty()) out += fmt::format("* error above the rest's, adjusted p < {}\n", spec.significance);
  for (const auto& s : r.skipped) out += fmt::format("skipped column {}: {}\n", s.name, s.reason);
  for (const auto& n : r.notes) out += "note: " + n + "\n";
  return out;
}

}  // namespace assay::report
