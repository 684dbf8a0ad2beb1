#include "calibration/analysis.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "metrics/multiclass.hpp"
#include "stats/sort.hpp"

namespace assay::calibration {

namespace {

using metrics::Value;

void check_options(const Options& options, std::size_t n) {
  if (options.bins < 1 || options.bins > 100000) {
    throw core::Error(core::Location{.path = "--bins"}, fmt::format("expected 1 to 100000 bins, got {}", options.bins));
  }
  if (!(options.level > 0.0 && options.level < 1.0)) {
    throw core::Error(core::Location{.path = "--level"}, fmt::format("expected a level in (0, 1), got {}", options.level));
  }
  if (n == 0) throw core::Error("calibration needs at least one row");
}

// sum_k (n_k / N) |o_k - p_k| and max_k |o_k - p_k| over non-empty bins.
std::pair<double, double> expected_and_max_gap(const std::vector<BinSums>& bins, double n) {
  double ece = 0.0, mce = 0.0;
  for (const BinSums& b : bins) {
    if (b.count == 0) continue;
    const double gap = std::abs(b.frequency() - b.mean_score());
    ece += b.count / n * gap;
    mce = std::max(mce, gap);
  }
  return {ece, mce};
}

// The bins of `strategy` on these scores; `sorted` only for quantile.
BinIndex make_index(const Options& options, std::span<const double> sorted) {
  return options.strategy == Strategy::uniform ? BinIndex(uniform_edges(options.bins), true)
                                               : BinIndex(quantile_edges(sorted, options.bins), false);
}

std::vector<double> gather(std::span<const std::uint32_t> order, std::span<const double> values) {
  std::vector<double> out(order.size());
  for (std::size_t j = 0; j < order.size(); ++j) out[j] = values[order[j]];
  return out;
}

struct BinaryPass {
  std::vector<BinSums> bins;
  std::vector<double> edges;
  double ece = 0.0, mce = 0.0, adaptive_ece = 0.0;
};

// ECE, MCE (on `options`' bins) and adaptive ECE of one binary problem.
BinaryPass binary_pass(std::span<const double> score, std::span<const std::uint8_t> outcome, const Options& options) {
  const std::vector<std::uint32_t> order = stats::argsort(score);
  std::vector<double> sorted;
  if (options.strategy == Strategy::quantile) sorted = gather(order, score);
  const BinIndex index = make_index(options, sorted);
  BinaryPass out;
  out.bins = bin_sums(score, outcome, index);
  out.edges = index.edges();
  const auto n = static_cast<double>(score.size());
  std::tie(out.ece, out.mce) = expected_and_max_gap(out.bins, n);
  out.adaptive_ece = expected_and_max_gap(equal_mass_sums(order, score, outcome, options.bins), n).first;
  return out;
}

std::vector<ReliabilityBin> curve_of(const BinaryPass& pass, double level) {
  std::vector<ReliabilityBin> curve;
  for (std::size_t k = 0; k < pass.bins.size(); ++k) {
    const BinSums& b = pass.bins[k];
    ReliabilityBin r{.lower = pass.edges[k], .upper = pass.edges[k + 1], .count = static_cast<std::size_t>(b.count)};
    if (b.count > 0) {
      r.mean_score = b.mean_score();
      r.frequency = b.frequency();
      const auto [low, high] = wilson_interval(b.outcome, b.count, level);
      r.wilson_low = low;
      r.wilson_high = high;
    }
    curve.push_back(r);
  }
  return curve;
}

void add_murphy(const std::vector<BinSums>& bins, double n, metrics::MetricSet& out) {
  double positives = 0.0, squared_error = 0.0;
  for (const BinSums& b : bins) {
    positives += b.outcome;
    squared_error += b.squared_error;
  }
  const double o = positives / n;
  double reliability = 0.0, resolution = 0.0, spread = 0.0, co_spread = 0.0;
  for (const BinSums& b : bins) {
    if (b.count == 0) continue;
    reliability += b.count * (b.mean_score() - b.frequency()) * (b.mean_score() - b.frequency());
    resolution += b.count * (b.frequency() - o) * (b.frequency() - o);
    spread += b.score_spread;
    co_spread += b.co_spread;
  }
  out.set("brier_score", Value::of(squared_error / n));
  out.set("reliability", Value::of(reliability / n));
  out.set("resolution", Value::of(resolution / n));
  out.set("uncertainty", Value::of(o * (1.0 - o)));
  out.set("within_bin_variance", Value::of(spread / n));
  out.set("within_bin_covariance", Value::of(2.0 * co_spread / n));
}

void add_hosmer_lemeshow(const std::vector<BinSums>& bins, metrics::MetricSet& out) {
  double statistic = 0.0;
  std::size_t groups = 0;
  std::string undefined;
  for (std::size_t k = 0; k < bins.size(); ++k) {
    const BinSums& b = bins[k];
    if (b.count == 0) continue;
    ++groups;
    const double expected = b.score;
    const double variance = expected * (1.0 - expected / b.count);
    if (!(variance > 0.0)) {
      if (undefined.empty()) {
        undefined = fmt::format("bin {} has expected count {} of {} rows: its variance E(1 - E/n) is 0", k + 1,
                                expected, b.count);
      }
      continue;
    }
    statistic += (b.outcome - expected) * (b.outcome - expected) / variance;
  }
  if (groups < 3) undefined = fmt::format("{} non-empty bins: the test needs at least 3 (df = bins - 2)", groups);
  if (!undefined.empty()) {
    out.set("hosmer_lemeshow_chi2", Value::undefined(undefined));
    out.set("hosmer_lemeshow_df", Value::undefined(undefined));
    out.set("hosmer_lemeshow_p_value", Value::undefined(undefined));
    return;
  }
  const double df = static_cast<double>(groups - 2);
  out.set("hosmer_lemeshow_chi2", Value::of(statistic));
  out.set("hosmer_lemeshow_df", Value::of(df));
  out.set("hosmer_lemeshow_p_value",
          Value::of(boost::math::cdf(boost::math::complement(boost::math::chi_squared(df), statistic))));
}

}  // namespace

std::pair<double, double> wilson_interval(double successes, double trials, double level) {
  const double z = boost::math::quantile(boost::math::normal(), 0.5 + level / 2.0);
  const double p = successes / trials;
  const double z2 = z * z;
  const double denominator = 1.0 + z2 / trials;
  const double center = (p + z2 / (2.0 * trials)) / denominator;
  const double half = z * std::sqrt(p * (1.0 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
  return {center - half, center + half};
}

Analysis analyse_binary(std::span<const double> score, std::span<const std::uint8_t> outcome, const Options& options) {
  check_options(options, score.size());
  const auto n = static_cast<double>(score.size());
  const BinaryPass pass = binary_pass(score, outcome, options);
  Analysis out;
  out.n = score.size();
  out.metrics.set("ece", Value::of(pass.ece));
  out.metrics.set("mce", Value::of(pass.mce));
  out.metrics.set("adaptive_ece", Value::of(pass.adaptive_ece));
  add_murphy(pass.bins, n, out.metrics);
  add_hosmer_lemeshow(pass.bins, out.metrics);
  out.curve = curve_of(pass, options.level);
  return out;
}

Analysis analyse_multiclass(const std::vector<std::span<const double>>& scores, std::span<const std::int32_t> truth,
                            const std::vector<std::string>& classes, const Options& options) {
  check_options(options, truth.size());
  const std::size_t n = truth.size();
  const std::size_t k = scores.size();
  std::vector<double> confidence(n);
  std::vector<std::uint8_t> correct(n);
  double squared_error = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t top = metrics::argmax(scores, i);
    confidence[i] = scores[static_cast<std::size_t>(top)][i];
    correct[i] = top == truth[i] ? 1 : 0;
    for (std::size_t c = 0; c < k; ++c) {
      const double d = scores[c][i] - (truth[i] == static_cast<std::int32_t>(c) ? 1.0 : 0.0);
      squared_error += d * d;
    }
  }
  const BinaryPass top = binary_pass(confidence, correct, options);
  Analysis out;
  out.multiclass = true;
  out.n = n;
  out.metrics.set("ece", Value::of(top.ece));
  out.metrics.set("mce", Value::of(top.mce));
  out.metrics.set("adaptive_ece", Value::of(top.adaptive_ece));
  double classwise = 0.0;
  std::vector<std::uint8_t> is_class(n);
  for (std::size_t c = 0; c < k; ++c) {
    for (std::size_t i = 0; i < n; ++i) is_class[i] = truth[i] == static_cast<std::int32_t>(c) ? 1 : 0;
    const BinaryPass one = binary_pass(scores[c], is_class, options);
    classwise += one.ece;
    out.per_class.push_back({.label = classes[c], .ece = Value::of(one.ece), .mce = Value::of(one.mce)});
  }
  out.metrics.set("classwise_ece", Value::of(classwise / static_cast<double>(k)));
  out.metrics.set("brier_score", Value::of(squared_error / static_cast<double>(n)));
  out.curve = curve_of(top, options.level);
  return out;
}

}  // namespace assay::calibration
