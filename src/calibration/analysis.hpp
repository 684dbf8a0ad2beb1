#pragma once
// Calibration analysis of predicted probabilities against outcomes.
//
// Binary (outcome y in {0, 1}, score p = P(y = 1)):
//   ece           sum_k (n_k / N) |o_k - p_k| over the bins (Naeini et al.
//                 2015; Guo et al. 2017), p_k the mean score and o_k the
//                 observed frequency of bin k
//   mce           max_k |o_k - p_k| over non-empty bins
//   adaptive_ece  the ECE over B equal-mass bins (Nixon et al. 2019;
//                 calibration/binning.hpp, equal_mass_sums)
//   brier_score   (1/N) sum_i (p_i - y_i)^2
//   Murphy (1973) binned decomposition, with o the overall frequency:
//     reliability  (1/N) sum_k n_k (p_k - o_k)^2
//     resolution   (1/N) sum_k n_k (o_k - o)^2
//     uncertainty  o (1 - o)
//   It is exact only when the scores in a bin are equal; in general
//     brier = reliability - resolution + uncertainty
//             + within_bin_variance - within_bin_covariance
//   with within_bin_variance = (1/N) sum_k sum_{i in k} (p_i - p_k)^2 and
//   within_bin_covariance = (2/N) sum_k sum_{i in k} (p_i - p_k)(y_i - o_k)
//   (Stephenson, Coelho & Jolliffe 2008). Both are reported, so the identity
//   can be checked.
//   Hosmer-Lemeshow: H = sum_k (O_k - E_k)^2 / (E_k (1 - E_k / n_k)) over the
//   g non-empty bins (O_k observed positives, E_k the sum of scores), against
//   chi-squared with g - 2 degrees of freedom (Hosmer & Lemeshow 1980). Its
//   classical groups are deciles of risk: --strategy quantile.
//   The reliability curve: per bin, edges, count, mean score, observed
//   frequency and its Wilson score interval (Wilson 1927) at `level`.
// Multiclass (K probability columns): the binary statistics of the top label
// (confidence max_c p_c against "the arg max is the true class", first class
// on ties, Guo et al. 2017): ece, mce, adaptive_ece and the curve; the
// class-wise ECE, the mean over classes of the one-vs-rest ECE (Kull et al.
// 2019); and the Brier score sum_c (p_c - [y = c])^2 averaged over rows
// (Brier 1950). Murphy's decomposition and Hosmer-Lemeshow are binary only.
//
// Undefined values are null with a reason (metrics::Value).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calibration/binning.hpp"
#include "metrics/result.hpp"

namespace assay::calibration {

struct Options {
  std::size_t bins = 10;
  Strategy strategy = Strategy::uniform;
  double level = 0.95;  // of the Wilson intervals
};

struct ReliabilityBin {
  double lower = 0.0;
  double upper = 0.0;
  std::size_t count = 0;
  std::optional<double> mean_score;  // null when the bin is empty
  std::optional<double> frequency;
  std::optional<double> wilson_low;
  std::optional<double> wilson_high;
};

struct ClassCalibration {
  std::string label;
  metrics::Value ece;
  metrics::Value mce;
};

struct Analysis {
  bool multiclass = false;
  std::size_t n = 0;
  metrics::MetricSet metrics;
  std::vector<ReliabilityBin> curve;      // binary: positive class; multiclass: top label
  std::vector<ClassCalibration> per_class;  // multiclass only
  std::vector<std::string> warnings;
};

// Throws core::Error on bad options (bins < 1 or level outside (0, 1)) and
// on empty input. Scores must be in [0, 1] (checked by the caller).
Analysis analyse_binary(std::span<const double> score, std::span<const std::uint8_t> outcome, const Options& options);

// `scores[c][i]`: probability of class c for row i; truth codes in [0, K).
Analysis analyse_multiclass(const std::vector<std::span<const double>>& scores, std::span<const std::int32_t> truth,
                            const std::vector<std::string>& classes, const Options& options);

// The Wilson score interval of k successes in n trials at `level`.
std::pair<double, double> wilson_interval(double successes, double trials, double level);

}  // namespace assay::calibration
