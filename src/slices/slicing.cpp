#include "slices/slicing.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/error.hpp"
#include "metrics/result.hpp"
#include "slices/encode.hpp"
#include "slices/lattice.hpp"
#include "slices/model_rows.hpp"
#include "stats/multiple_testing.hpp"
#include "stats/welch.hpp"

namespace assay::slices {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void validate(const Spec& spec) {
  auto bad = [](const char* flag, std::string what) { throw core::Error(core::Location{.path = flag}, std::move(what)); };
  if (spec.bins < 2) bad("--bins", fmt::format("expected at least 2 bins, got {}", spec.bins));
  if (spec.depth < 1 || spec.depth > kMaxDepth) bad("--depth", fmt::format("expected 1 to {}, got {}", kMaxDepth, spec.depth));
  if (!(spec.alpha > 0.0 && spec.alpha <= 1.0)) bad("--alpha", fmt::format("expected a value in (0, 1], got {}", spec.alpha));
  if (spec.min_support < 2) bad("--min-support", fmt::format("expected at least 2 rows, got {}", spec.min_support));
  if (spec.top < 1) bad("--top", "expected at least 1");
  if (!(spec.bootstrap.level > 0.0 && spec.bootstrap.level < 1.0)) {
    bad("--ci", fmt::format("expected a level in (0, 1), got {}", spec.bootstrap.level));
  }
  if (!(spec.significance > 0.0 && spec.significance < 1.0)) {
    bad("--significance", fmt::format("expected a level in (0, 1), got {}", spec.significance));
  }
}

bool is_model_column(const Spec& spec, const std::string& name) {
  const auto names = model_columns(spec);
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The columns to slice by, encoded; discovery records the ones it skips.
std::vector<EncodedColumn> encode_columns(const core::Table& table, const Spec& spec, const ModelRows& model,
                                          SliceReport& report) {
  std::vector<const core::Column*> chosen;
  if (!spec.by.empty()) {
    for (const auto& name : spec.by) {
      const core::Column& column = table.column(name);
      if (is_model_column(spec, name)) {
        throw core::Error(core::Location{.path = "--by"}, fmt::format("'{}' is a model column (target, prediction or score)", name));
      }
      if (std::find(chosen.begin(), chosen.end(), &column) != chosen.end()) {
        throw core::Error(core::Location{.path = "--by"}, fmt::format("column '{}' is named twice", name));
      }
      chosen.push_back(&column);
    }
  } else {
    for (const auto& name : spec.exclude) (void)table.column(name);  // unknown names are errors
    for (const auto& column : table.all()) {
      if (is_model_column(spec, column.name())) continue;
      if (std::find(spec.exclude.begin(), spec.exclude.end(), column.name()) != spec.exclude.end()) {
        report.skipped.push_back({column.name(), "excluded"});
        continue;
      }
      chosen.push_back(&column);
    }
  }
  const std::size_t max_levels = spec.by.empty() ? spec.max_levels : kMaxCodes - 1;
  std::vector<Encoding> encodings(chosen.size());
  tbb::parallel_for(std::size_t{0}, chosen.size(), [&](std::size_t i) {
    encodings[i] = encode_column(*chosen[i], model.rows, spec.bins, max_levels);
  });
  std::vector<EncodedColumn> out;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    Encoding& e = encodings[i];
    if (!e.column) {
      if (!spec.by.empty()) {
        throw core::Error(core::Location{.path = "--by"},
                          fmt::format("column '{}' cannot be sliced: it {}", chosen[i]->name(), e.skipped_because));
      }
      report.skipped.push_back({chosen[i]->name(), e.skipped_because});
      continue;
    }
    if (spec.by.empty() && e.column->levels.size() < 2) {
      report.skipped.push_back({chosen[i]->name(), "has a single value"});
      continue;
    }
    out.push_back(std::move(*e.column));
  }
  if (out.empty()) {
    std::vector<std::string> why;
    for (const auto& s : report.skipped) why.push_back(fmt::format("'{}' {}", s.name, s.reason));
    throw core::Error(why.empty() ? std::string("no columns to slice by: the data holds only the model's columns")
                                  : fmt::format("no columns to slice by ({})", fmt::join(why, "; ")));
  }
  return out;
}

std::vector<std::uint32_t> rows_of(std::span<const EncodedColumn> columns, const std::vector<Predicate>& predicates,
                                   std::size_t rows) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < rows; ++i) {
    bool match = true;
    for (const Predicate& p : predicates) match = match && columns[p.column].codes[i] == p.level;
    if (match) out.push_back(static_cast<std::uint32_t>(i));
  }
  return out;
}

struct Totals {
  double rows = 0.0;
  double mean = 0.0;
  double deviation_sum = 0.0;
  double deviation_squares = 0.0;
};

Totals totals_of(std::span<const double> error) {
  Totals t;
  t.rows = static_cast<double>(error.size());
  t.mean = std::accumulate(error.begin(), error.end(), 0.0) / t.rows;
  for (const double e : error) {
    t.deviation_sum += e - t.mean;
    t.deviation_squares += (e - t.mean) * (e - t.mean);
  }
  return t;
}

stats::SampleSummary summary(double count, double deviation_sum, double deviation_squares, double mean) {
  if (count < 1.0) return {count, kNaN, kNaN};
  const double m = deviation_sum / count;
  const double variance = count > 1.0 ? std::max(0.0, deviation_squares - deviation_sum * m) / (count - 1.0) : kNaN;
  return {count, mean + m, variance};
}

// The rows, means and test of one examined slice (the metric comes later,
// only for the slices reported).
SliceRow row_of(const Slice& slice, std::span<const EncodedColumn> columns, const Totals& totals) {
  SliceRow row;
  for (const Predicate& p : slice.predicates) {
    const EncodedColumn& c = columns[p.column];
    const Level& level = c.levels[p.level];
    row.predicates.push_back({c.name, level.label, level.low, level.high, level.null});
  }
  const SliceStats& s = slice.stats;
  row.size = static_cast<std::size_t>(s.count);
  const stats::SampleSummary in = summary(s.count, s.deviation_sum, s.deviation_squares, totals.mean);
  const stats::SampleSummary rest = summary(totals.rows - s.count, totals.deviation_sum - s.deviation_sum,
                                            totals.deviation_squares - s.deviation_squares, totals.mean);
  row.error = in.mean;
  row.error_rest = rest.mean;
  const stats::WelchResult test = stats::welch_t_test(in, rest);
  row.t = test.t;
  row.df = test.df;
  if (std::isfinite(test.p_value)) {
    row.p_value = test.p_value;
  } else if (in.count < 2.0 || rest.count < 2.0) {
    row.test_note = "fewer than two rows in the slice or in the rest";
  } else {
    row.test_note = "the errors are constant in both the slice and the rest";
  }
  return row;
}

// A conjunction restates a parent when it holds the same rows, when its
// error is not above the worse parent's by the minimum lift, or when it is
// not significantly worse than the parent's other rows (Welch, unadjusted:
// what is left is noise around the parent's own error).
bool restates_parent(const Slice& slice, const std::vector<Slice>& all, const Totals& totals, const Spec& spec) {
  const SliceStats& s = slice.stats;
  const double error = totals.mean + s.deviation_sum / s.count;
  for (const std::uint32_t p : slice.parents) {
    const SliceStats& parent = all[p].stats;
    if (parent.count == s.count) return true;
    const double parent_error = totals.mean + parent.deviation_sum / parent.count;
    if (error <= parent_error * (1.0 + spec.min_lift)) return true;
    const stats::WelchResult test = stats::welch_t_test(
        summary(s.count, s.deviation_sum, s.deviation_squares, totals.mean),
        summary(parent.count - s.count, parent.deviation_sum - s.deviation_sum,
                parent.deviation_squares - s.deviation_squares, totals.mean));
    if (!(test.t > 0.0 && test.p_value < spec.significance)) return true;
  }
  return false;
}

}  // namespace

SliceReport run_slices(const core::Table& table, const Spec& spec) {
  validate(spec);
  SliceReport report;
  report.discovery = spec.by.empty();
  const ModelRows model = bind_model(table, spec);
  report.rows = model.size();
  report.dropped_rows = model.dropped;
  report.error_name = spec.task == metrics::Task::regression ? "absolute_error" : "misclassification";
  if (spec.task == metrics::Task::binary) {
    report.positive = model.positive_label;
    report.negative = model.negative_label;
  }
  report.metric = spec.metric.value_or(default_metric(spec.task));
  // Without score columns the engine reports score-based metrics as
  // undefined: every slice would show "-" and the run would say nothing.
  if (model.score.empty() && metrics::needs_scores(spec.task, report.metric)) {
    throw core::Error(core::Location{.path = "--metric"},
                      spec.task == metrics::Task::binary
                          ? fmt::format("{} needs --score", report.metric)
                          : fmt::format("{} needs a score column per class, which slices do not take", report.metric));
  }
  std::vector<std::string> available = available_metrics(model, spec);
  if (model.score.empty()) {
    std::erase_if(available, [&](const std::string& name) { return metrics::needs_scores(spec.task, name); });
  }
  if (std::find(available.begin(), available.end(), report.metric) == available.end()) {
    throw core::Error(core::Location{.path = "--metric"},
                      fmt::format("no {} metric '{}' with these columns (expected one of {})",
                                  metrics::task_name(spec.task), report.metric, fmt::join(available, ", ")));
  }

  const std::vector<EncodedColumn> columns = encode_columns(table, spec, model, report);
  for (const auto& c : columns) {
    ColumnUse use{c.name, c.kind, c.binned, {}};
    for (const auto& l : c.levels) use.levels.push_back(l.label);
    report.columns.push_back(std::move(use));
  }

  std::vector<std::uint32_t> everyone(model.size());
  std::iota(everyone.begin(), everyone.end(), std::uint32_t{0});
  report.overall = slice_metric(model, spec, report.metric, everyone);
  const Totals totals = totals_of(model.error);
  report.overall_error = totals.mean;

  if (report.discovery && !(totals.mean > 0.0)) {
    report.notes.push_back("the model makes no errors on these rows, so no slice can be worse than the rest");
    return report;
  }

  LatticeOptions lattice{.depth = spec.depth,
                         .search = report.discovery,
                         .min_support = static_cast<double>(spec.min_support),
                         .score = {.rows = totals.rows, .mean_error = totals.mean, .alpha = spec.alpha}};
  const std::vector<Slice> slices = count_slices(columns, {.error = model.error, .mean = totals.mean}, lattice);
  report.examined = slices.size();

  std::vector<SliceRow> rows(slices.size());
  tbb::parallel_for(std::size_t{0}, slices.size(), [&](std::size_t i) {
    rows[i] = row_of(slices[i], columns, totals);
    if (report.discovery) rows[i].score = sliceline_score(lattice.score, slices[i].stats.count, slices[i].stats.count * rows[i].error);
  });

  std::vector<double> p;
  std::vector<std::size_t> tested;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].p_value) {
      p.push_back(*rows[i].p_value);
      tested.push_back(i);
    }
  }
  const std::vector<double> adjusted = stats::benjamini_hochberg_adjust(p);
  for (std::size_t j = 0; j < tested.size(); ++j) {
    SliceRow& row = rows[tested[j]];
    row.p_adjusted = adjusted[j];
    row.significant = adjusted[j] < spec.significance && row.error > row.error_rest;
  }

  std::vector<std::size_t> chosen;
  if (report.discovery) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!(*rows[i].score > 0.0)) continue;
      if (slices[i].predicates.size() > 1 && restates_parent(slices[i], slices, totals, spec)) continue;
      chosen.push_back(i);
    }
    report.candidates = chosen.size();
    std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
      if (*rows[a].score != *rows[b].score) return *rows[a].score > *rows[b].score;
      return rows[a].size > rows[b].size;
    });
    if (chosen.size() > spec.top) chosen.resize(spec.top);
  } else {
    chosen.resize(rows.size());
    std::iota(chosen.begin(), chosen.end(), std::size_t{0});
  }

  tbb::parallel_for(std::size_t{0}, chosen.size(), [&](std::size_t j) {
    const std::size_t i = chosen[j];
    const std::vector<std::uint32_t> subset = rows_of(columns, slices[i].predicates, model.size());
    rows[i].metric = slice_metric(model, spec, report.metric, subset);
  });
  for (const std::size_t i : chosen) report.slices.push_back(std::move(rows[i]));
  if (report.discovery && report.slices.empty()) {
    report.notes.push_back(fmt::format("no slice of at least {} rows scores above zero (alpha {})", spec.min_support, spec.alpha));
  }
  return report;
}

}  // namespace assay::slices
