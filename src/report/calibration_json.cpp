#include "report/calibration_json.hpp"

#include <cmath>

#include "report/provenance_json.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

json optional_number(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? json(*v) : json(nullptr);
}

json values_of(const metrics::MetricSet& set) {
  json out = json::object();
  for (const auto& item : set.items()) out[item.name] = optional_number(item.value.value);
  return out;
}

json notes_of(const metrics::MetricSet& set) {
  json out = json::object();
  for (const auto& item : set.items()) {
    if (!item.value.reason.empty()) out[item.name] = item.value.reason;
  }
  return out;
}

void header(json& doc, const char* kind, const std::vector<core::FileFingerprint>& inputs) {
  const nlohmann::json h = document_header(kind);
  doc["schema"] = h["schema"];
  doc["assay_version"] = h["assay_version"];
  doc["inputs"] = json::parse(inputs_json(inputs).dump());
}

}  // namespace

json calibration_json(const calibration::Evaluation& e, const calibration::Spec& spec,
                      const std::vector<core::FileFingerprint>& inputs, double seconds) {
  const calibration::Analysis& a = e.analysis;
  json doc;
  header(doc, "calibration", inputs);
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
  doc["metrics"] = values_of(a.metrics);
  doc["notes"] = notes_of(a.metrics);
  json curve = json::array();
  for (const auto& b : a.curve) {
    curve.push_back(json{{"lower", b.lower},
                         {"upper", b.upper},
                         {"count", b.count},
                         {"mean_score", optional_number(b.mean_score)},
                         {"frequency", optional_number(b.frequency)},
                         {"wilson_low", optional_number(b.wilson_low)},
                         {"wilson_high", optional_number(b.wilson_high)}});
  }
  doc["reliability_curve"] = std::move(curve);
  if (!a.per_class.empty()) {
    json per_class = json::object();
    for (const auto& c : a.per_class) {
      per_class[c.label] = json{{"ece", optional_number(c.ece.value)}, {"mce", optional_number(c.mce.value)}};
    }
    doc["per_class"] = std::move(per_class);
  }
  doc["warnings"] = a.warnings;
  doc["elapsed_seconds"] = seconds;
  return doc;
}

json calibration_fit_json(const calibration::Calibrator& c, const std::optional<calibration::Check>& check,
                          const std::vector<core::FileFingerprint>& inputs, double seconds) {
  json doc;
  header(doc, "calibration_fit", inputs);
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
                       {"before", values_of(check->before)},
                       {"after", values_of(check->after)},
                       {"notes", notes_of(check->before)}};
  }
  doc["elapsed_seconds"] = seconds;
  return doc;
}

}  // namespace assay::report
