#include "drift/distances.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "stats/compensated_sum.hpp"

namespace assay::drift {

namespace {

using Sum = stats::CompensatedSum;

// integral |F_a - F_b|^p dx over the pooled support, for p = 1 or 2: a
// walk over the merged order one element at a time. Inside a run of equal
// values the step to the next value is 0, so the CDFs need no tie handling
// (as scipy's sum over np.diff of all pooled values). The loop is branch-free
// in the comparison, which matters: which side is next is unpredictable.
template <int P>
double cdf_distance(std::span<const double> a, std::span<const double> b) {
  const std::size_t na = a.size();
  const std::size_t nb = b.size();
  const double inv_a = 1.0 / static_cast<double>(na);
  const double inv_b = 1.0 / static_cast<double>(nb);
  const double* pa = a.data();
  const double* pb = b.data();
  std::size_t i = 0;
  std::size_t j = 0;
  auto next = [&]() {
    const bool take_a = j == nb || (i < na && pa[i] <= pb[j]);
    const double v = take_a ? pa[i] : pb[j];
    i += take_a ? 1 : 0;
    j += take_a ? 0 : 1;
    return v;
  };
  Sum sum;
  double prev = next();
  while (i + j < na + nb) {
    const double diff = static_cast<double>(i) * inv_a - static_cast<double>(j) * inv_b;
    const double v = next();
    const double delta = v - prev;
    sum.add(P == 1 ? std::abs(diff) * delta : diff * diff * delta);
    prev = v;
  }
  return sum.value();
}

double total(std::span<const double> v) {
  Sum s;
  for (const double x : v) s.add(x);
  return s.value();
}

// x log(x/y) with scipy.special.rel_entr's conventions.
double rel_entr(double x, double y) {
  if (x > 0 && y > 0) return x * std::log(x / y);
  if (x == 0 && y >= 0) return 0.0;
  return INFINITY;
}

}  // namespace

double wasserstein_distance(std::span<const double> a, std::span<const double> b) { return cdf_distance<1>(a, b); }

double energy_distance(std::span<const double> a, std::span<const double> b) {
  return std::numbers::sqrt2 * std::sqrt(cdf_distance<2>(a, b));
}

double jensen_shannon(std::span<const double> p, std::span<const double> q) {
  const double sp = total(p);
  const double sq = total(q);
  Sum js;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double pi = p[i] / sp;
    const double qi = q[i] / sq;
    const double m = (pi + qi) / 2.0;
    js.add(rel_entr(pi, m));
    js.add(rel_entr(qi, m));
  }
  return std::sqrt(std::max(js.value(), 0.0) / 2.0);
}

double kl_divergence(std::span<const double> p, std::span<const double> q) {
  const double sp = total(p);
  const double sq = total(q);
  Sum kl;
  for (std::size_t i = 0; i < p.size(); ++i) kl.add(rel_entr(p[i] / sp, q[i] / sq));
  return kl.value();
}

double psi(std::span<const double> p, std::span<const double> q) {
  Sum s;
  for (std::size_t i = 0; i < p.size(); ++i) s.add((p[i] - q[i]) * std::log(p[i] / q[i]));
  return s.value();
}

double hellinger(std::span<const double> p, std::span<const double> q) {
  const double sp = total(p);
  const double sq = total(q);
  Sum s;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double d = std::sqrt(p[i] / sp) - std::sqrt(q[i] / sq);
    s.add(d * d);
  }
  return std::sqrt(s.value() / 2.0);
}

double total_variation(std::span<const double> p, std::span<const double> q) {
  const double sp = total(p);
  const double sq = total(q);
  Sum s;
  for (std::size_t i = 0; i < p.size(); ++i) s.add(std::abs(p[i] / sp - q[i] / sq));
  return s.value() / 2.0;
}

std::vector<double> smooth_proportions(std::span<const double> counts, double epsilon) {
  const double n = total(counts);
  std::vector<double> out(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i) out[i] = counts[i] == 0 ? epsilon : counts[i] / n;
  return out;
}

}  // namespace assay::drift
