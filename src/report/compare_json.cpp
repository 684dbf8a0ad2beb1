#include "report/compare_json.hpp"

#include "report/findings_json.hpp"
#include "report/json_number.hpp"
#include "report/provenance_json.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

json compare_delta_json(const compare::Delta& d) {
  json out{{"size", d.size}};
  out["champion"] = json_number(d.champion.value);
  out["challenger"] = json_number(d.challenger.value);
  out["delta"] = json_number(d.delta);
  out["gain"] = json_number(d.gain);
  out["test"] = compare::test_name(d.test);
  out["statistic"] = json_number(d.statistic);
  out["p_value"] = json_number(d.p_value);
  if (!d.reason.empty()) out["reason"] = d.reason;
  if (d.mcnemar) {
    out["mcnemar"] = json{{"b", d.mcnemar->b}, {"c", d.mcnemar->c},
                          {"method", compare::mcnemar_method_name(d.mcnemar->method)}};
  }
  if (d.delong) {
    out["delong"] = json{{"positives", d.delong->positives},
                         {"negatives", d.delong->negatives},
                         {"variance", json_number(d.delong->variance)},
                         {"se", json_number(d.delong->se)}};
  }
  if (d.interval.defined) {
    out["ci"] = json{{"low", json_number(d.interval.low)},
                     {"high", json_number(d.interval.high)},
                     {"level", d.interval.level},
                     {"resamples", d.interval.resamples},
                     {"p_value", json_number(d.interval.p_value)}};
  } else {
    out["ci"] = nullptr;
    out["ci_note"] = d.interval.reason;
  }
  return out;
}

json compare_parameters_json(const compare::Comparison& c, const compare::Spec& spec, const compare::Policy& policy) {
  json out{{"target", spec.target}, {"champion", c.champion}, {"challenger", c.challenger}};
  if (c.positive) out["positive"] = *c.positive;
  if (c.negative) out["negative"] = *c.negative;
  if (!c.classes.empty()) out["classes"] = c.classes;
  if (spec.task == metrics::Task::binary) out["threshold"] = spec.threshold;
  if (spec.by) out["bins"] = spec.bins;
  out["min_gain"] = policy.min_gain;
  out["max_slice_loss"] = json_number(policy.max_slice_loss);
  out["alpha"] = policy.alpha;
  out["correction"] = "benjamini_hochberg";
  out["bootstrap"] = json{{"resamples", spec.bootstrap.resamples},
                          {"level", spec.bootstrap.level},
                          {"seed", spec.bootstrap.seed},
                          {"method", "paired percentile; the same Poisson(1) row weights for both models"}};
  return out;
}

}  // namespace

json compare_json(const compare::Comparison& c, const compare::Spec& spec, const compare::Policy& policy,
                  const std::vector<core::FileFingerprint>& inputs, double seconds) {
  const compare::Decision decision = compare::decide(c, policy);
  json doc = document_header("compare");
  doc["inputs"] = inputs_json(inputs);
  doc["verdict"] = json{{"decision", compare::verdict_name(decision.verdict)},
                        {"reason", decision.reason},
                        {"error", decision.error}};
  doc["task"] = metrics::task_name(c.task);
  doc["metric"] = c.metric;
  doc["higher_is_better"] = c.higher_is_better;
  doc["parameters"] = compare_parameters_json(c, spec, policy);
  doc["n"] = c.rows;
  doc["dropped_rows"] = c.dropped_rows;
  doc["overall"] = compare_delta_json(c.overall);
  doc["by"] = c.by ? json{{"column", *c.by}, {"binned", c.binned}} : json(nullptr);
  json slices = json::array();
  for (const auto& s : c.slices) {
    json one{{"level", s.level}, {"low", json_number(s.low)}, {"high", json_number(s.high)}, {"null", s.null}};
    const json delta = compare_delta_json(s.delta);
    for (const auto& [key, value] : delta.items()) one[key] = value;
    one["p_adjusted"] = json_number(s.p_adjusted);
    slices.push_back(std::move(one));
  }
  doc["slices"] = std::move(slices);
  doc["findings"] = findings_json(compare::findings(c, policy));
  doc["notes"] = c.notes;
  doc["elapsed_seconds"] = seconds;
  return doc;
}

}  // namespace assay::report
