#pragma once
// One pass over the pooled distinct values of two ascending samples: the
// shared walk behind KS, Anderson-Darling, Cramer-von Mises, Wasserstein and
// energy distance, so each column is sorted once and every statistic is
// linear in the pooled size (DESIGN.md, "sort once, reuse").

#include <cstddef>
#include <span>

namespace assay::drift {

struct DistinctStep {
  double value;
  std::size_t count_a;  // occurrences of value in a
  std::size_t count_b;  // occurrences of value in b
  std::size_t cum_a;    // elements of a <= value
  std::size_t cum_b;    // elements of b <= value
};

// Calls fn(const DistinctStep&) for each distinct value of a and b, in
// increasing order. Both spans are sorted ascending and hold no NaN.
template <class Fn>
void for_each_distinct(std::span<const double> a, std::span<const double> b, Fn&& fn) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    double v = 0.0;
    if (i == a.size()) {
      v = b[j];
    } else if (j == b.size()) {
      v = a[i];
    } else {
      v = a[i] < b[j] ? a[i] : b[j];
    }
    const std::size_t i0 = i;
    const std::size_t j0 = j;
    while (i < a.size() && a[i] == v) ++i;
    while (j < b.size() && b[j] == v) ++j;
    fn(DistinctStep{v, i - i0, j - j0, i, j});
  }
}

}  // namespace assay::drift
