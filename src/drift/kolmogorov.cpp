#include "drift/kolmogorov.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

// A port of scipy/stats/_ksstats.py (scipy 1.10) for the survival function;
// the region boundaries and algorithms are scipy's so the p-values agree.

namespace assay::drift {

namespace {

constexpr int kE128 = 128;
const double kEp128 = std::ldexp(1.0, kE128);
const double kEm128 = std::ldexp(1.0, -kE128);
constexpr double kPi = std::numbers::pi;
const double kSqrt2Pi = std::sqrt(2.0 * kPi);
const double kLog2Pi = std::log(2.0 * kPi);
constexpr double kMinLog = -708.0;

double clip01(double p) { return std::clamp(p, 0.0, 1.0); }

// log(n!/n^n) by Stirling's series with scipy's coefficients.
double log_nfactorial_div_n_pow_n(double n) {
  constexpr std::array<double, 8> coeffs{-2.955065359477124183e-2, 6.4102564102564102564e-3,
                                         -1.9175269175269175269e-3, 8.4175084175084175084e-4,
                                         -5.952380952380952381e-4,  7.9365079365079365079e-4,
                                         -2.7777777777777777778e-3, 8.3333333333333333333e-2};
  const double rn = 1.0 / n;
  const double y = rn / n;
  double poly = 0.0;
  for (const double c : coeffs) poly = poly * y + c;
  return std::log(n) / 2 - n + kLog2Pi / 2 + rn * poly;
}

// Pr(D_n <= d) by the Durbin matrix, Marsaglia-Tsang-Wang form.
double cdf_durbin_matrix(std::int64_t n, double d) {
  if (d >= 1.0) return 1.0;
  const double nd = static_cast<double>(n) * d;
  if (nd <= 0.5) return 0.0;
  const auto k = static_cast<Eigen::Index>(std::ceil(nd));
  const double h = static_cast<double>(k) - nd;
  const Eigen::Index m = 2 * k - 1;
  Eigen::MatrixXd H = Eigen::MatrixXd::Zero(m, m);
  std::vector<double> v(static_cast<std::size_t>(m));
  std::vector<double> w(static_cast<std::size_t>(m));
  double fac = 1.0;
  for (Eigen::Index j = 1; j <= m; ++j) {
    const auto jj = static_cast<std::size_t>(j - 1);
    v[jj] = 1.0 - std::pow(h, static_cast<double>(j));
    w[jj] = fac;
    fac /= static_cast<double>(j);
    v[jj] *= fac;
  }
  const double tt = std::pow(std::max(2 * h - 1.0, 0.0), static_cast<double>(m)) - 2 * std::pow(h, static_cast<double>(m));
  v.back() = (1.0 + tt) * fac;
  for (Eigen::Index i = 1; i < m; ++i) {
    for (Eigen::Index r = i - 1; r < m; ++r) H(r, i) = w[static_cast<std::size_t>(r - (i - 1))];
  }
  for (Eigen::Index r = 0; r < m; ++r) H(r, 0) = v[static_cast<std::size_t>(r)];
  for (Eigen::Index c = 0; c < m; ++c) H(m - 1, c) = v[static_cast<std::size_t>(m - 1 - c)];

  Eigen::MatrixXd power = Eigen::MatrixXd::Identity(m, m);
  long exponent = 0;
  long h_exponent = 0;
  for (std::int64_t nn = n; nn > 0; nn /= 2) {
    if (nn % 2 != 0) {
      power = (power * H).eval();
      exponent += h_exponent;
    }
    H = (H * H).eval();
    h_exponent *= 2;
    if (std::abs(H(k - 1, k - 1)) > kEp128) {
      H /= kEp128;
      h_exponent += kE128;
    }
  }
  double p = power(k - 1, k - 1);
  const double dn = static_cast<double>(n);
  for (std::int64_t i = 1; i <= n; ++i) {
    p = static_cast<double>(i) * p / dn;
    if (std::abs(p) < kEm128) {
      p *= kEp128;
      exponent -= kE128;
    }
  }
  if (exponent != 0) p = std::ldexp(p, static_cast<int>(exponent));
  return clip01(p);
}

struct RowRange {
  std::int64_t j1;
  std::int64_t j2;
};

RowRange pomeranz_j1j2(std::int64_t i, std::int64_t n, std::int64_t ll, std::int64_t ceilf, std::int64_t roundf) {
  std::int64_t j1 = 0;
  std::int64_t j2 = 0;
  if (i == 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const std::int64_t half = (i + 1) / 2;
    if ((i + 1) % 2 == 0) {
      if (half == n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return {std::max<std::int64_t>(j1 + 2, 0), std::min(j2, n)};
}

// Pr(D_n <= d) by the Pomeranz (1974) recursion.
double cdf_pomeranz(std::int64_t n, double x) {
  const double dn = static_cast<double>(n);
  const double t = dn * x;
  const auto ll = static_cast<std::int64_t>(std::floor(t));
  const double f = t - static_cast<double>(ll);
  const double g = std::min(f, 1.0 - f);
  const std::int64_t ceilf = f > 0 ? 1 : 0;
  const std::int64_t roundf = f > 0.5 ? 1 : 0;
  const auto npwrs = static_cast<std::size_t>(2 * (ll + 1));
  std::vector<double> gpower(npwrs), twogpower(npwrs), onem2gpower(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1.0;
  const double g_over_n = g / dn;
  const double two_g_over_n = 2 * g / dn;
  const double one_minus_two_g_over_n = (1 - 2 * g) / dn;
  for (std::size_t m = 1; m < npwrs; ++m) {
    const auto dm = static_cast<double>(m);
    gpower[m] = gpower[m - 1] * g_over_n / dm;
    twogpower[m] = twogpower[m - 1] * two_g_over_n / dm;
    onem2gpower[m] = onem2gpower[m - 1] * one_minus_two_g_over_n / dm;
  }
  std::vector<double> V0(npwrs, 0.0), V1(npwrs, 0.0), conv;
  V1[0] = 1.0;
  std::int64_t V0s = 0;
  std::int64_t V1s = 0;
  long exponent = 0;
  RowRange row = pomeranz_j1j2(0, n, ll, ceilf, roundf);
  const auto len = static_cast<std::int64_t>(npwrs);
  for (std::int64_t i = 1; i < 2 * n + 2; ++i) {
    const std::int64_t k1 = row.j1;
    std::swap(V0, V1);
    std::swap(V0s, V1s);
    std::fill(V1.begin(), V1.end(), 0.0);
    row = pomeranz_j1j2(i, n, ll, ceilf, roundf);
    const std::int64_t j1 = row.j1;
    const std::int64_t j2 = row.j2;
    const std::vector<double>& pwrs = (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 != 0 ? twogpower : onem2gpower);
    const std::int64_t ln2 = j2 - k1 + 1;
    if (ln2 <= 0) continue;
    // numpy slices past the end are truncated; keep that behaviour.
    const std::int64_t a0 = k1 - V0s;
    const std::int64_t a_len = std::max<std::int64_t>(0, std::min(a0 + ln2, len) - a0);
    const std::int64_t b_len = std::min(ln2, len);
    conv.assign(static_cast<std::size_t>(a_len + b_len - 1), 0.0);
    for (std::int64_t p = 0; p < a_len; ++p) {
      const double a = V0[static_cast<std::size_t>(a0 + p)];
      for (std::int64_t q = 0; q < b_len; ++q) conv[static_cast<std::size_t>(p + q)] += a * pwrs[static_cast<std::size_t>(q)];
    }
    const std::int64_t conv_start = j1 - k1;
    const std::int64_t conv_len = j2 - j1 + 1;
    for (std::int64_t q = 0; q < conv_len; ++q) V1[static_cast<std::size_t>(q)] = conv[static_cast<std::size_t>(conv_start + q)];
    const double vmax = *std::max_element(V1.begin(), V1.end());
    if (0 < vmax && vmax < kEm128) {
      for (double& e : V1) e *= kEp128;
      exponent -= kE128;
    }
    V1s = V0s + j1 - k1;
  }
  double ans = V1[static_cast<std::size_t>(n - V1s)];
  for (std::int64_t m = 1; m <= n; ++m) {
    if (std::abs(ans) > kEp128) {
      ans *= kEm128;
      exponent += kE128;
    }
    ans *= static_cast<double>(m);
  }
  if (exponent != 0) ans = std::ldexp(ans, static_cast<int>(exponent));
  return clip01(ans);
}

// The Pelz-Good (1976) asymptotic expansion of Pr(D_n <= x).
double cdf_pelz_good(std::int64_t n, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double dn = static_cast<double>(n);
  const double z = std::sqrt(dn) * x;
  const double z2 = z * z;
  const double z3 = z2 * z;
  const double z4 = z2 * z2;
  const double z6 = z4 * z2;
  const double pi2 = kPi * kPi;
  const double pi4 = pi2 * pi2;
  const double pi6 = pi4 * pi2;
  const double qlog = -pi2 / 8 / z2;
  if (qlog < kMinLog) return 0.0;
  double q = std::exp(qlog);
  const double k1a = -z2;
  const double k1b = pi2 / 4;
  const double k2a = 6 * z6 + 2 * z4;
  const double k2b = (2 * z4 - 5 * z2) * pi2 / 4;
  const double k2c = pi4 * (1 - 2 * z2) / 16;
  const double k3d = pi6 * (5 - 30 * z2) / 64;
  const double k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
  const double k3b = pi2 * (135 * z4 - 96 * z6) / 4;
  const double k3a = -30 * z6 - 90 * std::pow(z, 8);
  std::array<double, 4> K{0, 0, 0, 0};
  const auto maxk = static_cast<std::int64_t>(std::ceil(16 * z / kPi));
  for (std::int64_t k = maxk; k > 0; --k) {
    const double m = static_cast<double>(2 * k - 1);
    const double m2 = m * m;
    const double m4 = m2 * m2;
    const double m6 = m4 * m2;
    const double qpower = std::pow(q, static_cast<double>(8 * k));
    const std::array<double, 4> coeffs{1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4,
                                       k3a + k3b * m2 + k3c * m4 + k3d * m6};
    for (std::size_t i = 0; i < 4; ++i) K[i] = K[i] * qpower + coeffs[i];
  }
  const std::array<double, 4> divisors{z, 6 * z4, 72 * std::pow(z, 7), 6480 * std::pow(z, 10)};
  for (std::size_t i = 0; i < 4; ++i) K[i] = K[i] * q * kSqrt2Pi / divisors[i];
  q = std::exp(-pi2 / 2 / z2);
  const double sqrt3z = std::sqrt(3.0) * z;
  double k2extra = 0.0;
  double k3extra = 0.0;
  for (std::int64_t k = maxk; k > 0; --k) {
    const double kd = static_cast<double>(k);
    const double ksq = kd * kd;
    const double qp = std::pow(q, ksq);
    k2extra += ksq * qp;
    k3extra += (sqrt3z + kPi * kd) * (sqrt3z - kPi * kd) * ksq * qp;
  }
  K[2] += k2extra * pi2 * kSqrt2Pi / (-36 * z3);
  K[3] += k3extra * pi2 * kSqrt2Pi / (216 * z6);
  double sum = 0.0;
  for (std::size_t i = 0; i < 4; ++i) sum += K[i] / std::pow(dn, static_cast<double>(i) / 2.0);
  return sum;
}

}  // namespace

double kstwo_sf(std::int64_t n, double x) {
  if (n <= 0 || std::isnan(x)) return std::nan("");
  if (x >= 1.0) return 0.0;
  if (x <= 0.0) return 1.0;
  const double dn = static_cast<double>(n);
  const double t = dn * x;
  if (t <= 1.0) {  // Ruben-Gambino: 1/2n <= x <= 1/n
    if (t <= 0.5) return 1.0;
    double prob = 1.0;
    if (n <= 140) {
      for (std::int64_t i = 1; i <= n; ++i) prob *= static_cast<double>(i) * (1.0 / dn) * (2 * t - 1);
    } else {
      prob = std::exp(log_nfactorial_div_n_pow_n(dn) + dn * std::log(2 * t - 1));
    }
    return clip01(1.0 - prob);
  }
  if (t >= dn - 1) return clip01(2 * std::pow(1.0 - x, dn));  // Ruben-Gambino
  if (x >= 0.5) return clip01(2 * smirnov_sf(n, x));
  const double nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip01(1.0 - cdf_durbin_matrix(n, x));
    if (nxsquared <= 4) return clip01(1.0 - cdf_pomeranz(n, x));
    return clip01(2 * smirnov_sf(n, x));  // Miller's approximation
  }
  if (nxsquared >= 370.0) return 0.0;
  if (nxsquared >= 2.2) return clip01(2 * smirnov_sf(n, x));
  double cdf = 1.0;
  if (nxsquared < 18.0) {
    cdf = (n <= 100000 && dn * std::pow(x, 1.5) <= 1.4) ? cdf_durbin_matrix(n, x) : cdf_pelz_good(n, x);
  }
  return clip01(1.0 - cdf);
}

}  // namespace assay::drift
