#pragma once
// One model's metrics on a subset of the bound rows, by the task's metrics
// engine (metrics/binary, multiclass, regression) on the gathered rows: the
// values are exactly what `assay metrics` gives on those rows. The subset is
// gathered in the same order for both models, so with
// BootstrapOptions::paired the two evaluations draw the same multiplicity
// for each row (metrics/poisson.hpp: a function of seed, resample, row).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "compare/bind.hpp"
#include "metrics/result.hpp"

namespace assay::compare {

enum class Side { champion, challenger };

// `subset` indexes the bound rows (0..bound.size()-1), ascending.
metrics::Result evaluate_side(const Bound& bound, Side side, double threshold, std::span<const std::uint32_t> subset,
                              const metrics::BootstrapOptions& bootstrap);

// The metrics a task's comparison can use (binary from scores, multiclass
// from predicted labels, regression).
std::vector<std::string> comparable_metrics(metrics::Task task);

}  // namespace assay::compare
