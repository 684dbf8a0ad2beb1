#include "metrics/poisson_sum.hpp"

#include <cmath>

namespace assay::metrics {

const PoissonSums& PoissonSums::instance() {
  static const PoissonSums tables;
  return tables;
}

PoissonSums::PoissonSums() {
  for (std::uint32_t lambda = 1; lambda <= kMaxLambda; ++lambda) {
    Table& t = tables_[lambda];
    t.offset = thresholds_.size();
    const double l = lambda;
    double pmf = std::exp(-l);
    double cdf = 0.0;
    for (std::uint32_t k = 0;; ++k) {
      cdf += pmf;
      pmf *= l / static_cast<double>(k + 1);
      const double scaled = std::floor(cdf * 4294967296.0);
      // Stop once the rest of the tail is below 2^-32 (and past the mean,
      // where the pmf still grows).
      if ((scaled >= 4294967295.0 && k > lambda) || k > 2 * lambda + 200) {
        thresholds_.push_back(std::uint64_t{1} << 32);
        break;
      }
      thresholds_.push_back(static_cast<std::uint64_t>(scaled));
    }
    const std::uint64_t* upper = thresholds_.data() + t.offset;
    for (std::size_t b = 0; b < 256; ++b) {
      const std::uint64_t u = std::uint64_t{b} << 24;
      std::uint32_t k = 0;
      while (u >= upper[k]) ++k;
      t.guide[b] = static_cast<std::uint8_t>(k);
    }
  }
  // e^-4096 underflows: the pmf is computed in logs.
  const double big = kBigLambda;
  double cdf = 0.0;
  for (std::uint32_t k = 0;; ++k) {
    const double kd = k;
    cdf += std::exp(-big + kd * std::log(big) - std::lgamma(kd + 1.0));
    const double scaled = std::floor(cdf * 4294967296.0);
    if ((scaled >= 4294967295.0 && kd > big) || kd > big + 40.0 * std::sqrt(big)) {
      big_thresholds_.push_back(std::uint64_t{1} << 32);
      break;
    }
    big_thresholds_.push_back(static_cast<std::uint64_t>(scaled));
  }
  big_guide_.resize(std::size_t{1} << (32 - kBigGuideShift));
  std::uint32_t k = 0;
  for (std::size_t b = 0; b < big_guide_.size(); ++b) {
    const std::uint64_t u = std::uint64_t{b} << kBigGuideShift;
    while (u >= big_thresholds_[k]) ++k;
    big_guide_[b] = k;
  }
}

std::array<std::uint32_t, 2> PoissonSums::large(std::uint64_t h, std::uint32_t count) const noexcept {
  std::array<std::uint32_t, 2> m{0, 0};
  std::uint64_t state = h;
  std::uint32_t left = count;
  for (; left >= kBigLambda; left -= kBigLambda) {
    m[0] += draw_big(static_cast<std::uint32_t>(state));
    m[1] += draw_big(static_cast<std::uint32_t>(state >> 32));
    state = mix64(state + 0x9e3779b97f4a7c15ULL);
  }
  while (left > 0) {
    const std::uint32_t part = left < kMaxLambda ? left : kMaxLambda;
    m[0] += draw(static_cast<std::uint32_t>(state), part);
    m[1] += draw(static_cast<std::uint32_t>(state >> 32), part);
    left -= part;
    state = mix64(state + 0x9e3779b97f4a7c15ULL);
  }
  return m;
}

}  // namespace assay::metrics
