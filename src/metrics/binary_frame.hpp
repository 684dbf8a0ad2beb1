#pragma once
// Binary data laid out once in descending score order so that one pass, with
// any row multiplicities, yields every binary metric: the bootstrap's inner
// loop. With unit multiplicities it reproduces the point estimates (tested).

#include <cstdint>
#include <span>
#include <vector>

#include "metrics/binary.hpp"
#include "metrics/ranked.hpp"
#include "metrics/result.hpp"

namespace assay::metrics {

struct BinaryFrame {
  enum Flag : std::uint8_t { kTruth = 1, kPredicted = 2, kGroupEnd = 4 };

  std::vector<std::uint32_t> row;   // original row of each position
  std::vector<std::uint8_t> flags;  // Flag bits per position
  std::vector<double> weight;       // empty: unit weights
  std::vector<double> log_loss;     // per-row log loss; empty without scores
  std::vector<double> brier;        // per-row (y - p)^2; empty unless scores are probabilities
  bool ranked = false;              // positions follow descending scores with tie groups
};

// `ranked` is the score order (nullptr without scores).
BinaryFrame make_binary_frame(const BinaryInputs& inputs, const RankedScores* ranked, double threshold);

// Weighted sums of one pass.
struct BinaryTotals {
  double tn = 0.0, fp = 0.0, fn = 0.0, tp = 0.0;  // confusion at the threshold / prediction
  double auc_area = 0.0;    // sum over groups of fp_g (2 tp_before + tp_g), in (fp, tp) units x 2
  double ap_sum = 0.0;      // sum over groups of tp_g * precision_g
  double positives = 0.0;   // ranked positives / negatives
  double negatives = 0.0;
  double log_loss = 0.0;
  double brier = 0.0;
  double weight = 0.0;
};

template <class Draw>
BinaryTotals accumulate(const BinaryFrame& frame, const Draw& draw) {
  BinaryTotals t;
  double tp_group = 0.0, fp_group = 0.0;
  const bool weighted = !frame.weight.empty();
  const bool scored = !frame.log_loss.empty();
  const bool brier = !frame.brier.empty();
  const std::size_t n = frame.row.size();
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint32_t m = draw(frame.row[j]);
    if (m == 0) {
      if ((frame.flags[j] & BinaryFrame::kGroupEnd) == 0 || (tp_group == 0.0 && fp_group == 0.0)) continue;
    }
    const double w = weighted ? static_cast<double>(m) * frame.weight[j] : static_cast<double>(m);
    const std::uint8_t f = frame.flags[j];
    const bool truth = (f & BinaryFrame::kTruth) != 0;
    const bool predicted = (f & BinaryFrame::kPredicted) != 0;
    (truth ? (predicted ? t.tp : t.fn) : (predicted ? t.fp : t.tn)) += w;
    (truth ? tp_group : fp_group) += w;
    t.weight += w;
    if (scored) t.log_loss += w * frame.log_loss[j];
    if (brier) t.brier += w * frame.brier[j];
    if (f & BinaryFrame::kGroupEnd) {
      t.auc_area += fp_group * (2.0 * t.positives + tp_group);
      t.positives += tp_group;
      t.negatives += fp_group;
      if (tp_group > 0.0) t.ap_sum += tp_group * (t.positives / (t.positives + t.negatives));
      tp_group = 0.0;
      fp_group = 0.0;
    }
  }
  return t;
}

// All binary metrics from one pass's totals, in output order. Curves and best
// thresholds are not functions of the totals and are added by the caller.
void binary_metrics(const BinaryTotals& totals, const BinaryFrame& frame, MetricSet& out);

}  // namespace assay::metrics
