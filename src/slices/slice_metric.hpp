#pragma once
// One metric, with its percentile bootstrap interval, on a subset of the
// bound rows. The metric itself is computed by the metrics engine of the
// task (metrics/binary, multiclass, regression) on the gathered subset, so a
// slice's value is exactly what `assay metrics` (and scikit-learn) gives on
// those rows.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "metrics/result.hpp"
#include "slices/model_rows.hpp"

namespace assay::slices {

struct SliceMetric {
  metrics::Value value;                     // null with a reason when undefined on the subset
  std::optional<metrics::Interval> interval;  // absent without bootstrap or when never defined
};

// The metric names the task's engine reports for these bound columns (for
// validating --metric).
std::vector<std::string> available_metrics(const ModelRows& model, const Spec& spec);

// `subset` indexes the bound rows (0..model.size()-1), ascending.
SliceMetric slice_metric(const ModelRows& model, const Spec& spec, const std::string& metric,
                         std::span<const std::uint32_t> subset);

// The default metric of a task: accuracy (classification), mae (regression),
// the metrics that the per-row errors average to (1 - accuracy, mae).
std::string default_metric(metrics::Task task);

}  // namespace assay::slices
