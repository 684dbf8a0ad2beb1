#include "drift/ks.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "drift/kolmogorov.hpp"
#include "drift/merged.hpp"

namespace assay::drift {

namespace {

constexpr std::int64_t kMaxAutoN = 10000;  // scipy's MAX_AUTO_N

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

}  // namespace

// scipy _compute_prob_outside_square: 2 * (C(2n, n-h) - C(2n, n-2h) + ...)
// / C(2n, n), evaluated in Horner form to avoid cancellation.
double ks_exact_p_equal(std::int64_t n, std::int64_t h) {
  double P = 0.0;
  for (std::int64_t k = n / h; k >= 0; --k) {
    double p1 = 1.0;
    for (std::int64_t j = 0; j < h; ++j) {
      p1 = static_cast<double>(n - k * h - j) * p1 / static_cast<double>(n + k * h + j + 1);
    }
    P = p1 * (1.0 - P);
  }
  return 2 * P;
}

// scipy _compute_outer_prob_inside_method: the share of lattice paths from
// (0,0) to (m,n) leaving |x/m - y/n| < h/lcm, by Viehmann's 1 - p recursion.
double ks_exact_p_unequal(std::int64_t m, std::int64_t n, std::int64_t g, std::int64_t h) {
  if (m < n) std::swap(m, n);
  const std::int64_t mg = m / g;
  const std::int64_t ng = n / g;
  std::int64_t minj = 0;
  std::int64_t maxj = std::min(ceil_div(h, mg), n + 1);
  std::int64_t curlen = maxj - minj;
  const std::int64_t len_a = std::min(2 * maxj + 2, n + 1);
  std::vector<double> A(static_cast<std::size_t>(len_a), 1.0);
  std::fill(A.begin() + minj, A.begin() + maxj, 0.0);
  for (std::int64_t i = 1; i <= m; ++i) {
    const std::int64_t lastminj = minj;
    const std::int64_t lastlen = curlen;
    minj = std::min(std::max(floor_div(ng * i - h, mg) + 1, std::int64_t{0}), n);
    maxj = std::min(ceil_div(ng * i + h, mg), n + 1);
    if (maxj <= minj) return 1.0;
    double val = minj == 0 ? 0.0 : 1.0;
    const auto di = static_cast<double>(i);
    for (std::int64_t jj = 0; jj < maxj - minj; ++jj) {
      const std::int64_t j = jj + minj;
      val = (A[static_cast<std::size_t>(jj + minj - lastminj)] * di + val * static_cast<double>(j)) /
            static_cast<double>(i + j);
      A[static_cast<std::size_t>(jj)] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) {
      std::fill(A.begin() + (maxj - minj), A.begin() + (maxj - minj + (lastlen - curlen)), 1.0);
    }
  }
  return A[static_cast<std::size_t>(maxj - minj - 1)];
}

KsResult ks_2samp(std::span<const double> a, std::span<const double> b) {
  const auto n1 = static_cast<std::int64_t>(a.size());
  const auto n2 = static_cast<std::int64_t>(b.size());
  const auto d1 = static_cast<double>(n1);
  const auto d2 = static_cast<double>(n2);
  // scipy evaluates searchsorted(..., 'right') / n at every pooled value.
  double max_s = -1.0;
  double min_s = 1.0;
  for_each_distinct(a, b, [&](const DistinctStep& s) {
    const double diff = static_cast<double>(s.cum_a) / d1 - static_cast<double>(s.cum_b) / d2;
    max_s = std::max(max_s, diff);
    min_s = std::min(min_s, diff);
  });
  const double neg = std::clamp(-min_s, 0.0, 1.0);
  double d = neg > max_s ? neg : max_s;

  KsResult result;
  if (std::max(n1, n2) <= kMaxAutoN) {
    const std::int64_t g = std::gcd(n1, n2);
    const std::int64_t lcm = (n1 / g) * n2;
    const auto h = static_cast<std::int64_t>(std::nearbyint(d * static_cast<double>(lcm)));
    const double d_lattice = static_cast<double>(h) / static_cast<double>(lcm);
    if (h == 0) return {d_lattice, 1.0, true};
    const double prob = n1 == n2 ? ks_exact_p_equal(n1, h) : ks_exact_p_unequal(n1, n2, g, h);
    d = d_lattice;
    if (std::isfinite(prob) && prob >= 0.0 && prob <= 1.0) return {d, prob, true};
  }
  const double m = std::max(d1, d2);
  const double n = std::min(d1, d2);
  const double en = m * n / (m + n);
  const auto n_eff = static_cast<std::int64_t>(std::nearbyint(en));
  double p = std::nan("");
  if (n_eff >= 1) p = d <= 0.5 / static_cast<double>(n_eff) ? 1.0 : kstwo_sf(n_eff, d);
  result.statistic = d;
  result.p_value = std::clamp(p, 0.0, 1.0);
  result.exact = false;
  return result;
}

}  // namespace assay::drift
