#pragma once
// Binary data laid out once in descending score order so that one pass, with
// any row multiplicities, yields every binary metric: the bootstrap's inner
// loop (DESIGN.md: sort once, resample with weights instead of re-sorting).
// With unit multiplicities it reproduces the point estimates (tested).
//
// The pass has two phases per chunk of rows. The row phase draws each row's
// multiplicities (two resamples per hash) and sums them per tie group,
// branch-free and in exact integers when unweighted. The group phase then
// turns the group sums into the AUC area, average precision and -- since all
// rows of a group share a score, a positive row's log loss and Brier terms
// are the group's -- the loss sums, and reads the confusion matrix at the
// threshold off the group where the score falls below it.

#include <array>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

#include "metrics/binary.hpp"
#include "metrics/poisson.hpp"
#include "metrics/poisson_sum.hpp"
#include "metrics/ranked.hpp"
#include "metrics/result.hpp"
#include "stats/roc_auc.hpp"

namespace assay::metrics {

// Positions are rows, or -- for unweighted scores -- cells: the rows of one
// tie group with one label and one prediction, which no metric tells apart.
// A cell of c rows is drawn once as Poisson(c) (metrics/poisson_sum.hpp),
// exactly the law of the sum of its rows' Poisson(1) multiplicities; with 10
// rows per distinct score that is 10 times fewer draws. Without scores the
// cells are the (truth, prediction) pairs: at most four, whatever the rows.
struct BinaryFrame {
  enum Flag : std::uint8_t { kTruth = 1, kPredicted = 2, kGroupEnd = 4 };

  std::vector<std::uint64_t> counter;  // PoissonPair::counter of each position (row or cell index)
  std::vector<std::uint32_t> count;    // rows in each cell; empty when positions are rows
  std::vector<std::uint8_t> flags;     // Flag bits per position
  std::vector<double> weight;          // empty: unit weights
  // Per tie group: the log loss and Brier terms of a positive and of a
  // negative row (empty without scores; Brier empty unless probabilities).
  std::vector<double> log_loss_positive, log_loss_negative, brier_positive, brier_negative;
  std::size_t groups_predicted = 0;  // leading groups with score >= threshold
  bool ranked = false;               // positions follow descending scores (else every row is a group)
  bool prediction_column = false;    // predictions come from a column, not the threshold
};

// `ranked` is the score order (nullptr without scores). `by_row` keeps one
// position per row even for unweighted scores, so each row's draws depend on
// its row index alone (BootstrapOptions::paired).
BinaryFrame make_binary_frame(const BinaryInputs& inputs, const RankedScores* ranked, double threshold,
                              bool by_row = false);

// Weighted sums of one pass.
struct BinaryTotals {
  double tn = 0.0, fp = 0.0, fn = 0.0, tp = 0.0;  // confusion at the threshold / prediction
  stats::RocAucState<double> auc;  // weighted positives, negatives and 2U
  double ap_sum = 0.0;             // sum over tie groups of tp_g * precision_g
  double log_loss = 0.0;
  double brier = 0.0;
};

// What a pass computes; less is faster when only some intervals are asked for.
enum BinaryParts : unsigned { kAuc = 1, kAveragePrecision = 2, kThresholdAndLoss = 4, kAllParts = 7 };

namespace detail {

// x when bit is 1, else 0.
template <class A>
inline A keep(A x, unsigned bit) noexcept {
  if constexpr (std::is_integral_v<A>) {
    return x & (A{0} - static_cast<A>(bit));
  } else {
    return bit ? x : 0.0;
  }
}

template <class A>
struct GroupTotals {
  stats::RocAucState<A> auc;  // also the running positives and negatives
  A confusion_tp{}, confusion_fp{};  // predictions from a column: summed per row
  double ap = 0.0, log_loss = 0.0, brier = 0.0;
};

// Draws of position j: per row, or per cell of frame.count[j] rows.
[[gnu::always_inline]] inline std::array<std::uint32_t, 2> draw_at(const PoissonPair& draws, const BinaryFrame& frame,
                                                                   std::size_t j, const PoissonSums& sums) noexcept {
  return frame.count.empty() ? draws.at_counter(frame.counter[j]) : sums.cell(draws, frame.counter[j], frame.count[j]);
}

// Every row drawn once: the data themselves.
struct UnitDraws {};
[[gnu::always_inline]] inline std::array<std::uint32_t, 2> draw_at(const UnitDraws&, const BinaryFrame& frame,
                                                                   std::size_t j, const PoissonSums&) noexcept {
  const std::uint32_t c = frame.count.empty() ? 1 : frame.count[j];
  return {c, c};
}

template <class A, unsigned Parts, bool PredictionColumn, class Draws>
std::array<BinaryTotals, 2> accumulate_pair(const BinaryFrame& frame, const Draws& draws) {
  const PoissonSums& sums = PoissonSums::instance();
  constexpr std::size_t kChunk = 4096;
  const std::size_t n = frame.counter.size();
  std::vector<A> buffer(4 * kChunk);  // group sums of a chunk: tp and fp of each lane
  A* tp_buffer[2] = {buffer.data(), buffer.data() + kChunk};
  A* fp_buffer[2] = {buffer.data() + 2 * kChunk, buffer.data() + 3 * kChunk};
  A tp_group[2] = {}, fp_group[2] = {};
  GroupTotals<A> lane[2];
  A cut_tp[2] = {}, cut_fp[2] = {};
  std::size_t group_base = 0;
  for (std::size_t start = 0; start < n; start += kChunk) {
    const std::size_t end = std::min(n, start + kChunk);
    std::size_t g = 0;
    for (std::size_t j = start; j < end; ++j) {
      const auto m = draw_at(draws, frame, j, sums);
      const unsigned f = frame.flags[j];
      const unsigned truth = f & 1u, predicted = (f >> 1) & 1u, last = (f >> 2) & 1u;
      for (std::size_t h = 0; h < 2; ++h) {
        A w;
        if constexpr (std::is_integral_v<A>) {
          w = A{m[h]};
        } else {
          w = static_cast<double>(m[h]) * frame.weight[j];
        }
        const A wt = keep(w, truth);
        tp_group[h] += wt;
        fp_group[h] += w - wt;
        if constexpr (PredictionColumn) {
          lane[h].confusion_tp += keep(wt, predicted);
          lane[h].confusion_fp += keep(w - wt, predicted);
        }
        tp_buffer[h][g] = tp_group[h];
        fp_buffer[h][g] = fp_group[h];
        tp_group[h] = keep(tp_group[h], last ^ 1u);
        fp_group[h] = keep(fp_group[h], last ^ 1u);
      }
      g += last;
    }
    for (std::size_t h = 0; h < 2; ++h) {
      GroupTotals<A>& t = lane[h];
      for (std::size_t k = 0; k < g; ++k) {
        const A tp = tp_buffer[h][k], fp = fp_buffer[h][k];
        t.auc.add_group(tp, fp);
        if constexpr ((Parts & kAveragePrecision) != 0) {
          const auto pos = static_cast<double>(t.auc.positives);
          const double seen = pos + static_cast<double>(t.auc.negatives);
          t.ap += static_cast<double>(tp) * pos / (seen == 0.0 ? 1.0 : seen);
        }
        if constexpr ((Parts & kThresholdAndLoss) != 0) {
          const std::size_t group = group_base + k;
          if (!frame.log_loss_positive.empty()) {
            t.log_loss += static_cast<double>(tp) * frame.log_loss_positive[group] +
                          static_cast<double>(fp) * frame.log_loss_negative[group];
          }
          if (!frame.brier_positive.empty()) {
            t.brier += static_cast<double>(tp) * frame.brier_positive[group] +
                       static_cast<double>(fp) * frame.brier_negative[group];
          }
          if (group + 1 == frame.groups_predicted) [[unlikely]] {
            cut_tp[h] = t.auc.positives;
            cut_fp[h] = t.auc.negatives;
          }
        }
      }
    }
    group_base += g;
  }
  std::array<BinaryTotals, 2> out;
  for (std::size_t h = 0; h < 2; ++h) {
    const GroupTotals<A>& t = lane[h];
    BinaryTotals& o = out[h];
    const A tp = PredictionColumn ? t.confusion_tp : cut_tp[h];
    const A fp = PredictionColumn ? t.confusion_fp : cut_fp[h];
    o.tp = static_cast<double>(tp);
    o.fp = static_cast<double>(fp);
    o.fn = static_cast<double>(t.auc.positives - tp);
    o.tn = static_cast<double>(t.auc.negatives - fp);
    o.auc = {static_cast<double>(t.auc.positives), static_cast<double>(t.auc.negatives),
             static_cast<double>(t.auc.twice_u)};
    o.ap_sum = t.ap;
    o.log_loss = t.log_loss;
    o.brier = t.brier;
  }
  return out;
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
