#pragma once
// Poisson(1) resample multiplicities for the bootstrap. Giving each row an
// independent Poisson(1) count approximates the multinomial counts of the
// classical bootstrap and lets resamples be drawn without re-sorting and in
// parallel (Hanley & MacGibbon 2006; TFMA's Poisson bootstrap).
//
// The count of row i in resample b is a pure function of (seed, b, i): half
// b % 2 of the SplitMix64 (Steele, Lea & Flood 2014) output at position i of
// a stream whose start is hashed from (seed, b / 2), mapped through the
// Poisson(1) inverse CDF at 32-bit resolution (counts above 12, probability
// 6e-11, are cut to 12). So results do not depend on threads or on the order
// rows are visited in, and two models scored on the same rows can be
// resampled alike.

#include <array>
#include <cstdint>

namespace assay::metrics {

// The SplitMix64 finaliser (variant "Mix13" of Stafford 2011).
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Multiplicities of resamples 2p and 2p + 1: one 64-bit hash per row gives
// both (low and high 32 bits), halving the cost of drawing.
class PoissonPair {
 public:
  PoissonPair(std::uint64_t seed, std::uint64_t pair) noexcept;

  // The counter of a row's draws; precompute it for rows visited in a
  // scattered order.
  static constexpr std::uint64_t counter(std::uint64_t row) noexcept { return row * kGamma; }

  // The 64-bit hash behind the draws of counter `c`: two uniform 32-bit halves.
  std::uint64_t hash(std::uint64_t c) const noexcept { return mix64(start_ + c); }

  // Multiplicities {even, odd} of the row whose counter is `c`.
  std::array<std::uint32_t, 2> at_counter(std::uint64_t c) const noexcept {
    const std::uint64_t h = hash(c);
    return {poisson(static_cast<std::uint32_t>(h)), poisson(static_cast<std::uint32_t>(h >> 32))};
  }
  std::array<std::uint32_t, 2> operator()(std::uint64_t row) const noexcept { return at_counter(counter(row)); }

  // The Poisson(1) inverse CDF of a uniform 32-bit value.
  std::uint32_t poisson(std::uint32_t u) const noexcept {
    const Table& t = *table_;
    std::uint32_t k = t.start[u >> kBucketShift];
    k += u >= t.upper[k] ? 1 : 0;  // below the top bucket a bucket holds at most one threshold
    if (u >= kTopBucket) [[unlikely]] {
      k = 0;
      while (u >= t.upper[k]) ++k;
    }
    return k;
  }

 private:
  static constexpr std::uint64_t kGamma = 0x9e3779b97f4a7c15ULL;
  static constexpr int kBucketShift = 20;  // 4096 buckets of the 32-bit range
  static constexpr std::uint32_t kTopBucket = 0xFFF00000u;
  static constexpr std::uint32_t kMax = 12;

  struct Table {
    // upper[k] = floor(P(X <= k) 2^32); upper[kMax] = 2^32 stops the scan.
    std::array<std::uint64_t, kMax + 1> upper;
    // start[b]: the count at the start of bucket b.
    std::array<std::uint8_t, (std::size_t{1} << (32 - kBucketShift))> start;
  };
  static const Table& table() noexcept;

  std::uint64_t start_;
  const Table* table_;
};

// The multiplicities of one resample r: half r % 2 of PoissonPair(seed, r / 2).
class PoissonWeights {
 public:
  PoissonWeights(std::uint64_t seed, std::uint64_t resample) noexcept
      : pair_(seed, resample / 2), half_(static_cast<unsigned>(resample % 2)) {}

  std::uint32_t operator()(std::uint64_t row) const noexcept { return pair_(row)[half_]; }

 private:
  PoissonPair pair_;
  unsigned half_;
};

}  // namespace assay::metrics
