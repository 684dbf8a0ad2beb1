#pragma once
// Sorting primitives shared by rank-based statistics (quantiles, AUC, KS):
// sort once and reuse (DESIGN.md, Computation principles).
//
// Both are LSD radix sorts on the IEEE-754 bit pattern mapped to an unsigned
// key whose order is the numeric order (-inf < ... < -0.0 == 0.0 < ... < +inf),
// O(n) and stable. NaN keys sort last. -0.0 sorts before +0.0.

#include <cstdint>
#include <span>
#include <vector>

namespace assay::stats {

// Sorts `values` ascending in place.
void radix_sort(std::span<double> values);
void radix_sort(std::span<std::int64_t> values);

// The permutation that sorts `values` ascending, stable for ties.
std::vector<std::uint32_t> argsort(std::span<const double> values);

// The values that are valid (validity empty means all) and not NaN, sorted.
std::vector<double> sorted_values(std::span<const double> values, std::span<const std::uint8_t> validity);

// Maps a double to an unsigned key with the same order (NaN above +inf).
std::uint64_t order_key(double value) noexcept;

}  // namespace assay::stats
