#include "metrics/probability.hpp"

#include <algorithm>
#include <cmath>

#include "stats/compensated_sum.hpp"

namespace assay::metrics {

double binary_log_loss_term(double p, bool positive) noexcept {
  const double clipped = std::clamp(p, kLogLossEps, 1.0 - kLogLossEps);
  const double negative = 1.0 - clipped;
  const double total = negative + clipped;
  return -std::log((positive ? clipped : negative) / total);
}

namespace {

// sum(w * term) / sum(w), undefined when sum(w) == 0.
template <class Term>
Value weighted_mean(std::size_t n, std::span<const double> weight, Term term) {
  stats::CompensatedSum num, den;
  for (std::size_t i = 0; i < n; ++i) {
    const double w = weight.empty() ? 1.0 : weight[i];
    num.add(w * term(i));
    den.add(w);
  }
  if (den.value() == 0.0) return Value::undefined("the sample weights sum to zero");
  return Value::of(num.value() / den.value());
}

}  // namespace

std::size_t count_outside_unit(std::span<const double> score) noexcept {
  std::size_t outside = 0;
  for (const double p : score) outside += (p < 0.0 || p > 1.0) ? 1 : 0;
  return outside;
}

double multiclass_log_loss_term(const ScoreColumns& scores, std::size_t row, std::int32_t truth) noexcept {
  double total = 0.0;
  for (const auto& column : scores) total += std::clamp(column[row], kLogLossEps, 1.0 - kLogLossEps);
  const double p = std::clamp(scores[static_cast<std::size_t>(truth)][row], kLogLossEps, 1.0 - kLogLossEps);
  return -std::log(p / total);
}

Value multiclass_log_loss(std::span<const std::int32_t> truth, const ScoreColumns& scores,
                          std::span<const double> weight) {
  return weighted_mean(truth.size(), weight,
                       [&](std::size_t i) { return multiclass_log_loss_term(scores, i, truth[i]); });
}

std::size_t count_rows_not_summing_to_one(const ScoreColumns& scores) noexcept {
  if (scores.empty()) return 0;
  std::size_t bad = 0;
  for (std::size_t i = 0; i < scores.front().size(); ++i) {
    double s = 0.0;
    for (const auto& column : scores) s += column[i];
    bad += std::abs(1.0 - s) <= 1e-8 + 1e-5 * std::abs(s) ? 0 : 1;
  }
  return bad;
}

}  // namespace assay::metrics
