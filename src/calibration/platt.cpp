#include "calibration/platt.hpp"

#include <cmath>

#include "core/error.hpp"

namespace assay::calibration {

namespace {

// log(1 + e^u) without overflow.
double softplus(double u) noexcept { return u > 0 ? u + std::log1p(std::exp(-u)) : std::log1p(std::exp(u)); }

double sigmoid(double u) noexcept {
  if (u >= 0) return 1.0 / (1.0 + std::exp(-u));
  const double e = std::exp(u);
  return e / (1.0 + e);
}

struct Targets {
  double positive;  // t+ = (N+ + 1) / (N+ + 2)
  double negative;  // t- = 1 / (N- + 2)
};

// The loss sum_i t_i softplus(u_i) + (1 - t_i) softplus(-u_i), u = a f + b:
// -[t log P + (1 - t) log(1 - P)] with P = 1 / (1 + e^u).
double loss(const Platt& p, std::span<const double> f, std::span<const std::uint8_t> y, const Targets& t) {
  double sum = 0.0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const double u = p.a * f[i] + p.b;
    const double target = y[i] != 0 ? t.positive : t.negative;
    sum += target * softplus(u) + (1.0 - target) * softplus(-u);
  }
  return sum;
}

}  // namespace

double Platt::apply(double f) const noexcept { return sigmoid(-(a * f + b)); }

Platt fit_platt(std::span<const double> score, std::span<const std::uint8_t> outcome) {
  double positives = 0.0;
  for (const std::uint8_t y : outcome) positives += y != 0 ? 1.0 : 0.0;
  const double negatives = static_cast<double>(outcome.size()) - positives;
  if (positives == 0.0 || negatives == 0.0) throw core::Error("Platt scaling needs both outcomes in the data");
  const Targets t{(positives + 1.0) / (positives + 2.0), 1.0 / (negatives + 2.0)};
  Platt p{0.0, std::log((negatives + 1.0) / (positives + 1.0))};
  double current = loss(p, score, outcome, t);
  for (int iteration = 0; iteration < 200; ++iteration) {
    // d loss / du = sigmoid(u) - (1 - t); d2 / du2 = sigmoid(u)(1 - sigmoid(u)).
    double ga = 0.0, gb = 0.0, haa = 0.0, hab = 0.0, hbb = 0.0;
    for (std::size_t i = 0; i < score.size(); ++i) {
      const double f = score[i];
      const double s = sigmoid(p.a * f + p.b);
      const double target = outcome[i] != 0 ? t.positive : t.negative;
      const double g = s - (1.0 - target);
      const double h = s * (1.0 - s);
      ga += g * f;
      gb += g;
      haa += h * f * f;
      hab += h * f;
      hbb += h;
    }
    // Platt's safeguard: a tiny ridge keeps the Hessian invertible.
    haa += 1e-12;
    hbb += 1e-12;
    const double det = haa * hbb - hab * hab;
    const double da = -(hbb * ga - hab * gb) / det;
    const double db = -(haa * gb - hab * ga) / det;
    double step = 1.0;
    Platt next = p;
    double trial = current;
    for (; step >= 1e-10; step /= 2.0) {
      next = {p.a + step * da, p.b + step * db};
      trial = loss(next, score, outcome, t);
      if (trial <= current + 1e-4 * step * (ga * da + gb * db)) break;
    }
    if (step < 1e-10) break;  // no decrease left to find
    p = next;
    current = trial;
    if (std::abs(step * da) <= 1e-12 * (1.0 + std::abs(p.a)) && std::abs(step * db) <= 1e-12 * (1.0 + std::abs(p.b))) break;
  }
  return p;
}

}  // namespace assay::calibration
