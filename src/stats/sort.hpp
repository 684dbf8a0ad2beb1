#pragma once
// Sorting primitives shared by rank-based statistics (quantiles, AUC, KS):
// sort once and reuse (DESIGN.md, Computation principles).
//
// All are LSD radix sorts, O(n) and stable. Values that are exact decimals
// (x == m / 10^d bit for bit, as values written with a few decimals are) sort
// as their integer mantissas m - min(m), which usually fit 32 bits and two or
// three passes; any other values sort on the IEEE-754 bit pattern mapped to
// an unsigned key whose order is the numeric order (six passes). NaN sorts
// last, -0.0 before +0.0.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "stats/moments.hpp"

namespace assay::stats {

// 128-bit integers (a GCC and Clang extension) for exact sums of squares.
__extension__ typedef unsigned __int128 Uint128;
__extension__ typedef __int128 Int128;

// Sorts `values` ascending in place.
void radix_sort(std::span<double> values);
void radix_sort(std::span<std::int64_t> values);

// The permutation that sorts `values` ascending, stable for ties.
std::vector<std::uint32_t> argsort(std::span<const double> values);

// The values that are valid (validity empty means all) and not NaN, in
// ascending order. Exact decimals (see above) are kept as their sorted
// 32-bit keys and decoded on access, half the memory of sorted doubles and
// no pass to decode them; other values are kept as sorted doubles. -0.0 and
// 0.0 are one value here, and may read back as either.
class SortedValues {
 public:
  SortedValues(std::span<const double> values, std::span<const std::uint8_t> validity);

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  double operator[](std::size_t i) const noexcept {
    return keys_ ? static_cast<double>(static_cast<std::int64_t>(keys_[i]) + key_base_) / scale_ : doubles_[i];
  }
  double front() const noexcept { return (*this)[0]; }
  double back() const noexcept { return (*this)[size_ - 1]; }

  // The number of distinct values (-0.0 and 0.0 are one).
  std::size_t distinct() const noexcept { return keys_ ? count_distinct(keys_.get()) : count_distinct(doubles_.data()); }

  // Calls f(first, count) for each run of equal values longer than
  // `longer_than()`, in ascending order; the bar is asked again after each
  // call (it may rise, as a top-k list fills). With a bar of t, a run is
  // found by keys[i] == keys[i + t] at its first index, so the scan costs
  // one compare per value instead of walking every run.
  template <class F, class Bar>
  void for_each_run_longer(F&& f, Bar&& longer_than) const {
    if (keys_) {
      long_runs(keys_.get(), f, longer_than);
    } else {
      long_runs(doubles_.data(), f, longer_than);
    }
  }

  std::vector<double> to_vector() const;

  // Mean and variance (with `ddof`) from exact integer sums of the keys,
  // rounded once, when the values are exact decimals whose representation
  // error is negligible next to their spread; nullopt otherwise (then use
  // mean_variance on the values).
  std::optional<MeanVariance> exact_mean_variance(double ddof = 1.0) const;

 private:
  template <class Include>
  bool sort_decimals(std::span<const double> values, const Include& include);
  bool release_keys();

  template <class T>
  std::size_t count_distinct(const T* sorted) const noexcept {
    std::size_t changes = 0;
    for (std::size_t i = 1; i < size_; ++i) changes += sorted[i] != sorted[i - 1] ? 1 : 0;
    return size_ == 0 ? 0 : changes + 1;
  }

  template <class T, class F, class Bar>
  void long_runs(const T* sorted, F& f, Bar& longer_than) const {
    std::size_t bar = longer_than();
    for (std::size_t i = 0; bar < size_ && i < size_ - bar;) {
      if (sorted[i + bar] != sorted[i]) {
        ++i;
        continue;
      }
      std::size_t end = i + bar + 1;
      while (end < size_ && sorted[end] == sorted[i]) ++end;
      f(i, end - i);
      bar = longer_than();
      i = end;
    }
  }

  std::size_t size_ = 0;
  std::unique_ptr<std::uint32_t[]> keys_;  // exact decimals: value = (key + key_base_) / scale_
  std::int64_t key_base_ = 0;
  double scale_ = 1.0;
  Uint128 key_sum_ = 0;
  Uint128 key_sum_squares_ = 0;
  std::vector<double> doubles_;  // otherwise
};

// Maps a double to an unsigned key with the same order (NaN above +inf).
std::uint64_t order_key(double value) noexcept;

}  // namespace assay::stats
