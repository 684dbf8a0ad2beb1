#include "fairness/group_rates.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace assay::fairness {

using metrics::Value;

namespace {

// Cells of the 2 x 2 state: truth * 2 + predicted.
double cell(const metrics::Confusion& c, int truth, int predicted) {
  return c.weight[static_cast<std::size_t>(truth * 2 + predicted)];
}

Value ratio(double numerator, double denominator, const char* why) {
  return denominator > 0.0 ? Value::of(numerator / denominator) : Value::undefined(why);
}

struct Spread {
  Value difference;
  Value ratio;
};

// max - min and min / max of `metric` over the included groups.
Spread spread(const std::vector<metrics::MetricSet>& rates, const std::vector<bool>& included,
              const std::vector<std::string>& names, const std::string& metric) {
  double low = 0.0, high = 0.0;
  bool any = false;
  for (std::size_t g = 0; g < rates.size(); ++g) {
    if (!included[g]) continue;
    const Value* v = rates[g].find(metric);
    if (!v->value) {
      const Value none = Value::undefined(fmt::format("{} of group {} is undefined: {}", metric, names[g], v->reason));
      return {none, none};
    }
    low = any ? std::min(low, *v->value) : *v->value;
    high = any ? std::max(high, *v->value) : *v->value;
    any = true;
  }
  return {Value::of(high - low),
          high > 0.0 ? Value::of(low / high) : Value::undefined(fmt::format("the largest {} is 0", metric))};
}

Value worst(const Value& a, const Value& b, bool larger) {
  if (!a.value) return a;
  if (!b.value) return b;
  return Value::of(larger ? std::max(*a.value, *b.value) : std::min(*a.value, *b.value));
}

}  // namespace

metrics::MetricSet group_rates(const metrics::Confusion& c) {
  const double tn = cell(c, 0, 0), fp = cell(c, 0, 1), fn = cell(c, 1, 0), tp = cell(c, 1, 1);
  const double n = tn + fp + fn + tp;
  metrics::MetricSet out;
  out.set("selection_rate", ratio(tp + fp, n, "the group is empty"));
  out.set("base_rate", ratio(tp + fn, n, "the group is empty"));
  out.set("tpr", ratio(tp, tp + fn, "no positive rows"));
  out.set("fpr", ratio(fp, fp + tn, "no negative rows"));
  out.set("precision", ratio(tp, tp + fp, "no positive predictions"));
  return out;
}

const std::vector<std::string>& summary_names() {
  static const std::vector<std::string> names{
      "demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference",
      "equalized_odds_ratio",          "equal_opportunity_difference", "equal_opportunity_ratio",
      "disparate_impact",              "predictive_parity_difference"};
  return names;
}

metrics::MetricSet summaries(const std::vector<metrics::Confusion>& groups, const std::vector<bool>& included,
                             const std::vector<std::string>& names) {
  metrics::MetricSet out;
  const auto count = static_cast<std::size_t>(std::count(included.begin(), included.end(), true));
  if (count < 2) {
    const Value none = Value::undefined(
        fmt::format("{} group{} large enough to compare; summaries need two", count, count == 1 ? " is" : "s are"));
    for (const auto& name : summary_names()) out.set(name, none);
    return out;
  }
  std::vector<metrics::MetricSet> rates;
  for (const auto& g : groups) rates.push_back(group_rates(g));
  const Spread selection = spread(rates, included, names, "selection_rate");
  const Spread tpr = spread(rates, included, names, "tpr");
  const Spread fpr = spread(rates, included, names, "fpr");
  const Spread precision = spread(rates, included, names, "precision");
  out.set("demographic_parity_difference", selection.difference);
  out.set("demographic_parity_ratio", selection.ratio);
  out.set("equalized_odds_difference", worst(tpr.difference, fpr.difference, true));
  out.set("equalized_odds_ratio", worst(tpr.ratio, fpr.ratio, false));
  out.set("equal_opportunity_difference", tpr.difference);
  out.set("equal_opportunity_ratio", tpr.ratio);
  out.set("disparate_impact", selection.ratio);
  out.set("predictive_parity_difference", precision.difference);
  return out;
}

}  // namespace assay::fairness
