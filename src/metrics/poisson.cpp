#include "metrics/poisson.hpp"

#include <cmath>

namespace assay::metrics {

PoissonPair::PoissonPair(std::uint64_t seed, std::uint64_t pair) noexcept
    : start_(mix64(mix64(seed + kGamma) ^ (pair + 0x632be59bd9b4e019ULL))), table_(&table()) {}

const PoissonPair::Table& PoissonPair::table() noexcept {
  // Built once; immutable afterwards.
  static const Table built = [] {
    Table t{};
    double pmf = std::exp(-1.0);
    double cdf = 0.0;
    for (std::uint32_t k = 0; k < kMax; ++k) {
      cdf += pmf;
      pmf /= static_cast<double>(k + 1);
      t.upper[k] = static_cast<std::uint64_t>(std::floor(cdf * 4294967296.0));
    }
    t.upper[kMax] = std::uint64_t{1} << 32;
    for (std::size_t b = 0; b < t.start.size(); ++b) {
      const std::uint64_t u = std::uint64_t{b} << kBucketShift;
      std::uint8_t k = 0;
      while (u >= t.upper[k]) ++k;
      t.start[b] = k;
    }
    return t;
  }();
  return built;
}

}  // namespace assay::metrics
