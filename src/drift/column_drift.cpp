#include "drift/column_drift.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "drift/anderson.hpp"
#include "drift/binning.hpp"
#include "drift/contingency.hpp"
#include "drift/cramer_von_mises.hpp"
#include "drift/distances.hpp"
#include "drift/ks.hpp"
#include "stats/moments.hpp"
#include "stats/quantile_bins.hpp"

namespace assay::drift {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::feature: return "feature";
    case Role::target: return "target";
    case Role::prediction: return "prediction";
    case Role::score: return "score";
  }
  return "feature";
}

PreparedSide prepare_side(const core::Column& column, std::span<const std::uint32_t> rows) {
  PreparedSide side;
  if (column.kind() == core::Kind::float64 || column.kind() == core::Kind::int64) {
    side.numeric_kind = true;
    side.numeric = numeric_side(column, rows);
  } else {
    side.categorical = categorical_side(column, rows);
  }
  return side;
}

namespace {

double sum_of(std::span<const double> v) { return std::accumulate(v.begin(), v.end(), 0.0); }

// Smallest expected count of the 2 x 2 table reference/current x category.
double min_expected_2x2(const AlignedCounts& c) {
  if (c.labels.size() < 2) return INFINITY;
  const double r = c.reference[0] + c.reference[1];
  const double k = c.current[0] + c.current[1];
  const double t = r + k;
  double m = INFINITY;
  for (const double row : {r, k}) {
    for (const double col : {c.reference[0] + c.current[0], c.reference[1] + c.current[1]}) m = std::min(m, row * col / t);
  }
  return m;
}

void fill_category_hist(ColumnDrift& r, const AlignedCounts& c, std::size_t keep) {
  std::vector<std::size_t> order(c.labels.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const bool truncate = order.size() > keep;
  if (truncate) {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return c.reference[a] + c.current[a] > c.reference[b] + c.current[b];
    });
  }
  const std::size_t shown = truncate ? keep - 1 : order.size();
  for (std::size_t i = 0; i < shown; ++i) {
    r.hist_categories.push_back(c.labels[order[i]]);
    r.reference_hist.push_back(c.reference[order[i]]);
    r.current_hist.push_back(c.current[order[i]]);
  }
  if (truncate) {
    double ref_other = 0.0;
    double cur_other = 0.0;
    for (std::size_t i = shown; i < order.size(); ++i) {
      ref_other += c.reference[order[i]];
      cur_other += c.current[order[i]];
    }
    r.hist_categories.emplace_back("(other)");
    r.reference_hist.push_back(ref_other);
    r.current_hist.push_back(cur_other);
  }
}

// The binned distances on two count vectors (bins or categories).
double binned_statistic(Method method, std::span<const double> ref, std::span<const double> cur, double epsilon) {
  switch (method) {
    case Method::psi: {
      const auto p = smooth_proportions(ref, epsilon);
      const auto q = smooth_proportions(cur, epsilon);
      return psi(p, q);
    }
    case Method::kl: {
      const auto p = smooth_proportions(ref, epsilon);
      const auto q = smooth_proportions(cur, epsilon);
      return kl_divergence(p, q);
    }
    case Method::js: return jensen_shannon(ref, cur);
    case Method::hellinger: return hellinger(ref, cur);
    case Method::tvd: return total_variation(ref, cur);
    default: return NAN;
  }
}

void compare_numeric(ColumnDrift& r, std::span<const double> ref, std::span<const double> cur,
                     const DriftOptions& options) {
  switch (r.method) {
    case Method::ks: {
      const KsResult ks = ks_2samp(ref, cur);
      r.statistic = ks.statistic;
      r.p_value = ks.p_value;
      r.p_value_method = ks.exact ? "exact" : "asymptotic";
      return;
    }
    case Method::anderson: {
      const auto ad = anderson_2samp(ref, cur);
      if (!ad) {
        r.reason = "Anderson-Darling needs at least two distinct values and four values in all";
        return;
      }
      r.statistic = ad->statistic;
      r.p_value = ad->p_value;
      r.p_value_method = ad->capped ? "capped" : "interpolated";
      if (ad->capped) r.p_value_limit = ad->p_value < 0.01 ? PValueLimit::floor : PValueLimit::cap;
      return;
    }
    case Method::cvm: {
      const auto cvm = cramer_von_mises_2samp(ref, cur);
      if (!cvm) {
        r.reason = "Cramer-von Mises needs at least two values on each side";
        return;
      }
      r.statistic = cvm->statistic;
      r.p_value = cvm->p_value;
      r.p_value_method = cvm->exact ? "exact" : "asymptotic";
      return;
    }
    case Method::wasserstein: {
      // Evidently's norm: the reference population std, floored at 0.001.
      const double raw = wasserstein_distance(ref, cur);
      const double sd = std::sqrt(stats::mean_variance(ref, 0.0).variance);
      r.wasserstein_raw = raw;
      r.reference_std = std::max(sd, 0.001);
      r.statistic = raw / *r.reference_std;
      return;
    }
    case Method::energy:
      r.statistic = energy_distance(ref, cur);
      return;
    default: {
      const stats::QuantileBins bins = stats::quantile_bins(ref, options.bins);
      r.statistic = binned_statistic(r.method, stats::bin_counts(bins, ref), stats::bin_counts(bins, cur),
                                     options.epsilon);
      return;
    }
  }
}

void compare_categorical(ColumnDrift& r, const AlignedCounts& c, const DriftOptions& options) {
  switch (r.method) {
    case Method::chi2: {
      const TestStatistic t = chi2_homogeneity(c.reference, c.current);
      r.statistic = t.statistic;
      r.p_value = t.p_value;
      r.dof = t.dof;
      r.p_value_method = "asymptotic";
      return;
    }
    case Method::ztest: {
      const auto z = c.labels.size() == 2
                         ? two_proportion_z(c.reference[0], sum_of(c.reference), c.current[0], sum_of(c.current))
                         : std::nullopt;
      r.statistic = z ? z->statistic : 0.0;  // one category on both sides: no difference
      r.p_value = z ? z->p_value : 1.0;
      r.p_value_method = "asymptotic";
      return;
    }
    case Method::fisher: {
      const auto at = [](const std::vector<double>& v, std::size_t i) {
        return i < v.size() ? static_cast<std::uint64_t>(v[i]) : std::uint64_t{0};
      };
      const TestStatistic t = fisher_exact(at(c.reference, 0), at(c.reference, 1), at(c.current, 0), at(c.current, 1));
      if (std::isfinite(t.statistic)) r.statistic = t.statistic;
      else if (!std::isnan(t.statistic)) r.reason = "odds ratio is infinite";
      else r.reason = "odds ratio is undefined (a row or column of the table is empty)";
      r.p_value = t.p_value;
      r.p_value_method = "exact";
      return;
    }
    default:
      r.statistic = binned_statistic(r.method, c.reference, c.current, options.epsilon);
      return;
  }
}

// `part` of `total` cells on each side, reference against current, as a
// binary column (outside / inside the part) under the auto rule. The one
// comparison of shares: non-finite values and nulls both come here.
ShareDrift compare_share(std::size_t ref_part, std::size_t ref_total, std::size_t cur_part, std::size_t cur_total,
                         const DriftOptions& options) {
  AlignedCounts c;
  c.labels = {"outside", "inside"};
  c.reference = {static_cast<double>(ref_total - ref_part), static_cast<double>(ref_part)};
  c.current = {static_cast<double>(cur_total - cur_part), static_cast<double>(cur_part)};
  ColumnDrift t;
  t.method = choose_auto({Shape::categorical, true, ref_total, min_expected_2x2(c)});
  compare_categorical(t, c, options);
  ShareDrift out;
  out.method = t.method;
  out.statistic = t.statistic;
  out.p_value = t.p_value;
  out.threshold = default_threshold(t.method);
  out.reference_share = ref_total > 0 ? static_cast<double>(ref_part) / static_cast<double>(ref_total) : 0.0;
  out.current_share = cur_total > 0 ? static_cast<double>(cur_part) / static_cast<double>(cur_total) : 0.0;
  out.drifted = is_test(t.method) ? (t.p_value && *t.p_value < out.threshold)
                                  : (t.statistic && *t.statistic >= out.threshold);
  return out;
}

}  // namespace

ColumnDrift compare_column(const ColumnSpec& spec, core::Kind kind, const PreparedSide& reference,
                           const PreparedSide& current, const DriftOptions& options) {
  ColumnDrift r;
  r.column = spec.name;
  r.kind = kind;
  r.role = spec.role;
  const bool numeric_kind = reference.numeric_kind;
  if (numeric_kind) {
    r.reference_rows = reference.numeric.sorted.size();
    r.current_rows = current.numeric.sorted.size();
    r.reference_nulls = reference.numeric.nulls;
    r.current_nulls = current.numeric.nulls;
    r.reference_non_finite = reference.numeric.non_finite;
    r.current_non_finite = current.numeric.non_finite;
  } else {
    r.reference_rows = static_cast<std::size_t>(sum_of(reference.categorical.counts));
    r.current_rows = static_cast<std::size_t>(sum_of(current.categorical.counts));
    r.reference_nulls = reference.categorical.nulls;
    r.current_nulls = current.categorical.nulls;
  }

  const std::span<const double> ref_values = reference.numeric.sorted;
  const std::span<const double> cur_values = current.numeric.sorted;
  const bool few_values =
      numeric_kind && pooled_distinct(ref_values, cur_values, kMaxDistinctAsCategorical) <= kMaxDistinctAsCategorical;
  const Shape natural = (!numeric_kind || few_values) ? Shape::categorical : Shape::numeric;
  AlignedCounts counts;
  if (natural == Shape::categorical) {
    counts = numeric_kind ? align(categories_of(reference.numeric), categories_of(current.numeric))
                          : align(reference.categorical, current.categorical);
  }
  const bool binary = natural == Shape::categorical && counts.labels.size() <= 2;
  const AutoInput auto_input{natural, binary, r.reference_rows, binary ? min_expected_2x2(counts) : INFINITY};

  Method method = options.method;
  Shape shape = natural;
  if (method == Method::automatic) {
    method = choose_auto(auto_input);
  } else if (!applicable(method, natural, binary)) {
    if (numeric_kind && applicable(method, Shape::numeric, false)) {
      shape = Shape::numeric;
    } else {
      method = choose_auto(auto_input);
      r.method_fallback = true;
    }
  }
  r.method = method;
  r.shape = shape;
  r.threshold = options.threshold.value_or(default_threshold(method));

  if (shape == Shape::categorical) {
    r.unseen_categories = counts.unseen_categories;
    r.unseen_rows = counts.unseen_rows;
    r.unseen_examples = counts.unseen_examples;
    if (options.histograms) fill_category_hist(r, counts, std::max<std::size_t>(options.plot_categories, 2));
  } else if (options.histograms) {
    PlotHistogram h = plot_histogram(ref_values, cur_values, options.plot_bins);
    r.hist_edges = std::move(h.edges);
    r.reference_hist = std::move(h.reference);
    r.current_hist = std::move(h.current);
  }

  const std::size_t ref_numbers = r.reference_rows + r.reference_non_finite.total();
  const std::size_t cur_numbers = r.current_rows + r.current_non_finite.total();
  if ((r.reference_non_finite.total() > 0 || r.current_non_finite.total() > 0) && ref_numbers > 0 && cur_numbers > 0) {
    r.non_finite_share =
        compare_share(r.reference_non_finite.total(), ref_numbers, r.current_non_finite.total(), cur_numbers, options);
  }
  const std::size_t ref_cells = ref_numbers + r.reference_nulls;
  const std::size_t cur_cells = cur_numbers + r.current_nulls;
  if ((r.reference_nulls > 0 || r.current_nulls > 0) && ref_cells > 0 && cur_cells > 0) {
    r.null_share = compare_share(r.reference_nulls, ref_cells, r.current_nulls, cur_cells, options);
  }
  if (r.reference_rows == 0 || r.current_rows == 0) {
    const bool ref_empty = r.reference_rows == 0;
    const std::size_t bad = (ref_empty ? r.reference_non_finite : r.current_non_finite).total();
    const char* side = ref_empty ? "the reference" : "the current data";
    r.reason = bad > 0 ? fmt::format("no finite values in {} ({} non-finite)", side, bad)
                       : fmt::format("no non-null values in {}", side);
  } else if (shape == Shape::numeric) {
    compare_numeric(r, ref_values, cur_values, options);
  } else {
    compare_categorical(r, counts, options);
  }
  if (is_test(method)) {
    r.statistic_drifted = r.p_value && *r.p_value < r.threshold;
  } else {
    r.statistic_drifted = r.statistic && *r.statistic >= r.threshold;
  }
  r.drifted = r.any_drifted();
  return r;
}

}  // namespace assay::drift
