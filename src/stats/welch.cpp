#include "stats/welch.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

#include "stats/moments.hpp"

namespace assay::stats {

WelchResult welch_t_test(const SampleSummary& a, const SampleSummary& b) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (!(a.count >= 2.0 && b.count >= 2.0)) return {nan, nan, nan};
  const double va = a.variance / a.count;
  const double vb = b.variance / b.count;
  const double se2 = va + vb;
  if (!(se2 > 0.0) || !std::isfinite(se2)) return {nan, nan, nan};
  const double t = (a.mean - b.mean) / std::sqrt(se2);
  const double df = se2 * se2 / (va * va / (a.count - 1.0) + vb * vb / (b.count - 1.0));
  if (!std::isfinite(t) || !(df > 0.0)) return {t, df, nan};
  // The complement keeps its relative accuracy far into the tail, where
  // 1 - cdf would round to zero.
  const boost::math::students_t distribution(df);
  const double p = 2.0 * boost::math::cdf(boost::math::complement(distribution, std::abs(t)));
  return {t, df, std::min(p, 1.0)};
}

WelchResult welch_t_test(std::span<const double> a, std::span<const double> b) {
  auto summary = [](std::span<const double> x) {
    if (x.size() < 2) return SampleSummary{static_cast<double>(x.size()), 0.0, 0.0};
    const MeanVariance mv = mean_variance(x, 1.0);
    return SampleSummary{static_cast<double>(x.size()), mv.mean, mv.variance};
  };
  return welch_t_test(summary(a), summary(b));
}

}  // namespace assay::stats
