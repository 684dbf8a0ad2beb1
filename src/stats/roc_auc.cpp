#include "stats/roc_auc.hpp"

#include <algorithm>
#include <vector>

#include "stats/sort.hpp"

namespace assay::stats {

double roc_auc(std::span<const double> score, std::span<const std::uint8_t> positive) {
  const std::vector<std::uint32_t> order = argsort(score);
  RocAucState<std::uint64_t> state;
  for (std::size_t end = order.size(); end > 0;) {
    const double v = score[order[end - 1]];
    std::uint64_t pos = 0, count = 0;
    for (; end > 0 && score[order[end - 1]] == v; --end, ++count) pos += positive[order[end - 1]] != 0 ? 1 : 0;
    state.add_group(pos, count - pos);
  }
  return state.value();
}

double roc_auc_sorted(std::span<const double> positives, std::span<const double> negatives) {
  RocAucState<std::uint64_t> state;
  std::size_t p = positives.size(), n = negatives.size();
  while (p > 0 || n > 0) {
    const double top = p == 0 ? negatives[n - 1] : n == 0 ? positives[p - 1] : std::max(positives[p - 1], negatives[n - 1]);
    std::uint64_t pos = 0, neg = 0;
    for (; p > 0 && positives[p - 1] == top; --p) ++pos;
    for (; n > 0 && negatives[n - 1] == top; --n) ++neg;
    state.add_group(pos, neg);
  }
  return state.value();
}

}  // namespace assay::stats
