#include "report/drift_text.hpp"

#include <fmt/format.h>

#include "report/text_table.hpp"

namespace assay::report {

namespace {

using A = TextTable::Align;

std::string drift_cell(const std::optional<double>& v) { return v ? format_number(*v) : "-"; }

// A p-value held at the edge of its method's table says which way the true
// value lies: "<=0.001", ">=0.25".
std::string p_cell(const std::optional<double>& p, drift::PValueLimit limit) {
  if (!p) return "-";
  switch (limit) {
    case drift::PValueLimit::floor: return "<=" + format_number(*p);
    case drift::PValueLimit::cap: return ">=" + format_number(*p);
    case drift::PValueLimit::none: break;
  }
  return format_number(*p);
}

std::string flag(bool drifted, bool color) {
  if (!drifted) return "-";
  return color ? "\x1b[31mDRIFT\x1b[0m" : "DRIFT";
}

std::string multivariate_line(const drift::MultivariateResult& r) {
  if (!r.reason.empty()) return fmt::format("multivariate ({}): not computed: {}", drift::multivariate_name(r.method), r.reason);
  switch (r.method) {
    case drift::Multivariate::classifier: {
      std::string top;
      for (std::size_t i = 0; i < r.top_features.size() && i < 5; ++i) {
        top += fmt::format("{}{} ({:.0f}%)", i == 0 ? "" : ", ", r.top_features[i].column, 100 * r.top_features[i].importance);
      }
      return fmt::format("multivariate (domain classifier): ROC AUC {} {} {} -> {}{}", format_number(r.statistic),
                         r.drifted ? ">" : "<=", format_number(*r.threshold), r.drifted ? "drift" : "no drift",
                         top.empty() ? "" : "; separating features: " + top);
    }
    case drift::Multivariate::mmd:
      return fmt::format("multivariate (MMD): MMD^2 {}, permutation p-value {} -> {}", format_number(r.statistic),
                         format_number(*r.p_value), r.drifted ? "drift" : "no drift");
    case drift::Multivariate::pca:
      return fmt::format("multivariate (PCA reconstruction, {} components): error {} vs reference band [{}, {}] -> {}",
                         *r.components, format_number(r.statistic), format_number(*r.lower), format_number(*r.upper),
                         r.drifted ? "drift" : "no drift");
  }
  return "";
}

std::string segments_table(const std::vector<drift::SegmentResult>& segments, bool color) {
  TextTable table({"segment", "reference rows", "current rows", "drifted", "share", "dataset drift", "drifted columns / reason"},
                  {A::left, A::right, A::right, A::right, A::right, A::left, A::left});
  for (const auto& s : segments) {
    if (!s.comparison) {
      table.add_row({s.label, std::to_string(s.reference_rows), std::to_string(s.current_rows), "-", "-",
                     color ? "\x1b[31mERROR\x1b[0m" : "ERROR", s.reason});
      continue;
    }
    const auto& v = s.comparison->verdict;
    std::string names;
    for (const auto& col : s.comparison->columns) {
      if (col.drifted) names += (names.empty() ? "" : ",") + col.column;
    }
    const std::string undefined = drift::undefined_columns(*s.comparison);
    if (!undefined.empty()) names += (names.empty() ? "" : "; ") + std::string("not compared: ") + undefined;
    table.add_row({s.label, std::to_string(s.reference_rows), std::to_string(s.current_rows), std::to_string(v.drifted),
                   fmt::format("{:.1f}%", 100 * v.drifted_share), flag(v.dataset_drift, color), names});
  }
  return table.render();
}

}  // namespace

std::string drift_text(const drift::DriftReport& report, const drift::DriftRequest& request,
                       const core::FileFingerprint& reference, const core::FileFingerprint& current, bool color) {
  std::string out = fmt::format("drift: current {} ({} rows) vs reference {} ({} rows)\n\n", current.path, current.rows,
                                reference.path, reference.rows);
  TextTable table({"column", "kind", "role", "method", "statistic", "p-value", "adjusted p", "threshold", "drift", "note"},
                  {A::left, A::left, A::left, A::left, A::right, A::right, A::right, A::right, A::left, A::left});
  bool limited = false;
  for (const auto& c : report.overall.columns) {
    std::vector<std::string> notes;
    if (!c.reason.empty()) notes.push_back(c.reason);
    if (c.unseen_categories > 0) {
      notes.push_back(fmt::format("{} unseen categor{} ({} rows)", c.unseen_categories,
                                  c.unseen_categories == 1 ? "y" : "ies", format_number(c.unseen_rows)));
    }
    if (c.non_finite_share) {
      notes.push_back(fmt::format("non-finite left out: {} ref, {} current{}", c.reference_non_finite.total(),
                                  c.current_non_finite.total(), c.non_finite_share->drifted ? " (share drifted)" : ""));
    }
    if (c.null_share && c.null_share->drifted) {
      notes.push_back(fmt::format("nulls: {} ref, {} current (share drifted)", c.reference_nulls, c.current_nulls));
    } else if (c.current_nulls > 0 && notes.empty()) {
      notes.push_back(fmt::format("{} nulls in current", c.current_nulls));
    }
    std::string note;
    for (const auto& n : notes) note += (note.empty() ? "" : "; ") + n;
    limited = limited || c.p_value_limit != drift::PValueLimit::none;
    table.add_row({c.column, std::string(core::kind_name(c.kind)), std::string(drift::role_name(c.role)),
                   std::string(drift::method_name(c.method)), drift_cell(c.statistic), p_cell(c.p_value, c.p_value_limit),
                   p_cell(c.p_value_adjusted, c.p_value_limit), format_number(c.threshold),
                   flag(c.drifted, color), note});
  }
  out += table.render();
  const auto& v = report.overall.verdict;
  out += fmt::format("\ndataset drift: {} - {} of {} columns drifted ({:.1f}%); the limit is {:g}%\n",
                     v.dataset_drift ? "yes" : "no", v.drifted, v.compared, 100 * v.drifted_share,
                     100 * request.options.drift_share);
  bool adjusted = false;
  for (const auto& c : report.overall.columns) adjusted = adjusted || c.p_value_adjusted.has_value();
  if (adjusted) {
    out += fmt::format("p-values adjusted across columns ({})\n",
                       request.options.correction == drift::Correction::bh ? "Benjamini-Hochberg" : "Bonferroni");
  }
  if (limited) {
    out += "<= and >= mark Anderson-Darling p-values held at the edge of their table ([0.001, 0.25], as scipy's "
           "anderson_ksamp)\n";
  }
  for (const auto& s : report.selection.skipped) out += fmt::format("skipped {}: {}\n", s.column, s.reason);
  if (report.multivariate) out += "\n" + multivariate_line(*report.multivariate) + "\n";
  if (!report.chunks.empty()) {
    out += "\n";
    TextTable chunks({"chunk", "start", "rows", "drifted", "share", "dataset drift", "drifted columns"},
                     {A::right, A::left, A::right, A::right, A::right, A::left, A::left});
    for (const auto& c : report.chunks) {
      std::string names;
      for (const auto& col : c.comparison.columns) {
        if (col.drifted) names += (names.empty() ? "" : ",") + col.column;
      }
      if (names.size() > 60) names = names.substr(0, 57) + "...";
      const bool drifted = c.comparison.verdict.dataset_drift || (c.multivariate && c.multivariate->drifted);
      chunks.add_row({std::to_string(c.index),
                      c.start_ns ? core::format_timestamp(*c.start_ns)
                                 : (c.first_ns ? core::format_timestamp(*c.first_ns) : "-"),
                      std::to_string(c.rows), std::to_string(c.comparison.verdict.drifted),
                      fmt::format("{:.1f}%", 100 * c.comparison.verdict.drifted_share), flag(drifted, color), names});
    }
    out += chunks.render();
    if (report.null_timestamps > 0) out += fmt::format("{} current rows without a timestamp left out of chunks\n", report.null_timestamps);
  }
  if (request.segments) out += "\n" + segments_table(report.segments, color);
  return out;
}

}  // namespace assay::report
