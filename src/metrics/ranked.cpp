#include "metrics/ranked.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <cmath>

#include "stats/sort.hpp"

namespace assay::metrics {

RankedScores rank_scores(std::span<const double> score, std::span<const double> weight) {
  RankedScores ranked;
  const std::vector<std::uint32_t> ascending = stats::argsort(score);
  const std::size_t n = ascending.size();
  ranked.order.resize(n);
  std::size_t kept = 0;
  for (std::size_t j = n; j-- > 0;) {
    const std::uint32_t row = ascending[j];
    ranked.order[kept] = row;
    kept += (weight.empty() || weight[row] != 0.0) ? 1 : 0;
  }
  ranked.order.resize(kept);
  if (kept == 0) return ranked;
  // The scattered reads of the scores, in parallel; then one sequential pass.
  std::vector<double> sorted(kept);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, kept, std::size_t{1} << 16),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t j = r.begin(); j != r.end(); ++j) sorted[j] = score[ranked.order[j]];
                    });
  for (std::size_t j = 1; j < kept; ++j) {
    if (sorted[j] != sorted[j - 1]) {
      ranked.group_end.push_back(static_cast<std::uint32_t>(j));
      ranked.group_score.push_back(sorted[j - 1]);
    }
  }
  ranked.group_end.push_back(static_cast<std::uint32_t>(kept));
  ranked.group_score.push_back(sorted[kept - 1]);
  return ranked;
}

ThresholdCounts threshold_counts(const RankedScores& ranked, std::span<const std::uint8_t> truth,
                                 std::span<const double> weight) {
  ThresholdCounts counts;
  const std::size_t groups = ranked.group_end.size();
  counts.threshold = ranked.group_score;
  counts.tps.resize(groups);
  counts.fps.resize(groups);
  double tp = 0.0, fp = 0.0;
  std::size_t j = 0;
  if (weight.empty()) {
    // Unit weights: exact integer counts.
    stats::RocAucState<std::uint64_t> auc;
    for (std::size_t g = 0; g < groups; ++g) {
      const std::size_t begin = j, end = ranked.group_end[g];
      std::uint64_t tp_group = 0;
      for (; j < end; ++j) tp_group += truth[ranked.order[j]];
      auc.add_group(tp_group, end - begin - tp_group);
      counts.tps[g] = static_cast<double>(auc.positives);
      counts.fps[g] = static_cast<double>(auc.negatives);
    }
    counts.auc = {static_cast<double>(auc.positives), static_cast<double>(auc.negatives),
                  static_cast<double>(auc.twice_u)};
    return counts;
  }
  for (std::size_t g = 0; g < groups; ++g) {
    const std::size_t end = ranked.group_end[g];
    // Cumulative sums row by row, as scikit-learn's cumsum; the AUC takes
    // the group's own sums.
    double tp_group = 0.0, fp_group = 0.0;
    for (; j < end; ++j) {
      const std::uint32_t row = ranked.order[j];
      const bool positive = truth[row] != 0;
      (positive ? tp : fp) += weight[row];
      (positive ? tp_group : fp_group) += weight[row];
    }
    counts.auc.add_group(tp_group, fp_group);
    counts.tps[g] = tp;
    counts.fps[g] = fp;
  }
  return counts;
}

Value roc_auc(const ThresholdCounts& counts) {
  if (!counts.auc.defined()) {
    return Value::undefined(counts.auc.positives <= 0.0
                                ? "only one class present in the target (no positives): ROC AUC is undefined"
                                : "only one class present in the target (no negatives): ROC AUC is undefined");
  }
  return Value::of(counts.auc.value());
}

Value average_precision(const ThresholdCounts& counts) {
  const double p = counts.positives();
  if (p <= 0.0) return Value::of(0.0, "no positive rows in the target: 0 as scikit-learn returns");
  double ap = 0.0;
  double recall_prev = 0.0;
  for (std::size_t g = 0; g < counts.tps.size(); ++g) {
    const double predicted = counts.tps[g] + counts.fps[g];
    const double precision = predicted == 0.0 ? 0.0 : counts.tps[g] / predicted;
    const double recall = counts.tps[g] / p;
    ap += (recall - recall_prev) * precision;
    recall_prev = recall;
  }
  return Value::of(ap);
}

namespace {

// Keeps the ends and the points at least `length / (max_points - 2)` (L1)
// from the last kept point.
Curve thin(Curve full, std::size_t max_points) {
  if (full.x.size() <= max_points || max_points < 3) return full;
  double length = 0.0;
  for (std::size_t i = 1; i < full.x.size(); ++i) {
    length += std::abs(full.x[i] - full.x[i - 1]) + std::abs(full.y[i] - full.y[i - 1]);
  }
  const double step = length / static_cast<double>(max_points - 2);
  Curve out;
  auto keep = [&](std::size_t i) {
    out.x.push_back(full.x[i]);
    out.y.push_back(full.y[i]);
    out.threshold.push_back(full.threshold[i]);
  };
  keep(0);
  const std::size_t last = full.x.size() - 1;
  for (std::size_t i = 1; i < last; ++i) {
    const double d = std::abs(full.x[i] - out.x.back()) + std::abs(full.y[i] - out.y.back());
    if (d >= step && out.x.size() < max_points - 1) keep(i);
  }
  keep(last);
  return out;
}

}  // namespace

Curve roc_curve(const ThresholdCounts& counts, std::size_t max_points) {
  Curve full;
  const double p = counts.positives();
  const double n = counts.negatives();
  if (counts.threshold.empty() || p <= 0.0 || n <= 0.0) return full;
  full.x.push_back(0.0);
  full.y.push_back(0.0);
  full.threshold.push_back(counts.threshold.front() + 1.0);
  for (std::size_t g = 0; g < counts.tps.size(); ++g) {
    full.x.push_back(counts.fps[g] / n);
    full.y.push_back(counts.tps[g] / p);
    full.threshold.push_back(counts.threshold[g]);
  }
  return thin(std::move(full), max_points);
}

Curve pr_curve(const ThresholdCounts& counts, std::size_t max_points) {
  Curve full;
  const double p = counts.positives();
  if (counts.threshold.empty() || p <= 0.0) return full;
  full.x.push_back(0.0);
  full.y.push_back(1.0);
  full.threshold.push_back(counts.threshold.front() + 1.0);
  for (std::size_t g = 0; g < counts.tps.size(); ++g) {
    const double predicted = counts.tps[g] + counts.fps[g];
    full.x.push_back(counts.tps[g] / p);
    full.y.push_back(predicted == 0.0 ? 0.0 : counts.tps[g] / predicted);
    full.threshold.push_back(counts.threshold[g]);
  }
  return thin(std::move(full), max_points);
}

std::optional<BestThreshold> best_f1_threshold(const ThresholdCounts& counts) {
  const double p = counts.positives();
  if (p <= 0.0) return std::nullopt;
  std::optional<BestThreshold> best;
  for (std::size_t g = 0; g < counts.tps.size(); ++g) {
    // 2 TP / (TP + FP + P): exact ties for equal ratios of integer counts.
    const double f1 = 2.0 * counts.tps[g] / (counts.tps[g] + counts.fps[g] + p);
    if (!best || f1 > best->value) best = BestThreshold{counts.threshold[g], f1};
  }
  return best;
}

std::optional<BestThreshold> best_youden_threshold(const ThresholdCounts& counts) {
  const double p = counts.positives();
  const double n = counts.negatives();
  if (p <= 0.0 || n <= 0.0) return std::nullopt;
  std::optional<BestThreshold> best;
  for (std::size_t g = 0; g < counts.tps.size(); ++g) {
    const double j = (counts.tps[g] * n - counts.fps[g] * p) / (p * n);
    if (!best || j > best->value) best = BestThreshold{counts.threshold[g], j};
  }
  return best;
}

}  // namespace assay::metrics
