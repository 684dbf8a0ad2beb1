#pragma once
// Temperature scaling (Guo et al. 2017): multiclass logits z are divided by
// one temperature T > 0 before the softmax; T minimises the negative
// log-likelihood of the true classes. With beta = 1 / T the NLL
//   sum_i logsumexp(beta z_i) - beta z_{i, y_i}
// is convex in beta (derivative sum_i E[z_i] - z_{i, y_i} under
// softmax(beta z_i), second derivative the softmax variance of z_i), so a
// safeguarded Newton iteration on beta finds the minimum to full precision.
//
// Inputs in log-probability space are the logs of probabilities clipped to
// [2.2e-16, 1] (log loss's epsilon); softmax(log p / T) = p^(1/T) / sum p^(1/T).

#include <cstdint>
#include <span>
#include <vector>

namespace assay::calibration {

// `logits[c][i]`: the logit (or log-probability) of class c for row i.
// Throws core::Error when no finite positive temperature minimises the NLL
// (scores that carry no information, or classes separated perfectly).
double fit_temperature(const std::vector<std::span<const double>>& logits, std::span<const std::int32_t> truth);

// softmax(z / T) of one row, written to `out`.
void apply_temperature(std::span<const double> z, double temperature, std::span<double> out);

}  // namespace assay::calibration
