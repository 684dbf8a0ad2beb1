#include "metrics/binary.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_invoke.h>
#include <oneapi/tbb/parallel_reduce.h>

#include <array>

#include <cmath>

#include "core/error.hpp"
#include "metrics/binary_frame.hpp"
#include "metrics/confusion.hpp"
#include "metrics/probability.hpp"
#include "metrics/ranked.hpp"
#include "stats/compensated_sum.hpp"

namespace assay::metrics {

namespace {

void check_lengths(const BinaryInputs& in) {
  const std::size_t n = in.truth.size();
  auto same = [n](std::size_t m) { return m == 0 || m == n; };
  if (!same(in.predicted.size()) || !same(in.score.size()) || !same(in.weight.size())) {
    throw core::Error(fmt::format("binary metrics: inputs differ in length (truth {}, predicted {}, score {}, weight {})",
                                  n, in.predicted.size(), in.score.size(), in.weight.size()));
  }
  if (in.predicted.empty() && in.score.empty()) {
    throw core::Error("binary metrics need a prediction or a score");
  }
}

// Names of the metrics that get bootstrap intervals, in output order.
std::vector<std::string> interval_metrics(const MetricSet& metrics) {
  std::vector<std::string> names;
  for (const auto& item : metrics.items()) {
    if (item.name.find("threshold") != std::string::npos || item.name == "best_f1" || item.name == "youden_j") continue;
    if (item.value.value) names.push_back(item.name);
  }
  return names;
}

// The cheapest pass that yields `names`.
unsigned parts_for(const std::vector<std::string>& names) {
  unsigned parts = 0;
  for (const auto& name : names) {
    if (name == "roc_auc") {
      parts |= kAuc;
    } else if (name == "average_precision") {
      parts |= kAuc | kAveragePrecision;
    } else {
      parts = kAllParts;
    }
  }
  return parts == 0 ? kAllParts : parts;
}

void fill(const BinaryTotals& totals, const BinaryFrame& frame, const std::vector<std::string>& names,
          std::span<double> values) {
  MetricSet resampled;
  binary_metrics(totals, frame, resampled);
  for (std::size_t k = 0; k < names.size(); ++k) values[k] = resampled.get(names[k]).value_or(std::nan(""));
}

// Row-wise sums: the weighted confusion matrix (cells truth * 2 + predicted),
// log loss and Brier numerators, scores outside [0, 1].
struct BinaryRowTotals {
  std::array<double, 4> weight{};
  std::array<double, 4> count{};
  stats::CompensatedSum log_loss, brier;
  std::size_t outside = 0;

  void merge(const BinaryRowTotals& o) {
    for (std::size_t c = 0; c < 4; ++c) {
      weight[c] += o.weight[c];
      count[c] += o.count[c];
    }
    log_loss.merge(o.log_loss);
    brier.merge(o.brier);
    outside += o.outside;
  }
};

// In parallel blocks of 2^16 rows combined in a fixed tree (TBB's
// deterministic reduce): the same sums whatever the thread count. Inside a
// block plain sums (error < 2^16 eps), across blocks compensated ones.
BinaryRowTotals row_totals(const BinaryInputs& in, double threshold) {
  const bool derive = in.predicted.empty();
  const bool scored = !in.score.empty();
  return tbb::parallel_deterministic_reduce(
      tbb::blocked_range<std::size_t>(0, in.truth.size(), std::size_t{1} << 16), BinaryRowTotals{},
      [&](const tbb::blocked_range<std::size_t>& range, BinaryRowTotals totals) {
        std::array<double, 4> weight{}, count{};
        double log_loss = 0.0, brier = 0.0;
        std::size_t outside = 0;
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
          const std::uint8_t truth = in.truth[i];
          const double w = in.weight.empty() ? 1.0 : in.weight[i];
          std::uint8_t predicted = 0;
          if (scored) {
            const double p = in.score[i];
            predicted = derive ? (p >= threshold ? 1 : 0) : in.predicted[i];
            log_loss += w * binary_log_loss_term(p, truth != 0);
            const double d = static_cast<double>(truth) - p;
            brier += w * d * d;
            outside += (p < 0.0 || p > 1.0) ? 1 : 0;
          } else {
            predicted = in.predicted[i];
          }
          const std::size_t cell = static_cast<std::size_t>(truth) * 2 + predicted;
          weight[cell] += w;
          count[cell] += 1.0;
        }
        for (std::size_t c = 0; c < 4; ++c) {
          totals.weight[c] += weight[c];
          totals.count[c] += count[c];
        }
        totals.log_loss.add(log_loss);
        totals.brier.add(brier);
        totals.outside += outside;
        return totals;
      },
      [](BinaryRowTotals a, const BinaryRowTotals& b) {
        a.merge(b);
        return a;
      },
      tbb::simple_partitioner());
}

}  // namespace

Result evaluate_binary(const BinaryInputs& in, const BinaryOptions& options) {
  check_lengths(in);
  Result result;
  result.task = Task::binary;
  result.n = in.truth.size();

  // The sort and what follows from it run beside the row-wise metrics.
  std::optional<RankedScores> ranked;
  ThresholdCounts counts;
  BinaryRowTotals rows;
  tbb::parallel_invoke(
      [&] {
        if (in.score.empty()) return;
        ranked = rank_scores(in.score, in.weight);
        counts = threshold_counts(*ranked, in.truth, in.weight);
      },
      [&] { rows = row_totals(in, options.threshold); });

  Confusion confusion(2);
  for (std::size_t cell = 0; cell < 4; ++cell) {
    confusion.weight[cell] = rows.weight[cell];
    confusion.count[cell] = rows.count[cell];
  }
  const double total = rows.weight[0] + rows.weight[1] + rows.weight[2] + rows.weight[3];
  Value log_loss = total > 0.0 ? Value::of(rows.log_loss.value() / total) : Value::undefined("the weights sum to zero");
  Value brier = total > 0.0 ? Value::of(rows.brier.value() / total) : Value::undefined("the weights sum to zero");
  const std::size_t outside = rows.outside;
  if (outside > 0) {
    brier = Value::undefined(fmt::format("{} scores are outside [0, 1]; the Brier score needs probabilities", outside));
  }
  add_agreement_metrics(confusion, result.metrics);
  add_binary_prf(confusion, 1, result.metrics);
  result.confusion = ConfusionTable{{options.negative_label, options.positive_label}, confusion.weight};

  if (in.score.empty()) {
    const char* why = "no score column: score-based metrics need --score";
    for (const std::string_view name : score_metrics(Task::binary)) {
      result.metrics.set(name, Value::undefined(why));
    }
  } else {
    result.metrics.set("roc_auc", roc_auc(counts));
    result.metrics.set("average_precision", average_precision(counts));
    result.metrics.set("log_loss", log_loss);
    result.metrics.set("brier_score", brier);
    if (outside > 0) {
      result.warnings.push_back(fmt::format(
          "{} of {} scores are outside [0, 1]: log_loss clips them to [eps, 1 - eps] (eps = 2.2e-16, as scikit-learn "
          "1.2), brier_score is undefined",
          outside, in.score.size()));
    }
    if (const auto best = best_f1_threshold(counts)) {
      result.metrics.set("best_f1_threshold", Value::of(best->threshold));
      result.metrics.set("best_f1", Value::of(best->value));
    }
    if (const auto best = best_youden_threshold(counts)) {
      result.metrics.set("youden_j_threshold", Value::of(best->threshold));
      result.metrics.set("youden_j", Value::of(best->value));
    }
    if (counts.positives() > 0.0 && counts.negatives() > 0.0) {
      result.roc = roc_curve(counts, options.curve_points);
    }
    if (counts.positives() > 0.0) result.pr = pr_curve(counts, options.curve_points);
  }
  result.metrics.put_first({"accuracy", "balanced_accuracy", "precision", "recall", "f1", "specificity", "mcc",
                            "cohen_kappa"});

  if (options.bootstrap.resamples > 0) {
    const BinaryFrame frame = make_binary_frame(in, ranked ? &*ranked : nullptr, options.threshold, options.bootstrap.paired);
    const std::vector<std::string> names = select_metrics(interval_metrics(result.metrics), options.bootstrap);
    const unsigned parts = parts_for(names);
    result.bootstrap = bootstrap_pairs(names, options.bootstrap,
                                       [&](const PoissonPair& draws, std::span<double> even, std::span<double> odd) {
                                         const auto totals = accumulate_pair(frame, draws, parts);
                                         fill(totals[0], frame, names, even);
                                         fill(totals[1], frame, names, odd);
                                       });
  } else {
    result.bootstrap.level = options.bootstrap.level;
    result.bootstrap.seed = options.bootstrap.seed;
  }
  return result;
}

}  // namespace assay::metrics
