#include "quality/auc.hpp"

#include <cmath>
#include <limits>

#include "stats/sort.hpp"

namespace assay::quality {

double rank_auc(std::span<const double> score, std::span<const std::uint8_t> positive) {
  const auto order = stats::argsort(score);
  // 2 * U = sum over tie groups of 2 * pos_g * neg_before + pos_g * neg_g.
  std::uint64_t twice_u = 0, negatives_before = 0, positives = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    std::uint64_t pos = 0, neg = 0;
    const double value = score[order[i]];
    while (j < order.size() && score[order[j]] == value) {
      (positive[order[j]] != 0 ? pos : neg) += 1;
      ++j;
    }
    twice_u += 2 * pos * negatives_before + pos * neg;
    negatives_before += neg;
    positives += pos;
    i = j;
  }
  const std::uint64_t negatives = negatives_before;
  if (positives == 0 || negatives == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(twice_u) / (2.0 * static_cast<double>(positives) * static_cast<double>(negatives));
}

}  // namespace assay::quality
