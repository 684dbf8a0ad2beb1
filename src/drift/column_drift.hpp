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

// A p-value held at the edge of the method's table (Anderson-Darling: scipy
// caps to [0.001, 0.25]): at `floor` the true p-value is at most the
// reported one, at `cap` at least.
enum class PValueLimit { none, floor, cap };

// A share of a column's cells, reference against current, compared as a
// binary column (in the share / not) by the auto rule (ztest or fisher up to
// 1,000 reference cells, js above). Two shares are compared this way, so a
// column drifts even when the values compared do not move:
//   non-finite: inf and NaN among a numeric column's non-null values;
//   null:       nulls among all the column's cells.
struct ShareDrift {
  Method method = Method::automatic;
  std::optional<double> statistic;
  std::optional<double> p_value;
  double threshold = 0.0;
  double reference_share = 0.0;
  double current_share = 0.0;
  bool drifted = false;
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
  PValueLimit p_value_limit = PValueLimit::none;  // anderson: the p-value is the edge of its table
  double threshold = 0.0;
  bool drifted = false;                    // the statistic, the non-finite or the null share drifted
  bool statistic_drifted = false;          // the statistic (or corrected p-value) alone
  std::string reason;                      // why the statistic is null

  std::optional<double> wasserstein_raw;   // wasserstein: the distance before norming
  std::optional<double> reference_std;     // wasserstein: the norm used
  std::optional<double> dof;               // chi2

  std::size_t reference_rows = 0;          // non-null (finite) values compared
  std::size_t current_rows = 0;
  std::size_t reference_nulls = 0;
  std::size_t current_nulls = 0;
  NonFinite reference_non_finite;          // numeric: valid cells left out of the statistic
  NonFinite current_non_finite;
  std::optional<ShareDrift> non_finite_share;  // when either side has non-finite values
  std::optional<ShareDrift> null_share;        // when either side has nulls

  // The statistic or one of the shares drifted.
  bool any_drifted() const noexcept {
    return statistic_drifted || (non_finite_share && non_finite_share->drifted) || (null_share && null_share->drifted);
  }
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
// may revise it). A statistic that cannot be computed is null with a
// `reason` (the column's Finding is then an error).
ColumnDrift compare_column(const ColumnSpec& spec, core::Kind kind, const PreparedSide& reference,
                           const PreparedSide& current, const DriftOptions& options);

}  // namespace assay::drift
