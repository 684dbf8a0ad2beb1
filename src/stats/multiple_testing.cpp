#include "stats/multiple_testing.hpp"

#include <algorithm>
#include <numeric>

namespace assay::stats {

std::vector<double> bonferroni_adjust(std::span<const double> p) {
  const auto m = static_cast<double>(p.size());
  std::vector<double> out(p.begin(), p.end());
  for (double& x : out) x = std::min(1.0, x * m);
  return out;
}

std::vector<double> benjamini_hochberg_adjust(std::span<const double> p) {
  const std::size_t m = p.size();
  std::vector<double> out(p.begin(), p.end());
  if (m == 0) return out;
  const auto dm = static_cast<double>(m);
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  double running = 1.0;
  for (std::size_t rank = m; rank >= 1; --rank) {
    const std::size_t i = order[rank - 1];
    running = std::min(running, p[i] * dm / static_cast<double>(rank));
    out[i] = std::min(running, 1.0);
  }
  return out;
}

}  // namespace assay::stats
