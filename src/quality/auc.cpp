#include "quality/auc.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/sort.hpp"

namespace assay::quality {

namespace {

double finish(std::uint64_t twice_u, std::uint64_t positives, std::uint64_t negatives) {
  if (positives == 0 || negatives == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(twice_u) / (2.0 * static_cast<double>(positives) * static_cast<double>(negatives));
}

}  // namespace

double sorted_auc(std::span<const double> positives, std::span<const double> negatives) {
  // 2U = sum over positives of 2 * (negatives below) + (negatives equal).
  std::uint64_t twice_u = 0;
  std::size_t below = 0;  // negatives strictly below the current positive value
  for (std::size_t i = 0; i < positives.size();) {
    const double v = positives[i];
    std::size_t j = i;
    while (j < positives.size() && positives[j] == v) ++j;
    while (below < negatives.size() && negatives[below] < v) ++below;
    std::size_t equal_end = below;
    while (equal_end < negatives.size() && negatives[equal_end] == v) ++equal_end;
    twice_u += (j - i) * (2 * below + (equal_end - below));
    i = j;
  }
  return finish(twice_u, positives.size(), negatives.size());
}

double rank_auc(std::span<const double> score, std::span<const std::uint8_t> positive) {
  std::vector<double> pos, neg;
  pos.reserve(score.size());
  neg.reserve(score.size());
  for (std::size_t i = 0; i < score.size(); ++i) (positive[i] != 0 ? pos : neg).push_back(score[i]);
  stats::radix_sort(pos);
  stats::radix_sort(neg);
  return sorted_auc(pos, neg);
}

double grouped_auc(std::vector<ScoreGroup> groups) {
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.score < b.score; });
  std::uint64_t twice_u = 0, negatives_below = 0, positives = 0;
  for (std::size_t i = 0; i < groups.size();) {
    std::uint64_t pos = 0, neg = 0;
    std::size_t j = i;
    for (; j < groups.size() && groups[j].score == groups[i].score; ++j) {
      pos += groups[j].positives;
      neg += groups[j].negatives;
    }
    twice_u += pos * (2 * negatives_below + neg);
    negatives_below += neg;
    positives += pos;
    i = j;
  }
  return finish(twice_u, positives, negatives_below);
}

}  // namespace assay::quality
