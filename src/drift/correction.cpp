#include "drift/correction.hpp"

#include <algorithm>
#include <numeric>

namespace assay::drift {

std::string_view correction_name(Correction correction) {
  switch (correction) {
    case Correction::none: return "none";
    case Correction::bonferroni: return "bonferroni";
    case Correction::bh: return "bh";
  }
  return "none";
}

std::optional<Correction> parse_correction(std::string_view name) {
  if (name == "none") return Correction::none;
  if (name == "bonferroni") return Correction::bonferroni;
  if (name == "bh") return Correction::bh;
  return std::nullopt;
}

std::vector<double> adjust_p_values(std::span<const double> p, Correction correction) {
  const std::size_t m = p.size();
  std::vector<double> out(p.begin(), p.end());
  if (correction == Correction::none || m == 0) return out;
  const auto dm = static_cast<double>(m);
  if (correction == Correction::bonferroni) {
    for (double& x : out) x = std::min(1.0, x * dm);
    return out;
  }
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

}  // namespace assay::drift
