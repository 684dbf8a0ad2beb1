#pragma once
// Binary data laid out once in descending score order so that one pass, with
// any row multiplicities, yields every binary metric: the bootstrap's inner
// loop (DESIGN.md: sort once, resample with weights instead of re-sorting).
// With unit multiplicities it reproduces the point estimates (tested).
//
// The loop is branch-free: tie-group ends and labels are applied as masks,
// and unweighted data accumulate in exact integers.

#include <array>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

#include "metrics/binary.hpp"
#include "metrics/poisson.hpp"
#include "metrics/ranked.hpp"
#include "metrics/result.hpp"

namespace assay::metrics {

struct BinaryFrame {
  enum Flag : std::uint8_t { kTruth = 1, kPredicted = 2, kGroupEnd = 4 };

  std::vector<std::uint64_t> counter;  // PoissonPair::counter of each position's row
  std::vector<std::uint8_t> flags;     // Flag bits per position
  std::vector<double> weight;          // empty: unit weights
  std::vector<double> log_loss;        // per-row log loss; empty without scores
  std::vector<double> brier;           // per-row (y - p)^2; empty unless scores are probabilities
  bool ranked = false;                 // positions follow descending scores with tie groups
};

// `ranked` is the score order (nullptr without scores).
BinaryFrame make_binary_frame(const BinaryInputs& inputs, const RankedScores* ranked, double threshold);

// Weighted sums of one pass.
struct BinaryTotals {
  double tn = 0.0, fp = 0.0, fn = 0.0, tp = 0.0;  // confusion at the threshold / prediction
  double auc_area = 0.0;   // sum over tie groups of fp_g (2 tp_before + tp_g)
  double ap_sum = 0.0;     // sum over tie groups of tp_g * precision_g
  double positives = 0.0;  // ranked positives / negatives
  double negatives = 0.0;
  double log_loss = 0.0;
  double brier = 0.0;
  double weight = 0.0;
};

// What a pass computes; less is faster when only some intervals are asked for.
enum BinaryParts : unsigned { kAuc = 1, kAveragePrecision = 2, kThresholdAndLoss = 4, kAllParts = 7 };

namespace detail {

template <class A>
struct Lane {
  A tp_group{}, fp_group{}, positives{}, negatives{}, area{}, c_tp{}, c_fp{}, c_pos{}, total{};
  double ap = 0.0, log_loss = 0.0, brier = 0.0;
};

// x when bit is 1, else 0.
template <class A>
inline A keep(A x, unsigned bit) noexcept {
  if constexpr (std::is_integral_v<A>) {
    return x & (A{0} - static_cast<A>(bit));
  } else {
    return x * static_cast<double>(bit);
  }
}

template <class A, unsigned Parts>
inline void step(Lane<A>& a, A m, unsigned truth, unsigned predicted, unsigned end, const BinaryFrame& frame,
                 std::size_t j) noexcept {
  const A wt = keep(m, truth);
  a.tp_group += wt;
  a.fp_group += m - wt;
  if constexpr ((Parts & kThresholdAndLoss) != 0) {
    a.c_tp += keep(wt, predicted);
    a.c_fp += keep(m - wt, predicted);
    a.c_pos += wt;
    a.total += m;
    if (!frame.log_loss.empty()) a.log_loss += static_cast<double>(m) * frame.log_loss[j];
    if (!frame.brier.empty()) a.brier += static_cast<double>(m) * frame.brier[j];
  }
  a.area += keep(a.fp_group * (A{2} * a.positives + a.tp_group), end);
  a.positives += keep(a.tp_group, end);
  a.negatives += keep(a.fp_group, end);
  if constexpr ((Parts & kAveragePrecision) != 0) {
    const auto pos = static_cast<double>(a.positives);
    const double seen = pos + static_cast<double>(a.negatives);
    a.ap += static_cast<double>(keep(a.tp_group, end)) * pos / (seen + (seen == 0.0 ? 1.0 : 0.0));
  }
  a.tp_group = keep(a.tp_group, end ^ 1u);
  a.fp_group = keep(a.fp_group, end ^ 1u);
}

template <class A>
BinaryTotals totals_of(const Lane<A>& a) {
  BinaryTotals t;
  t.tp = static_cast<double>(a.c_tp);
  t.fp = static_cast<double>(a.c_fp);
  t.fn = static_cast<double>(a.c_pos - a.c_tp);
  t.tn = static_cast<double>(a.total - a.c_pos - a.c_fp);
  t.auc_area = static_cast<double>(a.area);
  t.ap_sum = a.ap;
  t.positives = static_cast<double>(a.positives);
  t.negatives = static_cast<double>(a.negatives);
  t.log_loss = a.log_loss;
  t.brier = a.brier;
  t.weight = static_cast<double>(a.total);
  return t;
}

template <class A, unsigned Parts, class Draws>
std::array<BinaryTotals, 2> accumulate_pair(const BinaryFrame& frame, const Draws& draws) {
  Lane<A> even, odd;
  const std::size_t n = frame.counter.size();
  for (std::size_t j = 0; j < n; ++j) {
    const auto m = draws.at_counter(frame.counter[j]);
    const unsigned f = frame.flags[j];
    const unsigned truth = f & 1u, predicted = (f >> 1) & 1u, end = (f >> 2) & 1u;
    if constexpr (std::is_integral_v<A>) {
      step<A, Parts>(even, A{m[0]}, truth, predicted, end, frame, j);
      step<A, Parts>(odd, A{m[1]}, truth, predicted, end, frame, j);
    } else {
      step<A, Parts>(even, m[0] * frame.weight[j], truth, predicted, end, frame, j);
      step<A, Parts>(odd, m[1] * frame.weight[j], truth, predicted, end, frame, j);
    }
  }
  return {totals_of(even), totals_of(odd)};
}

}  // namespace detail

// Totals of resamples 2p and 2p + 1 drawn by `draws`; `parts` is a BinaryParts mask.
std::array<BinaryTotals, 2> accumulate_pair(const BinaryFrame& frame, const PoissonPair& draws, unsigned parts);

// Totals with every multiplicity 1: the point estimates (for tests).
BinaryTotals accumulate_unit(const BinaryFrame& frame);

// All binary metrics from one pass's totals. Curves and best thresholds are
// not functions of the totals.
void binary_metrics(const BinaryTotals& totals, const BinaryFrame& frame, MetricSet& out);

}  // namespace assay::metrics
