#include "drift/cramer_von_mises.hpp"

#include <boost/math/special_functions/bessel.hpp>

#include <cmath>
#include <cstdint>
#include <map>
#include <numbers>
#include <numeric>
#include <vector>

#include "drift/merged.hpp"

namespace assay::drift {

namespace {

double cvm_limit_cdf(double x) {
  double total = 0.0;
  for (int k = 0;; ++k) {
    const double kd = k;
    const double u = std::exp(std::lgamma(kd + 0.5) - std::lgamma(kd + 1)) / (std::pow(std::numbers::pi, 1.5) * std::sqrt(x));
    const double y = 4 * kd + 1;
    const double q = y * y / (16 * x);
    const double term = u * std::sqrt(y) * std::exp(-q) * boost::math::cyl_bessel_k(0.25, q);
    total += term;
    if (!(std::abs(term) >= 1e-7)) break;
  }
  return total;
}

// Exact p-value Pr(U >= u) by the frequency tables g_{u,v} of Xiao et al.
// (2006, Algorithm 1), as scipy's _pval_cvm_2samp_exact.
double exact_p(double u, std::int64_t m, std::int64_t n) {
  const std::int64_t lcm = std::lcm(m, n);
  const std::int64_t a = lcm / m;
  const std::int64_t b = lcm / n;
  const double mn = static_cast<double>(m * n);
  const double l2 = static_cast<double>(lcm * lcm);
  const double zeta = std::floor(l2 * static_cast<double>(m + n) * (6 * u - mn * (4 * mn - 1)) / (6 * mn * mn));
  using Table = std::map<std::int64_t, double>;  // statistic value -> count of paths
  std::vector<Table> gs(static_cast<std::size_t>(m + 1));
  gs[0][0] = 1.0;
  for (std::int64_t uu = 0; uu <= n; ++uu) {
    std::vector<Table> next(static_cast<std::size_t>(m + 1));
    Table tmp;
    for (std::int64_t v = 0; v <= m; ++v) {
      for (const auto& [value, freq] : gs[static_cast<std::size_t>(v)]) tmp[value] += freq;
      const std::int64_t step = (a * v - b * uu) * (a * v - b * uu);
      Table shifted;
      for (const auto& [value, freq] : tmp) shifted.emplace_hint(shifted.end(), value + step, freq);
      tmp = std::move(shifted);
      next[static_cast<std::size_t>(v)] = tmp;
    }
    gs = std::move(next);
  }
  double hits = 0.0;
  double all = 0.0;
  for (const auto& [value, freq] : gs[static_cast<std::size_t>(m)]) {
    all += freq;
    if (static_cast<double>(value) >= zeta) hits += freq;
  }
  return hits / all;
}

}  // namespace

double cvm_limit_sf(double x) { return std::max(0.0, 1.0 - cvm_limit_cdf(x)); }

std::optional<CvmResult> cramer_von_mises_2samp(std::span<const double> a, std::span<const double> b) {
  if (a.size() < 2 || b.size() < 2) return std::nullopt;
  // U = nx * sum (r_i - i)^2 + ny * sum (s_j - j)^2 with midranks (eq. 10).
  // T subtracts two nearly equal terms of order n, so U is summed exactly:
  // 4 (r - i)^2 is an integer and long double holds integers up to 2^64.
  long double sum_x = 0.0L;
  long double sum_y = 0.0L;
  std::size_t pooled_before = 0;
  for_each_distinct(a, b, [&](const DistinctStep& s) {
    const std::size_t tie = s.count_a + s.count_b;
    const auto twice_midrank = static_cast<long double>(2 * pooled_before + tie + 1);
    for (std::size_t i = s.cum_a - s.count_a; i < s.cum_a; ++i) {
      const long double d = twice_midrank - static_cast<long double>(2 * (i + 1));
      sum_x += d * d;
    }
    for (std::size_t j = s.cum_b - s.count_b; j < s.cum_b; ++j) {
      const long double d = twice_midrank - static_cast<long double>(2 * (j + 1));
      sum_y += d * d;
    }
    pooled_before += tie;
  });
  const long double lnx = a.size();
  const long double lny = b.size();
  const long double lu = (lnx * sum_x + lny * sum_y) / 4.0L;
  const double u = static_cast<double>(lu);
  const double nx = static_cast<double>(a.size());
  const double ny = static_cast<double>(b.size());
  const double k = nx * ny;
  const double N = nx + ny;
  CvmResult result;
  const long double lk = lnx * lny;
  const long double lN = lnx + lny;
  result.statistic = static_cast<double>(lu / (lk * lN) - (4 * lk - 1) / (6 * lN));
  if (std::max(a.size(), b.size()) <= 20) {
    result.exact = true;
    result.p_value = exact_p(u, static_cast<std::int64_t>(a.size()), static_cast<std::int64_t>(b.size()));
    return result;
  }
  // Expected value and variance of T (eq. 11, 14), normalised T (eq. 15).
  const double et = (1 + 1 / N) / 6;
  double vt = (N + 1) * (4 * k * N - 3 * (nx * nx + ny * ny) - 2 * k);
  vt = vt / (45 * N * N * 4 * k);
  const double tn = 1.0 / 6 + (result.statistic - et) / std::sqrt(45 * vt);
  result.p_value = tn < 0.003 ? 1.0 : cvm_limit_sf(tn);
  return result;
}

}  // namespace assay::drift
