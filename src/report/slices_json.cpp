#include "report/slices_json.hpp"
#include "report/json_number.hpp"

#include <cmath>

#include "report/provenance_json.hpp"
#include "report/slices_label.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;


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
  out["metric"] = json_number(m.value.value);
  out["ci"] = m.interval ? json::array({json_number(m.interval->low), json_number(m.interval->high)}) : json(nullptr);
  if (!m.value.reason.empty()) out["metric_note"] = m.value.reason;
}

json slice_json(const slices::SliceRow& s, const slices::SliceReport& r) {
  json out{{"predicates", predicates_json(s.predicates)}, {"label", slice_label(s)}, {"size", s.size}};
  out["share"] = r.rows > 0 ? static_cast<double>(s.size) / static_cast<double>(r.rows) : 0.0;
  put_metric(out, s.metric);
  out["error"] = json_number(s.error);
  out["error_rest"] = json_number(s.error_rest);
  out["gap"] = json_number(s.error - s.error_rest);
  if (s.score) out["score"] = json_number(*s.score);
  out["t"] = json_number(s.t);
  out["df"] = json_number(s.df);
  out["p_value"] = json_number(s.p_value);
  out["p_adjusted"] = json_number(s.p_adjusted);
  out["significant"] = s.significant;
  if (!s.test_note.empty()) out["test_note"] = s.test_note;
  return out;
}

}  // namespace

json slices_json(const slices::SliceReport& r, const slices::Spec& spec, const std::vector<core::FileFingerprint>& inputs,
                 double seconds) {
  json doc = document_header("slices");
  doc["inputs"] = inputs_json(inputs);
  doc["task"] = metrics::task_name(spec.task);
  doc["mode"] = r.discovery ? "discover" : "by";
  doc["parameters"] = parameters_of(r, spec);
  doc["n"] = r.rows;
  doc["dropped_rows"] = r.dropped_rows;
  doc["error"] = r.error_name;
  json overall = json::object();
  put_metric(overall, r.overall);
  overall["error"] = json_number(r.overall_error);
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
