#include "drift/contingency.hpp"

#include <boost/math/distributions/hypergeometric.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace assay::drift {

TestStatistic chi2_homogeneity(std::span<const double> reference, std::span<const double> current) {
  double ref_total = 0.0;
  double cur_total = 0.0;
  for (std::size_t j = 0; j < reference.size(); ++j) {
    ref_total += reference[j];
    cur_total += current[j];
  }
  const double total = ref_total + cur_total;
  TestStatistic result;
  result.dof = static_cast<double>(reference.size()) - 1.0;
  if (result.dof <= 0) return result;  // scipy: dof 0 -> statistic 0, p 1
  double chi2 = 0.0;
  for (std::size_t j = 0; j < reference.size(); ++j) {
    const double col = reference[j] + current[j];
    const double e_ref = ref_total * col / total;
    const double e_cur = cur_total * col / total;
    chi2 += (reference[j] - e_ref) * (reference[j] - e_ref) / e_ref;
    chi2 += (current[j] - e_cur) * (current[j] - e_cur) / e_cur;
  }
  result.statistic = chi2;
  result.p_value = boost::math::gamma_q(result.dof / 2.0, chi2 / 2.0);
  return result;
}

std::optional<TestStatistic> two_proportion_z(double ref_hits, double ref_total, double cur_hits, double cur_total) {
  const double p1 = ref_hits / ref_total;
  const double p2 = cur_hits / cur_total;
  const double pooled = (p1 * ref_total + p2 * cur_total) / (ref_total + cur_total);
  const double var = pooled * (1 - pooled) * (1.0 / ref_total + 1.0 / cur_total);
  if (!(var > 0)) return std::nullopt;
  TestStatistic result;
  result.statistic = (p1 - p2) / std::sqrt(var);
  result.p_value = boost::math::erfc(std::abs(result.statistic) / std::numbers::sqrt2);
  return result;
}

namespace {

// scipy.stats.hypergeom(M, n, N) with Boost's r = n, n = N, N = M; pmf,
// cdf and sf are 0 or 1 outside the support, as scipy returns them.
class Hypergeom {
 public:
  Hypergeom(std::uint64_t total, std::uint64_t good, std::uint64_t draws)
      : dist_(static_cast<unsigned>(good), static_cast<unsigned>(draws), static_cast<unsigned>(total)),
        lo_(draws + good > total ? static_cast<std::int64_t>(draws + good - total) : 0),
        hi_(static_cast<std::int64_t>(std::min(good, draws))) {}

  double pmf(std::int64_t k) const {
    if (k < lo_ || k > hi_) return 0.0;
    return boost::math::pdf(dist_, static_cast<unsigned>(k));
  }
  double cdf(std::int64_t k) const {
    if (k < lo_) return 0.0;
    if (k >= hi_) return 1.0;
    return boost::math::cdf(dist_, static_cast<unsigned>(k));
  }
  double sf(std::int64_t k) const {
    if (k < lo_) return 1.0;
    if (k >= hi_) return 0.0;
    return boost::math::cdf(boost::math::complement(dist_, static_cast<unsigned>(k)));
  }

 private:
  boost::math::hypergeometric_distribution<double> dist_;
  std::int64_t lo_;
  std::int64_t hi_;
};

// scipy _binary_search_for_binom_tst: i in [lo, hi] with a(i) <= d < a(i+1).
template <class F>
std::int64_t binary_search(F a, double d, std::int64_t lo, std::int64_t hi) {
  while (lo < hi) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    const double midval = a(mid);
    if (midval < d) {
      lo = mid + 1;
    } else if (midval > d) {
      hi = mid - 1;
    } else {
      return mid;
    }
  }
  return a(lo) <= d ? lo : lo - 1;
}

}  // namespace

TestStatistic fisher_exact(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
  TestStatistic result;
  if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
    result.statistic = std::numeric_limits<double>::quiet_NaN();
    result.p_value = 1.0;
    return result;
  }
  result.statistic = (c > 0 && b > 0) ? static_cast<double>(a) * static_cast<double>(d) /
                                            (static_cast<double>(c) * static_cast<double>(b))
                                      : std::numeric_limits<double>::infinity();
  const std::uint64_t n1 = a + b;
  const std::uint64_t n2 = c + d;
  const std::uint64_t n = a + c;
  const Hypergeom h(n1 + n2, n1, n);
  const auto x = static_cast<std::int64_t>(a);
  const auto mode = static_cast<std::int64_t>(static_cast<double>(n + 1) * static_cast<double>(n1 + 1) /
                                              static_cast<double>(n1 + n2 + 2));
  const double pexact = h.pmf(x);
  const double pmode = h.pmf(mode);
  constexpr double epsilon = 1e-14;
  const double gamma = 1 + epsilon;
  double p = 1.0;
  if (std::abs(pexact - pmode) / std::max(pexact, pmode) <= epsilon) {
    p = 1.0;
  } else if (x < mode) {
    const double plower = h.cdf(x);
    if (h.pmf(static_cast<std::int64_t>(n)) > pexact * gamma) {
      p = plower;
    } else {
      const std::int64_t guess =
          binary_search([&](std::int64_t k) { return -h.pmf(k); }, -pexact * gamma, mode, static_cast<std::int64_t>(n));
      p = plower + h.sf(guess);
    }
  } else {
    const double pupper = h.sf(x - 1);
    if (h.pmf(0) > pexact * gamma) {
      p = pupper;
    } else {
      const std::int64_t guess = binary_search([&](std::int64_t k) { return h.pmf(k); }, pexact * gamma, 0, mode);
      p = pupper + h.cdf(guess);
    }
  }
  result.p_value = std::min(p, 1.0);
  return result;
}

}  // namespace assay::drift
