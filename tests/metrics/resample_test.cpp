// A bootstrap with one resample yields that resample's metric values as its
// interval. Each engine's fast resampling pass must give what the textbook
// computation gives on the rows repeated as many times as PoissonWeights
// says (expanded data, computed here from scratch).

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <vector>

#include "metrics/binary.hpp"
#include "metrics/multiclass.hpp"
#include "metrics/poisson.hpp"
#include "metrics/poisson_sum.hpp"
#include "metrics/regression.hpp"

namespace assay::metrics {
namespace {

constexpr std::uint64_t kSeed = 2024;

// Value of `metric` on resample 0 of seed kSeed.
double resampled(const Result& r, const std::string& metric) {
  for (const auto& i : r.bootstrap.intervals) {
    if (i.metric == metric) {
      EXPECT_EQ(i.low, i.high);
      return i.low;
    }
  }
  ADD_FAILURE() << metric << " has no interval";
  return std::nan("");
}

std::vector<std::uint32_t> multiplicities(std::size_t n) {
  std::vector<std::uint32_t> m(n);
  const PoissonWeights draw(kSeed, 0);
  for (std::size_t i = 0; i < n; ++i) m[i] = draw(i);
  return m;
}

struct Data {
  std::vector<double> y, p;
  std::vector<std::uint8_t> label;
};

Data make(std::size_t n) {
  Data d;
  for (std::size_t i = 0; i < n; ++i) {
    const double u = std::fmod(static_cast<double>(i) * 0.7548776662, 1.0);
    const double v = std::fmod(static_cast<double>(i) * 0.5698402909, 1.0);
    d.y.push_back(10.0 * u - 3.0);
    d.p.push_back(std::round(100.0 * v) / 100.0);  // ties
    d.label.push_back(u + 0.3 * v > 0.6 ? 1 : 0);
  }
  return d;
}

TEST(Resample, RegressionPassEqualsExpandedData) {
  const std::size_t n = 3001;  // several checkpoint blocks
  const Data d = make(n);
  std::vector<double> yhat(n);
  for (std::size_t i = 0; i < n; ++i) yhat[i] = d.y[i] + (d.p[i] - 0.5) * 2.0;
  const Result r = evaluate_regression({.truth = d.y, .predicted = yhat},
                                       {.quantile = 0.7, .bootstrap = {.resamples = 1, .seed = kSeed}});
  const auto m = multiplicities(n);
  std::vector<double> y, e;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::uint32_t k = 0; k < m[i]; ++k) {
      y.push_back(d.y[i]);
      e.push_back(d.y[i] - yhat[i]);
    }
  }
  const double count = static_cast<double>(y.size());
  double mae = 0, mse = 0, ybar = 0, pinball = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    mae += std::abs(e[i]);
    mse += e[i] * e[i];
    ybar += y[i];
    pinball += e[i] >= 0 ? 0.7 * e[i] : -0.3 * e[i];
  }
  mae /= count;
  mse /= count;
  ybar /= count;
  double ss = 0;
  for (const double v : y) ss += (v - ybar) * (v - ybar);
  std::vector<double> abs_e(e.size());
  std::transform(e.begin(), e.end(), abs_e.begin(), [](double x) { return std::abs(x); });
  std::sort(abs_e.begin(), abs_e.end());
  const std::size_t c = abs_e.size();
  const double median = c % 2 ? abs_e[c / 2] : (abs_e[c / 2 - 1] + abs_e[c / 2]) / 2;
  EXPECT_NEAR(resampled(r, "mae"), mae, 1e-12);
  EXPECT_NEAR(resampled(r, "mse"), mse, 1e-11);
  EXPECT_NEAR(resampled(r, "r2"), 1 - mse * count / ss, 1e-11);
  EXPECT_NEAR(resampled(r, "mean_pinball_loss"), pinball / count, 1e-12);
  EXPECT_DOUBLE_EQ(resampled(r, "median_absolute_error"), median);
  EXPECT_DOUBLE_EQ(resampled(r, "max_error"), abs_e.back());
}

TEST(Resample, WeightedRegressionMedianIsTheLowerWeightedMedian) {
  const std::size_t n = 2500;
  const Data d = make(n);
  std::vector<double> yhat(n), w(n);
  for (std::size_t i = 0; i < n; ++i) {
    yhat[i] = d.y[i] + d.p[i] - 0.5;
    w[i] = 0.5 + d.p[i];
  }
  const Result r = evaluate_regression({.truth = d.y, .predicted = yhat, .weight = w},
                                       {.bootstrap = {.resamples = 1, .seed = kSeed}});
  const auto m = multiplicities(n);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return std::abs(d.y[a] - yhat[a]) < std::abs(d.y[b] - yhat[b]); });
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) total += m[i] * w[i];
  double cum = 0, median = 0;
  for (const std::size_t i : order) {
    cum += m[i] * w[i];
    if (m[i] > 0 && cum >= total / 2) {
      median = std::abs(d.y[i] - yhat[i]);
      break;
    }
  }
  EXPECT_DOUBLE_EQ(resampled(r, "median_absolute_error"), median);
}

// With weights the binary pass draws per row.
TEST(Resample, WeightedBinaryPassEqualsExpandedData) {
  const std::size_t n = 5000;  // > one 4096-row chunk
  const Data d = make(n);
  const std::vector<double> ones(n, 1.0);
  const Result r = evaluate_binary({.truth = d.label, .score = d.p, .weight = ones},
                                   {.bootstrap = {.resamples = 1, .seed = kSeed}});
  const auto m = multiplicities(n);
  // Mann-Whitney with ties as one half, on the expanded data.
  std::vector<double> neg_at(101, 0.0), pos_at(101, 0.0);
  double correct = 0, total = 0, brier = 0;
  for (std::size_t i = 0; i < n; ++i) {
    (d.label[i] ? pos_at : neg_at)[static_cast<std::size_t>(std::lround(d.p[i] * 100))] += m[i];
    total += m[i];
    correct += m[i] * ((d.p[i] >= 0.5) == (d.label[i] == 1));
    brier += m[i] * (d.label[i] - d.p[i]) * (d.label[i] - d.p[i]);
  }
  double pos = 0, neg = 0, wins = 0, below = 0;
  for (std::size_t s = 0; s <= 100; ++s) {
    wins += pos_at[s] * (below + 0.5 * neg_at[s]);
    below += neg_at[s];
    pos += pos_at[s];
    neg += neg_at[s];
  }
  EXPECT_NEAR(resampled(r, "roc_auc"), wins / (pos * neg), 1e-12);
  EXPECT_NEAR(resampled(r, "accuracy"), correct / total, 1e-12);
  EXPECT_NEAR(resampled(r, "brier_score"), brier / total, 1e-12);
}

// A prediction column: the confusion matrix is counted per row, not read at a threshold.
TEST(Resample, PredictionColumnConfusionEqualsExpandedData) {
  const std::size_t n = 3000;
  const Data d = make(n);
  std::vector<std::uint8_t> predicted(n);
  std::vector<double> w(n);
  for (std::size_t i = 0; i < n; ++i) {
    predicted[i] = (i % 7 == 0) ? 1 - d.label[i] : d.label[i];
    w[i] = 0.5 + (i % 3);
  }
  const Result r = evaluate_binary({.truth = d.label, .predicted = predicted, .score = d.p, .weight = w},
                                   {.bootstrap = {.resamples = 1, .seed = kSeed}});
  const auto m = multiplicities(n);
  double correct = 0, total = 0, tp = 0, predicted_positive = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double mw = m[i] * w[i];
    total += mw;
    correct += predicted[i] == d.label[i] ? mw : 0;
    tp += predicted[i] && d.label[i] ? mw : 0;
    predicted_positive += predicted[i] ? mw : 0;
  }
  EXPECT_NEAR(resampled(r, "accuracy"), correct / total, 1e-12);
  EXPECT_NEAR(resampled(r, "precision"), tp / predicted_positive, 1e-12);
}

// Without weights the rows of a (tie group, label) cell are drawn at once:
// Poisson(rows) from the cell's index, groups in descending score order.
TEST(Resample, UnweightedBinaryPassDrawsCells) {
  const std::size_t n = 5000;
  const Data d = make(n);
  const Result r = evaluate_binary({.truth = d.label, .score = d.p}, {.bootstrap = {.resamples = 1, .seed = kSeed}});
  std::vector<std::uint32_t> neg_rows(101, 0), pos_rows(101, 0);
  for (std::size_t i = 0; i < n; ++i) (d.label[i] ? pos_rows : neg_rows)[static_cast<std::size_t>(std::lround(d.p[i] * 100))]++;
  const PoissonPair draws(kSeed, 0);
  const PoissonSums& sums = PoissonSums::instance();
  std::vector<double> neg_at(101, 0.0), pos_at(101, 0.0);
  std::uint64_t cell = 0;
  for (std::size_t s = 101; s-- > 0;) {
    if (neg_rows[s] > 0) neg_at[s] = sums.cell(draws, PoissonPair::counter(cell++), neg_rows[s])[0];
    if (pos_rows[s] > 0) pos_at[s] = sums.cell(draws, PoissonPair::counter(cell++), pos_rows[s])[0];
  }
  double pos = 0, neg = 0, wins = 0, below = 0, correct = 0;
  for (std::size_t s = 0; s <= 100; ++s) {
    wins += pos_at[s] * (below + 0.5 * neg_at[s]);
    below += neg_at[s];
    pos += pos_at[s];
    neg += neg_at[s];
    correct += s >= 50 ? pos_at[s] : neg_at[s];
  }
  EXPECT_NEAR(resampled(r, "roc_auc"), wins / (pos * neg), 1e-12);
  EXPECT_NEAR(resampled(r, "accuracy"), correct / (pos + neg), 1e-12);
}

// Drawing cells or rows is the same law: the intervals agree up to Monte Carlo error.
TEST(Resample, CellAndRowDrawsGiveTheSameIntervals) {
  const std::size_t n = 4000;
  const Data d = make(n);
  const std::vector<double> ones(n, 1.0);
  const BinaryOptions options{.bootstrap = {.resamples = 2000, .seed = 5, .metrics = {"roc_auc", "log_loss"}}};
  const Result cells = evaluate_binary({.truth = d.label, .score = d.p}, options);
  const Result rows = evaluate_binary({.truth = d.label, .score = d.p, .weight = ones}, options);
  ASSERT_EQ(cells.bootstrap.intervals.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    const Interval& a = cells.bootstrap.intervals[k];
    const Interval& b = rows.bootstrap.intervals[k];
    const double width = b.high - b.low;
    EXPECT_NEAR(a.high - a.low, width, 0.1 * width) << a.metric;
    EXPECT_NEAR((a.high + a.low) / 2, (b.high + b.low) / 2, 0.1 * width) << a.metric;
  }
}

// Without scores or weights the rows are at most four (truth, prediction)
// cells, each drawn as Poisson(rows) from its index: a resample costs the
// same for a hundred rows or a million.
TEST(Resample, PredictionsWithoutScoresDrawConfusionCells) {
  const std::size_t n = 5000;
  const Data d = make(n);
  std::vector<std::uint8_t> predicted(n);
  std::array<std::uint32_t, 4> rows{};  // truth * 2 + predicted
  for (std::size_t i = 0; i < n; ++i) {
    predicted[i] = (i % 7 == 0) ? 1 - d.label[i] : d.label[i];
    ++rows[d.label[i] * 2 + predicted[i]];
  }
  const Result r = evaluate_binary({.truth = d.label, .predicted = predicted},
                                   {.bootstrap = {.resamples = 1, .seed = kSeed}});
  const PoissonPair draws(kSeed, 0);
  std::array<double, 4> drawn{};
  std::uint64_t cell = 0;
  for (std::size_t c = 0; c < 4; ++c) {
    if (rows[c] > 0) drawn[c] = PoissonSums::instance().cell(draws, PoissonPair::counter(cell++), rows[c])[0];
  }
  const double tn = drawn[0], fp = drawn[1], fn = drawn[2], tp = drawn[3];
  EXPECT_NEAR(resampled(r, "accuracy"), (tp + tn) / (tp + tn + fp + fn), 1e-12);
  EXPECT_NEAR(resampled(r, "precision"), tp / (tp + fp), 1e-12);
  EXPECT_NEAR(resampled(r, "recall"), tp / (tp + fn), 1e-12);
}

// Drawing confusion cells or rows is the same law: the intervals agree up to Monte Carlo error.
TEST(Resample, ConfusionCellAndRowDrawsGiveTheSameIntervals) {
  const std::size_t n = 4000;
  const Data d = make(n);
  std::vector<std::uint8_t> predicted(n);
  for (std::size_t i = 0; i < n; ++i) predicted[i] = (i % 5 == 0) ? 1 - d.label[i] : d.label[i];
  const std::vector<double> ones(n, 1.0);
  const BinaryOptions options{.bootstrap = {.resamples = 2000, .seed = 5, .metrics = {"accuracy", "f1"}}};
  const Result cells = evaluate_binary({.truth = d.label, .predicted = predicted}, options);
  const Result rows = evaluate_binary({.truth = d.label, .predicted = predicted, .weight = ones}, options);
  ASSERT_EQ(cells.bootstrap.intervals.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    const Interval& a = cells.bootstrap.intervals[k];
    const Interval& b = rows.bootstrap.intervals[k];
    const double width = b.high - b.low;
    EXPECT_NEAR(a.high - a.low, width, 0.1 * width) << a.metric;
    EXPECT_NEAR((a.high + a.low) / 2, (b.high + b.low) / 2, 0.1 * width) << a.metric;
  }
}

TEST(Resample, MulticlassPassEqualsExpandedData) {
  const std::size_t n = 1200;
  const Data d = make(n);
  std::vector<std::int32_t> truth(n);
  std::vector<double> a(n), b(n), c(n);
  for (std::size_t i = 0; i < n; ++i) {
    truth[i] = static_cast<std::int32_t>(i % 3);
    a[i] = d.p[i] * (truth[i] == 0 ? 1.5 : 1.0);
    b[i] = (1 - d.p[i]) * (truth[i] == 1 ? 1.5 : 1.0);
    c[i] = 0.4;
  }
  const Result r = evaluate_multiclass({.truth = truth, .scores = {a, b, c}},
                                       {.classes = {"a", "b", "c"}, .bootstrap = {.resamples = 1, .seed = kSeed}});
  const auto m = multiplicities(n);
  double correct = 0, total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    correct += m[i] * (argmax({a, b, c}, i) == truth[i]);
    total += m[i];
  }
  EXPECT_NEAR(resampled(r, "accuracy"), correct / total, 1e-12);
}

}  // namespace
}  // namespace assay::metrics
