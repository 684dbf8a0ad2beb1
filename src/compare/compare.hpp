#pragma once
// Champion vs challenger on the same rows: the compared metric for both
// models, its difference (challenger - champion) and a paired test of it,
// overall and per slice of one column.
//
// The test depends on the metric:
//   roc_auc (binary):  DeLong's test (compare/delong.hpp);
//   accuracy:          McNemar's test on per-row correctness
//                      (compare/mcnemar.hpp; binary at score >= threshold);
//   any other metric:  the paired bootstrap (compare/paired_bootstrap.hpp).
// The paired bootstrap interval of the difference is reported for every
// metric when resamples > 0. Slices (`by`) are the levels of one column,
// encoded as `assay slices --by` encodes them (slices/encode.hpp: numeric
// columns in quantile bins, nulls a level of their own); their p-values are
// Benjamini-Hochberg adjusted across the slices with a defined test.
//
// Undefined values (no rows, one class, a metric undefined on the rows, a
// test with zero variance) are reported with a reason, never as numbers.
// Bad input (unknown column or metric, non-finite values, a slice column
// that cannot be sliced) throws core::Error naming the flag or column.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compare/bind.hpp"
#include "compare/delong.hpp"
#include "compare/mcnemar.hpp"
#include "compare/paired_bootstrap.hpp"
#include "compare/spec.hpp"
#include "core/table.hpp"

namespace assay::compare {

enum class Test { delong, mcnemar, paired_bootstrap };

// "delong", "mcnemar", "paired_bootstrap".
std::string_view test_name(Test test);

// The test used for `metric` of `task`.
Test test_for(metrics::Task task, std::string_view metric);

// One comparison on a set of rows (all rows, or one slice).
struct Delta {
  std::size_t size = 0;
  metrics::Value champion;    // the metric of each model (null with a reason)
  metrics::Value challenger;
  std::optional<double> delta;  // challenger - champion; empty: see reason
  std::optional<double> gain;   // delta signed so that > 0 means the challenger is better
  Test test = Test::paired_bootstrap;
  std::optional<double> statistic;  // DeLong's z, McNemar's statistic; none for the bootstrap
  std::optional<double> p_value;    // two-sided; empty: see reason
  std::string reason;               // why delta or p_value is empty
  std::optional<McNemarResult> mcnemar;
  std::optional<DeLongResult> delong;
  DifferenceInterval interval;      // paired bootstrap of delta (defined = false without resamples)
};

struct SliceDelta {
  std::string level;          // "low", "(12.3, 14.1]", "null"
  std::optional<double> low;  // numeric bins: exclusive lower edge; by value: the value
  std::optional<double> high;
  bool null = false;
  Delta delta;
  std::optional<double> p_adjusted;  // Benjamini-Hochberg across slices with a p-value
};

struct Comparison {
  metrics::Task task = metrics::Task::binary;
  std::string metric;
  bool higher_is_better = true;
  std::string champion, challenger;  // column names
  std::size_t rows = 0;              // rows compared
  std::size_t dropped_rows = 0;      // rows with a null in the target or a model column
  std::optional<std::string> positive, negative;  // binary labels
  std::vector<std::string> classes;               // multiclass labels
  Delta overall;
  std::optional<std::string> by;
  bool binned = false;  // the slice column is numeric, cut in quantile bins
  std::vector<SliceDelta> slices;
  std::vector<std::string> notes;
};

Comparison compare(const core::Table& table, const Spec& spec);

// One Delta of `metric` on `subset` of the bound rows (indices, ascending).
Delta compare_rows(const Bound& bound, const Spec& spec, const std::string& metric,
                   std::span<const std::uint32_t> subset);

}  // namespace assay::compare
