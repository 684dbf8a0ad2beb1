#include "metrics/multiclass.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "metrics/binary_frame.hpp"
#include "metrics/confusion.hpp"
#include "metrics/ranked.hpp"
#include "stats/compensated_sum.hpp"

namespace assay::metrics {

bool in_top_k(const ScoreColumns& scores, std::size_t row, std::int32_t truth, std::size_t k) noexcept {
  const auto t = static_cast<std::size_t>(truth);
  const double own = scores[t][row];
  std::size_t ahead = 0;
  for (std::size_t c = 0; c < scores.size(); ++c) {
    const double s = scores[c][row];
    ahead += (s > own || (s == own && c > t)) ? 1 : 0;
  }
  return ahead < k;
}

std::int32_t argmax(const ScoreColumns& scores, std::size_t row) noexcept {
  std::size_t best = 0;
  for (std::size_t c = 1; c < scores.size(); ++c) {
    if (scores[c][row] > scores[best][row]) best = c;
  }
  return static_cast<std::int32_t>(best);
}

namespace {

void check(const MulticlassInputs& in, const MulticlassOptions& options) {
  const std::size_t n = in.truth.size();
  if (!in.predicted.empty() && in.predicted.size() != n) throw core::Error("multiclass metrics: prediction length differs");
  if (!in.weight.empty() && in.weight.size() != n) throw core::Error("multiclass metrics: weight length differs");
  if (in.predicted.empty() && in.scores.empty()) throw core::Error("multiclass metrics need a prediction or scores");
  if (!in.scores.empty() && in.scores.size() != options.classes.size()) {
    throw core::Error(fmt::format("multiclass metrics: {} score columns for {} classes", in.scores.size(),
                                  options.classes.size()));
  }
  for (const auto& column : in.scores) {
    if (column.size() != n) throw core::Error("multiclass metrics: score column length differs");
  }
}

// Everything one pass over the rows in their order yields, for any row
// multiplicities: the confusion state, log loss and top-k hits.
struct MulticlassRowTotals {
  Confusion confusion;
  double log_loss = 0.0;
  double top_k = 0.0;
  double weight = 0.0;
};

// Per-row data laid out for the resampling pass.
struct RowFrame {
  std::vector<std::uint64_t> counter;  // PoissonPair::counter of each row
  std::vector<std::int32_t> cell;    // truth * K + predicted
  std::vector<double> log_loss;      // empty without scores
  std::vector<std::uint8_t> top_k;   // empty without scores
  std::vector<double> weight;        // empty: unit
};

struct ClassAuc {
  BinaryFrame frame;  // class c against the rest, in the order of score column c
};

void add_score_metrics(const MulticlassInputs& in, const MulticlassOptions& options, const Confusion& state,
                       Result& result) {
  const std::size_t classes = options.classes.size();
  result.metrics.set("log_loss", multiclass_log_loss(in.truth, in.scores, in.weight));
  const std::size_t k = options.k;
  stats::CompensatedSum hits, total;
  for (std::size_t i = 0; i < in.truth.size(); ++i) {
    const double w = in.weight.empty() ? 1.0 : in.weight[i];
    hits.add(in_top_k(in.scores, i, in.truth[i], k) ? w : 0.0);
    total.add(w);
  }
  result.metrics.set("top_k_accuracy",
                     Value::of(hits.value() / total.value(),
                               k >= classes ? fmt::format("k = {} covers all {} classes: always 1", k, classes) : ""));

  // One-vs-rest: roc_auc of each class against the rest, averaged
  // (scikit-learn's _average_binary_score); undefined, as scikit-learn
  // raises, when a class has no positive or no negative rows.
  std::vector<std::uint8_t> is_class(in.truth.size());
  double macro = 0.0, weighted = 0.0, support = 0.0;
  std::string undefined;
  for (std::size_t c = 0; c < classes; ++c) {
    for (std::size_t i = 0; i < is_class.size(); ++i) is_class[i] = in.truth[i] == static_cast<std::int32_t>(c) ? 1 : 0;
    const RankedScores ranked = rank_scores(in.scores[c], in.weight);
    const Value auc = roc_auc(threshold_counts(ranked, is_class, in.weight));
    result.per_class[c].metrics.set("roc_auc", auc);
    if (!auc.value) {
      if (undefined.empty()) undefined = fmt::format("class '{}': {}", options.classes[c], auc.reason);
      continue;
    }
    const double s = state.true_weight(c);
    macro += *auc.value;
    weighted += *auc.value * s;
    support += s;
  }
  if (!undefined.empty()) {
    result.metrics.set("roc_auc_ovr", Value::undefined(undefined));
    result.metrics.set("roc_auc_ovr_weighted", Value::undefined(undefined));
  } else {
    result.metrics.set("roc_auc_ovr", Value::of(macro / static_cast<double>(classes)));
    result.metrics.set("roc_auc_ovr_weighted", Value::of(weighted / support));
  }
  if (const std::size_t bad = count_rows_not_summing_to_one(in.scores); bad > 0) {
    result.warnings.push_back(fmt::format(
        "{} of {} rows have scores that do not sum to 1: log_loss renormalises them (as scikit-learn), "
        "roc_auc_ovr is computed anyway (scikit-learn refuses)",
        bad, in.truth.size()));
  }
  std::size_t outside = 0;
  for (const auto& column : in.scores) outside += count_outside_unit(column);
  if (outside > 0) {
    result.warnings.push_back(fmt::format("{} scores are outside [0, 1]: log_loss clips them to [eps, 1 - eps] (eps = 2.2e-16, as scikit-learn 1.2)", outside));
  }
}

// The metrics of a resample from its row totals and per-class AUC totals.
void resample_metrics(const MulticlassRowTotals& rows, const std::vector<BinaryTotals>& aucs, bool scored, MetricSet& out) {
  add_agreement_metrics(rows.confusion, out);
  add_averaged_prf(rows.confusion, out);
  if (!scored || rows.weight == 0.0) return;
  out.set("log_loss", Value::of(rows.log_loss / rows.weight));
  out.set("top_k_accuracy", Value::of(rows.top_k / rows.weight));
  double macro = 0.0, weighted = 0.0, support = 0.0;
  for (std::size_t c = 0; c < aucs.size(); ++c) {
    if (!aucs[c].auc.defined()) return;
    const double auc = aucs[c].auc.value();
    macro += auc;
    weighted += auc * aucs[c].auc.positives;
    support += aucs[c].auc.positives;
  }
  out.set("roc_auc_ovr", Value::of(macro / static_cast<double>(aucs.size())));
  out.set("roc_auc_ovr_weighted", Value::of(weighted / support));
}

BootstrapSummary resample(const MulticlassInputs& in, std::span<const std::int32_t> predicted,
                          const MulticlassOptions& options, const MetricSet& point) {
  const std::size_t classes = options.classes.size();
  const bool scored = !in.scores.empty();
  std::vector<std::string> candidates;
  for (const auto& item : point.items()) {
    if (item.value.value) candidates.push_back(item.name);
  }
  const std::vector<std::string> names = select_metrics(candidates, options.bootstrap);

  RowFrame rows;
  const std::size_t n = in.truth.size();
  rows.cell.resize(n);
  rows.counter.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    rows.cell[i] = in.truth[i] * static_cast<std::int32_t>(classes) + predicted[i];
    rows.counter[i] = PoissonPair::counter(i);
  }
  if (!in.weight.empty()) rows.weight.assign(in.weight.begin(), in.weight.end());
  if (scored) {
    rows.log_loss.resize(n);
    rows.top_k.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      rows.log_loss[i] = multiclass_log_loss_term(in.scores, i, in.truth[i]);
      rows.top_k[i] = in_top_k(in.scores, i, in.truth[i], options.k) ? 1 : 0;
    }
  }
  std::vector<ClassAuc> ovr;
  if (scored) {
    std::vector<std::uint8_t> is_class(n);
    for (std::size_t c = 0; c < classes; ++c) {
      for (std::size_t i = 0; i < n; ++i) is_class[i] = in.truth[i] == static_cast<std::int32_t>(c) ? 1 : 0;
      const RankedScores ranked = rank_scores(in.scores[c], in.weight);
      const BinaryInputs binary{.truth = is_class, .score = in.scores[c], .weight = in.weight};
      ovr.push_back(ClassAuc{make_binary_frame(binary, &ranked, 0.5, options.bootstrap.paired)});
    }
  }

  return bootstrap_pairs(names, options.bootstrap,
                         [&](const PoissonPair& draws, std::span<double> even, std::span<double> odd) {
                           std::array<MulticlassRowTotals, 2> totals{MulticlassRowTotals{Confusion(classes)}, MulticlassRowTotals{Confusion(classes)}};
                           // Branch-free: a row drawn 0 times adds zeros.
                           double* cell_weight[2] = {totals[0].confusion.weight.data(), totals[1].confusion.weight.data()};
                           double* cell_count[2] = {totals[0].confusion.count.data(), totals[1].confusion.count.data()};
                           double log_loss[2] = {0.0, 0.0}, top_k[2] = {0.0, 0.0}, weight[2] = {0.0, 0.0};
                           for (std::size_t i = 0; i < n; ++i) {
                             const auto m = draws.at_counter(rows.counter[i]);
                             const double w = rows.weight.empty() ? 1.0 : rows.weight[i];
                             const auto cell = static_cast<std::size_t>(rows.cell[i]);
                             for (std::size_t h = 0; h < 2; ++h) {
                               const double mw = m[h] * w;
                               cell_weight[h][cell] += mw;
                               cell_count[h][cell] += m[h];
                               weight[h] += mw;
                               if (scored) {
                                 log_loss[h] += mw * rows.log_loss[i];
                                 top_k[h] += rows.top_k[i] ? mw : 0.0;
                               }
                             }
                           }
                           for (std::size_t h = 0; h < 2; ++h) {
                             totals[h].log_loss = log_loss[h];
                             totals[h].top_k = top_k[h];
                             totals[h].weight = weight[h];
                           }
                           std::array<std::vector<BinaryTotals>, 2> aucs;
                           for (const auto& c : ovr) {
                             const auto pair = accumulate_pair(c.frame, draws, kAuc);
                             aucs[0].push_back(pair[0]);
                             aucs[1].push_back(pair[1]);
                           }
                           for (std::size_t h = 0; h < 2; ++h) {
                             MetricSet set;
                             resample_metrics(totals[h], aucs[h], scored, set);
                             std::span<double> values = h == 0 ? even : odd;
                             for (std::size_t k = 0; k < names.size(); ++k) {
                               values[k] = set.get(names[k]).value_or(std::nan(""));
                             }
                           }
                         });
}

}  // namespace

Result evaluate_multiclass(const MulticlassInputs& in, const MulticlassOptions& options) {
  check(in, options);
  const std::size_t classes = options.classes.size();
  Result result;
  result.task = Task::multiclass;
  result.n = in.truth.size();

  std::vector<std::int32_t> derived;
  std::span<const std::int32_t> predicted = in.predicted;
  if (predicted.empty()) {
    derived.resize(in.truth.size());
    for (std::size_t i = 0; i < derived.size(); ++i) derived[i] = argmax(in.scores, i);
    predicted = derived;
  }
  const Confusion state = confusion_of(in.truth, predicted, in.weight, classes);
  add_agreement_metrics(state, result.metrics);
  add_averaged_prf(state, result.metrics);
  result.confusion = ConfusionTable{options.classes, state.weight};
  for (std::size_t c = 0; c < classes; ++c) {
    const ClassScores s = class_scores(state, c);
    ClassReport report{.label = options.classes[c]};
    report.metrics.set("precision", Value::of(s.precision, s.precision_undefined ? "never predicted: 0 by zero_division" : ""));
    report.metrics.set("recall", Value::of(s.recall, s.recall_undefined ? "no true rows: 0 by zero_division" : ""));
    report.metrics.set("f1", Value::of(s.f1));
    report.metrics.set("support", Value::of(s.support));
    result.per_class.push_back(std::move(report));
  }

  if (in.scores.empty()) {
    const char* why = "no score columns: score-based metrics need --scores";
    for (const std::string_view name : score_metrics(Task::multiclass)) {
      result.metrics.set(name, Value::undefined(why));
    }
  } else {
    add_score_metrics(in, options, state, result);
  }

  result.metrics.put_first({"accuracy", "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro",
                            "precision_micro", "recall_micro", "f1_micro", "precision_weighted", "recall_weighted",
                            "f1_weighted", "mcc", "cohen_kappa"});
  result.bootstrap.level = options.bootstrap.level;
  result.bootstrap.seed = options.bootstrap.seed;
  if (options.bootstrap.resamples > 0) result.bootstrap = resample(in, predicted, options, result.metrics);
  return result;
}

}  // namespace assay::metrics
