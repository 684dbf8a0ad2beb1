#include "compare/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "compare/model_metrics.hpp"
#include "core/error.hpp"
#include "slices/encode.hpp"
#include "stats/multiple_testing.hpp"

namespace assay::compare {

std::string_view test_name(Test test) {
  switch (test) {
    case Test::delong: return "delong";
    case Test::mcnemar: return "mcnemar";
    case Test::paired_bootstrap: break;
  }
  return "paired_bootstrap";
}

Test test_for(metrics::Task task, std::string_view metric) {
  if (metric == "roc_auc" && task == metrics::Task::binary) return Test::delong;
  if (metric == "accuracy" && task != metrics::Task::regression) return Test::mcnemar;
  return Test::paired_bootstrap;
}

namespace {

// Discordant rows of the two models' correctness on `subset`.
McNemarResult correctness_test(const Bound& bound, double threshold, std::span<const std::uint32_t> subset) {
  std::uint64_t b = 0, c = 0;
  for (const std::uint32_t j : subset) {
    bool first = false, second = false;
    if (bound.task == metrics::Task::binary) {
      const bool truth = bound.truth_bits[j] != 0;
      first = (bound.champion_score[j] >= threshold) == truth;
      second = (bound.challenger_score[j] >= threshold) == truth;
    } else {
      first = bound.champion_codes[j] == bound.truth_codes[j];
      second = bound.challenger_codes[j] == bound.truth_codes[j];
    }
    b += first && !second ? 1 : 0;
    c += !first && second ? 1 : 0;
  }
  return mcnemar(b, c);
}

template <class T>
std::vector<T> compare_take(const std::vector<T>& values, std::span<const std::uint32_t> subset) {
  std::vector<T> out;
  out.reserve(subset.size());
  for (const std::uint32_t j : subset) out.push_back(values[j]);
  return out;
}

metrics::Value value_of(const metrics::Result& result, const std::string& metric) {
  const metrics::Value* v = result.metrics.find(metric);
  return v ? *v : metrics::Value::undefined("not computed for this task");
}

const std::vector<double>* resampled(const metrics::Result& result, const std::string& metric) {
  for (const auto& interval : result.bootstrap.intervals) {
    if (interval.metric == metric) return &interval.values;
  }
  return nullptr;
}

void run_test(const Bound& bound, const Spec& spec, std::span<const std::uint32_t> subset, Delta& out) {
  switch (out.test) {
    case Test::delong: {
      const auto truth = compare_take(bound.truth_bits, subset);
      const auto one = compare_take(bound.champion_score, subset);
      const auto two = compare_take(bound.challenger_score, subset);
      out.delong = delong(truth, one, two);
      if (out.delong->defined) {
        out.statistic = out.delong->z;
        out.p_value = out.delong->p_value;
      } else {
        out.reason = out.delong->reason;
      }
      return;
    }
    case Test::mcnemar:
      out.mcnemar = correctness_test(bound, spec.threshold, subset);
      out.statistic = out.mcnemar->statistic;
      out.p_value = out.mcnemar->p_value;
      return;
    case Test::paired_bootstrap:
      if (out.interval.defined) {
        out.p_value = out.interval.p_value;
      } else {
        out.reason = "paired bootstrap: " + out.interval.reason;
      }
      return;
  }
}

}  // namespace

Delta compare_rows(const Bound& bound, const Spec& spec, const std::string& metric,
                   std::span<const std::uint32_t> subset) {
  Delta out;
  out.size = subset.size();
  out.test = test_for(bound.task, metric);
  if (subset.empty()) {
    out.champion = out.challenger = metrics::Value::undefined("no rows");
    out.reason = "no rows to compare";
    out.interval.reason = "no rows";
    return out;
  }
  metrics::BootstrapOptions bootstrap = spec.bootstrap;
  bootstrap.paired = true;
  bootstrap.metrics = {metric};
  const metrics::Result one = evaluate_side(bound, Side::champion, spec.threshold, subset, bootstrap);
  const metrics::Result two = evaluate_side(bound, Side::challenger, spec.threshold, subset, bootstrap);
  out.champion = value_of(one, metric);
  out.challenger = value_of(two, metric);
  if (bootstrap.resamples > 0) {
    const std::vector<double>* a = resampled(one, metric);
    const std::vector<double>* b = resampled(two, metric);
    if (a && b) {
      out.interval = difference_interval(*a, *b, bootstrap.level);
    } else {
      out.interval.level = bootstrap.level;
      out.interval.reason = "the metric is undefined in every resample of one of the models";
    }
  } else {
    out.interval.level = bootstrap.level;
    out.interval.reason = "no bootstrap resamples (--resamples 0)";
  }
  if (!out.champion.value || !out.challenger.value) {
    out.reason = !out.champion.value ? "champion: " + out.champion.reason : "challenger: " + out.challenger.reason;
    return out;
  }
  out.delta = *out.challenger.value - *out.champion.value;
  out.gain = higher_is_better(metric) ? *out.delta : -*out.delta;
  run_test(bound, spec, subset, out);
  return out;
}

Comparison compare(const core::Table& table, const Spec& spec) {
  const std::string metric = spec.metric.value_or(default_metric(spec.task));
  const std::vector<std::string> known = comparable_metrics(spec.task);
  if (std::find(known.begin(), known.end(), metric) == known.end()) {
    throw core::Error(core::Location{.path = "--metric"},
                      fmt::format("no {} metric '{}' to compare (expected one of {})", metrics::task_name(spec.task),
                                  metric, fmt::join(known, ", ")));
  }
  if (!(spec.bootstrap.level > 0.0 && spec.bootstrap.level < 1.0)) {
    throw core::Error(core::Location{.path = "--ci"}, fmt::format("expected a level in (0, 1), got {}", spec.bootstrap.level));
  }
  constexpr std::size_t kMaxResamples = 100'000;
  if (spec.bootstrap.resamples > kMaxResamples) {
    throw core::Error(core::Location{.path = "--resamples"},
                      fmt::format("at most {} resamples, got {}", kMaxResamples, spec.bootstrap.resamples));
  }
  if (!std::isfinite(spec.threshold)) {
    throw core::Error(core::Location{.path = "--threshold"}, fmt::format("expected a finite number, got {}", spec.threshold));
  }
  if (spec.bins < 2) throw core::Error(core::Location{.path = "--bins"}, fmt::format("expected at least 2, got {}", spec.bins));
  if (spec.by && (*spec.by == spec.target || *spec.by == spec.champion || *spec.by == spec.challenger)) {
    throw core::Error(core::Location{.path = "--by"}, fmt::format("'{}' is a model column; slice by a feature", *spec.by));
  }
  const Bound bound = bind(table, spec);
  Comparison out;
  out.task = spec.task;
  out.metric = metric;
  out.higher_is_better = higher_is_better(metric);
  out.champion = spec.champion;
  out.challenger = spec.challenger;
  out.rows = bound.size();
  out.dropped_rows = bound.dropped;
  if (spec.task == metrics::Task::binary && bound.size() > 0) {
    out.positive = bound.positive_label;
    out.negative = bound.negative_label;
  }
  out.classes = bound.classes;
  if (bound.dropped > 0) {
    out.notes.push_back(fmt::format("dropped {} of {} rows with a null in {}, {} or {}", bound.dropped, table.rows(),
                                    spec.target, spec.champion, spec.challenger));
  }
  std::vector<std::uint32_t> all(bound.size());
  std::iota(all.begin(), all.end(), 0U);
  out.overall = compare_rows(bound, spec, metric, all);
  if (!spec.by) return out;

  out.by = spec.by;
  const slices::Encoding encoding = slices::encode_column(table.column(*spec.by), bound.rows, spec.bins, spec.max_levels);
  if (!encoding.column) {
    throw core::Error(core::Location{.path = "--by"}, fmt::format("cannot slice by '{}': {}", *spec.by, encoding.skipped_because));
  }
  const slices::EncodedColumn& encoded = *encoding.column;
  out.binned = encoded.binned;
  std::vector<std::vector<std::uint32_t>> members(encoded.levels.size());
  for (std::size_t j = 0; j < encoded.codes.size(); ++j) members[encoded.codes[j]].push_back(static_cast<std::uint32_t>(j));
  std::vector<double> p_values;
  std::vector<std::size_t> tested;
  for (std::size_t level = 0; level < encoded.levels.size(); ++level) {
    if (members[level].empty()) continue;
    const slices::Level& l = encoded.levels[level];
    SliceDelta slice{.level = l.label, .low = l.low, .high = l.high, .null = l.null,
                     .delta = compare_rows(bound, spec, metric, members[level]), .p_adjusted = std::nullopt};
    if (slice.delta.p_value) {
      p_values.push_back(*slice.delta.p_value);
      tested.push_back(out.slices.size());
    }
    out.slices.push_back(std::move(slice));
  }
  const std::vector<double> adjusted = stats::benjamini_hochberg_adjust(p_values);
  for (std::size_t k = 0; k < tested.size(); ++k) out.slices[tested[k]].p_adjusted = adjusted[k];
  return out;
}

}  // namespace assay::compare
