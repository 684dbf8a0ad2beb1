#include "report/metrics_json.hpp"
#include "report/metric_set_json.hpp"

#include <cmath>

#include "report/json_number.hpp"
#include "report/provenance_json.hpp"
#include "report/slices_label.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

// Whole numbers (counts) as integers, others as doubles, non-finite as null.
json number(double v) {
  if (!std::isfinite(v)) return json_number(v);
  if (v == std::trunc(v) && std::abs(v) < 9.007199254740992e15) return static_cast<std::int64_t>(v);
  return v;
}

json parameters_of(const metrics::Evaluation& e, const metrics::Spec& spec) {
  const metrics::Parameters& p = e.parameters;
  json out{{"target", spec.target}};
  if (spec.prediction) out["prediction"] = *spec.prediction;
  if (spec.score) out["score"] = *spec.score;
  if (!spec.scores.empty()) out["scores"] = spec.scores;
  if (spec.weight) out["weight"] = *spec.weight;
  if (spec.group) out["group"] = *spec.group;
  if (p.positive) out["positive"] = *p.positive;
  if (p.negative) out["negative"] = *p.negative;
  if (!p.classes.empty()) out["classes"] = p.classes;
  if (p.threshold) out["threshold"] = *p.threshold;
  if (p.k) out["k"] = *p.k;
  if (p.quantile) out["quantile"] = *p.quantile;
  out["dropped_rows"] = p.dropped_rows;
  return out;
}

json curve_json(const metrics::Curve& c, const char* x, const char* y) {
  json thresholds = json::array();
  for (const double t : c.threshold) thresholds.push_back(json_number(t));
  return json{{x, c.x}, {y, c.y}, {"threshold", thresholds}};
}

// An evaluation's counts and results, as the document and each group carry them.
void put_evaluation(json& doc, const metrics::Evaluation& evaluation, const metrics::Spec& spec) {
  const metrics::Result& r = evaluation.result;
  doc["n"] = r.n;
  if (r.task == metrics::Task::ranking) doc["queries"] = r.queries;
  doc["parameters"] = parameters_of(evaluation, spec);
  doc["metrics"] = metric_values_json(r.metrics);
  doc["notes"] = metric_notes_json(r.metrics);

  json ci = json::object();
  json defined = json::object();
  for (const auto& i : r.bootstrap.intervals) {
    ci[i.metric] = json::array({json_number(i.low), json_number(i.high)});
    if (i.resamples < r.bootstrap.resamples) defined[i.metric] = i.resamples;
  }
  doc["ci"] = ci;
  doc["bootstrap"] = json{{"resamples", r.bootstrap.resamples},
                          {"level", r.bootstrap.level},
                          {"seed", r.bootstrap.seed},
                          {"method", "percentile; Poisson(1) resample weights"}};
  if (!defined.empty()) doc["bootstrap"]["defined_in"] = defined;

  if (!r.per_class.empty()) {
    json per_class = json::object();
    for (const auto& c : r.per_class) {
      json entry = metric_values_json(c.metrics);
      entry["support"] = number(c.metrics.get("support").value_or(0.0));
      const json notes = metric_notes_json(c.metrics);
      if (!notes.empty()) entry["notes"] = notes;
      per_class[c.label] = std::move(entry);
    }
    doc["per_class"] = std::move(per_class);
  }
  if (r.confusion) {
    const std::size_t k = r.confusion->labels.size();
    json matrix = json::array();
    for (std::size_t t = 0; t < k; ++t) {
      json row = json::array();
      for (std::size_t p = 0; p < k; ++p) row.push_back(number(r.confusion->at(t, p)));
      matrix.push_back(std::move(row));
    }
    doc["confusion_matrix"] = json{{"labels", r.confusion->labels}, {"rows", "true"}, {"columns", "predicted"},
                                   {"matrix", std::move(matrix)}};
  }
  if (r.roc || r.pr) {
    json curves = json::object();
    if (r.roc) curves["roc"] = curve_json(*r.roc, "fpr", "tpr");
    if (r.pr) curves["pr"] = curve_json(*r.pr, "recall", "precision");
    doc["curves"] = std::move(curves);
  }
  if (!r.residuals.empty()) doc["residuals"] = metric_values_json(r.residuals);
  doc["warnings"] = r.warnings;
}

json document(const metrics::Evaluation& evaluation, const metrics::Spec& spec,
              const std::vector<core::FileFingerprint>& inputs) {
  json doc = document_header("metrics");
  doc["inputs"] = inputs_json(inputs);
  doc["task"] = metrics::task_name(evaluation.result.task);
  put_evaluation(doc, evaluation, spec);
  return doc;
}

json group_json(const slices::GroupEvaluation& g, std::size_t rows, const metrics::Spec& spec) {
  json out{{"predicates", predicates_json(g.predicates)},
           {"label", slices::predicates_label(g.predicates)},
           {"rows", g.rows},
           {"share", rows > 0 ? static_cast<double>(g.rows) / static_cast<double>(rows) : 0.0},
           {"status", slices::group_status_name(g.status)}};
  if (!g.reason.empty()) out["reason"] = g.reason;
  if (g.evaluation) put_evaluation(out, *g.evaluation, spec);
  return out;
}

}  // namespace

json metrics_json(const metrics::Evaluation& evaluation, const metrics::Spec& spec,
                  const std::vector<core::FileFingerprint>& inputs, double seconds) {
  json doc = document(evaluation, spec, inputs);
  doc["elapsed_seconds"] = seconds;
  return doc;
}

json metrics_json(const slices::GroupedEvaluation& grouped, const metrics::Spec& spec, const slices::GroupSpec& groups,
                  const std::vector<core::FileFingerprint>& inputs, double seconds) {
  json doc = document(grouped.overall, spec, inputs);
  json columns = json::array();
  for (const auto& c : grouped.columns) {
    columns.push_back({{"column", c.name}, {"kind", c.kind}, {"binned", c.binned}, {"levels", c.levels}});
  }
  doc["by"] = json{{"columns", std::move(columns)}, {"bins", groups.bins}, {"min_support", groups.min_support}};
  json list = json::array();
  for (const auto& g : grouped.groups) list.push_back(group_json(g, grouped.overall.result.n, spec));
  doc["groups"] = std::move(list);
  doc["elapsed_seconds"] = seconds;
  return doc;
}

}  // namespace assay::report
