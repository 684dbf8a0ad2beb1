#pragma once
// Counting slices over encoded columns, level by level (SliceLine's
// lattice enumeration, Sagadeeva & Boehm 2021, section 4).
//
// A slice is a conjunction of predicates column = level over distinct
// columns. Level 1 is one pass over each column's codes; level k is one pass
// over the rows per combination of k columns, the k codes combined into one
// index of a flat array of counts and error sums (a hash map only when the
// combination has too many cells). Combinations run in parallel with oneTBB
// and results are concatenated in a fixed order, so they do not depend on
// the thread count.
//
// Two modes:
//  - enumerate: every non-empty slice over all combinations of up to `depth`
//    columns (assay slices --by);
//  - search: a level-k slice is examined only when its size is at least
//    min_support and each of its k parents (the slice minus one predicate)
//    was examined, has errors, and can still contain a sub-slice scoring
//    above zero (sliceline_upper_bound, from the parents' sizes, error sums
//    and largest errors). Slices covering every row are not slices.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "slices/encode.hpp"
#include "slices/options.hpp"
#include "slices/sliceline.hpp"

namespace assay::slices {

struct Predicate {
  std::uint32_t column = 0;  // index into the encoded columns
  Code level = 0;
};

// Error sums are of deviations from the overall mean error (sums of e - mean
// and (e - mean)^2): the variances they give keep their digits even when the
// errors are large and nearly equal.
struct SliceStats {
  double count = 0.0;
  double deviation_sum = 0.0;
  double deviation_squares = 0.0;
  double error_max = 0.0;
};

struct Slice {
  std::vector<Predicate> predicates;  // ascending column
  SliceStats stats;
  std::vector<std::uint32_t> parents;  // indices of the slices with one predicate fewer (level >= 2)
};

struct LatticeOptions {
  std::size_t depth = 2;
  bool search = false;         // false: enumerate
  double min_support = 1.0;    // search only
  ScoreContext score;          // search only
};

// The error data every count needs: the per-row errors, their deviations
// from the mean and the squares of those.
struct RowErrors {
  std::span<const double> error;
  double mean = 0.0;
};

// Slices in level order, within a level by column combination and then by
// level codes.
std::vector<Slice> count_slices(std::span<const EncodedColumn> columns, const RowErrors& errors,
                                const LatticeOptions& options);

}  // namespace assay::slices
