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

double stable_sum(std::span<const double> values) noexcept {
  double sum = 0.0;
  double carry = 0.0;
  for (const double v : values) {
    const double t = sum + v;
    carry += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  return sum + carry;
}

MeanVariance mean_variance(std::span<const double> values, double ddof) noexcept {
  const double n = static_cast<double>(values.size());
  if (values.empty()) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  const double mean = stable_sum(values) / n;
  double ss = 0.0;
  double carry = 0.0;
  for (const double v : values) {
    const double d = (v - mean) * (v - mean);
    const double t = ss + d;
    carry += ss >= d ? (ss - t) + d : (d - t) + ss;
    ss = t;
  }
  const double variance = n > ddof ? (ss + carry) / (n - ddof) : std::numeric_limits<double>::quiet_NaN();
  return {mean, variance};
}

}  // namespace assay::stats
