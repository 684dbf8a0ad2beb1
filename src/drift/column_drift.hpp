#pragma once
// Drift of one column: the reference and current values compared with one
// method (chosen by the auto rule unless requested), with binned summaries
// for plots. Multiple-testing correction and the dataset verdict are applied
// across columns afterwards (dataset_drift.hpp).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/column.hpp"
#include "drift/column_data.hpp"
#include "drift/method.hpp"
#include "drift/options.hpp"

namespace assay::drift {

enum class Role { feature, target, prediction, score };
std::string_view role_name(Role role);

struct ColumnSpec {
  std::string name;
  Role role = Role::feature;
};

struct ColumnDrift {
  std::string column;
  core::Kind kind = core::Kind::float64;
  Role role = Role::feature;
  Shape shape = Shape::numeric;
  Method method = Method::automatic;       // the method used
  bool method_fallback = false;            // the requested method did not apply; auto chose
  std::optional<double> statistic;         // null when undefined, see reason
  std::optional<double> p_value;           // tests only
  std::optional<double> p_value_adjusted;  // after the correction (tests only)
  std::string p_value_method;              // "exact", "asymptotic", "interpolated", "capped"
  double threshold = 0.0;
  bool drifted = false;
  std::string reason;                      // why the statistic is null

  std::optional<double> wasserstein_raw;   // wasserstein: the distance before norming
  std::optional<double> reference_std;     // wasserstein: the norm used
  std::optional<double> dof;               // chi2

  std::size_t reference_rows = 0;          // non-null values compared
  std::size_t current_rows = 0;
  std::size_t reference_nulls = 0;
  std::size_t current_nulls = 0;
  std::size_t unseen_categories = 0;       // categorical: categories absent from the reference
  double unseen_rows = 0.0;
  std::vector<std::string> unseen_examples;

  // Plot summaries: numeric -> hist_edges (bins + 1); categorical ->
  // hist_categories (the last may be "(other)").
  std::vector<double> hist_edges;
  std::vector<std::string> hist_categories;
  std::vector<double> reference_hist;
  std::vector<double> current_hist;
};

// A column's values prepared once for any number of comparisons.
struct PreparedSide {
  bool numeric_kind = false;  // float64/int64 (else categorical/bool)
  NumericSide numeric;
  CategoricalSide categorical;
};
PreparedSide prepare_side(const core::Column& column, std::span<const std::uint32_t> rows = {});

// Compares the two sides; `drifted` uses the raw p-value (the correction
// may revise it).
ColumnDrift compare_column(const ColumnSpec& spec, core::Kind kind, const PreparedSide& reference,
                           const PreparedSide& current, const DriftOptions& options);

}  // namespace assay::drift
