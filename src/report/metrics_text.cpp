#include "report/metrics_text.hpp"

#include <fmt/format.h>

#include <cmath>

#include "report/text_table.hpp"

namespace assay::report {

namespace {

using A = TextTable::Align;

std::string value_cell(const metrics::Value& v) { return v.value ? format_number(*v.value) : "-"; }

std::string interval_cell(const metrics::BootstrapSummary& b, const std::string& name) {
  for (const auto& i : b.intervals) {
    if (i.metric == name) return fmt::format("[{}, {}]", format_number(i.low), format_number(i.high));
  }
  return "";
}

std::string heading(const metrics::Evaluation& e, const metrics::Spec& spec, const core::FileFingerprint& input) {
  const metrics::Result& r = e.result;
  std::string out = fmt::format("{} metrics on {}: {} rows", metrics::task_name(r.task), input.path, r.n);
  if (r.task == metrics::Task::ranking) out += fmt::format(" in {} queries", r.queries);
  out += fmt::format(" (target {}", spec.target);
  if (spec.prediction) out += ", prediction " + *spec.prediction;
  if (spec.score) out += ", score " + *spec.score;
  if (!spec.scores.empty()) out += fmt::format(", scores {}", fmt::join(spec.scores, ","));
  if (spec.group) out += ", group " + *spec.group;
  if (spec.weight) out += ", weight " + *spec.weight;
  if (e.parameters.positive) out += ", positive " + *e.parameters.positive;
  if (e.parameters.threshold) out += ", threshold " + format_number(*e.parameters.threshold);
  if (e.parameters.k) out += fmt::format(", k {}", *e.parameters.k);
  out += ")\n";
  if (r.bootstrap.resamples > 0) {
    out += fmt::format("intervals: {:g}% percentile bootstrap, {} Poisson resamples, seed {}\n", r.bootstrap.level * 100,
                       r.bootstrap.resamples, r.bootstrap.seed);
  }
  return out + "\n";
}

std::string metric_table(const metrics::Result& r) {
  const bool intervals = !r.bootstrap.intervals.empty();
  std::vector<std::string> header{"metric", "value"};
  std::vector<A> align{A::left, A::right};
  if (intervals) {
    header.push_back(fmt::format("{:g}% CI", r.bootstrap.level * 100));
    align.push_back(A::left);
  }
  header.push_back("note");
  align.push_back(A::left);
  TextTable table(header, align);
  for (const auto& item : r.metrics.items()) {
    std::vector<std::string> row{item.name, value_cell(item.value)};
    if (intervals) row.push_back(interval_cell(r.bootstrap, item.name));
    row.push_back(item.value.reason);
    table.add_row(std::move(row));
  }
  return table.render();
}

std::string per_class_table(const metrics::Result& r) {
  std::vector<std::string> header{"class"};
  std::vector<A> align{A::left};
  for (const auto& item : r.per_class.front().metrics.items()) {
    header.push_back(item.name);
    align.push_back(A::right);
  }
  TextTable table(header, align);
  for (const auto& c : r.per_class) {
    std::vector<std::string> row{c.label};
    for (const auto& item : c.metrics.items()) row.push_back(value_cell(item.value));
    table.add_row(std::move(row));
  }
  return "\nper class\n" + table.render();
}

std::string confusion_table(const metrics::ConfusionTable& c) {
  std::vector<std::string> header{"true \\ predicted"};
  std::vector<A> align{A::left};
  for (const auto& l : c.labels) {
    header.push_back(l);
    align.push_back(A::right);
  }
  TextTable table(header, align);
  for (std::size_t t = 0; t < c.labels.size(); ++t) {
    std::vector<std::string> row{c.labels[t]};
    for (std::size_t p = 0; p < c.labels.size(); ++p) row.push_back(format_number(c.at(t, p)));
    table.add_row(std::move(row));
  }
  return "\nconfusion matrix\n" + table.render();
}

std::string residual_table(const metrics::MetricSet& residuals) {
  std::vector<std::string> header, cells;
  for (const auto& item : residuals.items()) {
    header.push_back(item.name);
    cells.push_back(value_cell(item.value));
  }
  TextTable table(header, std::vector<A>(header.size(), A::right));
  table.add_row(cells);
  return "\nresiduals (target - prediction)\n" + table.render();
}

// The tables of one evaluation, after its heading.
std::string evaluation_text(const metrics::Result& r) {
  std::string out = metric_table(r);
  if (!r.per_class.empty()) out += per_class_table(r);
  if (r.confusion && r.confusion->labels.size() <= 20) out += confusion_table(*r.confusion);
  if (!r.residuals.empty()) out += residual_table(r.residuals);
  if (!r.warnings.empty()) {
    out += "\nwarnings\n";
    for (const auto& w : r.warnings) out += "  - " + w + "\n";
  }
  return out;
}

}  // namespace

std::string metrics_text(const metrics::Evaluation& evaluation, const metrics::Spec& spec,
                         const core::FileFingerprint& input) {
  return heading(evaluation, spec, input) + evaluation_text(evaluation.result);
}

std::string metrics_text(const slices::GroupedEvaluation& grouped, const metrics::Spec& spec,
                         const core::FileFingerprint& input) {
  std::string out = metrics_text(grouped.overall, spec, input);
  std::vector<std::string> names;
  for (const auto& c : grouped.columns) names.push_back(c.name);
  out += fmt::format("\n{} group{} by {}\n", grouped.groups.size(), grouped.groups.size() == 1 ? "" : "s",
                     fmt::join(names, ", "));
  for (const auto& g : grouped.groups) {
    out += fmt::format("\n== {} ({} rows)", slices::predicates_label(g.predicates), g.rows);
    if (!g.evaluation) {
      out += fmt::format(": {}: {}\n", g.status == slices::GroupStatus::too_small ? "too small" : "error", g.reason);
      continue;
    }
    out += "\n" + evaluation_text(g.evaluation->result);
  }
  return out;
}

}  // namespace assay::report
