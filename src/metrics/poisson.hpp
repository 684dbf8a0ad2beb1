#pragma once
// Poisson(1) resample multiplicities for the bootstrap. Giving each row an
// independent Poisson(1) count approximates the multinomial counts of the
// classical bootstrap and lets resamples be drawn without re-sorting and in
// parallel (Hanley & MacGibbon 2006; TFMA's Poisson bootstrap).
//
// The count of row i in resample b is a pure function of (seed, b, i):
// SplitMix64 (Steele, Lea & Flood 2014) output at position i of a stream
// whose start is hashed from (seed, b), mapped through the Poisson(1) inverse
// CDF at 32-bit resolution (counts above 12, probability 6e-11, are cut to 12).
// So results do not depend on threads or on the order rows are visited in.

#include <array>
#include <cstdint>

namespace assay::metrics {

// The SplitMix64 finaliser (variant "Mix13" of Stafford 2011).
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class PoissonWeights {
 public:
  PoissonWeights(std::uint64_t seed, std::uint64_t resample) noexcept;

  std::uint32_t operator()(std::uint64_t row) const noexcept {
    const auto u = static_cast<std::uint32_t>(mix64(start_ + row * kGamma) >> 32);
    std::uint32_t k = table_->start[u >> kBucketShift];
    while (u >= table_->upper[k]) ++k;
    return k;
  }

 private:
  static constexpr std::uint64_t kGamma = 0x9e3779b97f4a7c15ULL;
  static constexpr int kBucketShift = 20;  // 4096 buckets of the 32-bit range
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

}  // namespace assay::metrics
