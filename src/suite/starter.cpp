#include "suite/starter.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "calibration/evaluate.hpp"
#include "core/error.hpp"
#include "fairness/evaluate.hpp"
#include "metrics/evaluate.hpp"

namespace assay::suite {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool named(std::string_view name, std::initializer_list<std::string_view> exact,
           std::initializer_list<std::string_view> suffixes = {}) {
  const std::string n = lower(name);
  for (const auto e : exact) {
    if (n == e) return true;
  }
  for (const auto s : suffixes) {
    if (n.size() > s.size() && n.ends_with(s)) return true;
  }
  return false;
}

std::size_t distinct_values(const core::Column& column, std::size_t cap) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < column.size() && seen.size() <= cap; ++i) {
    if (column.is_valid(i)) seen.insert(column.text(i));
  }
  return seen.size();
}

bool numeric(const core::Column& c) { return c.kind() == core::Kind::float64 || c.kind() == core::Kind::int64; }

double round_to(double value, double step, bool down) {
  const double scaled = value / step;
  return (down ? std::floor(scaled) : std::ceil(scaled)) * step;
}

// A limit with margin: value minus (or plus) the interval's half-width,
// rounded outward to 0.005.
struct Limit {
  double value = 0.0;
  double point = 0.0;
  double half_width = 0.0;
};

std::optional<Limit> metric_limit(const metrics::Evaluation& e, const std::string& name) {
  const auto point = e.result.metrics.get(name);
  if (!point || !std::isfinite(*point)) return std::nullopt;
  double half = 0.0;
  for (const auto& i : e.result.bootstrap.intervals) {
    if (i.metric == name) half = (i.high - i.low) / 2.0;
  }
  const bool lower_better = metrics::lower_is_better(name);
  return Limit{round_to(lower_better ? *point + half : *point - half, 0.005, !lower_better), *point, half};
}

}  // namespace

StarterRoles guess_roles(const core::Table& data) {
  StarterRoles r;
  const auto& columns = data.all();
  for (const auto& c : columns) {
    const std::string& n = c.name();
    if (!r.score && c.kind() == core::Kind::float64 &&
        named(n, {"score", "proba", "probability", "prob", "y_score", "y_proba", "pred_proba", "prediction_proba"},
              {"_score", "_proba", "_prob", "_probability"})) {
      r.score = n;
    } else if (!r.prediction && named(n, {"pred", "prediction", "predicted", "y_pred", "yhat", "y_hat"}, {"_pred", "_prediction"})) {
      r.prediction = n;
    } else if (!r.timestamp && (c.kind() == core::Kind::timestamp ||
                                named(n, {"ts", "timestamp", "date", "time", "datetime"}, {"_at", "_date", "_time"}))) {
      r.timestamp = n;
    } else if (!r.id && (c.kind() == core::Kind::int64 || c.kind() == core::Kind::string) &&
               named(n, {"id", "uuid", "key", "row_id"}, {"_id"})) {
      r.id = n;
    }
  }
  for (const auto& c : columns) {
    if (named(c.name(), {"label", "target", "y", "y_true", "outcome", "truth", "actual", "class"}, {"_label", "_target"})) {
      r.target = c.name();
    }
  }
  if (!r.target) {
    for (const auto& c : columns) {
      if (c.name() == r.prediction || c.name() == r.score || c.name() == r.id || c.name() == r.timestamp) continue;
      if (c.kind() != core::Kind::float64 && distinct_values(c, 2) == 2) r.target = c.name();
    }
  }
  if (!r.target) {
    throw core::Error("cannot guess the target column: name it label or target, or write the suite by hand (docs/suite.md)");
  }
  const core::Column& target = data.column(*r.target);
  const std::size_t classes = distinct_values(target, 50);
  if (target.kind() == core::Kind::float64 && classes > 2) {
    r.task = metrics::Task::regression;
    r.score.reset();
  } else if (classes > 2) {
    r.task = metrics::Task::multiclass;
    r.score.reset();
  }
  for (const auto& c : columns) {
    const std::string& n = c.name();
    if (n == r.target || n == r.prediction || n == r.score || n == r.id || n == r.timestamp) continue;
    const bool few = !numeric(c) && c.kind() != core::Kind::timestamp && distinct_values(c, 20) >= 2 &&
                     distinct_values(c, 20) <= 20;
    if (few && named(n, {"sex", "gender", "race", "ethnicity", "religion", "nationality", "age_group", "disability"})) {
      r.sensitive.push_back(n);
    } else if (few && r.slices.size() < 3) {
      r.slices.push_back(n);
    }
  }
  return r;
}

std::string starter_suite(const core::Table& data, const core::Table* reference, const StarterRoles& r,
                          const StarterFiles& files) {
  const bool binary = r.task == metrics::Task::binary;
  metrics::Spec spec;
  spec.task = r.task;
  spec.target = *r.target;
  spec.prediction = r.prediction;
  spec.score = r.score;
  spec.bootstrap = {.resamples = 200, .level = 0.95, .seed = 0, .metrics = {}};
  std::vector<std::string> wanted;
  if (r.task == metrics::Task::binary) {
    if (r.score) wanted = {"roc_auc", "log_loss"};
    if (r.prediction || r.score) wanted.push_back("f1");
  } else if (r.task == metrics::Task::multiclass) {
    wanted = {"accuracy", "f1_macro"};
  } else {
    wanted = {"mae", "r2"};
  }
  spec.bootstrap.metrics = wanted;
  const metrics::Evaluation evaluation = metrics::evaluate(data, spec);

  std::string out;
  out += fmt::format("# Evaluation suite written by `assay init {}`: a starting point.\n", files.source);
  out += "# Run it with `assay run <this file>`; docs/suite.md describes every key.\n";
  out += "# Limits were set from this data: each metric's value minus the half-width\n";
  out += "# of its 95% bootstrap interval, so the suite passes on this data and\n";
  out += "# fails when the model gets clearly worse. Tighten them to what you need.\n";
  out += fmt::format("task: {}                 # guessed from the target column\n", metrics::task_name(r.task));
  out += "data:\n";
  if (files.reference) out += fmt::format("  reference: {}   # compared with for drift and leakage\n", *files.reference);
  out += fmt::format("  current: {}   # the data evaluated\n", files.current);
  out += "columns:\n";
  out += fmt::format("  target: {}   # the true label\n", *r.target);
  if (r.prediction) out += fmt::format("  prediction: {}   # the predicted label\n", *r.prediction);
  if (r.score && binary) out += fmt::format("  score: {}   # the positive-class probability\n", *r.score);
  if (r.timestamp) out += fmt::format("  timestamp: {}   # time of each row (temporal leakage)\n", *r.timestamp);
  if (r.id) out += fmt::format("  id: {}   # row id: left out of drift, checked for overlap\n", *r.id);
  if (!r.sensitive.empty()) out += fmt::format("  sensitive: [{}]   # groups for fairness\n", fmt::join(r.sensitive, ", "));
  if (!r.slices.empty()) out += fmt::format("  slices: [{}]   # searched for weak slices\n", fmt::join(r.slices, ", "));
  out += "settings: {bootstrap: 200, seed: 0}   # resamples for intervals; a fixed seed for repeatable runs\n";
  out += "checks:\n";
  for (const auto& name : wanted) {
    const auto limit = metric_limit(evaluation, name);
    if (!limit) {
      out += fmt::format("  # {} is undefined on this data, so it has no check\n", name);
      continue;
    }
    const bool lower_better = metrics::lower_is_better(name);
    out += fmt::format("  - {{metric: {}, {}: {}}}   # {:.4g} on this data, interval half-width {:.3g}\n", name,
                       lower_better ? "max" : "min", limit->value, limit->point, limit->half_width);
    if (files.reference && !lower_better) {
      out += fmt::format("  - {{metric: {}, max_drop: 0.05}}   # at most 0.05 below the reference data's {}\n", name, name);
    }
  }
  if (binary && r.score) {
    calibration::Spec cal;
    cal.target = *r.target;
    cal.score = r.score;
    try {
      const auto c = calibration::evaluate(data, cal);
      if (const auto ece = c.analysis.metrics.get("ece")) {
        out += fmt::format("  - {{calibration: ece, max: {}}}   # expected calibration error {:.3g} here, plus 0.02\n",
                           round_to(*ece + 0.02, 0.005, false), *ece);
      }
    } catch (const core::Error&) {
      out += "  # calibration could not be analysed on this data (see assay calibration)\n";
    }
  }
  if (binary && r.prediction && !r.sensitive.empty()) {
    out += "  - {fairness: demographic_parity_ratio, min: 0.8, severity: warn}   # the four-fifths rule, as a warning\n";
  }
  if (reference != nullptr) {
    out += "  - {drift: features, max_share: 0.5}   # fail when more than half of the features drift\n";
    if (r.score && binary) out += "  - {drift: score, severity: warn}   # warn when the score distribution moves\n";
    out += "  - {leakage: contamination}   # rows shared by the reference (training) and current data\n";
  }
  out += "  - {quality: missing, max: 0.05, severity: warn}   # warn when a column is more than 5% missing\n";
  out += "  - {quality: duplicate_rows}   # the quality engine's default limits\n";
  if (r.task != metrics::Task::regression) {
    out += "  - {slices: discover, max_gap: 0.15, min_support: 50, severity: warn}   # warn on a slice much worse than the rest\n";
  }
  out += "outputs: {json: assay-out/report.json, junit: assay-out/junit.xml, markdown: assay-out/summary.md, "
         "html: assay-out/report.html}   # CI reports, and one for people\n";
  return out;
}

}  // namespace assay::suite
