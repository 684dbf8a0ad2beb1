#include "slices/slice_metric.hpp"

#include <numeric>

#include "metrics/binary.hpp"
#include "metrics/multiclass.hpp"
#include "metrics/regression.hpp"

namespace assay::slices {

namespace {

template <class T>
std::vector<T> gather(const std::vector<T>& values, std::span<const std::uint32_t> subset) {
  std::vector<T> out;
  if (values.empty()) return out;
  out.reserve(subset.size());
  for (const std::uint32_t j : subset) out.push_back(values[j]);
  return out;
}

metrics::Result evaluate_subset(const ModelRows& m, const Spec& spec, std::span<const std::uint32_t> subset,
                                const metrics::BootstrapOptions& bootstrap) {
  switch (m.task) {
    case metrics::Task::binary: {
      const auto truth = gather(m.truth_bits, subset);
      const auto predicted = gather(m.predicted_bits, subset);
      const auto score = gather(m.score, subset);
      return metrics::evaluate_binary({.truth = truth, .predicted = predicted, .score = score, .weight = {}},
                                      {.threshold = spec.threshold,
                                       .positive_label = m.positive_label,
                                       .negative_label = m.negative_label,
                                       .curve_points = 2,
                                       .bootstrap = bootstrap});
    }
    case metrics::Task::multiclass: {
      const auto truth = gather(m.truth_codes, subset);
      const auto predicted = gather(m.predicted_codes, subset);
      return metrics::evaluate_multiclass({.truth = truth, .predicted = predicted, .scores = {}, .weight = {}},
                                          {.classes = m.classes, .k = 2, .bootstrap = bootstrap});
    }
    case metrics::Task::regression:
    case metrics::Task::ranking: {
      const auto truth = gather(m.truth_values, subset);
      const auto predicted = gather(m.predicted_values, subset);
      return metrics::evaluate_regression({.truth = truth, .predicted = predicted, .weight = {}},
                                          {.quantile = 0.5, .bootstrap = bootstrap});
    }
  }
  return {};
}

}  // namespace

std::string default_metric(metrics::Task task) { return task == metrics::Task::regression ? "mae" : "accuracy"; }

std::vector<std::string> available_metrics(const ModelRows& model, const Spec& spec) {
  const std::uint32_t first = 0;
  const metrics::Result r = evaluate_subset(model, spec, std::span(&first, model.size() > 0 ? 1 : 0),
                                            metrics::BootstrapOptions{.resamples = 0});
  std::vector<std::string> names;
  for (const auto& item : r.metrics.items()) names.push_back(item.name);
  return names;
}

SliceMetric slice_metric(const ModelRows& model, const Spec& spec, const std::string& metric,
                         std::span<const std::uint32_t> subset) {
  metrics::BootstrapOptions bootstrap = spec.bootstrap;
  bootstrap.metrics = {metric};
  const metrics::Result r = evaluate_subset(model, spec, subset, bootstrap);
  SliceMetric out;
  if (const metrics::Value* v = r.metrics.find(metric)) {
    out.value = *v;
  } else {
    out.value = metrics::Value::undefined("not computed for this task");
  }
  for (const auto& interval : r.bootstrap.intervals) {
    if (interval.metric == metric) out.interval = interval;
  }
  return out;
}

}  // namespace assay::slices
