#include "drift/anderson.hpp"

#include <Eigen/Dense>

#include <array>
#include <cmath>

#include "drift/merged.hpp"

namespace assay::drift {

namespace {

// scipy's interpolation: np.polyfit(critical, log(sig), 2) then polyval.
double interpolate_p(double a2, const std::array<double, 7>& critical, const std::array<double, 7>& sig) {
  Eigen::Matrix<double, 7, 3> X;
  Eigen::Matrix<double, 7, 1> y;
  for (int i = 0; i < 7; ++i) {
    X(i, 0) = critical[static_cast<std::size_t>(i)] * critical[static_cast<std::size_t>(i)];
    X(i, 1) = critical[static_cast<std::size_t>(i)];
    X(i, 2) = 1.0;
    y(i) = std::log(sig[static_cast<std::size_t>(i)]);
  }
  const Eigen::Vector3d coef = X.colPivHouseholderQr().solve(y);
  return std::exp((coef(0) * a2 + coef(1)) * a2 + coef(2));
}

}  // namespace

std::optional<AndersonResult> anderson_2samp(std::span<const double> a, std::span<const double> b) {
  const double n1 = static_cast<double>(a.size());
  const double n2 = static_cast<double>(b.size());
  const double N = n1 + n2;
  if (a.empty() || b.empty() || N < 4) return std::nullopt;

  // A2akN (eq. 7): Bj midrank position of the j-th distinct pooled value,
  // Mij the midrank count of sample i at or below it.
  double sum_a = 0.0;
  double sum_b = 0.0;
  std::size_t distinct = 0;
  std::size_t below = 0;  // pooled values < current
  for_each_distinct(a, b, [&](const DistinctStep& s) {
    ++distinct;
    const double lj = static_cast<double>(s.count_a + s.count_b);
    const double Bj = static_cast<double>(below) + lj / 2.0;
    const double denom = Bj * (N - Bj) - N * lj / 4.0;
    const double Ma = static_cast<double>(s.cum_a) - static_cast<double>(s.count_a) / 2.0;
    const double Mb = static_cast<double>(s.cum_b) - static_cast<double>(s.count_b) / 2.0;
    const double ta = N * Ma - Bj * n1;
    const double tb = N * Mb - Bj * n2;
    sum_a += lj / N * ta * ta / denom;
    sum_b += lj / N * tb * tb / denom;
    below += s.count_a + s.count_b;
  });
  if (distinct < 2) return std::nullopt;
  const double A2kN = (sum_a / n1 + sum_b / n2) * (N - 1.0) / N;

  // Variance of A2kN under the null (Scholz & Stephens eq. 4), k = 2.
  const double k = 2.0;
  const double H = 1.0 / n1 + 1.0 / n2;
  double hs = 0.0;  // running cumsum of 1/(N-1), 1/(N-2), ..., 1/2
  double g = 0.0;
  const auto total = static_cast<std::size_t>(N);
  for (std::size_t i = 1; i + 1 < total; ++i) {
    hs += 1.0 / static_cast<double>(total - i);
    g += hs / static_cast<double>(i + 1);
  }
  const double h = hs + 1.0;
  const double aa = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const double bb = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const double cc = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const double dd = (2 * h + 6) * k * k - 4 * h * k;
  const double sigmasq = (aa * N * N * N + bb * N * N + cc * N + dd) / ((N - 1.0) * (N - 2.0) * (N - 3.0));
  const double m = k - 1;
  const double A2 = (A2kN - m) / std::sqrt(sigmasq);

  // Table 2 of Scholz & Stephens: critical values for these significances.
  constexpr std::array<double, 7> b0{0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
  constexpr std::array<double, 7> b1{-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
  constexpr std::array<double, 7> b2{-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
  constexpr std::array<double, 7> sig{0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};
  std::array<double, 7> critical{};
  for (std::size_t i = 0; i < 7; ++i) critical[i] = b0[i] + b1[i] / std::sqrt(m) + b2[i] / m;

  AndersonResult result;
  result.statistic = A2;
  if (A2 < critical.front()) {
    result.p_value = 0.25;
    result.capped = true;
  } else if (A2 > critical.back()) {
    result.p_value = 0.001;
    result.capped = true;
  } else {
    result.p_value = interpolate_p(A2, critical, sig);
  }
  return result;
}

}  // namespace assay::drift
