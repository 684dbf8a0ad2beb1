#include "metrics/regression.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/error.hpp"
#include "stats/compensated_sum.hpp"
#include "stats/moments.hpp"
#include "stats/quantile.hpp"
#include "stats/sort.hpp"

namespace assay::metrics {

namespace {

// Weighted sums from which every metric but the median follows; the same
// for the data (unit multiplicities) and for a resample.
struct Sums {
  stats::CompensatedSum weight, abs, sq, ape, pinball, y, y_sq, e, e_sq;
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

// Rows in ascending |error| order, as a resample needs them: the median is
// then a walk to half the resampled weight and max_error the last drawn row.
struct RegressionFrame {
  std::vector<std::uint64_t> counter;  // PoissonPair::counter of each position's row
  std::vector<double> weight;          // empty: unit weights
  std::vector<double> y;               // target minus its weighted mean
  std::vector<double> error;           // target - prediction
  std::vector<double> inverse_scale;   // 1 / max(|target|, eps), for mape
  double e_mean = 0.0;
};

RegressionFrame make_regression_frame(const RegressionInputs& in, std::span<const std::uint32_t> order, double y_mean,
                                      double e_mean) {
  RegressionFrame f;
  const std::size_t n = order.size();
  f.counter.resize(n);
  f.y.resize(n);
  f.error.resize(n);
  f.inverse_scale.resize(n);
  if (!in.weight.empty()) f.weight.resize(n);
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint32_t i = order[j];
    f.counter[j] = PoissonPair::counter(i);
    f.y[j] = in.truth[i] - y_mean;
    f.error[j] = in.truth[i] - in.predicted[i];
    f.inverse_scale[j] = 1.0 / std::max(std::abs(in.truth[i]), std::numeric_limits<double>::epsilon());
    if (!in.weight.empty()) f.weight[j] = in.weight[i];
  }
  f.e_mean = e_mean;
  return f;
}

constexpr std::size_t kCheckpoint = 1024;

struct LaneSums {
  Sums sums;
  std::vector<double> cumulative;  // resampled weight before each block of kCheckpoint rows
};

double multiplicity(const RegressionFrame& f, const std::array<std::uint32_t, 2>& m, std::size_t h, std::size_t j) {
  return f.weight.empty() ? static_cast<double>(m[h]) : m[h] * f.weight[j];
}

// Plain sums of both lanes over a block, lane-parallel in two-double vectors
// (SSE2): weight, |e|, e^2, ape, pinball, y, y^2, e - mean, (e - mean)^2.
using Pair = double __attribute__((vector_size(16)));

struct BlockSums {
  Pair w{}, abs{}, sq{}, ape{}, pinball{}, y{}, y_sq{}, e{}, e_sq{};
  double max_abs[2] = {0.0, 0.0};

  // Lane h of the sums, as a Sums-shaped array.
  std::array<double, 9> lane(std::size_t h) const noexcept {
    return {w[h], abs[h], sq[h], ape[h], pinball[h], y[h], y_sq[h], e[h], e_sq[h]};
  }
};

template <bool Weighted>
void resample_block(const RegressionFrame& f, const PoissonPair& draws, double alpha, std::size_t start,
                    std::size_t end, BlockSums& b) {
  // Draw a batch first, then sum it: the integer and the floating-point work
  // each pipeline better in a loop of their own.
  constexpr std::size_t kBatch = 64;
  Pair w[kBatch];
  bool drawn[kBatch][2];
  for (std::size_t batch = start; batch < end; batch += kBatch) {
    const std::size_t count = std::min(kBatch, end - batch);
    for (std::size_t k = 0; k < count; ++k) {
      const auto m = draws.at_counter(f.counter[batch + k]);
      w[k] = Pair{static_cast<double>(m[0]), static_cast<double>(m[1])};
      drawn[k][0] = m[0] > 0;
      drawn[k][1] = m[1] > 0;
      if constexpr (Weighted) w[k] *= f.weight[batch + k];
    }
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t j = batch + k;
      const double e = f.error[j];
      const double a = std::abs(e);
      const double pin = e >= 0.0 ? alpha * e : (alpha - 1.0) * e;
      const double yc = f.y[j];
      const double ec = e - f.e_mean;
      b.w += w[k];
      b.abs += w[k] * a;
      b.sq += w[k] * (a * a);
      b.ape += w[k] * (a * f.inverse_scale[j]);
      b.pinball += w[k] * pin;
      b.y += w[k] * yc;
      b.y_sq += w[k] * (yc * yc);
      b.e += w[k] * ec;
      b.e_sq += w[k] * (ec * ec);
      // Ascending |error|: the last drawn row holds the largest.
      // (max_error takes no weights: a drawn row of weight 0 counts.)
      b.max_abs[0] = drawn[k][0] ? a : b.max_abs[0];
      b.max_abs[1] = drawn[k][1] ? a : b.max_abs[1];
    }
  }
}

// Sums of both resamples in one pass: plain sums inside blocks of
// kCheckpoint rows, compensated across them, and the resampled weight
// before each block for the median.
std::array<LaneSums, 2> resample_pair(const RegressionFrame& f, const PoissonPair& draws, double alpha) {
  std::array<LaneSums, 2> lanes;
  const std::size_t n = f.counter.size();
  for (auto& lane : lanes) lane.cumulative.reserve(n / kCheckpoint + 1);
  double max_abs[2] = {0.0, 0.0};
  for (std::size_t start = 0; start < n; start += kCheckpoint) {
    const std::size_t end = std::min(n, start + kCheckpoint);
    for (std::size_t h = 0; h < 2; ++h) lanes[h].cumulative.push_back(lanes[h].sums.weight.value());
    BlockSums block;
    block.max_abs[0] = max_abs[0];
    block.max_abs[1] = max_abs[1];
    if (f.weight.empty()) {
      resample_block<false>(f, draws, alpha, start, end, block);
    } else {
      resample_block<true>(f, draws, alpha, start, end, block);
    }
    for (std::size_t h = 0; h < 2; ++h) {
      Sums& s = lanes[h].sums;
      const std::array<double, 9> b = block.lane(h);
      stats::CompensatedSum* targets[9] = {&s.weight, &s.abs, &s.sq, &s.ape, &s.pinball, &s.y, &s.y_sq, &s.e, &s.e_sq};
      for (std::size_t k = 0; k < 9; ++k) targets[k]->add(b[k]);
      max_abs[h] = block.max_abs[h];
      s.max_abs = block.max_abs[h];
    }
  }
  return lanes;
}

// |error| at the first position whose cumulative resampled weight reaches
// `target`, found from the block checkpoints and one block walk.
double first_reaching(const RegressionFrame& f, const PoissonPair& draws, std::size_t h, const LaneSums& lane,
                      double target) {
  const auto& cum = lane.cumulative;
  // The last block that starts below the target holds the crossing.
  std::size_t block = static_cast<std::size_t>(std::lower_bound(cum.begin(), cum.end(), target) - cum.begin());
  block = block == 0 ? 0 : block - 1;
  double running = cum[block];
  for (std::size_t j = block * kCheckpoint; j < f.counter.size(); ++j) {
    const double w = multiplicity(f, draws.at_counter(f.counter[j]), h, j);
    running += w;
    if (w > 0.0 && running >= target) return std::abs(f.error[j]);
  }
  return lane.sums.max_abs;
}

// median_absolute_error of a resample: numpy.median of the resampled rows
// when unweighted (the middle pair averaged when their count is even), the
// lower weighted median (_weighted_percentile) when weighted.
double resampled_median(const RegressionFrame& f, const PoissonPair& draws, std::size_t h, const LaneSums& lane,
                        bool unweighted) {
  const double total = lane.sums.weight.value();
  if (!unweighted) return first_reaching(f, draws, h, lane, 0.5 * total);
  const double count = std::round(total);
  const double lower = std::floor((count + 1.0) / 2.0);
  const double upper = std::floor(count / 2.0) + 1.0;
  const double a = first_reaching(f, draws, h, lane, lower);
  return lower == upper ? a : (a + first_reaching(f, draws, h, lane, upper)) / 2.0;
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
  stats::CompensatedSum wsum, ysum, esum;
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
  result.metrics.put_first({"mae", "mse", "rmse", "r2", "mape", "median_absolute_error", "explained_variance",
                            "max_error", "mean_pinball_loss"});
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
  const RegressionFrame frame = make_regression_frame(in, order, y_mean, e_mean);
  const bool unweighted = in.weight.empty();
  result.bootstrap = bootstrap_pairs(names, options.bootstrap,
                                     [&](const PoissonPair& draws, std::span<double> even, std::span<double> odd) {
                                       const auto lanes = resample_pair(frame, draws, alpha);
                                       for (std::size_t h = 0; h < 2; ++h) {
                                         MetricSet set;
                                         if (lanes[h].sums.weight.value() > 0.0) {
                                           add_mean_metrics(lanes[h].sums, set);
                                           set.set("median_absolute_error",
                                                   Value::of(resampled_median(frame, draws, h, lanes[h], unweighted)));
                                         }
                                         std::span<double> values = h == 0 ? even : odd;
                                         for (std::size_t k = 0; k < names.size(); ++k) {
                                           values[k] = set.get(names[k]).value_or(std::nan(""));
                                         }
                                       }
                                     });
  return result;
}

}  // namespace assay::metrics
