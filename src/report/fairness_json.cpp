#include "report/fairness_json.hpp"
#include "report/metric_set_json.hpp"

#include <cmath>

#include "report/provenance_json.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

}  // namespace

json fairness_json(const fairness::Evaluation& e, const fairness::Spec& spec,
                   const std::vector<core::FileFingerprint>& inputs, double seconds) {
  json doc = document_header("fairness");
  doc["inputs"] = inputs_json(inputs);
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
      json entry{{"values", values}, {"size", group.size}, {"too_small", group.too_small}, {"metrics", metric_values_json(group.metrics)}};
      const json notes = metric_notes_json(group.metrics);
      if (!notes.empty()) entry["notes"] = notes;
      groups.push_back(std::move(entry));
    }
    json ci = json::object();
    for (const auto& i : g.bootstrap.intervals) ci[i.metric] = json::array({i.low, i.high});
    json four_fifths = nullptr;
    if (g.summary.get("disparate_impact")) four_fifths = g.four_fifths_holds ? "pass" : "fail";
    groupings.push_back(json{{"columns", g.columns},
                             {"groups", std::move(groups)},
                             {"summary", metric_values_json(g.summary)},
                             {"notes", metric_notes_json(g.summary)},
                             {"ci", std::move(ci)},
                             {"four_fifths_rule", four_fifths}});
  }
  doc["groupings"] = std::move(groupings);
  doc["warnings"] = e.warnings;
  doc["elapsed_seconds"] = seconds;
  return doc;
}

}  // namespace assay::report
