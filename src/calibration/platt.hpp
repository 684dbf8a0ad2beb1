#pragma once
// Platt scaling (Platt 1999) as scikit-learn 1.2's _SigmoidCalibration:
// P(y = 1 | f) = 1 / (1 + exp(a f + b)), fitted by minimising the
// cross-entropy against smoothed targets t+ = (N+ + 1) / (N+ + 2) for
// positives and t- = 1 / (N- + 2) for negatives, from a = 0,
// b = log((N- + 1) / (N+ + 1)). scikit-learn runs BFGS (gtol 1e-5 on the
// summed loss); we take Newton steps with a halving line search (Lin, Lin &
// Weng 2007) until the step is below 1e-12, which reaches the same minimum
// more tightly (predictions agree to ~1e-8 in our tests).

#include <cstdint>
#include <span>

namespace assay::calibration {

struct Platt {
  double a = 0.0;
  double b = 0.0;
  double apply(double f) const noexcept;
};

// `score`: any finite decision values; outcomes 0/1 with both present.
Platt fit_platt(std::span<const double> score, std::span<const std::uint8_t> outcome);

}  // namespace assay::calibration
