#include "report/slices_json.hpp"

#include <cmath>

#include "report/provenance_json.hpp"
#include "report/slices_label.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

json finite(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
json finite(const std::optional<double>& v) { return v && std::isfinite(*v) ? json(*v) : json(nullptr); }

json parameters_of(const slices::SliceReport& r, const slices::Spec& spec) {
  json out{{"target", spec.target}};
  if (spec.prediction) out["prediction"] = *spec.prediction;
  if (spec.score) out["score"] = *spec.score;
  if (r.positive) out["positive"] = *r.positive;
  if (r.negative) out["negative"] = *r.negative;
  if (spec.task == metrics::Task::binary && spec.score && !spec.prediction) out["threshold"] = spec.threshold;
  if (!spec.by.empty()) out["by"] = spec.by;
  if (!spec.exclude.empty()) out["exclude"] = spec.exclude;
  out["metric"] = r.metric;
  out["bins"] = spec.bins;
  out["depth"] = spec.depth;
  if (r.discovery) {
    out["alpha"] = spec.alpha;
    out["min_support"] = spec.min_support;
    out["top"] = spec.top;
    out["min_lift"] = spec.min_lift;
    out["max_levels"] = spec.max_levels;
  }
  out["significance"] = spec.significance;
  out["correction"] = "benjamini_hochberg";
  out["test"] = "welch_t_two_sided";
  out["bootstrap"] = json{{"resamples", spec.bootstrap.resamples},
                          {"level", spec.bootstrap.level},
                          {"seed", spec.bootstrap.seed},
                          {"method", "percentile; Poisson(1) resample weights"}};
  return out;
}

void put_metric(json& out, const slices::SliceMetric& m) {
  out["metric"] = finite(m.value.value);
  out["ci"] = m.interval ? json::array({finite(m.interval->low), finite(m.interval->high)}) : json(nullptr);
  if (!m.value.reason.empty()) out["metric_note"] = m.value.reason;
}

json slice_json(const slices::SliceRow& s, const slices::SliceReport& r) {
  json predicates = json::array();
  for (const auto& p : s.predicates) {
    json one{{"column", p.column}, {"level", p.level}};
    if (p.low) one["low"] = finite(*p.low);
    if (p.high) one["high"] = finite(*p.high);
    if (p.null) one["null"] = true;
    predicates.push_back(std::move(one));
  }
  json out{{"predicates", std::move(predicates)}, {"label", slice_label(s)}, {"size", s.size}};
  out["share"] = r.rows > 0 ? static_cast<double>(s.size) / static_cast<double>(r.rows) : 0.0;
  put_metric(out, s.metric);
  out["error"] = finite(s.error);
  out["error_rest"] = finite(s.error_rest);
  out["gap"] = finite(s.error - s.error_rest);
  if (s.score) out["score"] = finite(*s.score);
  out["t"] = finite(s.t);
  out["df"] = finite(s.df);
  out["p_value"] = finite(s.p_value);
  out["p_adjusted"] = finite(s.p_adjusted);
  out["significant"] = s.significant;
  if (!s.test_note.empty()) out["test_note"] = s.test_note;
  return out;
}

}  // namespace

json slices_json(const slices::SliceReport& r, const slices::Spec& spec, const std::vector<core::FileFingerprint>& inputs,
                 double seconds) {
  const nlohmann::json header = document_header("slices");
  json doc;
  doc["schema"] = header["schema"];
  doc["assay_version"] = header["assay_version"];
  doc["inputs"] = json::parse(inputs_json(inputs).dump());
  doc["task"] = metrics::task_name(spec.task);
  doc["mode"] = r.discovery ? "discover" : "by";
  doc["parameters"] = parameters_of(r, spec);
  doc["n"] = r.rows;
  doc["dropped_rows"] = r.dropped_rows;
  doc["error"] = r.error_name;
  json overall = json::object();
  put_metric(overall, r.overall);
  overall["error"] = finite(r.overall_error);
  doc["overall"] = std::move(overall);
  json columns = json::array();
  for (const auto& c : r.columns) {
    columns.push_back(json{{"name", c.name}, {"kind", c.kind}, {"binned", c.binned}, {"levels", c.levels}});
  }
  doc["columns"] = std::move(columns);
  json skipped = json::array();
  for (const auto& s : r.skipped) skipped.push_back(json{{"name", s.name}, {"reason", s.reason}});
  doc["skipped_columns"] = std::move(skipped);
  doc["examined"] = r.examined;
  if (r.discovery) doc["candidates"] = r.candidates;
  json list = json::array();
  for (const auto& s : r.slices) list.push_back(slice_json(s, r));
  doc["slices"] = std::move(list);
  doc["notes"] = r.notes;
  doc["elapsed_seconds"] = seconds;
  return doc;
}

}  // namespace assay::report
