#include "calibration/binning.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_reduce.h>
#include <oneapi/tbb/partitioner.h>

#include <algorithm>

#include "stats/compensated_sum.hpp"
#include "stats/quantile.hpp"

namespace assay::calibration {

std::string_view strategy_name(Strategy strategy) { return strategy == Strategy::uniform ? "uniform" : "quantile"; }

std::vector<double> uniform_edges(std::size_t bins) {
  std::vector<double> edges(bins + 1);
  for (std::size_t k = 0; k <= bins; ++k) edges[k] = static_cast<double>(k) / static_cast<double>(bins);
  return edges;
}

std::vector<double> quantile_edges(std::span<const double> sorted, std::size_t bins) {
  std::vector<double> edges(bins + 1);
  for (std::size_t k = 0; k <= bins; ++k) {
    edges[k] = stats::quantile_sorted(sorted, static_cast<double>(k) / static_cast<double>(bins));
  }
  return edges;
}

BinIndex::BinIndex(std::vector<double> edges, bool uniform)
    : edges_(std::move(edges)), last_(edges_.size() - 2), uniform_(uniform) {}

namespace {

constexpr std::size_t kGrain = std::size_t{1} << 15;

void add_bins(std::vector<BinSums>& into, const std::vector<BinSums>& other) {
  for (std::size_t k = 0; k < into.size(); ++k) {
    into[k].count += other[k].count;
    into[k].score += other[k].score;
    into[k].outcome += other[k].outcome;
    into[k].squared_error += other[k].squared_error;
    into[k].score_spread += other[k].score_spread;
    into[k].co_spread += other[k].co_spread;
  }
}

// Runs `visit(bins, begin, end)` over blocks of rows and adds the blocks'
// bins up in a fixed tree (tbb::parallel_deterministic_reduce).
template <class Visit>
std::vector<BinSums> reduce_rows(std::size_t n, std::size_t bins, const Visit& visit) {
  return tbb::parallel_deterministic_reduce(
      tbb::blocked_range<std::size_t>(0, n, kGrain), std::vector<BinSums>(bins),
      [&](const tbb::blocked_range<std::size_t>& range, std::vector<BinSums> acc) {
        visit(acc, range.begin(), range.end());
        return acc;
      },
      [](std::vector<BinSums> a, const std::vector<BinSums>& b) {
        add_bins(a, b);
        return a;
      },
      tbb::simple_partitioner());
}

}  // namespace

std::vector<BinSums> bin_sums(std::span<const double> score, std::span<const std::uint8_t> outcome,
                              const BinIndex& index) {
  const std::size_t n = score.size();
  std::vector<BinSums> sums = reduce_rows(n, index.bins(), [&](std::vector<BinSums>& acc, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      const double p = score[i];
      const double y = outcome[i];
      BinSums& s = acc[index(p)];
      s.count += 1.0;
      s.score += p;
      s.outcome += y;
      s.squared_error += (p - y) * (p - y);
    }
  });
  // Second pass: deviations from the bin means, so the within-bin terms do
  // not lose digits to cancellation.
  std::vector<double> mean_score(sums.size(), 0.0), frequency(sums.size(), 0.0);
  for (std::size_t k = 0; k < sums.size(); ++k) {
    if (sums[k].count > 0) {
      mean_score[k] = sums[k].mean_score();
      frequency[k] = sums[k].frequency();
    }
  }
  const std::vector<BinSums> spread = reduce_rows(n, index.bins(), [&](std::vector<BinSums>& acc, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      const double p = score[i];
      const std::size_t k = index(p);
      const double dp = p - mean_score[k];
      acc[k].score_spread += dp * dp;
      acc[k].co_spread += dp * (static_cast<double>(outcome[i]) - frequency[k]);
    }
  });
  for (std::size_t k = 0; k < sums.size(); ++k) {
    sums[k].score_spread = spread[k].score_spread;
    sums[k].co_spread = spread[k].co_spread;
  }
  return sums;
}

std::vector<BinSums> equal_mass_sums(std::span<const std::uint32_t> order, std::span<const double> score,
                                     std::span<const std::uint8_t> outcome, std::size_t bins) {
  const std::size_t n = order.size();
  std::vector<BinSums> sums(bins);
  const std::size_t base = n / bins;
  const std::size_t larger = n % bins;  // the first `larger` runs hold base + 1 rows
  std::size_t at = 0;
  for (std::size_t k = 0; k < bins; ++k) {
    const std::size_t size = base + (k < larger ? 1 : 0);
    stats::CompensatedSum p;
    double y = 0.0;  // a count: exact
    for (std::size_t j = at; j < at + size; ++j) {
      const std::uint32_t i = order[j];
      p.add(score[i]);
      y += outcome[i];
    }
    sums[k] = BinSums{.count = static_cast<double>(size), .score = p.value(), .outcome = y};
    at += size;
  }
  return sums;
}

}  // namespace assay::calibration
