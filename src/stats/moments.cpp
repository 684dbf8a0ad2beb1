#include "stats/moments.hpp"

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

template <class Term>
double pairwise(const double* x, std::size_t n, const Term& term) noexcept {
  if (n < 8) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += term(x[i]);
    return sum;
  }
  if (n <= kBlock) {
    double r[8];
    for (std::size_t k = 0; k < 8; ++k) r[k] = term(x[k]);
    std::size_t i = 8;
    for (; i + 8 <= n; i += 8) {
      for (std::size_t k = 0; k < 8; ++k) r[k] += term(x[i + k]);
    }
    double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) sum += term(x[i]);
    return sum;
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return pairwise(x, half, term) + pairwise(x + half, n - half, term);
}

}  // namespace

double pairwise_sum(std::span<const double> values) noexcept {
  return pairwise(values.data(), values.size(), [](double v) { return v; });
}

double pairwise_sum_squared_deviations(std::span<const double> values, double center) noexcept {
  return pairwise(values.data(), values.size(), [center](double v) { return (v - center) * (v - center); });
}

MeanVariance mean_variance(std::span<const double> values, double ddof) noexcept {
  const double n = static_cast<double>(values.size());
  if (values.empty()) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  const double mean = pairwise_sum(values) / n;
  const double ss = pairwise_sum_squared_deviations(values, mean);
  const double variance = n > ddof ? ss / (n - ddof) : std::numeric_limits<double>::quiet_NaN();
  return {mean, variance};
}

}  // namespace assay::stats
