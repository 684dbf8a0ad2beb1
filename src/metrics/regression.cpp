#include "metrics/regression.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/error.hpp"
#include "metrics/sum.hpp"
#include "stats/moments.hpp"
#include "stats/quantile.hpp"
#include "stats/sort.hpp"

namespace assay::metrics {

namespace {

// Weighted sums from which every metric but the median follows; the same
// for the data (unit multiplicities) and for a resample.
struct Sums {
  CompensatedSum weight, abs, sq, ape, pinball, y, y_sq, e, e_sq;
  double max_abs = 0.0;
};

// r2 / explained_variance with force_finite=True (_assemble_r2_explained_variance).
double assemble(double numerator, double denominator) {
  if (numerator == 0.0) return 1.0;
  if (denominator == 0.0) return 0.0;
  return 1.0 - numerator / denominator;
}

struct Row {
  double abs, sq, ape, pinball, y, e;
};

Row row_terms(double y, double yhat, double alpha) {
  const double e = y - yhat;
  const double a = std::abs(yhat - y);
  const double ape = a / std::max(std::abs(y), std::numeric_limits<double>::epsilon());
  // mean_pinball_loss: alpha * max(e, 0) - (1 - alpha) * min(e, 0) in scikit-learn's form.
  const double sign = e >= 0.0 ? 1.0 : 0.0;
  const double pinball = alpha * sign * e - (1.0 - alpha) * (1.0 - sign) * e;
  return {a, a * a, ape, pinball, y, e};
}

// Fills the metrics that are weighted means. The sums of y and e are of
// centred values (the data's weighted means subtracted) so that variances
// do not cancel.
void add_mean_metrics(const Sums& s, MetricSet& out) {
  const double w = s.weight.value();
  out.set("mae", Value::of(s.abs.value() / w));
  const double mse = s.sq.value() / w;
  out.set("mse", Value::of(mse));
  out.set("rmse", Value::of(std::sqrt(mse)));
  const double y_mean = s.y.value() / w;  // of the centred y
  const double ss_tot = s.y_sq.value() - w * y_mean * y_mean;
  out.set("r2", Value::of(assemble(s.sq.value(), std::max(ss_tot, 0.0))));
  out.set("mape", Value::of(s.ape.value() / w));
  const double e_mean = s.e.value() / w;
  const double e_var = std::max(s.e_sq.value() / w - e_mean * e_mean, 0.0);
  out.set("explained_variance", Value::of(assemble(e_var, std::max(ss_tot, 0.0) / w)));
  out.set("max_error", Value::of(s.max_abs));
  out.set("mean_pinball_loss", Value::of(s.pinball.value() / w));
}

// scikit-learn's _weighted_percentile(array, weight, 50) on an order that
// sorts `abs_error`: the first value whose cumulative weight reaches half
// the total (nudged up when the total is 0 -- cannot happen here).
template <class Weight>
double weighted_median(std::span<const std::uint32_t> order, std::span<const double> abs_error, Weight weight) {
  double total = 0.0;
  for (const std::uint32_t i : order) total += weight(i);
  const double half = 0.5 * total;
  double cumulative = 0.0;
  for (const std::uint32_t i : order) {
    cumulative += weight(i);
    if (cumulative >= half) return abs_error[i];
  }
  return abs_error[order.back()];
}

}  // namespace

Result evaluate_regression(const RegressionInputs& in, const RegressionOptions& options) {
  const std::size_t n = in.truth.size();
  if (in.predicted.size() != n || (!in.weight.empty() && in.weight.size() != n)) {
    throw core::Error("regression metrics: inputs differ in length");
  }
  if (n == 0) throw core::Error("regression metrics: no rows");
  const double alpha = options.quantile;
  Result result;
  result.task = Task::regression;
  result.n = n;

  // Exact (two-pass) point estimates, as scikit-learn's np.average.
  auto w_of = [&](std::size_t i) { return in.weight.empty() ? 1.0 : in.weight[i]; };
  CompensatedSum wsum, ysum, esum;
  for (std::size_t i = 0; i < n; ++i) {
    wsum.add(w_of(i));
    ysum.add(w_of(i) * in.truth[i]);
    esum.add(w_of(i) * (in.truth[i] - in.predicted[i]));
  }
  const double w_total = wsum.value();
  const double y_mean = ysum.value() / w_total;
  const double e_mean = esum.value() / w_total;
  Sums s;
  std::vector<double> abs_error(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double w = w_of(i);
    const Row r = row_terms(in.truth[i], in.predicted[i], alpha);
    abs_error[i] = r.abs;
    s.weight.add(w);
    s.abs.add(w * r.abs);
    s.sq.add(w * r.sq);
    s.ape.add(w * r.ape);
    s.pinball.add(w * r.pinball);
    const double yc = r.y - y_mean;
    const double ec = r.e - e_mean;
    s.y.add(w * yc);
    s.y_sq.add(w * yc * yc);
    s.e.add(w * ec);
    s.e_sq.add(w * ec * ec);
    s.max_abs = std::max(s.max_abs, r.abs);
  }
  const std::vector<std::uint32_t> order = stats::argsort(abs_error);
  add_mean_metrics(s, result.metrics);
  if (in.weight.empty()) {
    std::vector<double> sorted(n);
    for (std::size_t j = 0; j < n; ++j) sorted[j] = abs_error[order[j]];
    result.metrics.set("median_absolute_error", Value::of(stats::quantile_sorted(sorted, 0.5)));
  } else {
    result.metrics.set("median_absolute_error",
                       Value::of(weighted_median(order, abs_error, [&](std::uint32_t i) { return in.weight[i]; })));
  }
  if (n < 2) {
    result.metrics.set("r2", Value::undefined("r2 needs at least two rows"));
    result.metrics.set("explained_variance", Value::undefined("explained_variance needs at least two rows"));
  }

  // Residual summary (unweighted): y_true - y_pred.
  std::vector<double> residual(n);
  for (std::size_t i = 0; i < n; ++i) residual[i] = in.truth[i] - in.predicted[i];
  const stats::MeanVariance mv = stats::mean_variance(residual, 1.0);
  stats::radix_sort(residual);
  result.residuals.set("mean", Value::of(mv.mean));
  result.residuals.set("std", n > 1 ? Value::of(std::sqrt(mv.variance)) : Value::undefined("one row"));
  result.residuals.set("min", Value::of(residual.front()));
  for (const auto& [name, q] : {std::pair{"p05", 0.05}, {"p25", 0.25}, {"median", 0.5}, {"p75", 0.75}, {"p95", 0.95}}) {
    result.residuals.set(name, Value::of(stats::quantile_sorted(residual, q)));
  }
  result.residuals.set("max", Value::of(residual.back()));

  result.bootstrap.level = options.bootstrap.level;
  result.bootstrap.seed = options.bootstrap.seed;
  if (options.bootstrap.resamples == 0) return result;

  std::vector<std::string> candidates;
  for (const auto& item : result.metrics.items()) {
    if (item.value.value) candidates.push_back(item.name);
  }
  const std::vector<std::string> names = select_metrics(candidates, options.bootstrap);
  std::vector<Row> rows(n);
  for (std::size_t i = 0; i < n; ++i) {
    rows[i] = row_terms(in.truth[i], in.predicted[i], alpha);
    rows[i].y -= y_mean;
    rows[i].e -= e_mean;
  }
  result.bootstrap = bootstrap(names, options.bootstrap, [&](const PoissonWeights& draw, std::span<double> values) {
    Sums r;
    std::vector<double> multiplicity(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double m = draw(i);
      multiplicity[i] = m * w_of(i);
      if (m == 0.0) continue;
      const double w = multiplicity[i];
      const Row& x = rows[i];
      r.weight.add(w);
      r.abs.add(w * x.abs);
      r.sq.add(w * x.sq);
      r.ape.add(w * x.ape);
      r.pinball.add(w * x.pinball);
      r.y.add(w * x.y);
      r.y_sq.add(w * x.y * x.y);
      r.e.add(w * x.e);
      r.e_sq.add(w * x.e * x.e);
      r.max_abs = std::max(r.max_abs, x.abs);
    }
    MetricSet set;
    if (r.weight.value() > 0.0) {
      add_mean_metrics(r, set);
      set.set("median_absolute_error",
              Value::of(weighted_median(order, abs_error, [&](std::uint32_t i) { return multiplicity[i]; })));
    }
    for (std::size_t k = 0; k < names.size(); ++k) values[k] = set.get(names[k]).value_or(std::nan(""));
  });
  return result;
}

}  // namespace assay::metrics
