#include "calibration/isotonic.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "stats/sort.hpp"

namespace assay::calibration {

void pool_adjacent_violators(std::vector<double>& y, const std::vector<double>& weight) {
  // A stack of blocks (mean, weight, first index); a new point pools with the
  // blocks before it while their means are not below its own.
  struct Block {
    double mean;
    double weight;
    std::size_t first;
  };
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < y.size(); ++i) {
    Block b{y[i], weight[i], i};
    while (!blocks.empty() && blocks.back().mean >= b.mean) {
      const Block& prev = blocks.back();
      const double w = prev.weight + b.weight;
      b = {(prev.mean * prev.weight + b.mean * b.weight) / w, w, prev.first};
      blocks.pop_back();
    }
    blocks.push_back(b);
  }
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const std::size_t end = k + 1 < blocks.size() ? blocks[k + 1].first : y.size();
    std::fill(y.begin() + static_cast<std::ptrdiff_t>(blocks[k].first), y.begin() + static_cast<std::ptrdiff_t>(end),
              blocks[k].mean);
  }
}

Isotonic fit_isotonic(std::span<const double> score, std::span<const std::uint8_t> outcome) {
  if (score.empty()) throw core::Error("isotonic calibration needs at least one row");
  constexpr double kResolution = 1e-15;  // numpy.finfo(numpy.float64).resolution
  const std::vector<std::uint32_t> order = stats::argsort(score);
  std::vector<double> x, y, w;
  double first = score[order[0]], positives = 0.0, count = 0.0;
  for (const std::uint32_t i : order) {
    if (score[i] - first >= kResolution) {
      x.push_back(first);
      y.push_back(positives / count);
      w.push_back(count);
      first = score[i];
      positives = count = 0.0;
    }
    positives += outcome[i] != 0 ? 1.0 : 0.0;
    count += 1.0;
  }
  x.push_back(first);
  y.push_back(positives / count);
  w.push_back(count);
  pool_adjacent_violators(y, w);
  Isotonic out;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const bool interior = i > 0 && i + 1 < x.size();
    if (interior && y[i] == y[i - 1] && y[i] == y[i + 1]) continue;
    out.x.push_back(x[i]);
    out.y.push_back(y[i]);
  }
  return out;
}

double Isotonic::apply(double score) const noexcept {
  if (x.size() == 1) return y[0];
  const double v = std::clamp(score, x.front(), x.back());
  // scipy interp1d: the segment ending at the first threshold >= v.
  std::size_t hi = static_cast<std::size_t>(std::lower_bound(x.begin(), x.end(), v) - x.begin());
  hi = std::clamp<std::size_t>(hi, 1, x.size() - 1);
  const std::size_t lo = hi - 1;
  const double slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
  return slope * (v - x[lo]) + y[lo];
}

}  // namespace assay::calibration
