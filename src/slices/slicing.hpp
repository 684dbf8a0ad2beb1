#pragma once
// The whole `assay slices` computation on a table:
//  - with `by` columns: every slice value of those columns and every
//    conjunction up to `depth`, each with the metric, its bootstrap
//    interval, its mean error against the rest and a Welch test;
//  - without: weak-slice discovery over every eligible column (not the model
//    columns, not excluded, not timestamps, ids or columns with too many
//    values): the SliceLine lattice search (lattice.hpp), a Welch t-test of
//    each examined slice's per-row errors against the rest's, Benjamini-
//    Hochberg adjustment across all examined slices, conjunctions that only
//    restate a parent dropped, and the `top` slices by SliceLine score.
// Bad input throws core::Error naming the flag or column.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "slices/options.hpp"
#include "slices/predicate.hpp"
#include "slices/slice_metric.hpp"

namespace assay::slices {

struct SliceRow {
  std::vector<SlicePredicate> predicates;
  std::size_t size = 0;
  double error = 0.0;       // mean per-row error in the slice
  double error_rest = 0.0;  // mean per-row error of the other rows (NaN when none)
  std::optional<double> score;  // SliceLine score (discovery)
  double t = 0.0, df = 0.0;     // Welch t-test, slice vs rest (NaN when undefined)
  std::optional<double> p_value, p_adjusted;  // absent when the test is undefined
  std::string test_note;                       // why the test is undefined
  bool significant = false;  // p_adjusted below the level and the slice's error above the rest's
  SliceMetric metric;
};

struct ColumnUse {
  std::string name;
  std::string kind;
  bool binned = false;
  std::vector<std::string> levels;
};

struct SkippedColumn {
  std::string name;
  std::string reason;
};

struct SliceReport {
  bool discovery = false;
  std::size_t rows = 0;          // rows evaluated
  std::size_t dropped_rows = 0;  // rows with a null in a model column
  std::string metric;
  std::string error_name;        // "misclassification" or "absolute_error"
  std::optional<std::string> positive, negative;  // binary labels
  SliceMetric overall;
  double overall_error = 0.0;
  std::vector<ColumnUse> columns;
  std::vector<SkippedColumn> skipped;
  std::size_t examined = 0;    // slices tested (the Benjamini-Hochberg family)
  std::size_t candidates = 0;  // discovery: slices scoring above zero that restate no parent
  std::vector<SliceRow> slices;
  std::vector<std::string> notes;
};

SliceReport run_slices(const core::Table& table, const Spec& spec);

}  // namespace assay::slices
