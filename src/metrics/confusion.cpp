#include "metrics/confusion.hpp"

#include <cmath>
#include <string>

namespace assay::metrics {

void Confusion::merge(const Confusion& other) noexcept {
  for (std::size_t i = 0; i < weight.size(); ++i) {
    weight[i] += other.weight[i];
    count[i] += other.count[i];
  }
}

double Confusion::total_weight() const noexcept {
  double sum = 0.0;
  for (const double w : weight) sum += w;
  return sum;
}

double Confusion::true_weight(std::size_t c) const noexcept {
  double sum = 0.0;
  for (std::size_t p = 0; p < classes; ++p) sum += weight[c * classes + p];
  return sum;
}

double Confusion::predicted_weight(std::size_t c) const noexcept {
  double sum = 0.0;
  for (std::size_t t = 0; t < classes; ++t) sum += weight[t * classes + c];
  return sum;
}

bool Confusion::present(std::size_t c) const noexcept {
  for (std::size_t k = 0; k < classes; ++k) {
    if (count[c * classes + k] > 0.0 || count[k * classes + c] > 0.0) return true;
  }
  return false;
}

Confusion confusion_of(std::span<const std::int32_t> truth, std::span<const std::int32_t> predicted,
                       std::span<const double> weight, std::size_t classes) {
  Confusion state(classes);
  for (std::size_t i = 0; i < truth.size(); ++i) {
    state.update(truth[i], predicted[i], weight.empty() ? 1.0 : weight[i]);
  }
  return state;
}

void add_agreement_metrics(const Confusion& state, MetricSet& out) {
  const std::size_t k = state.classes;
  std::vector<double> t_sum(k), p_sum(k);
  double trace = 0.0;
  for (std::size_t c = 0; c < k; ++c) {
    t_sum[c] = state.true_weight(c);
    p_sum[c] = state.predicted_weight(c);
    trace += state.weight[c * k + c];
  }
  double n = 0.0;
  for (const double p : p_sum) n += p;
  if (n == 0.0) {
    const char* why = "the sample weights sum to zero";
    for (const char* name : {"accuracy", "balanced_accuracy", "mcc", "cohen_kappa"}) out.set(name, Value::undefined(why));
    return;
  }
  out.set("accuracy", Value::of(trace / n));

  // balanced_accuracy_score: mean recall over classes with true rows; a class
  // only predicted has 0/0 recall and is dropped, as scikit-learn does.
  double recall_sum = 0.0;
  std::size_t recall_classes = 0;
  bool dropped = false;
  for (std::size_t c = 0; c < k; ++c) {
    if (t_sum[c] != 0.0) {
      recall_sum += state.weight[c * k + c] / t_sum[c];
      ++recall_classes;
    } else if (state.present(c)) {
      dropped = true;
    }
  }
  out.set("balanced_accuracy",
          Value::of(recall_sum / static_cast<double>(recall_classes),
                    dropped ? "classes predicted but absent from the target are left out (as scikit-learn)" : ""));

  // matthews_corrcoef: Gorodkin (2004) K-category correlation, in the form
  // scikit-learn computes it.
  double tp_dot = 0.0, pp_dot = 0.0, tt_dot = 0.0;
  for (std::size_t c = 0; c < k; ++c) {
    tp_dot += t_sum[c] * p_sum[c];
    pp_dot += p_sum[c] * p_sum[c];
    tt_dot += t_sum[c] * t_sum[c];
  }
  const double cov_ytyp = trace * n - tp_dot;
  const double cov_ypyp = n * n - pp_dot;
  const double cov_ytyt = n * n - tt_dot;
  if (cov_ypyp * cov_ytyt == 0.0) {
    out.set("mcc", Value::of(0.0, "one class only in the target or the prediction: 0 by scikit-learn's convention"));
  } else {
    out.set("mcc", Value::of(cov_ytyp / std::sqrt(cov_ytyt * cov_ypyp)));
  }

  // cohen_kappa_score (Cohen 1960) with unit disagreement weights.
  double observed = 0.0, expected = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      if (i == j) continue;
      observed += state.weight[i * k + j];
      expected += p_sum[i] * t_sum[j] / n;
    }
  }
  if (expected == 0.0) {
    out.set("cohen_kappa", Value::undefined("chance disagreement is zero (one class only in both target and prediction)"));
  } else {
    out.set("cohen_kappa", Value::of(1.0 - observed / expected));
  }
}

ClassScores class_scores(const Confusion& state, std::size_t c) {
  ClassScores s;
  const double tp = state.weight[c * state.classes + c];
  const double predicted = state.predicted_weight(c);
  s.support = state.true_weight(c);
  s.precision_undefined = predicted == 0.0;
  s.recall_undefined = s.support == 0.0;
  s.precision = s.precision_undefined ? 0.0 : tp / predicted;
  s.recall = s.recall_undefined ? 0.0 : tp / s.support;
  const double denom = s.precision + s.recall;
  s.f1 = denom == 0.0 ? 0.0 : 2.0 * s.precision * s.recall / denom;
  return s;
}

namespace {

constexpr const char* kNoPredicted = "no rows predicted positive: 0 by scikit-learn's zero_division";
constexpr const char* kNoTrue = "no positive rows in the target: 0 by scikit-learn's zero_division";

}  // namespace

void add_binary_prf(const Confusion& state, std::size_t positive, MetricSet& out) {
  const ClassScores s = class_scores(state, positive);
  out.set("precision", Value::of(s.precision, s.precision_undefined ? kNoPredicted : ""));
  out.set("recall", Value::of(s.recall, s.recall_undefined ? kNoTrue : ""));
  out.set("f1", Value::of(s.f1, s.precision_undefined && s.recall_undefined
                                    ? "no positive rows in the target nor the prediction: 0 by scikit-learn's zero_division"
                                    : ""));
  const ClassScores negative = class_scores(state, positive == 0 ? 1 : 0);
  out.set("specificity",
          Value::of(negative.recall, negative.recall_undefined ? "no negative rows in the target: 0 by zero_division" : ""));
}

void add_averaged_prf(const Confusion& state, MetricSet& out) {
  double p_macro = 0.0, r_macro = 0.0, f_macro = 0.0;
  double p_weighted = 0.0, r_weighted = 0.0, f_weighted = 0.0;
  double tp_sum = 0.0, pred_sum = 0.0, true_sum = 0.0;
  std::size_t labels = 0;
  bool zero_division = false;
  for (std::size_t c = 0; c < state.classes; ++c) {
    if (!state.present(c)) continue;
    const ClassScores s = class_scores(state, c);
    ++labels;
    zero_division = zero_division || s.precision_undefined || s.recall_undefined;
    p_macro += s.precision;
    r_macro += s.recall;
    f_macro += s.f1;
    p_weighted += s.precision * s.support;
    r_weighted += s.recall * s.support;
    f_weighted += s.f1 * s.support;
    tp_sum += state.weight[c * state.classes + c];
    pred_sum += state.predicted_weight(c);
    true_sum += s.support;
  }
  const std::string note = zero_division ? "a class has no predicted or no true rows: its 0 by zero_division is averaged in" : "";
  const double m = static_cast<double>(labels);
  out.set("precision_macro", Value::of(p_macro / m, note));
  out.set("recall_macro", Value::of(r_macro / m, note));
  out.set("f1_macro", Value::of(f_macro / m, note));

  const double p_micro = pred_sum == 0.0 ? 0.0 : tp_sum / pred_sum;
  const double r_micro = true_sum == 0.0 ? 0.0 : tp_sum / true_sum;
  const double f_denom = p_micro + r_micro;
  out.set("precision_micro", Value::of(p_micro));
  out.set("recall_micro", Value::of(r_micro));
  out.set("f1_micro", Value::of(f_denom == 0.0 ? 0.0 : 2.0 * p_micro * r_micro / f_denom));

  if (true_sum == 0.0) {
    const char* why = "the true rows weigh zero";
    out.set("precision_weighted", Value::of(0.0, why));
    out.set("recall_weighted", Value::of(0.0, why));
    out.set("f1_weighted", Value::of(0.0, why));
  } else {
    out.set("precision_weighted", Value::of(p_weighted / true_sum, note));
    out.set("recall_weighted", Value::of(r_weighted / true_sum, note));
    out.set("f1_weighted", Value::of(f_weighted / true_sum, note));
  }
}

}  // namespace assay::metrics
