#include "stats/moments.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::stats {

void Moments::update(double x, double weight) noexcept {
  if (weight == 0.0) return;
  count += weight;
  const double delta = x - mean;
  mean += delta * weight / count;
  m2 += weight * delta * (x - mean);
}

void Moments::merge(const Moments& other) noexcept {
  if (other.count == 0.0) return;
  if (count == 0.0) {
    *this = other;
    return;
  }
  const double total = count + other.count;
  const double delta = other.mean - mean;
  mean += delta * other.count / total;
  m2 += other.m2 + delta * delta * count * other.count / total;
  count = total;
}

double Moments::variance(double ddof) const noexcept {
  if (count <= ddof) return std::numeric_limits<double>::quiet_NaN();
  return m2 / (count - ddof);
}

namespace {

constexpr std::size_t kBlock = 128;  // numpy's PW_BLOCKSIZE

// numpy's pairwise reduction of term(x) over x[0..n), for any V with +.
// Several sums taken in one traversal (V a small struct) round exactly as
// each would alone: every component follows the same tree.
template <class V, class Term>
V pairwise(const double* x, std::size_t n, const Term& term) noexcept {
  if (n < 8) {
    V sum{};
    for (std::size_t i = 0; i < n; ++i) sum = sum + term(x[i]);
    return sum;
  }
  if (n <= kBlock) {
    V r[8];
    for (std::size_t k = 0; k < 8; ++k) r[k] = term(x[k]);
    std::size_t i = 8;
    for (; i + 8 <= n; i += 8) {
      for (std::size_t k = 0; k < 8; ++k) r[k] = r[k] + term(x[i + k]);
    }
    V sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) sum = sum + term(x[i]);
    return sum;
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return pairwise<V>(x, half, term) + pairwise<V>(x + half, n - half, term);
}

// A sum with the range of the values seen, for the pass that needs both.
struct SumRange {
  double sum = 0.0;
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  friend SumRange operator+(const SumRange& a, const SumRange& b) noexcept {
    return {a.sum + b.sum, std::min(a.lo, b.lo), std::max(a.hi, b.hi)};
  }
};

struct TwoSums {
  double a = 0.0;
  double b = 0.0;
  friend TwoSums operator+(const TwoSums& x, const TwoSums& y) noexcept { return {x.a + y.a, x.b + y.b}; }
};

}  // namespace

double pairwise_sum(std::span<const double> values) noexcept {
  return pairwise<double>(values.data(), values.size(), [](double v) { return v; });
}

double pairwise_sum_squared_deviations(std::span<const double> values, double center) noexcept {
  return pairwise<double>(values.data(), values.size(), [center](double v) { return (v - center) * (v - center); });
}

MeanVariance mean_variance(std::span<const double> values, double ddof) noexcept {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const std::size_t count = values.size();
  const double n = static_cast<double>(count);
  if (count == 0) return {kNaN, kNaN, kNaN};
  const double* x = values.data();
  // Mean: a pairwise sum, rescaled when the sum of finite values overflows,
  // then refined by the mean of the residuals (which repairs the last bits
  // when values differ only far right of the decimal point).
  double mean = pairwise_sum(values) / n;
  if (std::isinf(mean)) {
    const double inv = 1.0 / n;
    const double scaled = pairwise<double>(x, count, [inv](double v) { return v * inv; });
    if (std::isfinite(scaled)) mean = scaled;
  }
  if (!std::isfinite(mean)) return {mean, kNaN, kNaN};
  const auto residual = pairwise<SumRange>(x, count, [mean](double v) { return SumRange{v - mean, v, v}; });
  mean += residual.sum / n;
  if (!(n > ddof)) return {mean, kNaN, kNaN};
  // |v - mean| is largest at the smallest or the largest value (rounding is
  // monotone), so the range gives it without another pass.
  const double largest = std::max(std::fabs(residual.lo - mean), std::fabs(residual.hi - mean));
  if (largest == 0.0) return {mean, 0.0, 0.0};
  if (std::isinf(largest)) return {mean, kNaN, kNaN};
  // Corrected two-pass sum of squares (Chan, Golub & LeVeque 1983, eq. 1.7),
  // with deviations scaled by the largest so that squares of 1e300 do not
  // overflow and squares of 1e-300 do not underflow.
  const double inv = 1.0 / largest;
  const auto sums = pairwise<TwoSums>(x, count, [mean, inv](double v) {
    const double d = (v - mean) * inv;
    return TwoSums{d * d, d};
  });
  const double ss = sums.a;
  const double correction = sums.b;
  const double scaled = (ss - correction * correction / n) / (n - ddof);
  return {mean, scaled * largest * largest, std::sqrt(scaled) * largest};
}

}  // namespace assay::stats
