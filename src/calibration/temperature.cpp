#include "calibration/temperature.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace assay::calibration {

namespace {

struct Derivatives {
  double first = 0.0;   // d NLL / d beta
  double second = 0.0;  // d2 NLL / d beta2
};

Derivatives derivatives(const std::vector<std::span<const double>>& z, std::span<const std::int32_t> truth, double beta) {
  Derivatives d;
  const std::size_t k = z.size();
  std::vector<double> e(k);
  for (std::size_t i = 0; i < truth.size(); ++i) {
    double top = -INFINITY;
    for (std::size_t c = 0; c < k; ++c) top = std::max(top, beta * z[c][i]);
    double sum = 0.0, mean = 0.0, square = 0.0;
    for (std::size_t c = 0; c < k; ++c) {
      e[c] = std::exp(beta * z[c][i] - top);
      sum += e[c];
    }
    for (std::size_t c = 0; c < k; ++c) {
      const double q = e[c] / sum;
      mean += q * z[c][i];
      square += q * z[c][i] * z[c][i];
    }
    d.first += mean - z[static_cast<std::size_t>(truth[i])][i];
    d.second += std::max(0.0, square - mean * mean);
  }
  return d;
}

}  // namespace

double fit_temperature(const std::vector<std::span<const double>>& logits, std::span<const std::int32_t> truth) {
  if (truth.empty()) throw core::Error("temperature scaling needs at least one row");
  // The derivative increases with beta; bracket its root in (lo, hi].
  if (derivatives(logits, truth, 0.0).first >= 0.0) {
    throw core::Error("temperature scaling: the scores carry no information about the target (the NLL falls as T grows "
                      "without bound)");
  }
  double lo = 0.0, hi = 1.0;
  while (derivatives(logits, truth, hi).first < 0.0) {
    lo = hi;
    hi *= 2.0;
    if (hi > 1e12) {
      throw core::Error("temperature scaling: the scores separate the classes perfectly (the NLL falls as T goes to 0)");
    }
  }
  double beta = (lo + hi) / 2.0;
  for (int iteration = 0; iteration < 200; ++iteration) {
    const Derivatives d = derivatives(logits, truth, beta);
    if (d.first < 0.0) {
      lo = beta;
    } else {
      hi = beta;
    }
    double next = d.second > 0.0 ? beta - d.first / d.second : (lo + hi) / 2.0;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2.0;  // Newton left the bracket: bisect
    if (std::abs(next - beta) <= 1e-15 * beta || hi - lo <= 1e-15 * hi) {
      beta = next;
      break;
    }
    beta = next;
  }
  return 1.0 / beta;
}

void apply_temperature(std::span<const double> z, double temperature, std::span<double> out) {
  double top = -INFINITY;
  for (const double v : z) top = std::max(top, v / temperature);
  double sum = 0.0;
  for (std::size_t c = 0; c < z.size(); ++c) {
    out[c] = std::exp(z[c] / temperature - top);
    sum += out[c];
  }
  for (double& v : out) v /= sum;
}

}  // namespace assay::calibration
