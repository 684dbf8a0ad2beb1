#include "report/calibration_json.hpp"
#include "report/json_number.hpp"
#include "report/metric_set_json.hpp"

#include <cmath>

#include "report/provenance_json.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

json header(const char* kind, const std::vector<core::FileFingerprint>& inputs) {
  json doc = document_header(kind);
  doc["inputs"] = inputs_json(inputs);
  return doc;
}

}  // namespace

json calibration_json(const calibration::Evaluation& e, const calibration::Spec& spec,
                      const std::vector<core::FileFingerprint>& inputs, double seconds) {
  const calibration::Analysis& a = e.analysis;
  json doc = header("calibration", inputs);
  doc["task"] = a.multiclass ? "multiclass" : "binary";
  doc["n"] = a.n;
  json parameters{{"target", spec.target}};
  if (spec.score) parameters["score"] = *spec.score;
  if (!spec.scores.empty()) parameters["scores"] = spec.scores;
  if (e.positive) parameters["positive"] = *e.positive;
  if (e.negative) parameters["negative"] = *e.negative;
  if (!e.classes.empty()) parameters["classes"] = e.classes;
  parameters["bins"] = spec.options.bins;
  parameters["strategy"] = std::string(calibration::strategy_name(spec.options.strategy));
  parameters["wilson_level"] = spec.options.level;
  parameters["dropped_rows"] = e.dropped_rows;
  doc["parameters"] = std::move(parameters);
  doc["metrics"] = metric_values_json(a.metrics);
  doc["notes"] = metric_notes_json(a.metrics);
  json curve = json::array();
  for (const auto& b : a.curve) {
    curve.push_back(json{{"lower", b.lower},
                         {"upper", b.upper},
                         {"count", b.count},
                         {"mean_score", json_number(b.mean_score)},
                         {"frequency", json_number(b.frequency)},
                         {"wilson_low", json_number(b.wilson_low)},
                         {"wilson_high", json_number(b.wilson_high)}});
  }
  doc["reliability_curve"] = std::move(curve);
  if (!a.per_class.empty()) {
    json per_class = json::object();
    for (const auto& c : a.per_class) {
      per_class[c.label] = json{{"ece", json_number(c.ece.value)}, {"mce", json_number(c.mce.value)}};
    }
    doc["per_class"] = std::move(per_class);
  }
  doc["warnings"] = a.warnings;
  doc["elapsed_seconds"] = seconds;
  return doc;
}

json calibration_fit_json(const calibration::Calibrator& c, const std::optional<calibration::Check>& check,
                          const std::vector<core::FileFingerprint>& inputs, double seconds) {
  json doc = header("calibration_fit", inputs);
  doc["method"] = std::string(calibration::method_name(c.method));
  doc["fitted_rows"] = c.fitted_rows;
  switch (c.method) {
    case calibration::Method::platt: doc["parameters"] = json{{"a", c.platt.a}, {"b", c.platt.b}}; break;
    case calibration::Method::isotonic: doc["parameters"] = json{{"thresholds", c.isotonic.x.size()}}; break;
    case calibration::Method::temperature: doc["parameters"] = json{{"temperature", c.temperature}}; break;
    case calibration::Method::histogram: doc["parameters"] = json{{"bins", c.histogram.value.size()}}; break;
  }
  if (check) {
    doc["eval"] = json{{"rows", check->rows},
                       {"before", metric_values_json(check->before)},
                       {"after", metric_values_json(check->after)},
                       {"notes", metric_notes_json(check->before)}};
  }
  doc["elapsed_seconds"] = seconds;
  return doc;
}

}  // namespace assay::report
