#pragma once
// Poisson(lambda) draws for whole counts lambda, by table inversion of a
// uniform 32-bit value. A sum of c independent Poisson(1) multiplicities is
// exactly Poisson(c); so rows that no metric can tell apart (same tie group,
// label and prediction) can be resampled as one cell with one draw. Counts
// up to kMaxLambda use a table each; a larger count is the sum of draws for
// kBigLambda-sized parts, kMaxLambda-sized parts and the remainder (still
// exact in distribution): a cell of a million rows takes some 300 draws.

#include <array>
#include <cstdint>
#include <vector>

#include "metrics/poisson.hpp"

namespace assay::metrics {

class PoissonSums {
 public:
  static constexpr std::uint32_t kMaxLambda = 64;
  static constexpr std::uint32_t kBigLambda = 4096;

  // The tables, built once and immutable.
  static const PoissonSums& instance();

  // The Poisson(lambda) inverse CDF of u, 1 <= lambda <= kMaxLambda.
  [[gnu::always_inline]] std::uint32_t draw(std::uint32_t u, std::uint32_t lambda) const noexcept {
    const Table& t = tables_[lambda];
    std::uint32_t k = t.guide[u >> 24];
    const std::uint64_t* upper = thresholds_.data() + t.offset;
    while (u >= upper[k]) ++k;
    return k;
  }

  // Multiplicities {even, odd} of a cell of `count` rows whose counter is `c`
  // (PoissonPair::counter of the cell's index).
  [[gnu::always_inline]] std::array<std::uint32_t, 2> cell(const PoissonPair& draws, std::uint64_t c,
                                                           std::uint32_t count) const noexcept {
    const std::uint64_t h = draws.hash(c);
    if (count <= kMaxLambda) [[likely]] {
      return {draw(static_cast<std::uint32_t>(h), count), draw(static_cast<std::uint32_t>(h >> 32), count)};
    }
    return large(h, count);
  }

 private:
  PoissonSums();
  std::array<std::uint32_t, 2> large(std::uint64_t h, std::uint32_t count) const noexcept;
  // The Poisson(kBigLambda) inverse CDF of u.
  std::uint32_t draw_big(std::uint32_t u) const noexcept {
    std::uint32_t k = big_guide_[u >> kBigGuideShift];
    while (u >= big_thresholds_[k]) ++k;
    return k;
  }

  struct Table {
    std::size_t offset = 0;                // of its thresholds in thresholds_
    std::array<std::uint8_t, 256> guide{};  // the draw at the start of each of 256 buckets
  };
  // thresholds_[offset + k] = floor(P(X <= k) 2^32); the last of a table is 2^32.
  std::vector<std::uint64_t> thresholds_;
  std::array<Table, kMaxLambda + 1> tables_{};
  // Poisson(kBigLambda): thresholds from k = 0 (those below the lower tail
  // are 0) and a guide of 4096 buckets, since its values spread over
  // hundreds of counts.
  static constexpr int kBigGuideShift = 20;
  std::vector<std::uint64_t> big_thresholds_;
  std::vector<std::uint32_t> big_guide_;
};

}  // namespace assay::metrics
