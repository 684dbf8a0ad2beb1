#include "metrics/binary_frame.hpp"

#include <array>

#include "metrics/confusion.hpp"
#include "metrics/probability.hpp"

namespace assay::metrics {

namespace {

// Unweighted scores: one position per non-empty (tie group, truth,
// prediction) cell, in group order.
void fill_cells(BinaryFrame& frame, const BinaryInputs& inputs, const RankedScores& ranked) {
  std::size_t j = 0;
  std::size_t cell = 0;
  for (const std::uint32_t end : ranked.group_end) {
    std::array<std::uint32_t, 4> rows{};  // by truth * 2 + predicted
    for (; j < end; ++j) {
      const std::uint32_t i = ranked.order[j];
      const unsigned predicted = frame.prediction_column && inputs.predicted[i] != 0 ? 1 : 0;
      ++rows[(inputs.truth[i] != 0 ? 2 : 0) + predicted];
    }
    const std::size_t first = frame.count.size();
    for (unsigned c = 0; c < 4; ++c) {
      if (rows[c] == 0) continue;
      frame.counter.push_back(PoissonPair::counter(cell++));
      frame.count.push_back(rows[c]);
      frame.flags.push_back(static_cast<std::uint8_t>((c >> 1 ? BinaryFrame::kTruth : 0) |
                                                      (c & 1 ? BinaryFrame::kPredicted : 0)));
    }
    if (frame.count.size() > first) frame.flags.back() |= BinaryFrame::kGroupEnd;
  }
}

// Unweighted predictions without scores: every metric reads the confusion
// matrix alone, so the rows are at most four cells (truth, prediction), each
// drawn as one Poisson(count). Each cell is its own group: with no scores
// there is no ranking for groups to follow.
void fill_confusion_cells(BinaryFrame& frame, const BinaryInputs& inputs) {
  std::array<std::uint32_t, 4> rows{};  // by truth * 2 + predicted
  for (std::size_t i = 0; i < inputs.truth.size(); ++i) {
    ++rows[(inputs.truth[i] != 0 ? 2 : 0) + (inputs.predicted[i] != 0 ? 1 : 0)];
  }
  std::size_t cell = 0;
  for (unsigned c = 0; c < 4; ++c) {
    if (rows[c] == 0) continue;
    frame.counter.push_back(PoissonPair::counter(cell++));
    frame.count.push_back(rows[c]);
    frame.flags.push_back(static_cast<std::uint8_t>((c >> 1 ? BinaryFrame::kTruth : 0) |
                                                    (c & 1 ? BinaryFrame::kPredicted : 0) | BinaryFrame::kGroupEnd));
  }
}

}  // namespace

BinaryFrame make_binary_frame(const BinaryInputs& inputs, const RankedScores* ranked, double threshold, bool by_row) {
  BinaryFrame frame;
  const bool scored = ranked != nullptr;
  frame.ranked = scored;
  frame.prediction_column = !inputs.predicted.empty();
  if (scored && inputs.weight.empty() && !by_row) {
    fill_cells(frame, inputs, *ranked);
  } else if (!scored && frame.prediction_column && inputs.weight.empty() && !by_row) {
    fill_confusion_cells(frame, inputs);
  } else {
    const std::size_t n = scored ? ranked->order.size() : inputs.truth.size();
    frame.counter.resize(n);
    frame.flags.resize(n);
    if (!inputs.weight.empty()) frame.weight.resize(n);
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t i = scored ? ranked->order[j] : j;
      const bool truth = inputs.truth[i] != 0;
      const bool predicted = frame.prediction_column && inputs.predicted[i] != 0;
      frame.counter[j] = PoissonPair::counter(i);
      frame.flags[j] = static_cast<std::uint8_t>((truth ? BinaryFrame::kTruth : 0) |
                                                 (predicted ? BinaryFrame::kPredicted : 0) |
                                                 (scored ? 0 : BinaryFrame::kGroupEnd));
      if (!frame.weight.empty()) frame.weight[j] = inputs.weight[i];
    }
    if (scored) {
      for (const std::uint32_t end : ranked->group_end) frame.flags[end - 1] |= BinaryFrame::kGroupEnd;
    }
  }
  if (!scored) return frame;
  const std::size_t groups = ranked->group_end.size();
  const bool probabilities = count_outside_unit(inputs.score) == 0;
  frame.log_loss_positive.resize(groups);
  frame.log_loss_negative.resize(groups);
  if (probabilities) {
    frame.brier_positive.resize(groups);
    frame.brier_negative.resize(groups);
  }
  for (std::size_t g = 0; g < groups; ++g) {
    const double p = ranked->group_score[g];
    frame.log_loss_positive[g] = binary_log_loss_term(p, true);
    frame.log_loss_negative[g] = binary_log_loss_term(p, false);
    if (probabilities) {
      frame.brier_positive[g] = (1.0 - p) * (1.0 - p);
      frame.brier_negative[g] = p * p;
    }
    if (p >= threshold) frame.groups_predicted = g + 1;
  }
  return frame;
}

namespace {

template <class A, bool PredictionColumn, class Draws>
std::array<BinaryTotals, 2> dispatch_parts(const BinaryFrame& frame, const Draws& draws, unsigned parts) {
  switch (parts) {
    case kAuc: return detail::accumulate_pair<A, kAuc, PredictionColumn>(frame, draws);
    case kAuc | kAveragePrecision:
      return detail::accumulate_pair<A, kAuc | kAveragePrecision, PredictionColumn>(frame, draws);
    default: return detail::accumulate_pair<A, kAllParts, PredictionColumn>(frame, draws);
  }
}

template <class A, class Draws>
std::array<BinaryTotals, 2> dispatch(const BinaryFrame& frame, const Draws& draws, unsigned parts) {
  return frame.prediction_column ? dispatch_parts<A, true>(frame, draws, parts)
                                 : dispatch_parts<A, false>(frame, draws, parts);
}

}  // namespace

std::array<BinaryTotals, 2> accumulate_pair(const BinaryFrame& frame, const PoissonPair& draws, unsigned parts) {
  if (!frame.ranked) parts = kAuc;  // without scores only the confusion matrix is read
  return frame.weight.empty() ? dispatch<std::uint64_t>(frame, draws, parts) : dispatch<double>(frame, draws, parts);
}

BinaryTotals accumulate_unit(const BinaryFrame& frame) {
  return frame.weight.empty() ? dispatch<std::uint64_t>(frame, detail::UnitDraws{}, kAllParts)[0]
                              : dispatch<double>(frame, detail::UnitDraws{}, kAllParts)[0];
}

void binary_metrics(const BinaryTotals& totals, const BinaryFrame& frame, MetricSet& out) {
  Confusion confusion(2);
  confusion.update(0, 0, totals.tn);
  confusion.update(0, 1, totals.fp);
  confusion.update(1, 0, totals.fn);
  confusion.update(1, 1, totals.tp);
  add_agreement_metrics(confusion, out);
  add_binary_prf(confusion, 1, out);
  if (!frame.ranked) return;
  const double p = totals.auc.positives;
  const double n = totals.auc.negatives;
  out.set("roc_auc", totals.auc.defined() ? Value::of(totals.auc.value())
                                          : Value::undefined("only one class present in the target"));
  out.set("average_precision", p > 0.0 ? Value::of(totals.ap_sum / p) : Value::of(0.0, "no positive rows"));
  const double total = p + n;
  if (total == 0.0) return;
  out.set("log_loss", Value::of(totals.log_loss / total));
  if (!frame.brier_positive.empty()) out.set("brier_score", Value::of(totals.brier / total));
}

}  // namespace assay::metrics
