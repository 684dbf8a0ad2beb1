#include "report/fairness_json.hpp"

#include <cmath>

#include "report/provenance_json.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

json values_of(const metrics::MetricSet& set) {
  json out = json::object();
  for (const auto& item : set.items()) {
    out[item.name] = item.value.value && std::isfinite(*item.value.value) ? json(*item.value.value) : json(nullptr);
  }
  return out;
}

json notes_of(const metrics::MetricSet& set) {
  json out = json::object();
  for (const auto& item : set.items()) {
    if (!item.value.reason.empty()) out[item.name] = item.value.reason;
  }
  return out;
}

}  // namespace

json fairness_json(const fairness::Evaluation& e, const fairness::Spec& spec,
                   const std::vector<core::FileFingerprint>& inputs, double seconds) {
  const nlohmann::json h = document_header("fairness");
  json doc;
  doc["schema"] = h["schema"];
  doc["assay_version"] = h["assay_version"];
  doc["inputs"] = json::parse(inputs_json(inputs).dump());
  doc["n"] = e.n;
  json parameters{{"target", spec.target}, {"prediction", spec.prediction}};
  if (spec.score) parameters["score"] = *spec.score;
  parameters["sensitive"] = spec.sensitive;
  parameters["positive"] = e.positive;
  parameters["negative"] = e.negative;
  parameters["min_group"] = spec.options.min_group;
  parameters["dropped_rows"] = e.dropped_rows;
  doc["parameters"] = std::move(parameters);
  const metrics::BootstrapOptions& b = spec.options.bootstrap;
  doc["bootstrap"] = json{{"resamples", b.resamples},
                          {"level", b.level},
                          {"seed", b.seed},
                          {"method", "percentile; Poisson(1) row weights shared by all groups"}};
  json groupings = json::array();
  for (const auto& g : e.groupings) {
    json groups = json::array();
    for (const auto& group : g.groups) {
      json values = json::object();
      for (std::size_t c = 0; c < g.columns.size(); ++c) values[g.columns[c]] = group.values[c];
      json entry{{"values", values}, {"size", group.size}, {"too_small", group.too_small}, {"metrics", values_of(group.metrics)}};
      const json notes = notes_of(group.metrics);
      if (!notes.empty()) entry["notes"] = notes;
      groups.push_back(std::move(entry));
    }
    json ci = json::object();
    for (const auto& i : g.bootstrap.intervals) ci[i.metric] = json::array({i.low, i.high});
    json four_fifths = nullptr;
    if (g.summary.get("disparate_impact")) four_fifths = g.four_fifths_holds ? "pass" : "fail";
    groupings.push_back(json{{"columns", g.columns},
                             {"groups", std::move(groups)},
                             {"summary", values_of(g.summary)},
                             {"notes", notes_of(g.summary)},
                             {"ci", std::move(ci)},
                             {"four_fifths_rule", four_fifths}});
  }
  doc["groupings"] = std::move(groupings);
  doc["warnings"] = e.warnings;
  doc["elapsed_seconds"] = seconds;
  return doc;
}

}  // namespace assay::report
