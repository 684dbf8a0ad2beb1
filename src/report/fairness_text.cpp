#include "report/fairness_text.hpp"

#include <fmt/format.h>

#include "report/text_table.hpp"

namespace assay::report {

namespace {

using A = TextTable::Align;

std::string fairness_cell(const metrics::Value* v) { return v && v->value ? format_number(*v->value) : "-"; }

}  // namespace

std::string fairness_text(const fairness::Evaluation& e, const fairness::Spec& spec, const core::FileFingerprint& input) {
  std::string out = fmt::format("fairness on {}: {} rows (target {}, prediction {}, positive {}", input.path, e.n,
                                spec.target, spec.prediction, e.positive);
  if (spec.score) out += ", score " + *spec.score;
  out += fmt::format(", groups under {} rows not compared)\n", spec.options.min_group);
  const auto& b = spec.options.bootstrap;
  if (b.resamples > 0) {
    out += fmt::format("intervals: {:g}% percentile bootstrap, {} Poisson resamples shared by all groups, seed {}\n",
                       b.level * 100, b.resamples, b.seed);
  }
  for (const auto& g : e.groupings) {
    out += fmt::format("\n{}\n", fmt::join(g.columns, " x "));
    std::vector<std::string> header{"group", "size", "base rate", "selection", "tpr", "fpr", "precision"};
    if (spec.score) header.push_back("ece");
    header.push_back("");
    std::vector<A> align(header.size(), A::right);
    align.front() = A::left;
    align.back() = A::left;
    TextTable groups(header, align);
    for (const auto& group : g.groups) {
      std::vector<std::string> row{fmt::format("{}", fmt::join(group.values, " & ")), fmt::format("{}", group.size)};
      for (const char* m : {"base_rate", "selection_rate", "tpr", "fpr", "precision"}) row.push_back(fairness_cell(group.metrics.find(m)));
      if (spec.score) row.push_back(fairness_cell(group.metrics.find("ece")));
      row.push_back(group.too_small ? "too small to judge" : "");
      groups.add_row(std::move(row));
    }
    out += groups.render();
    TextTable summary({"summary", "value", "CI", "note"}, {A::left, A::right, A::left, A::left});
    for (const auto& item : g.summary.items()) {
      std::string ci;
      for (const auto& i : g.bootstrap.intervals) {
        if (i.metric == item.name) ci = fmt::format("[{}, {}]", format_number(i.low), format_number(i.high));
      }
      std::string note = item.value.reason;
      if (item.name == "disparate_impact" && item.value.value) {
        note = g.four_fifths_holds ? "four-fifths rule holds (>= 0.8)" : "four-fifths rule fails (< 0.8)";
      }
      summary.add_row({item.name, fairness_cell(&item.value), ci, note});
    }
    out += "\n" + summary.render();
  }
  if (!e.warnings.empty()) {
    out += "\nwarnings\n";
    for (const auto& w : e.warnings) out += "  - " + w + "\n";
  }
  return out;
}

}  // namespace assay::report
