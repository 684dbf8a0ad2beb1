#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>

#include "drift/kolmogorov.hpp"

// One-sided Smirnov survival function Pr(D_n^+ >= x), following the
// structure of scipy.special.smirnov (cephes/kolmogorov.c, van Mulbregt
// 2018): the same special cases, the same choice between the lower
// (Birnbaum-Tingey) and upper (Dwass) sums and the same early exit. cephes
// keeps terms in double-double; here they are long double, in log space for
// the all-positive lower sum, which is accurate far beyond 1e-10 relative.

namespace assay::drift {

namespace {

constexpr double kMinLog = -7.08396418532264106224E2;  // cephes MINLOG
constexpr std::int64_t kMaxComputeN = 1000000;          // SMIRNOV_MAX_COMPUTE_N
constexpr std::int64_t kUpperSumMinN = 10;
constexpr std::int64_t kUpperMaxTerms = 3;

}  // namespace

double smirnov_sf(std::int64_t n, double x) {
  if (!(n > 0 && x >= 0.0 && x <= 1.0)) return std::nan("");
  if (n == 1) return 1 - x;
  if (x == 0.0) return 1.0;
  if (x == 1.0) return 0.0;
  const double dn = static_cast<double>(n);

  // floor(n x) and its fractional part alpha, exactly (two-product).
  const double hi = dn * x;
  const double lo = std::fma(dn, x, -hi);
  const double hi_floor = std::floor(hi);
  auto nxfl = static_cast<std::int64_t>(hi_floor);
  double alpha = (hi - hi_floor) + lo;
  if (alpha < 0) {
    nxfl -= 1;
    alpha += 1.0;
  }
  if (alpha >= 1.0) {
    nxfl += 1;
    alpha = 0.0;
  }
  std::int64_t n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
  std::int64_t n1mxceil = n - nxfl;
  if (alpha == 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  const long double ln = static_cast<long double>(n);
  const long double lx = x;

  if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {  // x <= 1/n
    const long double t = std::pow(1.0L + lx, static_cast<long double>(n - 1));
    return std::clamp(static_cast<double>(1.0L - lx * t), 0.0, 1.0);
  }
  if (-2 * dn * x * x < kMinLog) return 0.0;
  if (nxfl >= n - 1) return static_cast<double>(std::pow(1.0L - lx, ln));
  if (n > kMaxComputeN) {  // p ~ exp(-(6nx+1)^2 / 18n)
    const double logp = -std::pow(6.0 * dn * x + 1, 2) / 18.0 / dn;
    if (logp < -std::numbers::ln2) return std::exp(logp);
    return 1 - (-std::expm1(logp));
  }

  const std::int64_t upper_terms = n - n1mxceil + 1;
  const bool use_upper = (upper_terms <= 1 && x < 0.5) ||
                         (n >= kUpperSumMinN && upper_terms <= kUpperMaxTerms && x <= 0.5 / std::sqrt(dn));
  // Both bases in terms of the exact split n x = nxfl + alpha:
  //   x + v/n = (nxfl + v + alpha)/n,  1 - x - v/n = (n - nxfl - v - alpha)/n.
  const long double la = alpha;
  const auto lxfl = static_cast<long double>(nxfl);
  if (use_upper) {
    long double sum = std::pow(1.0L + lx, ln - 1);  // v = n
    long double log_binom = 0.0L;
    for (std::int64_t j = 1; j < upper_terms; ++j) {
      const std::int64_t v = n - j;
      log_binom += std::log((ln - static_cast<long double>(j - 1)) / static_cast<long double>(j));
      const long double b1 = (lxfl + static_cast<long double>(v) + la) / ln;
      const long double b2 = (ln - lxfl - static_cast<long double>(v) - la) / ln;
      sum += std::exp(log_binom) * std::pow(b1, static_cast<long double>(v - 1)) *
             std::pow(b2, static_cast<long double>(n - v));
    }
    return std::clamp(static_cast<double>(1.0L - lx * sum), 0.0, 1.0);
  }

  const std::int64_t terms = n1mxfl + 1;
  const std::int64_t vmid = n / 2;
  long double sum = std::pow(1.0L - lx, ln) / lx;  // v = 0
  long double log_binom = 0.0L;
  for (std::int64_t v = 1; v < terms; ++v) {
    log_binom += std::log((ln - static_cast<long double>(v - 1)) / static_cast<long double>(v));
    const long double b1 = (lxfl + static_cast<long double>(v) + la) / ln;
    const long double b2 = (ln - lxfl - static_cast<long double>(v) - la) / ln;
    const long double log_term =
        log_binom + static_cast<long double>(v - 1) * std::log(b1) + static_cast<long double>(n - v) * std::log(b2);
    const long double term = std::exp(log_term);
    if (std::isfinite(term)) sum += term;
    if (term != 0.0L) {
      if (4.0L * static_cast<long double>(terms - v) * term < DBL_EPSILON * sum && v != terms - 1) break;
    } else if (v > vmid) {
      break;
    }
  }
  return std::clamp(static_cast<double>(lx * sum), 0.0, 1.0);
}

}  // namespace assay::drift
